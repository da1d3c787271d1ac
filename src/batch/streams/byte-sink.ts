/** Collects output bytes in large buffers and hands each full buffer on. */
export interface ByteSink {
  /** Appends `bytes[start, end)`. */
  readonly writeRange: (bytes: Uint8Array, start: number, end: number) => void;
  /** Appends `bytes[start, end)` followed by all of `tail` (a row and its score cells). */
  readonly writeRanges: (bytes: Uint8Array, start: number, end: number, tail: Uint8Array) => void;
  /** Appends text as UTF-8. */
  readonly writeText: (text: string) => void;
  /** Hands on what has been collected so far. */
  readonly flush: () => void;
  /**
   * A buffer of at least `size` bytes for a reader's input, in the same memory as the output:
   * rows read from it are copied to the output without allocating a view per row. Its contents
   * are the caller's; a larger size gives a new buffer (copy what is still needed).
   */
  readonly inputBuffer: (size: number) => Uint8Array;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Creates a sink that calls `emit` with buffers of about `size` bytes (default 1 MiB). The sink
 * reuses its buffer, so memory stays flat however much is written: the bytes handed to `emit`
 * are valid until it returns; copy them (`bytes.slice()`) to keep them longer.
 *
 * Internal to the batch layer: the writers write into it.
 */
export function createByteSink(emit: (bytes: Uint8Array) => void, size = 1 << 20): ByteSink {
  // One allocation holds the output (at its start) and a reader's input (after it), so that a row
  // is copied with copyWithin: a subarray per row to copy from costs more than the copy itself.
  // Allocated when first needed: a reader that asks for an input buffer first gets one arena.
  let arena = new Uint8Array(0);
  let buffer = arena;
  let length = 0;
  /** Whether the output buffer is the start of the arena (not replaced by a larger one for a long row). */
  let shared = true;
  /** The bytes last written from by writeRanges, and their offset in the arena (-1: elsewhere). */
  let lastBytes: Uint8Array | null = null;
  let lastOffset = -1;

  function flush(): void {
    if (length === 0) return;
    const out = buffer.subarray(0, length);
    length = 0;
    emit(out);
  }

  function reserve(needed: number): void {
    if (length + needed <= buffer.length) return;
    if (shared && buffer.length === 0) {
      arena = buffer = new Uint8Array(size);
      lastBytes = null;
      if (needed <= size) return;
    }
    flush();
    if (needed > buffer.length) {
      buffer = new Uint8Array(needed);
      shared = false;
      lastBytes = null;
    }
  }

  function inputBuffer(inputSize: number): Uint8Array {
    // Once the output outgrew the arena (a row longer than it), the input gets memory of its own.
    if (!shared) return new Uint8Array(inputSize);
    const grown = new Uint8Array(size + inputSize);
    grown.set(buffer.subarray(0, length));
    arena = grown;
    buffer = grown.subarray(0, size);
    lastBytes = null;
    return grown.subarray(size);
  }

  function writeRange(bytes: Uint8Array, start: number, end: number): void {
    const count = end - start;
    reserve(count);
    if (count < 64) {
      for (let index = start; index < end; index++) buffer[length++] = bytes[index] as number;
    } else {
      buffer.set(bytes.subarray(start, end), length);
      length += count;
    }
  }

  function writeRanges(bytes: Uint8Array, start: number, end: number, tail: Uint8Array): void {
    const count = end - start;
    const tailLength = tail.length;
    if (length + count + tailLength > buffer.length) reserve(count + tailLength);
    const position = length;
    if (bytes !== lastBytes) {
      // Rows come from the same bytes many times in turn: their place is looked up once.
      lastBytes = bytes;
      lastOffset = shared && bytes.buffer === arena.buffer ? bytes.byteOffset : -1;
    }
    if (lastOffset !== -1) {
      // The row is in the arena's input region, after the output region that starts it.
      arena.copyWithin(position, lastOffset + start, lastOffset + end);
    } else {
      buffer.set(bytes.subarray(start, end), position);
    }
    buffer.set(tail, position + count);
    length = position + count + tailLength;
  }

  function writeText(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    reserve(text.length * 3);
    let ascii = true;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) {
        ascii = false;
        break;
      }
      buffer[length + index] = code;
    }
    if (ascii) length += text.length;
    else length += encoder.encodeInto(text, buffer.subarray(length)).written;
  }

  return { writeRange, writeRanges, writeText, flush, inputBuffer };
}
