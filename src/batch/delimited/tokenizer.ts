import { DEFAULT_MAX_RECORD_BYTES } from '../streams/batch-options.js';
import type { RecordView } from '../streams/rows.js';
import { formulaStart } from './cells.js';
import { fieldText, pointOfField } from './fields.js';

export type { RecordView } from '../streams/rows.js';
export { fieldText } from './fields.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

// States of the search for the end of a record that spans chunks.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

/** Options of {@link createDelimitedTokenizer}. */
export interface TokenizerOptions {
  /** The field delimiter: `,` (CSV, default), `\t` (TSV), `;`; or `null` for none: each line is one field (NDJSON). */
  readonly delimiter?: string | null;
  /** Whether `"` quotes fields (RFC 4180). Default: `true` for CSV, `false` for TSV. */
  readonly quotes?: boolean;
  /** The longest record read, in bytes (default 1 MiB); see {@link createDelimitedTokenizer}. */
  readonly maxRecordBytes?: number;
  /** Allocates the buffer that holds input between chunks (a byte sink's `inputBuffer`, so that rows are copied out without a view each). */
  readonly allocate?: ((size: number) => Uint8Array) | undefined;
}

/** A streaming tokenizer: push byte chunks, receive each record once complete. */
export interface DelimitedTokenizer {
  /** Tokenizes a chunk; calls `onRecord` for each complete record in it. */
  readonly push: (chunk: Uint8Array) => void;
  /** Ends the input: the last record (without a final newline, or with an unterminated quote) is handed out. */
  readonly end: () => void;
  /** Bytes examined so far, rescans included: stays within a small factor of the input's length. */
  readonly bytesScanned: number;
}

/**
 * Creates a byte-level tokenizer for CSV (RFC 4180) and TSV. It strips a UTF-8 byte order mark,
 * accepts LF, CRLF and CR line ends, skips blank lines, allows quoted fields with delimiters,
 * doubled quotes and line breaks, and reports malformed records instead of failing. Fields are
 * offsets into the bytes, so nothing is decoded that is not asked for.
 *
 * Scanning is linear: a record that spans chunks is searched for its end from where the last
 * chunk stopped, and read once when complete. A record is at most `maxRecordBytes` long; a longer
 * one (a stray quote that never closes, a runaway line) is handed out as malformed on the line it
 * starts, and reading resumes after its first line break, so the rows after it are read and memory
 * stays bounded. A malformed record that spans lines (an unterminated quote, text after a closing
 * quote) likewise ends at its first line break. A record longer than the limit without any line
 * break is handed out without fields.
 *
 * @example
 * ```ts
 * import { createDelimitedTokenizer, fieldText } from 'loneliness-scales/batch/internal';
 * const rows: string[][] = [];
 * const tokenizer = createDelimitedTokenizer((record) => {
 *   rows.push(Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field)));
 * });
 * tokenizer.push(new TextEncoder().encode('a,"b,c"\r\n1,"say ""hi"""\n'));
 * tokenizer.end();
 * rows; // [['a', 'b,c'], ['1', 'say "hi"']]
 * ```
 */
