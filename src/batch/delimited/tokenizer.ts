/** One record of delimited text, as the tokenizer hands it out; reused between records. */
export interface RecordView {
  /** The bytes the record lies in. */
  bytes: Uint8Array;
  /** Offset of the record's first byte. */
  start: number;
  /** Offset after the record's last byte, line terminator excluded. */
  end: number;
  /** Number of fields. */
  fieldCount: number;
  /** Per field, the offset of its first content byte (after an opening quote). */
  starts: Int32Array;
  /** Per field, the offset after its last content byte (before a closing quote). */
  ends: Int32Array;
  /** Per field: 0 plain, 1 quoted, 3 quoted with doubled quotes inside. */
  quoting: Uint8Array;
  /** Whether any field is quoted. */
  anyQuoted: boolean;
  /** Whether any field starts like a formula (`=`, `+`, `-`, `@`, tab, CR); see `isFormulaLike`. */
  formulaCandidate: boolean;
  /** The 1-based line number where the record starts. */
  line: number;
  /** Why the record is malformed (an unterminated quote), or `null`. */
  problem: string | null;
}

import { formulaStart } from './cells.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Options of {@link createDelimitedTokenizer}. */
export interface TokenizerOptions {
  /** The field delimiter: `,` (CSV, default), `\t` (TSV), `;`. */
  readonly delimiter?: string;
  /** Whether `"` quotes fields (RFC 4180). Default: `true` for CSV, `false` for TSV. */
  readonly quotes?: boolean;
}

/** A streaming tokenizer: push byte chunks, receive each record once complete. */
export interface DelimitedTokenizer {
  /** Tokenizes a chunk; calls `onRecord` for each complete record in it. */
  readonly push: (chunk: Uint8Array) => void;
  /** Ends the input: the last record (without a final newline, or with an unterminated quote) is handed out. */
  readonly end: () => void;
}

