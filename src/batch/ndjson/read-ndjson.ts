import { MISSING_POINT } from '../scoring/compile.js';
import { cellText } from '../scoring/score-columns.js';
import type { ByteReader, ObjectRow, ReaderOptions, RowTarget } from '../streams/rows.js';

const LF = 0x0a;
/** The deepest nesting of arrays and objects read in a line; deeper lines are malformed rows. */
export const MAX_JSON_DEPTH = 64;

const decoder = /* @__PURE__ */ new TextDecoder();
const strictDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/** Counts `character` in `text` up to `limit + 1` (a native search per occurrence). */
function countUpTo(text: string, character: string, limit: number): number {
  let count = 0;
  for (let index = text.indexOf(character); index !== -1 && count <= limit; index = text.indexOf(character, index + 1)) count++;
  return count;
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit`. Most lines have few brackets and
 * are cleared by counting them; only the others are walked, skipping strings.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  if (countUpTo(text, '{', limit) + countUpTo(text, '[', limit) <= limit) return false;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // A string: up to its closing quote, past escapes.
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c) index++;
        else if (inner === 0x22) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Creates a reader of NDJSON: one JSON object per line. The header is the first object's keys
 * (the column mapping is checked against it); every line is a row. A line that is not a JSON
 * object, nests deeper than {@link MAX_JSON_DEPTH}, or is longer than `maxRecordBytes` is a
 * malformed row with a reason; the lines after it are read as usual. Lines are split as bytes
 * arrive, each byte searched once, and only an incomplete last line is carried to the next chunk.
 */
export function createNdjsonReader(target: RowTarget, options: ReaderOptions): ByteReader {
  const { maxRecordBytes } = options;
  let names: readonly string[] = [];
  let headerSent = false;
  let line = 0;
  const row: ObjectRow = {
    kind: 'object',
    line: 0,
    problem: null,
    invalidText: false,
    object: null,
    raw: '',
    pointOf: (compiled, item, column) => {
      const { object } = row;
      const name = names[column] as string;
      return object !== null && Object.hasOwn(object, name) ? compiled.pointOfValue(item, object[name]) : MISSING_POINT;
    },
    textOf: (column) => {
      const { object } = row;
      const name = names[column] as string;
      return object !== null && Object.hasOwn(object, name) ? cellText(object[name]) : '';
    },
  };

  function emit(raw: string, object: Record<string, unknown> | null, problem: string | null, invalidText: boolean): void {
    if (object !== null && !headerSent) {
      names = Object.keys(object);
      headerSent = true;
      target.header(names, 'object');
    }
    row.line = line;
    row.raw = raw;
    row.object = object;
    row.problem = problem;
    row.invalidText = invalidText;
    target.row(row);
  }

  function onLine(bytes: Uint8Array, start: number, end: number): void {
    line++;
    // A byte order mark before the first line.
    if (line === 1 && end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    const slice = bytes.subarray(start, end);
    let text: string;
    let invalidText = false;
    try {
      text = strictDecoder.decode(slice);
    } catch {
      text = decoder.decode(slice);
      invalidText = true;
    }
    if (text.trim() === '') return;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      emit(text, null, `nested deeper than ${MAX_JSON_DEPTH} levels`, invalidText);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      emit(text, null, `not JSON: ${(error as Error).message}`, invalidText);
      return;
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) emit(text, parsed as Record<string, unknown>, null, invalidText);
    else emit(text, null, 'not a JSON object', invalidText);
  }

  function tooLong(): void {
    line++;
    emit('', null, `line longer than ${maxRecordBytes} bytes (maxRecordBytes): not read`, false);
  }

  // The incomplete last line is carried to the next chunk in a reused buffer (chunks pushed may
  // be reused by the caller); it holds no line feed, so it is never searched again.
  let carry = new Uint8Array(0);
  let carried = 0;
  /** Discarding the rest of a line too long to read, up to its line feed. */
  let skipping = false;

  function run(chunk: Uint8Array, final: boolean): void {
    let start = 0;
    if (skipping) {
      const end = chunk.indexOf(LF);
      if (end === -1) return;
      skipping = false;
      start = end + 1;
    } else if (carried > 0) {
      const end = chunk.indexOf(LF);
      const piece = end === -1 ? chunk.length : end;
      if (carried + piece > maxRecordBytes) {
        carried = 0;
        tooLong();
        if (end === -1) {
          skipping = !final;
          return;
        }
      } else {
        if (carry.length < carried + piece) {
          const grown = new Uint8Array(Math.max(carried + piece, carry.length * 2));
          grown.set(carry.subarray(0, carried));
          carry = grown;
        }
        carry.set(chunk.subarray(0, piece), carried);
        carried += piece;
        if (end === -1 && !final) return;
        const length = carried;
        carried = 0;
        onLine(carry, 0, length);
        if (end === -1) return;
      }
      start = end + 1;
    }
    for (let end = chunk.indexOf(LF, start); end !== -1; end = chunk.indexOf(LF, start)) {
      if (end - start > maxRecordBytes) tooLong();
      else onLine(chunk, start, end);
      start = end + 1;
    }
    const rest = chunk.length - start;
    if (rest === 0) return;
    if (rest > maxRecordBytes) {
      tooLong();
      skipping = !final;
    } else if (final) {
      onLine(chunk, start, chunk.length);
    } else {
      if (carry.length < rest) carry = new Uint8Array(Math.max(rest, carry.length * 2, 1 << 12));
      carry.set(chunk.subarray(start));
      carried = rest;
    }
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => run(new Uint8Array(0), true),
  };
}
