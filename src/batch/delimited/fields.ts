import { type CompiledScale, INVALID_POINT, MISSING_POINT, UNREAD_POINT } from '../scoring/compile.js';
import type { RecordView } from '../streams/rows.js';

const MINUS = 0x2d;
const ZERO = 0x30;

/**
 * Item points of one field: canonical integer codes straight from the bytes through the compiled
 * table, anything else (labels, quoted cells, unusual numbers) through the core.
 */
export function pointOfField(compiled: CompiledScale, item: number, record: RecordView, field: number): number {
  if (field >= record.fieldCount) return MISSING_POINT;
  const start = record.starts[field] as number;
  const end = record.ends[field] as number;
  if (record.quoting[field] === 0 && end - start === 1) {
    // One byte, the commonest cell: read once per item and byte.
    const slot = (item << 8) | (record.bytes[start] as number);
    const point = compiled.byteTable[slot] as number;
    if (point !== UNREAD_POINT) return point;
    const read = pointOfCell(compiled, item, record, field, start, end);
    if (read !== INVALID_POINT) compiled.byteTable[slot] = read;
    return read;
  }
  return pointOfCell(compiled, item, record, field, start, end);
}

function pointOfCell(compiled: CompiledScale, item: number, record: RecordView, field: number, start: number, end: number): number {
  if (start === end) return record.quoting[field] === 0 ? MISSING_POINT : compiled.pointOfText(item, '');
  if (record.quoting[field] === 0 && end - start <= 4) {
    const { bytes } = record;
    let position = start;
    const negative = bytes[position] === MINUS;
    if (negative) position++;
    // Canonical integers only ("0", "12", "-1"); "01" or "+1" keep their text for the core's messages.
    if (position < end && (bytes[position] !== ZERO || position + 1 === end)) {
      let code = 0;
      for (; position < end; position++) {
        const digit = (bytes[position] as number) - ZERO;
        if (digit < 0 || digit > 9) break;
        code = code * 10 + digit;
      }
      if (position === end) {
        const slot = (negative ? -code : code) + 128;
        if (slot >= 0 && slot < 256) {
          let point = (compiled.codeTables[item] as Int8Array)[slot] as number;
          if (point === UNREAD_POINT) point = compiled.pointOfCode(item, negative ? -code : code);
          // An invalid code is read again as text, for the core's message about the text.
          if (point !== INVALID_POINT) return point;
        }
      }
    }
  }
  return compiled.pointOfText(item, fieldText(record, field));
}

// ignoreBOM: a byte order mark starting a field is text to keep (the file's own BOM is dropped by the tokenizer).
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });
const strictDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8; invalid bytes become U+FFFD and mark the record, so that the row is reported. */
function decode(record: RecordView, start: number, end: number): string {
  const bytes = record.bytes.subarray(start, end);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    record.invalidText = true;
    return decoder.decode(bytes);
  }
}

/**
 * The text of one field of a record: UTF-8 decoded, doubled quotes of a quoted field undone.
 * Bytes that are not UTF-8 become U+FFFD and set the record's `invalidText`.
 *
 * @example
 * ```ts
 * import { createDelimitedTokenizer, fieldText } from 'loneliness-scales/batch/internal';
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
        text = decode(record, start, end);
        break;
      }
      text += String.fromCharCode(byte);
    }
  } else {
    text = decode(record, start, end);
  }
  return record.quoting[field] === 3 ? text.replaceAll('""', '"') : text;
}

/** {@link codeOfField}: the field holds no canonical integer code. */
export const NO_CODE = 0x7fffffff;
/** {@link codeOfField}: the field is empty and unquoted (a missing answer). */
export const EMPTY_FIELD = 0x7ffffffe;

/**
 * The canonical integer code of an unquoted field of at most four bytes (`0`, `12`, `-1`) read
 * straight from the bytes; {@link EMPTY_FIELD} for an empty unquoted field; {@link NO_CODE} for
 * anything else (labels, quoted cells, unusual numbers), which the caller reads as text.
 */
export function codeOfField(record: RecordView, field: number): number {
  if (field >= record.fieldCount) return EMPTY_FIELD;
  const start = record.starts[field] as number;
  const end = record.ends[field] as number;
  if (record.quoting[field] !== 0) return NO_CODE;
  if (start === end) return EMPTY_FIELD;
  if (end - start > 4) return NO_CODE;
  const { bytes } = record;
  let position = start;
  const negative = bytes[position] === MINUS;
  if (negative) position++;
  if (position === end || (bytes[position] === ZERO && position + 1 !== end)) return NO_CODE;
  let code = 0;
  for (; position < end; position++) {
    const digit = (bytes[position] as number) - ZERO;
    if (digit < 0 || digit > 9) return NO_CODE;
    code = code * 10 + digit;
  }
  return negative ? -code : code;
}
