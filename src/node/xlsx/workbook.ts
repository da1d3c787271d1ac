// An .xlsx workbook opened for reading one sheet: the container checked, the sheets listed in tab
// order, the shared strings read, and the chosen sheet's part streamed.
import { ScoringError } from '../../index.js';
import { ContainerError, type ByteSource, type ZipEntry, readDirectory, readEntry, streamEntry } from './zip.js';
import { XmlError, attribute, createXmlScanner, decodeOoxmlEscapes, decodeXml } from './xml.js';

/** The largest workbook part read whole (the workbook, its relationships, the shared strings): 256 MiB. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

/** A sheet of the workbook, in tab order. */
export interface SheetInfo {
  /** The sheet's name as its tab shows it. */
  readonly name: string;
  /** The 1-based position of its tab. */
  readonly position: number;
  /** The zip entry of its part, or `null` when it is not a worksheet (a chart sheet) or its part is missing. */
  readonly entry: ZipEntry | null;
  /** Why it cannot be read as a table, when `entry` is `null`. */
  readonly problem: string | null;
}

/** A workbook opened for reading: its sheets and shared strings. */
export interface Workbook {
  readonly sheets: readonly SheetInfo[];
  readonly sharedStrings: readonly string[];
  /** The chosen sheet's part, inflated, in chunks. */
  readonly stream: (sheet: SheetInfo) => AsyncGenerator<Uint8Array>;
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The XML parts other than sheets are small; tags in them longer than this are damage. */
const MAX_TAG = 1 << 20;

/** A relationship part (`_rels/….rels`): Id → { type, target }. */
function readRelationships(xml: string): Map<string, { type: string; target: string }> {
  const relationships = new Map<string, { type: string; target: string }>();
  const scanner = createXmlScanner(
    {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const id = attribute(attributes, 'Id');
        const target = attribute(attributes, 'Target');
        if (id !== undefined && target !== undefined) relationships.set(id, { type: attribute(attributes, 'Type') ?? '', target });
      },
      close: () => undefined,
      text: () => undefined,
    },
    MAX_TAG,
  );
  scanner.push(xml);
  scanner.end();
  return relationships;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${folder}${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** The shared strings (`<si>`: its `<t>` texts, phonetic runs `<rPh>` left out). */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  const scanner = createXmlScanner(
    {
      open(name) {
        if (name === 'si') {
          inItem = true;
          text = '';
        } else if (name === 't') inText = true;
        else if (name === 'rPh') phonetic++;
      },
      close(name) {
        if (name === 'si') {
          strings.push(text);
          inItem = false;
        } else if (name === 't') inText = false;
        else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      },
      text(piece, decoded) {
        if (inItem && inText && phonetic === 0) text += decoded ? piece : decodeOoxmlEscapes(decodeXml(piece));
      },
    },
    MAX_TAG,
  );
  scanner.push(xml);
  scanner.end();
  return strings;
}

/**
 * Opens a workbook from a byte source. Throws a `ScoringError` `unreadable_input` naming the file
 * for anything that is not a readable .xlsx workbook: an empty file, an OLE2 compound file (a
 * password-protected workbook, which Excel encrypts into one, or a legacy .xls), another kind of
 * file, a zip archive cut off or damaged, or one without a workbook part.
 */
export function openWorkbook(source: ByteSource, fileName: string): Workbook {
  const unreadable = (reason: string) => new ScoringError('unreadable_input', `Cannot read ${fileName}: ${reason}.`, { value: fileName });
  const start = source.read(0, 8);
  if (start.length === 0) throw unreadable('the file is empty');
  if (start.length === 8 && OLE2_SIGNATURE.every((byte, index) => start[index] === byte)) {
    throw unreadable(
      'it is a password-protected workbook or a legacy .xls file (an OLE2 compound file, not an .xlsx zip archive); save it in Excel as an .xlsx workbook without a password',
    );
  }
  if (start[0] !== 0x50 || start[1] !== 0x4b) throw unreadable('it is not an .xlsx workbook (an .xlsx file is a zip archive, starting with "PK")');
  const decoder = new TextDecoder();
  try {
    const entries = readDirectory(source);
    const text = (path: string): string | undefined => {
      const entry = entries.get(path.toLowerCase());
      return entry === undefined ? undefined : decoder.decode(readEntry(source, entry, MAX_PART_BYTES));
    };
    const packageRelationships = text('_rels/.rels');
    const officeDocument =
      packageRelationships === undefined ? undefined : [...readRelationships(packageRelationships).values()].find((relationship) => relationship.type.endsWith('/officeDocument'));
    const workbookPath = officeDocument === undefined ? 'xl/workbook.xml' : resolveTarget('', officeDocument.target);
    const workbookXml = text(workbookPath);
    if (workbookXml === undefined) throw new ContainerError(`it is a zip archive without a workbook part (${workbookPath}): not an Excel workbook`);
    const folder = folderOf(workbookPath);
    const relationships = readRelationships(text(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`) ?? '');
    const listed: { name: string; id: string }[] = [];
    const scanner = createXmlScanner(
      {
        open(name, attributes) {
          if (name === 'sheet') listed.push({ name: attribute(attributes, 'name') ?? '', id: attribute(attributes, '*:id') ?? attribute(attributes, 'id') ?? '' });
        },
        close: () => undefined,
        text: () => undefined,
      },
      MAX_TAG,
    );
    scanner.push(workbookXml);
    scanner.end();
    const sheets = listed.map(({ name, id }, index): SheetInfo => {
      const relationship = relationships.get(id);
      const base = { name, position: index + 1 };
      if (relationship === undefined) return { ...base, entry: null, problem: `the workbook does not say where sheet "${name}" is stored` };
      if (!relationship.type.endsWith('/worksheet')) return { ...base, entry: null, problem: `sheet "${name}" is a ${relationship.type.split('/').pop() ?? 'non-worksheet'}, not a table` };
      const entry = entries.get(resolveTarget(folder, relationship.target).toLowerCase());
      return entry === undefined ? { ...base, entry: null, problem: `the part of sheet "${name}" is missing` } : { ...base, entry, problem: null };
    });
    const sharedRelationship = [...relationships.values()].find((relationship) => relationship.type.endsWith('/sharedStrings'));
    const sharedXml = text(sharedRelationship === undefined ? `${folder}sharedStrings.xml` : resolveTarget(folder, sharedRelationship.target));
    const sharedStrings = sharedXml === undefined ? [] : readSharedStrings(sharedXml);
    return {
      sheets,
      sharedStrings,
      stream: async function* (sheet) {
        if (sheet.entry === null) throw unreadable(sheet.problem ?? `sheet "${sheet.name}" cannot be read`);
        try {
          yield* streamEntry(source, sheet.entry);
        } catch (error) {
          if (error instanceof ContainerError) throw unreadable(error.message);
          throw error;
        }
      },
    };
  } catch (error) {
    if (error instanceof ContainerError) throw unreadable(error.message);
    if (error instanceof XmlError) throw unreadable(`a workbook part is damaged: ${error.message}`);
    if (error instanceof RangeError) throw unreadable(`it is damaged (${error.message})`);
    throw error;
  }
}

/** The sheets for a message: `1 "Data", 2 "Codes"`. */
export function listSheets(sheets: readonly SheetInfo[]): string {
  return sheets.map((sheet) => `${sheet.position} "${sheet.name}"`).join(', ');
}

/**
 * The sheet a `--sheet` value names: a sheet of that name, else (for a whole number) the sheet at
 * that 1-based tab position, else a name matched without regard to case; the first sheet when none
 * is named. Throws a `ScoringError` `invalid_option` listing the sheets.
 */
export function chooseSheet(workbook: Workbook, selector: string | number | undefined, fileName: string): SheetInfo {
  const { sheets } = workbook;
  if (sheets.length === 0) throw new ScoringError('unreadable_input', `Cannot read ${fileName}: the workbook lists no sheets.`, { value: fileName });
  if (selector === undefined) return sheets[0] as SheetInfo;
  const text = String(selector);
  const found =
    sheets.find((sheet) => sheet.name === text) ??
    (/^[0-9]+$/.test(text) ? sheets[Number(text) - 1] : undefined) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === text.toLowerCase());
  if (found === undefined) {
    throw new ScoringError('invalid_option', `${fileName} has no sheet "${text}". Its sheets: ${listSheets(sheets)} (name one with --sheet NAME or --sheet N).`, {
      path: 'sheet',
      value: selector,
    });
  }
  return found;
}
