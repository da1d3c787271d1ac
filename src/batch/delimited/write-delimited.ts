import { emptyRowScores, malformedRow, type RowScores } from '../scoring/row-scores.js';
import { addedColumnNames, cellText, scoreCells, scoreColumnNames } from '../scoring/output-columns.js';
import type { ByteSink } from '../streams/byte-sink.js';
import type { InputRow, ObjectRow, RecordView, RowWriter, WriterOptions } from '../streams/rows.js';
import { encodeCell, formulaStart } from './cells.js';
import { fieldText } from './fields.js';

const MINUS = 0x2d;
const ZERO = 0x30;
/** Rows that cannot be read and come before the first JSON object are held up to this many bytes. */
const LEADING_ROWS_BYTES = 1 << 20;

/** Whether a field would need neutralising: it starts like a formula (checked in full by encodeCell). */
function mayBeFormula(record: RecordView, field: number): boolean {
  const start = record.starts[field] as number;
  if (start === (record.ends[field] as number)) return false;
  const first = record.bytes[start] as number;
  if (first === 0x3d || first === 0x40 || first === 0x09 || first === 0x0d) return true;
  if (first !== MINUS && first !== 0x2b) return false;
  // "-1", "+2.5": numbers, not formulas.
  const end = record.ends[field] as number;
  if (start + 1 === end) return true;
  for (let position = start + 1; position < end; position++) {
    const byte = record.bytes[position] as number;
    if ((byte < ZERO || byte > 0x39) && byte !== 0x2e) return true;
  }
  return false;
}

/** How a delimited writer writes: its delimiter, line end, byte order mark and decimal mark. */
export interface WriterDialect {
  /** The field delimiter: `,`, `;` or a tab (TSV: no quoting). */
  readonly delimiter: ',' | ';' | '\t';
  /** The line end. */
  readonly lineEnd: '\n' | '\r\n';
  /** Whether the output starts with a UTF-8 byte order mark. */
  readonly bom: boolean;
  /** Whether decimal numbers are written with a decimal comma (`1,5`). */
  readonly decimalComma: boolean;
}

/** Plain CSV: commas, LF, no byte order mark, decimal points. */
export const CSV_DIALECT: WriterDialect = { delimiter: ',', lineEnd: '\n', bom: false, decimalComma: false };
/** TSV: tabs, LF. */
export const TSV_DIALECT: WriterDialect = { delimiter: '\t', lineEnd: '\n', bom: false, decimalComma: false };
/**
 * CSV as Excel in a Dutch or Belgian (or any decimal-comma) locale opens it by double-click:
 * a UTF-8 byte order mark (so accents are read as UTF-8), `;` between cells, CRLF line ends, and
 * decimal commas.
 */
export const EXCEL_CSV_DIALECT: WriterDialect = { delimiter: ';', lineEnd: '\r\n', bom: true, decimalComma: true };

const DECIMAL = /^[-+]?\d+\.\d+$/;
/** Keys of the score-cell cache: four values below 16 each. */
const SUFFIX_KEYS = 16 ** 4;

/**
 * Creates a CSV (`,`), TSV (tab) or Excel-CSV (`;`, BOM, CRLF, decimal commas) writer. Each row is written once, in order, with the score
 * columns appended. Rows of the same dialect that need no change are copied byte for byte (the
 * fast path); other rows are written cell by cell, with formula-like cells neutralised.
 *
 * From NDJSON input, the columns are the first JSON object's keys, then the score columns, then
 * `_extra` (a JSON object of the keys a line has beyond the first line's, empty when none) and
 * `_raw` (the text of a line that is not a JSON object), so that every input value comes out.
 */
