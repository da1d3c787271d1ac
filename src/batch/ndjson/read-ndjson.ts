import { MISSING_POINT } from '../scoring/compile.js';
import { cellText } from '../scoring/output-columns.js';
import type { ByteReader, ObjectRow, ReaderOptions, RecordView, RowTarget } from '../streams/rows.js';
import { createDelimitedTokenizer } from '../delimited/tokenizer.js';

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
 * malformed row with a reason; the lines after it are read as usual. Lines end in LF, CRLF or CR,
 * and are split by the delimited tokenizer (linear, an incomplete last line carried to the next chunk).
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

  function onRecord(record: RecordView): void {
    line = record.line;
    if (record.fieldCount === 0) {
      // Longer than maxRecordBytes: not kept.
      emit('', null, `line longer than ${maxRecordBytes} bytes (maxRecordBytes): not read`, false);
      return;
    }
    const slice = record.bytes.subarray(record.start, record.end);
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

  // Lines are split by the delimited tokenizer without a delimiter or quotes: one carry of
  // incomplete lines, one record size limit, one set of line-end and line-number rules.
  const tokenizer = createDelimitedTokenizer(onRecord, { delimiter: null, quotes: false, maxRecordBytes });
  return { push: tokenizer.push, end: tokenizer.end };
}