/**
 * Creates a byte-level tokenizer for CSV (RFC 4180) and TSV. It strips a UTF-8 byte order mark,
 * accepts LF and CRLF line ends, skips blank lines, allows quoted fields with delimiters, doubled
 * quotes and line breaks, and reports an unterminated quote as a problem of the last record rather
 * than failing. Fields are offsets into the bytes, so nothing is decoded that is not asked for.
 *
 * @example
 * ```ts
 * import { createDelimitedTokenizer, fieldText } from 'loneliness-scales/batch';
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
  const delimiterText = options.delimiter ?? ',';
  if (delimiterText.length !== 1 || delimiterText.charCodeAt(0) > 0x7f || delimiterText === '"' || delimiterText === '\n' || delimiterText === '\r') {
    throw new RangeError(`The delimiter must be one ASCII character other than a quote or line break, not ${JSON.stringify(delimiterText)}.`);
  }
  const delimiter = delimiterText.charCodeAt(0);
  const quotes = options.quotes ?? delimiterText !== '\t';
  const view: RecordView = {
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
  };
  let pending: Uint8Array | null = null;
  let line = 1;
  let first = true;

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

  /**
   * Scans records from `bytes`; returns the offset of the first byte not consumed (the start of an
   * incomplete last record), or `bytes.length`. With `final`, the last record is consumed too.
   */
  function scan(bytes: Uint8Array, final: boolean): number {
    const length = bytes.length;
    let position = 0;
    view.bytes = bytes;
    while (position < length) {
      const recordStart = position;
      const recordLine = line;
      let fields = 0;
      let anyQuoted = false;
      let formulaCandidate = false;
      let problem: string | null = null;
      let newlines = 0;
      // One field per iteration.
      for (;;) {
        if (fields === view.starts.length) grow();
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
            if (next === LF) newlines++;
            cursor++;
          }
          if (closed === -1) {
            if (!final) return recordStart;
            // Unterminated quote: the rest of the input is this field.
            problem = `unterminated quoted field (record starting on line ${recordLine})`;
            view.starts[fields] = contentStart;
            view.ends[fields] = length;
            view.quoting[fields] = flags;
            fields++;
            anyQuoted = true;
            position = length;
            break;
          }
          view.starts[fields] = contentStart;
          view.ends[fields] = closed;
          view.quoting[fields] = flags;
          anyQuoted = true;
          position = closed + 1;
          // Text between the closing quote and the delimiter (`"ab"c`) is not RFC 4180: the field
          // keeps it (nothing is lost) and the record is reported as malformed.
          while (position < length) {
            byte = bytes[position] as number;
            if (byte === delimiter || byte === LF || byte === CR) break;
            position++;
          }
          if (position > closed + 1) {
            if (position >= length && !final) return recordStart;
            view.ends[fields] = position;
            problem ??= `text after a closing quote (record starting on line ${recordLine})`;
          }
          byte = position < length ? (bytes[position] as number) : -1;
        } else {
          const fieldStart = position;
          if (byte !== -1 && formulaStart[byte] === 1) formulaCandidate = true;
          while (position < length) {
            byte = bytes[position] as number;
            if (byte === delimiter || byte === LF || byte === CR) break;
            position++;
          }
          if (position >= length) byte = -1;
          view.starts[fields] = fieldStart;
          view.ends[fields] = position;
          view.quoting[fields] = 0;
        }
        fields++;
        if (byte === delimiter) {
          position++;
          continue;
        }
        if (byte === -1) {
          if (!final) return recordStart;
          view.end = position;
          break;
        }
        // A line end: LF, CRLF or a lone CR.
        view.end = position;
        if (byte === CR) {
          if (position + 1 >= length && !final) return recordStart;
          position += position + 1 < length && bytes[position + 1] === LF ? 2 : 1;
        } else {
          position++;
        }
        newlines++;
        break;
      }
      line += newlines;
      if (problem !== null) view.end = length;
      // A blank line is no record.
      if (fields === 1 && view.quoting[0] === 0 && view.starts[0] === view.ends[0]) continue;
      view.start = recordStart;
      view.fieldCount = fields;
      view.anyQuoted = anyQuoted;
      view.formulaCandidate = formulaCandidate;
      view.line = recordLine;
      view.problem = problem;
      onRecord(view);
    }
    return length;
  }

  /** Holds an incomplete record and the next chunk together; reused, so memory stays flat. */
  let work = new Uint8Array(0);

  function run(chunk: Uint8Array, final: boolean): void {
    let bytes = chunk;
    if (pending !== null && pending.length > 0) {
      const held = pending.length;
      const needed = held + chunk.length;
      if (work.length < needed) {
        const grown = new Uint8Array(Math.max(needed, work.length * 2));
        grown.set(pending);
        work = grown;
      } else if (pending.buffer === work.buffer) {
        // Move the held record to the front of the work buffer.
        const offset = pending.byteOffset - work.byteOffset;
        work.copyWithin(0, offset, offset + held);
      } else {
        work.set(pending);
      }
      work.set(chunk, held);
      bytes = work.subarray(0, needed);
    }
    if (first && bytes.length >= 3) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    } else if (first && final) {
      first = false;
    } else if (first) {
      pending = bytes.slice();
      return;
    }
    const consumed = scan(bytes, final);
    if (consumed >= bytes.length) {
      pending = null;
    } else if (bytes.buffer === work.buffer) {
      // Still in the work buffer: kept there (moved to its front on the next chunk).
      pending = bytes.subarray(consumed);
    } else {
      // A view into the caller's chunk, which the caller may reuse: copied into the work buffer.
      const rest = bytes.length - consumed;
      if (work.length < rest) work = new Uint8Array(Math.max(rest, 1 << 16));
      work.set(bytes.subarray(consumed));
      pending = work.subarray(0, rest);
    }
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => run(new Uint8Array(0), true),
  };
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * The text of one field of a record: UTF-8 decoded, doubled quotes of a quoted field undone.
 *
 * @example
 * ```ts
 * import { createDelimitedTokenizer, fieldText } from 'loneliness-scales/batch';
 * let text = '';
 * const tokenizer = createDelimitedTokenizer((record) => (text = fieldText(record, 1)));
 * tokenizer.push(new TextEncoder().encode('x,"a ""b"""\n'));
 * text; // 'a "b"'
 * ```
 */
export function fieldText(record: RecordView, field: number): string {
  const start = record.starts[field] as number;
  const end = record.ends[field] as number;
  const { bytes } = record;
  let text: string;
  // Short ASCII fields (codes, ids) are decoded without the TextDecoder's overhead.
  if (end - start <= 16) {
    text = '';
    for (let index = start; index < end; index++) {
      const byte = bytes[index] as number;
      if (byte >= 0x80) {
        text = decoder.decode(bytes.subarray(start, end));
        break;
      }
      text += String.fromCharCode(byte);
    }
  } else {
    text = decoder.decode(bytes.subarray(start, end));
  }
  return record.quoting[field] === 3 ? text.replaceAll('""', '"') : text;
}