export function createDelimitedTokenizer(onRecord: (record: RecordView) => void, options: TokenizerOptions = {}): DelimitedTokenizer {
  const delimiterText = options.delimiter === undefined ? ',' : options.delimiter;
  if (delimiterText !== null && (delimiterText.length !== 1 || delimiterText.charCodeAt(0) > 0x7f || delimiterText === '"' || delimiterText === '\n' || delimiterText === '\r')) {
    throw new RangeError(`The delimiter must be one ASCII character other than a quote or line break, not ${JSON.stringify(delimiterText)}.`);
  }
  // Without a delimiter (0x100 matches no byte, and is not the -1 that marks the end of the bytes), each line is one field.
  const delimiter = delimiterText === null ? 0x100 : delimiterText.charCodeAt(0);
  const quotes = options.quotes ?? (delimiterText !== '\t' && delimiterText !== null);
  const highestStop = delimiterText === null ? CR : Math.max(delimiter, CR);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const { allocate } = options;
  const view: RecordView = {
    kind: 'delimited',
    delimiter,
    bytes: new Uint8Array(0),
    start: 0,
    end: 0,
    fieldCount: 0,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    quoting: new Uint8Array(64),
    anyQuoted: false,
    formulaCandidate: false,
    line: 1,
    problem: null,
    invalidText: false,
    pointOf: (compiled, item, column) => pointOfField(compiled, item, view, column),
    textOf: (column) => (column < view.fieldCount ? fieldText(view, column) : ''),
  };
  let line = 1;
  let first = true;
  /** Whether `view.quoting` may hold a flag other than 0 (set by the full reader, cleared by `plainRecord`). */
  let quotingSet = false;
  let scanned = 0;
  /** Discarding the rest of a record too long to read, up to its line break. */
  let skipping = false;
  /** A CR ended the last chunk while skipping: an LF starting the next one belongs to it. */
  let dropLf = false;

  function grow(): void {
    const size = view.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(view.starts);
    const ends = new Int32Array(size);
    ends.set(view.ends);
    const quoting = new Uint8Array(size);
    quoting.set(view.quoting);
    view.starts = starts;
    view.ends = ends;
    view.quoting = quoting;
  }

  function handOut(start: number, end: number, fields: number, recordLine: number, problem: string | null, anyQuoted: boolean, formulaCandidate: boolean): void {
    view.start = start;
    view.end = end;
    view.fieldCount = fields;
    view.anyQuoted = anyQuoted;
    view.formulaCandidate = formulaCandidate;
    view.line = recordLine;
    view.problem = problem;
    view.invalidText = false;
    onRecord(view);
  }

  /** The offset after the line break at `at` (CRLF counts as one); a CR ending the bytes may have its LF in the next chunk. */
  function afterBreak(bytes: Uint8Array, at: number, final: boolean): number {
    if (bytes[at] !== CR) return at + 1;
    if (at + 1 < bytes.length) return bytes[at + 1] === LF ? at + 2 : at + 1;
    if (!final) dropLf = true;
    return at + 1;
  }

  const tooLong = (recordLine: number) => `record longer than ${maxRecordBytes} bytes (maxRecordBytes) starting on line ${recordLine}`;

  /**
   * The commonest record, read in one tight loop: a line within the bytes that ends in LF, without
   * quotes or CR, with fewer fields than the offsets hold, not longer than `maxRecordBytes`. Hands
   * it out and returns the offset after its LF; or returns -1, and `scan` reads the record.
   */
  function plainRecord(bytes: Uint8Array, recordStart: number, length: number): number {
    const { starts, ends, quoting } = view;
    const last = starts.length - 1;
    // Locals, not the closure's variables: the inner loop then keeps everything in registers.
    const stop = highestStop;
    const separator = delimiter;
    let fields = 0;
    let fieldStart = recordStart;
    let formula = 0;
    let position = recordStart;
    // Plain fields are unquoted: the flags are cleared once after a record that had quoted fields, not stored per field.
    if (quotingSet) {
      quoting.fill(0);
      quotingSet = false;
    }
    while (position < length) {
      let byte = bytes[position] as number;
      // Most bytes (digits, letters) lie above every stop byte: one comparison each, in a loop
      // of its own that does nothing else.
      while (byte > stop) {
        if (++position === length) return -1;
        byte = bytes[position] as number;
      }
      if (byte === separator) {
        if (fields === last) return -1;
        starts[fields] = fieldStart;
        ends[fields] = position;
        formula |= formulaStart[bytes[fieldStart] as number] as number;
        fields++;
        fieldStart = ++position;
      } else if (byte === LF) {
        // A blank line is no record; a line too long is cut by `scan`.
        if (position === recordStart || position - recordStart > maxRecordBytes) return -1;
        starts[fields] = fieldStart;
        ends[fields] = position;
        formula |= formulaStart[bytes[fieldStart] as number] as number;
        handOut(recordStart, position, fields + 1, line, null, false, formula === 1);
        return position + 1;
      } else if (byte === CR || (quotes && byte === QUOTE)) {
        return -1;
      } else {
        position++;
      }
    }
    return -1;
  }

  /**
   * Scans records from `bytes`; returns the offset of the first byte not consumed (the start of an
   * incomplete last record), or `bytes.length`. With `final`, the last record is consumed too.
   */
  function scan(bytes: Uint8Array, final: boolean): number {
    const length = bytes.length;
    scanned += length;
    let position = 0;
    view.bytes = bytes;
    // The field offsets, held locally (a property load per field costs more than the store).
    let { starts, ends, quoting } = view;
    let capacity = starts.length;
    while (position < length) {
      const plainEnd = plainRecord(bytes, position, length);
      if (plainEnd !== -1) {
        line++;
        position = plainEnd;
        continue;
      }
      const recordStart = position;
      const recordLine = line;
      let fields = 0;
      let anyQuoted = false;
      let formulaCandidate = false;
      let problem: string | null = null;
      let newlines = 0;
      let recordEnd = position;
      let complete = true;
      /** The record ends in a CR that ends the bytes: complete, unless an LF follows in the next chunk. */
      let crPending = false;
      // The record's first line break (always inside a quoted field): where a malformed or
      // oversized record is cut, so that the lines after it are read as records again.
      let cutAt = -1;
      let cutField = 0;
      let cutStart = 0;
      let cutFlags = 1;
      // One field per iteration.
      for (;;) {
        if (fields === capacity) {
          grow();
          ({ starts, ends, quoting } = view);
          capacity = starts.length;
        }
        let byte = position < length ? (bytes[position] as number) : -1;
        if (quotes && byte === QUOTE) {
          // Quoted field: up to the closing quote; "" is a quote; line breaks belong to the field.
          const contentStart = position + 1;
          if (contentStart < length && formulaStart[bytes[contentStart] as number] === 1) formulaCandidate = true;
          let cursor = contentStart;
          let flags = 1;
          let closed = -1;
          while (cursor < length) {
            const next = bytes[cursor] as number;
            if (next === QUOTE) {
              if (cursor + 1 < length && bytes[cursor + 1] === QUOTE) {
                flags = 3;
                cursor += 2;
                continue;
              }
              if (cursor + 1 >= length && !final) break;
              closed = cursor;
              break;
            }
            if (next === LF || next === CR) {
              if (cutAt === -1) {
                cutAt = cursor;
                cutField = fields;
                cutStart = contentStart;
                cutFlags = flags;
              }
              if (next === LF) newlines++;
            }
            cursor++;
          }
          anyQuoted = true;
          quotingSet = true;
          if (closed === -1) {
            if (!final) {
              complete = false;
              break;
            }
            // Unterminated quote at the end of the input: the rest of the input is this field.
            problem = `unterminated quoted field (record starting on line ${recordLine})`;
            starts[fields] = contentStart;
            ends[fields] = length;
            quoting[fields] = flags;
            fields++;
            position = recordEnd = length;
            break;
          }
          starts[fields] = contentStart;
          ends[fields] = closed;
          quoting[fields] = flags;
          position = closed + 1;
          // Text between the closing quote and the delimiter (`"ab"c`) is not RFC 4180: the field
          // keeps it (nothing is lost) and the record is reported as malformed.
          while (position < length) {
            byte = bytes[position] as number;
            if (byte === delimiter || byte === LF || byte === CR) break;
            position++;
          }
          if (position > closed + 1) {
            if (position >= length && !final) {
              complete = false;
              break;
            }
            ends[fields] = position;
            problem ??= `text after a closing quote (record starting on line ${recordLine})`;
          }
          byte = position < length ? (bytes[position] as number) : -1;
        } else {
          const fieldStart = position;
          if (byte !== -1 && formulaStart[byte] === 1) formulaCandidate = true;
          while (position < length) {
            byte = bytes[position] as number;
            // Most bytes (digits, letters) lie above every stop byte: one comparison each.
            if (byte > highestStop || (byte !== delimiter && byte !== LF && byte !== CR)) {
              position++;
              continue;
            }
            break;
          }
          if (position >= length) byte = -1;
          starts[fields] = fieldStart;
          ends[fields] = position;
          quoting[fields] = 0;
        }
        fields++;
        if (byte === delimiter) {
          position++;
          continue;
        }
        if (byte === -1) {
          if (!final) {
            complete = false;
            break;
          }
          recordEnd = position;
          break;
        }
        // A line end: LF, CRLF or a lone CR.
        recordEnd = position;
        if (byte === CR) {
          if (position + 1 >= length && !final) {
            crPending = true;
            complete = false;
            break;
          }
          position += position + 1 < length && bytes[position + 1] === LF ? 2 : 1;
        } else {
          position++;
        }
        newlines++;
        break;
      }
      if (!complete && length - recordStart <= maxRecordBytes + 1) {
        // The record continues in the next chunk (one byte of slack for a CR whose LF has not arrived).
        return recordStart;
      }
      if (!complete || recordEnd - recordStart > maxRecordBytes) {
        problem = `a quoted field not closed within ${maxRecordBytes} bytes (maxRecordBytes; record starting on line ${recordLine}): read up to its first line break`;
        if (cutAt === -1 || cutAt - recordStart > maxRecordBytes) {
          problem = tooLong(recordLine);
          // Its first line is longer than the limit: handed out without fields, and reading resumes
          // after that line's break (still to come when the record is incomplete).
          handOut(recordStart, recordStart, 0, recordLine, problem, false, false);
          if (cutAt === -1) {
            if (complete) {
              line += newlines;
              continue;
            }
            if (crPending) {
              line++;
              dropLf = true;
            } else {
              skipping = true;
            }
            return length;
          }
          position = afterBreak(bytes, cutAt, final);
          line++;
          continue;
        }
      }
      if (problem !== null && cutAt !== -1) {
        // A malformed record spanning lines ends at its first line break.
        starts[cutField] = cutStart;
        ends[cutField] = cutAt;
        quoting[cutField] = cutFlags;
        fields = cutField + 1;
        recordEnd = cutAt;
        position = afterBreak(bytes, cutAt, final);
        newlines = 1;
      }
      line += newlines;
      // A blank line is no record.
      if (fields === 1 && quoting[0] === 0 && starts[0] === ends[0]) continue;
      handOut(recordStart, recordEnd, fields, recordLine, problem, anyQuoted, formulaCandidate);
    }
    return length;
  }

  /** Holds the unconsumed bytes, from the start of an incomplete record; reused, so memory stays flat. */
  let work: Uint8Array = new Uint8Array(0);
  let held = 0;
  /** Where the search for the held record's end resumes, and its state there. */
  let resumeAt = 0;
  let state = FIELD_START;

  function append(bytes: Uint8Array): void {
    const needed = held + bytes.length;
    if (work.length < needed) {
      // Room for the next chunk as well: a held record plus a chunk would otherwise grow it again.
      const size = Math.max(2 * needed, work.length * 2, 1 << 16);
      const grown = allocate === undefined ? new Uint8Array(size) : allocate(size);
      grown.set(work.subarray(0, held));
      work = grown;
    }
    work.set(bytes, held);
    held = needed;
  }

  /** Keeps `bytes[consumed..]`, the start of an incomplete record, for the next chunk. */
  function keep(bytes: Uint8Array, consumed: number): void {
    resumeAt = 0;
    state = FIELD_START;
    if (skipping || consumed >= bytes.length) {
      held = 0;
    } else if (bytes === work || bytes.buffer === work.buffer) {
      work.copyWithin(0, bytes.byteOffset - work.byteOffset + consumed, bytes.byteOffset - work.byteOffset + bytes.length);
      held = bytes.length - consumed;
    } else {
      held = 0;
      append(bytes.subarray(consumed));
    }
  }

  /** Whether the held record ends in the held bytes; the search resumes where it last stopped. */
  function findEnd(): boolean {
    let current = state;
    const bytes = work;
    for (let position = resumeAt; position < held; position++) {
      const byte = bytes[position] as number;
      if (current === QUOTED) {
        if (byte === QUOTE) current = QUOTE_SEEN;
        continue;
      }
      if (current === QUOTE_SEEN && byte === QUOTE) {
        current = QUOTED;
        continue;
      }
      if (byte === delimiter) {
        current = FIELD_START;
      } else if (byte === LF || byte === CR) {
        scanned += position + 1 - resumeAt;
        if (byte === LF || position + 1 < held) return true;
        resumeAt = position;
        state = current;
        return false;
      } else {
        current = current === FIELD_START && quotes && byte === QUOTE ? QUOTED : UNQUOTED;
      }
    }
    scanned += held - resumeAt;
    resumeAt = held;
    state = current;
    return false;
  }

  /** Drops bytes up to and including the line break that ends a record too long to read. */
  function skip(bytes: Uint8Array): Uint8Array {
    scanned += bytes.length;
    let index = 0;
    while (index < bytes.length && bytes[index] !== LF && bytes[index] !== CR) index++;
    if (index === bytes.length) return bytes.subarray(index);
    skipping = false;
    line++;
    if (bytes[index] === CR) {
      if (index + 1 === bytes.length) dropLf = true;
      else if (bytes[index + 1] === LF) index++;
    }
    return bytes.subarray(index + 1);
  }

  function run(chunk: Uint8Array, final: boolean): void {
    let bytes = chunk;
    if (dropLf && bytes.length > 0) {
      dropLf = false;
      if (bytes[0] === LF) bytes = bytes.subarray(1);
    }
    if (skipping) {
      bytes = skip(bytes);
      if (skipping) return;
    }
    if (first) {
      // The byte order mark needs the first three bytes, which may come in separate chunks.
      append(bytes);
      if (held < 3 && !final) return;
      first = false;
      const start = held >= 3 && work[0] === 0xef && work[1] === 0xbb && work[2] === 0xbf ? 3 : 0;
      const all = work.subarray(start, held);
      keep(all, scan(all, final));
      return;
    }
    if (held === 0) {
      keep(bytes, scan(bytes, final));
      return;
    }
    append(bytes);
    // Rescanning the held record at every chunk would be quadratic: it is scanned again only
    // once its end has arrived, or once it is too long.
    if (!final && !findEnd() && held <= maxRecordBytes + 1) return;
    const all = work.subarray(0, held);
    keep(all, scan(all, final));
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => run(new Uint8Array(0), true),
    get bytesScanned() {
      return scanned;
    },
  };
}
