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
  let buffer = new Uint8Array(size);
  let length = 0;

  function flush(): void {
    if (length === 0) return;
    const out = buffer.subarray(0, length);
    length = 0;
    emit(out);
  }

  function reserve(needed: number): void {
    if (length + needed <= buffer.length) return;
    flush();
    if (needed > buffer.length) buffer = new Uint8Array(needed);
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
    const target = buffer;
    const position = length;
    target.set(bytes.subarray(start, end), position);
    target.set(tail, position + count);
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

  return { writeRange, writeRanges, writeText, flush };
}
