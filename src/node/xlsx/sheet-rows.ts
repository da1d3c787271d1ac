// A worksheet part (xl/worksheets/sheetN.xml) as rows: the first row that holds cells is the
// header, every later row an object row keyed by the header's names, each cell in the column its
// reference (`C5`) names, so that the empty cells of a sparse row shift nothing.
import { ScoringError } from '../../index.js';
import type { ByteReader, ObjectRow, ReaderOptions, RowTarget } from '../../batch/internal.js';
import { XmlError, attribute, createXmlScanner, decodeOoxmlEscapes, decodeXml } from './xml.js';

/** The last column of a worksheet: XFD, column 16384. */
export const MAX_COLUMNS = 16_384;

/** The column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The 0-based column of a cell reference (`C5` → 2), or -1 when it is not one. */
export function columnOfReference(reference: string): number {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index++) {
    const code = reference.charCodeAt(index) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_COLUMNS) return -1;
  }
  if (index === 0 || !/^[0-9]+$/.test(reference.slice(index))) return -1;
  return column - 1;
}

/** What the worksheet reader is told. */
export interface SheetReaderOptions extends ReaderOptions {
  /** The shared string table of the workbook. */
  readonly sharedStrings: readonly string[];
  /** The sheet's name, for messages. */
  readonly sheetName: string;
  /** The file's name, for messages. */
  readonly fileName: string;
}

type CellValue = string | number | boolean;

/**
 * Creates a reader of a worksheet part's bytes. Numbers (dates included: Excel stores them as
 * serial day numbers) come out as numbers, text (shared, inline or a formula's) as strings,
 * booleans as `true`/`false`, errors (`#N/A`) as their text; empty cells are absent from the row.
 * A cell without a header name is kept under the key `column K`, one whose reference names no
 * column under `cell REF`. A row whose cells cannot be read
 * (a reference beyond column XFD, one column twice, a shared string the workbook lacks, a cell
 * longer than `maxRecordBytes`) is a malformed row with its reason, its readable cells kept.
 * Throws a `ScoringError`: `unreadable_input` for malformed XML and for a sheet without a header
 * row, `duplicate_column` for a header naming a column twice.
 */