export function createDelimitedWriter(dialect: WriterDialect, sink: ByteSink, options: WriterOptions): RowWriter {
  const { prefix, language } = options;
  const { delimiter: delimiterText, lineEnd, decimalComma } = dialect;
  const delimiter = delimiterText.charCodeAt(0);
  const encoder = new TextEncoder();
  const delimiterByte = Uint8Array.of(delimiter);
  /** Whether a cell's bytes can be written as they are: ASCII, without the delimiter, a quote, a line break, or a point to turn into a decimal comma. */
  const copyable = (bytes: Uint8Array, start: number, end: number): boolean => {
    for (let index = start; index < end; index++) {
      const byte = bytes[index] as number;
      if (byte >= 0x80 || byte === delimiter || byte === 0x22 || byte === 0x0a || byte === 0x0d || (decimalComma && byte === 0x2e)) return false;
    }
    return true;
  };
  const scoreNames = scoreColumnNames(prefix);
  const added = addedColumnNames(prefix);
  const encode = decimalComma
    ? (text: string) => encodeCell(DECIMAL.test(text) ? text.replace('.', ',') : text, delimiterText)
    : (text: string) => encodeCell(text, delimiterText);
  /** Score cells by score combination (total, emotional, social, missing items: 16 values each), encoded once. */
  // A table of places in a short list: a sparse array would be a dictionary, hashed on every row,
  // and a dense one of 65,536 entries costs milliseconds to fill at every start.
  const suffixPlaces = new Int32Array(SUFFIX_KEYS);
  const suffixes: Uint8Array[] = [new Uint8Array(0)];
  let columns: readonly string[] | null = null;
  let known: Set<string> | null = null;
  /** Object rows that cannot be read and came before the header: held until it is known. */
  let leading: { row: ObjectRow; reason: string }[] = [];
  let leadingBytes = 0;

  function writeHeader(names: readonly string[], kind: InputRow['kind']): void {
    // Past the bound on leading lines, the header was written empty: the first object's keys go to _extra.
    if (columns !== null) return;
    columns = names;
    if (dialect.bom) sink.writeText('\uFEFF');
    const all = kind === 'object' ? [...names, ...scoreNames, added.extra, added.raw] : [...names, ...scoreNames];
    sink.writeText(`${all.map(encode).join(delimiterText)}${lineEnd}`);
    if (kind === 'object') {
      known = new Set(names);
      const held = leading;
      leading = [];
      const scores = emptyRowScores();
      for (const { row, reason } of held) writeObject(row, malformedRow(scores, reason));
    }
  }

  function scoreSuffix(scores: RowScores): Uint8Array | null {
    if (scores.errorCode !== null) return null;
    // The key holds four values below 16 each; a scale with larger scores is encoded row by row.
    if ((scores.total ?? 0) > 14 || (scores.emotional ?? 0) > 14 || (scores.social ?? 0) > 14 || (scores.missingItems ?? 0) > 15) {
      return encoder.encode(`${delimiterText}${scoreCells(scores, language).map(encode).join(delimiterText)}${lineEnd}`);
    }
    const key = ((((scores.total ?? -1) + 1) * 16 + (scores.emotional ?? -1) + 1) * 16 + (scores.social ?? -1) + 1) * 16 + (scores.missingItems ?? 0);
    const place = suffixPlaces[key] as number;
    if (place !== 0) return suffixes[place] as Uint8Array;
    const suffix = encoder.encode(`${delimiterText}${scoreCells(scores, language).map(encode).join(delimiterText)}${lineEnd}`);
    suffixPlaces[key] = suffixes.length;
    suffixes.push(suffix);
    return suffix;
  }

  function writeRecord(record: RecordView, scores: RowScores): void {
    const columnCount = (columns as readonly string[]).length;
    const suffix = scoreSuffix(scores);
    let plain = record.delimiter === delimiter && record.fieldCount === columnCount && record.problem === null;
    // Decimal points become commas cell by cell; a row without any point is copied as it is.
    if (plain && decimalComma && record.bytes.subarray(record.start, record.end).includes(0x2e)) plain = false;
    if (plain && record.formulaCandidate) {
      const { bytes, starts, ends } = record;
      for (let field = 0; field < columnCount; field++) {
        const start = starts[field] as number;
        if (start < (ends[field] as number) && formulaStart[bytes[start] as number] === 1 && mayBeFormula(record, field)) {
          plain = false;
          break;
        }
      }
    }
    if (plain && suffix !== null) {
      sink.writeRanges(record.bytes, record.start, record.end, suffix);
      return;
    }
    if (plain) {
      sink.writeRange(record.bytes, record.start, record.end);
    } else {
      // Cell by cell: plain ASCII cells that need no quoting, no neutralising and no decimal comma
      // are copied as bytes (a ";" file written as CSV); the others are decoded and encoded.
      const { bytes, starts, ends, quoting } = record;
      for (let field = 0; field < columnCount; field++) {
        if (field > 0) sink.writeRange(delimiterByte, 0, 1);
        if (field >= record.fieldCount) continue;
        const start = starts[field] as number;
        const end = ends[field] as number;
        if (quoting[field] === 0 && copyable(bytes, start, end) && (formulaStart[bytes[start] as number] !== 1 || !mayBeFormula(record, field))) {
          sink.writeRange(bytes, start, end);
        } else {
          sink.writeText(encode(fieldText(record, field)));
        }
      }
    }
    if (suffix !== null) sink.writeRange(suffix, 0, suffix.length);
    else sink.writeText(`${delimiterText}${scoreCells(scores, language).map(encode).join(delimiterText)}${lineEnd}`);
  }

  function writeObject(row: ObjectRow, scores: RowScores): void {
    const names = columns as readonly string[];
    const { object } = row;
    const cells: string[] = [];
    let found = 0;
    for (const name of names) {
      if (object !== null && Object.hasOwn(object, name)) {
        cells.push(cellText(object[name]));
        found++;
      } else {
        cells.push('');
      }
    }
    cells.push(...scoreCells(scores, language));
    let extra = '';
    // Keys beyond the header only when the object has more keys than it shares with the header.
    let keyCount = 0;
    if (object !== null) for (const key in object) if (Object.hasOwn(object, key)) keyCount++;
    if (object !== null && keyCount > found) {
      const pairs: string[] = [];
      for (const key of Object.keys(object)) if (!(known as Set<string>).has(key)) pairs.push(`${JSON.stringify(key)}:${JSON.stringify(object[key])}`);
      if (pairs.length > 0) extra = `{${pairs.join(',')}}`;
    }
    cells.push(extra, object === null ? row.raw : '');
    sink.writeText(`${cells.map(encode).join(delimiterText)}${lineEnd}`);
  }

  return {
    header: writeHeader,
    row(row, scores) {
      if (row.kind === 'delimited') {
        writeRecord(row, scores);
      } else if (columns !== null) {
        writeObject(row, scores);
      } else {
        // Lines before the first JSON object: held (a copy) until the header is known, within a bound;
        // past it, the header is empty and every key goes to _extra.
        leading.push({ row: { ...row }, reason: scores.reason ?? '' });
        leadingBytes += row.raw.length;
        if (leadingBytes > LEADING_ROWS_BYTES) writeHeader([], 'object');
      }
    },
    end() {
      if (columns === null && leading.length > 0) writeHeader([], 'object');
    },
  };
}