export function createSheetReader(target: RowTarget, options: SheetReaderOptions): ByteReader {
  const { sharedStrings, maxRecordBytes, sheetName, fileName } = options;
  const decoder = new TextDecoder();
  let names: string[] | null = null;
  /** Per column, the key of its cells (the header name, or `column K`). */
  let keys: string[] = [];
  let inSheetData = false;
  let rowNumber = 0;
  let column = -1;
  let cellType = 'n';
  let cellReference = '';
  let collecting: 'value' | 'inline' | null = null;
  let inPhonetic = 0;
  let inInline = false;
  let text = '';
  let textDecoded = false;
  let hasValue = false;
  let badReference = false;
  /** The row's cells: their columns (-1 for a cell whose reference names no column) and values. */
  const cellColumns: number[] = [];
  const cellValues: CellValue[] = [];
  /** The keys of cells whose reference names no column, by their index in the row. */
  const cellKeys = new Map<number, string>();
  /** Per column, the serial number of the last row that held it: a column seen twice in a row is damage. */
  const seenInRow = new Float64Array(MAX_COLUMNS);
  let rowSerial = 0;
  let problem: string | null = null;

  const row: ObjectRow = {
    kind: 'object',
    line: 0,
    problem: null,
    invalidText: false,
    object: null,
    // The row as JSON text, for writers that write an object row's text (NDJSON); made on demand.
    get raw() {
      return row.object === null ? '' : JSON.stringify(row.object);
    },
    pointOf: (compiled, item, index) => {
      const { object } = row;
      const name = (names as string[])[index] as string;
      // An absent cell is an empty one: the value undefined reads as a missing answer.
      return compiled.pointOfValue(item, object !== null && Object.hasOwn(object, name) ? object[name] : undefined);
    },
    textOf: (index) => {
      const { object } = row;
      const name = (names as string[])[index] as string;
      return object !== null && Object.hasOwn(object, name) ? String(object[name]) : '';
    },
  };

  const where = () => `sheet "${sheetName}" of ${fileName}`;

  function keyOf(index: number): string {
    let key = keys[index];
    if (key === undefined) {
      const known = new Set(names);
      key = `column ${columnLetters(index)}`;
      while (known.has(key)) key += "'";
      keys[index] = key;
    }
    return key;
  }

  function setHeader(): void {
    if (cellValues.every((value) => typeof value !== 'string')) {
      throw new ScoringError(
        'unreadable_input',
        `Row ${rowNumber} of ${where()} holds no column names (${cellValues.length === 0 ? 'no cells' : 'only numbers'}): the header row must come first, above the data.`,
        { value: fileName },
      );
    }
    const byName = new Map<string, number>();
    keys = [];
    const header: string[] = [];
    for (let index = 0; index < cellValues.length; index++) {
      const column = cellColumns[index] as number;
      const name = String(cellValues[index]).trim();
      if (column === -1 || name === '') continue;
      const earlier = byName.get(name);
      if (earlier !== undefined) {
        throw new ScoringError('duplicate_column', `The header of ${where()} names the column "${name}" twice (columns ${columnLetters(earlier)} and ${columnLetters(column)}).`, {
          value: name,
        });
      }
      byName.set(name, column);
      header.push(name);
      keys[column] = name;
    }
    names = header;
    target.header(header, 'object');
  }

  function endRow(): void {
    if (cellValues.length === 0 && problem === null) return;
    if (names === null) {
      if (problem !== null) throw new ScoringError('unreadable_input', `Row ${rowNumber} of ${where()}, its header row, cannot be read: ${problem}.`, { value: fileName });
      setHeader();
      return;
    }
    const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (let index = 0; index < cellValues.length; index++) {
      const column = cellColumns[index] as number;
      object[column === -1 ? (cellKeys.get(index) as string) : keyOf(column)] = cellValues[index];
    }
    row.line = rowNumber;
    row.object = object;
    row.problem = problem;
    target.row(row);
  }

  function endCell(): void {
    const reference = cellReference === '' ? `${columnLetters(column)}${rowNumber}` : cellReference;
    if (!hasValue) return;
    const raw = textDecoded ? text : decodeXml(text);
    let value: CellValue | undefined;
    switch (cellType) {
      case 's': {
        const index = /^\s*[0-9]+\s*$/.test(raw) ? Number(raw) : -1;
        value = sharedStrings[index];
        if (value === undefined) problem ??= `cell ${reference} refers to shared string "${raw}", which the workbook does not hold`;
        break;
      }
      case 'b':
        value = raw.trim() === '1' ? true : raw.trim() === '0' ? false : raw;
        break;
      case 'inlineStr':
      case 'str':
        value = decodeOoxmlEscapes(raw);
        break;
      case 'e':
      case 'd':
        value = raw;
        break;
      default: {
        const trimmed = raw.trim();
        if (trimmed === '') return;
        const number = Number(trimmed);
        value = Number.isFinite(number) ? number : raw;
      }
    }
    if (value === undefined || value === '') return;
    if (badReference) {
      // Cells without a column are kept up to a worksheet's width: a row is bounded in memory.
      if (cellKeys.size >= MAX_COLUMNS) return;
      cellKeys.set(cellValues.length, `cell ${cellReference}`);
      cellColumns.push(-1);
      cellValues.push(value);
      return;
    }
    if (seenInRow[column] === rowSerial) {
      problem ??= `the row holds column ${columnLetters(column)} twice`;
      return;
    }
    seenInRow[column] = rowSerial;
    cellColumns.push(column);
    cellValues.push(value);
  }

  function append(piece: string, decoded: boolean): void {
    if (collecting === null || inPhonetic > 0) return;
    if (collecting === 'inline' && !inInline) return;
    if (decoded && !textDecoded) {
      // CDATA after plain text: decode what came before, keep the rest as it is.
      text = decodeXml(text);
      textDecoded = true;
    } else if (!decoded && textDecoded) {
      piece = decodeXml(piece);
    }
    if (text.length + piece.length > maxRecordBytes) {
      problem ??= `cell ${cellReference || columnLetters(column) + rowNumber} is longer than ${maxRecordBytes} characters (maxRecordBytes): not read`;
      return;
    }
    text += piece;
    hasValue = true;
  }

  const scanner = createXmlScanner(
    {
      open(name, attributes) {
        if (!inSheetData) {
          if (name === 'sheetData') inSheetData = true;
          return;
        }
        switch (name) {
          case 'row': {
            const number = Number(attribute(attributes, 'r'));
            rowNumber = Number.isSafeInteger(number) && number > 0 ? number : rowNumber + 1;
            column = -1;
            cellColumns.length = 0;
            cellValues.length = 0;
            cellKeys.clear();
            rowSerial++;
            problem = null;
            break;
          }
          case 'c': {
            cellReference = attribute(attributes, 'r') ?? '';
            const referenced = cellReference === '' ? column + 1 : columnOfReference(cellReference);
            badReference = referenced < 0 || referenced >= MAX_COLUMNS;
            if (badReference) problem ??= `cell reference "${cellReference}" is not a cell of a worksheet (A1 to XFD1048576)`;
            else column = referenced;
            cellType = attribute(attributes, 't') ?? 'n';
            text = '';
            textDecoded = false;
            hasValue = false;
            break;
          }
          case 'v':
            collecting = 'value';
            break;
          case 'is':
            collecting = 'inline';
            break;
          case 't':
            if (collecting === 'inline') inInline = true;
            break;
          case 'rPh':
            inPhonetic++;
            break;
        }
      },
      close(name) {
        if (!inSheetData) return;
        switch (name) {
          case 'sheetData':
            inSheetData = false;
            break;
          case 'row':
            endRow();
            break;
          case 'c':
            endCell();
            collecting = null;
            break;
          case 'v':
          case 'is':
            collecting = null;
            break;
          case 't':
            inInline = false;
            break;
          case 'rPh':
            inPhonetic = Math.max(0, inPhonetic - 1);
            break;
        }
      },
      text: append,
    },
    maxRecordBytes,
  );

  function fail(error: unknown): never {
    if (error instanceof XmlError) throw new ScoringError('unreadable_input', `Cannot read ${fileName}: ${where()} is damaged: ${error.message}.`, { value: fileName });
    throw error;
  }

  return {
    push(chunk) {
      try {
        scanner.push(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(error);
      }
    },
    end() {
      try {
        scanner.push(decoder.decode());
        scanner.end();
      } catch (error) {
        fail(error);
      }
      if (names === null) {
        throw new ScoringError('unreadable_input', `The ${where()} holds no rows: no header row, no data.`, { value: fileName });
      }
    },
  };
}
