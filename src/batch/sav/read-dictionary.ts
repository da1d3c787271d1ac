// Reads the header and dictionary records of an SPSS system file, one record at a time, from bytes
// that may arrive in pieces. Record layouts: GNU PSPP developer guide, "System File Format"
// (File Header Record, Variable Record, Value Labels Records, Document Record, the extension
// records of type 7, Dictionary Termination Record).
import { ScoringError } from '../../index.js';
import { HIGHEST, type SavDictionary, type SavMissing, type SavRawRecord, type SavValueLabel, type SavVariable, SYSMIS } from './dictionary.js';

/** Bytes of the file header record. */
export const HEADER_BYTES = 176;
/** Largest dictionary record accepted: a corrupt length must not make the reader wait for gigabytes. */
export const MAX_RECORD_BYTES = 64 << 20;
/** Most variable records (slots) accepted. */
const MAX_SLOTS = 1 << 20;

/** The reader's error for a file that is not a readable system file. */
export function corrupt(problem: string, offset?: number): ScoringError {
  const where = offset === undefined ? '' : ` (at byte ${offset})`;
  return new ScoringError('unreadable_input', `Not a readable SPSS system file: ${problem}${where}.`, { value: offset });
}

/** One variable record (one 8-byte slot of a case), as read. */
interface SlotRecord {
  readonly width: number;
  readonly shortName: string;
  readonly label: Uint8Array | null;
  readonly missingCount: number;
  readonly missingValues: Uint8Array;
}

/** What the header says. */
export interface SavHeader {
  readonly littleEndian: boolean;
  readonly productName: Uint8Array;
  readonly fileLabel: Uint8Array;
  readonly compression: number;
  readonly weightIndex: number;
  readonly bias: number;
}

const latin1 = /* @__PURE__ */ new TextDecoder('windows-1252');

/** Reads the 176-byte file header; throws for anything but an uncompressed or bytecode-compressed system file. */
export function readHeader(bytes: Uint8Array): SavHeader {
  const magic = latin1.decode(bytes.subarray(0, 4));
  if (magic === '$FL3') {
    throw new ScoringError(
      'unreadable_input',
      'This is a ZLIB-compressed SPSS file (.zsav), which is not read: save it as a .sav file (SPSS and PSPP: SAVE OUTFILE=\'data.sav\' /COMPRESSED).',
    );
  }
  if (magic !== '$FL2') throw corrupt(`it starts with ${JSON.stringify(magic)}, not "$FL2"`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const layoutLittle = view.getInt32(64, true);
  const layoutBig = view.getInt32(64, false);
  let littleEndian: boolean;
  if (layoutLittle === 2 || layoutLittle === 3) littleEndian = true;
  else if (layoutBig === 2 || layoutBig === 3) littleEndian = false;
  else throw corrupt(`layout code ${layoutLittle} is neither 2 nor 3`, 64);
  const compression = view.getInt32(72, littleEndian);
  if (compression === 2) throw readHeader(new TextEncoder().encode('$FL3'));
  if (compression !== 0 && compression !== 1) throw corrupt(`compression code ${compression} is unknown`, 72);
  const weightIndex = view.getInt32(76, littleEndian);
  const bias = view.getFloat64(84, littleEndian);
  if (compression === 1 && !(bias >= 0 && bias <= 251 && Number.isInteger(bias))) throw corrupt(`compression bias ${bias} is not a whole number 0..251`, 84);
  return {
    littleEndian,
    productName: bytes.slice(4, 64),
    fileLabel: bytes.slice(109, 173),
    compression,
    weightIndex: weightIndex > 0 ? weightIndex : 0,
    bias,
  };
}

/** Reads dictionary records as their bytes arrive; `finish` builds the dictionary at record 999. */
export interface DictionaryParser {
  /** Reads the record at `offset` of `bytes[0, end)`: the offset after it, or -1 when more bytes are needed. Throws for a corrupt record. */
  readonly next: (bytes: Uint8Array, offset: number, end: number) => number;
  /** Whether the dictionary termination record was read. */
  readonly done: () => boolean;
  /** The dictionary (after `done`). */
  readonly finish: () => SavDictionary;
}

/** Creates a parser of the records after the header. `base` is the file offset of the first record, for messages. */
export function createDictionaryParser(header: SavHeader, base: number): DictionaryParser {
  const little = header.littleEndian;
  const slots: SlotRecord[] = [];
  const records: SavRawRecord[] = [];
  /** Value label sets and the 1-based slots they apply to. */
  const labelSets: { labels: SavValueLabel[]; slots: number[] }[] = [];
  const extensions = new Map<number, Uint8Array[]>();
  let finished = false;
  let consumed = 0;

  function int32(bytes: Uint8Array, offset: number): number {
    return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getInt32(0, little);
  }

  function length(count: number, size: number, offset: number): number {
    const total = count * size;
    if (count < 0 || size < 0 || !Number.isSafeInteger(total) || total > MAX_RECORD_BYTES) {
      throw corrupt(`a record declares ${count} elements of ${size} bytes`, base + consumed + offset);
    }
    return total;
  }

  function next(bytes: Uint8Array, offset: number, end: number): number {
    const available = end - offset;
    if (available < 4) return -1;
    const at = base + consumed;
    const type = int32(bytes, offset);
    let size: number;
    if (type === 2) {
      if (available < 32) return -1;
      const width = int32(bytes, offset + 4);
      const hasLabel = int32(bytes, offset + 8);
      const missingCount = int32(bytes, offset + 12);
      if (width < -1 || width > 255) throw corrupt(`a variable record has width ${width}`, at);
      if (hasLabel !== 0 && hasLabel !== 1) throw corrupt(`a variable record's label flag is ${hasLabel}`, at);
      if (missingCount < -3 || missingCount > 3 || missingCount === -1) throw corrupt(`a variable record declares ${missingCount} missing values`, at);
      if (width > 0 && missingCount < 0) throw corrupt('a string variable declares a missing-value range', at);
      size = 32;
      let label: Uint8Array | null = null;
      if (hasLabel === 1) {
        if (available < size + 4) return -1;
        const labelLength = int32(bytes, offset + 32);
        if (labelLength < 0 || labelLength > 65535) throw corrupt(`a variable label is ${labelLength} bytes long`, at);
        const padded = Math.ceil(labelLength / 4) * 4;
        if (available < size + 4 + padded) return -1;
        label = bytes.slice(offset + 36, offset + 36 + labelLength);
        size += 4 + padded;
      }
      const missingBytes = Math.abs(missingCount) * 8;
      if (available < size + missingBytes) return -1;
      const missingValues = bytes.slice(offset + size, offset + size + missingBytes);
      size += missingBytes;
      if (slots.length >= MAX_SLOTS) throw corrupt(`more than ${MAX_SLOTS} variable records`, at);
      const shortName = latin1.decode(bytes.subarray(offset + 24, offset + 32)).trimEnd();
      if (width === -1 && (slots.length === 0 || hasLabel === 1 || missingCount !== 0)) throw corrupt('a string continuation record is out of place', at);
      slots.push({ width, shortName, label, missingCount, missingValues });
    } else if (type === 3) {
      if (available < 8) return -1;
      const count = int32(bytes, offset + 4);
      if (count < 0 || count > MAX_RECORD_BYTES / 16) throw corrupt(`a value label record declares ${count} labels`, at);
      const labels: SavValueLabel[] = [];
      let position = offset + 8;
      for (let index = 0; index < count; index++) {
        if (end - position < 9) return -1;
        const labelLength = bytes[position + 8] as number;
        const padded = Math.ceil((labelLength + 1) / 8) * 8;
        if (end - position < 8 + padded) return -1;
        labels.push({ value: bytes.slice(position, position + 8), label: bytes.slice(position + 9, position + 9 + labelLength) });
        position += 8 + padded;
      }
      // The variable index record (type 4) must follow.
      if (end - position < 8) return -1;
      if (int32(bytes, position) !== 4) throw corrupt('a value label record is not followed by its variable index record', base + consumed + position - offset);
      const variableCount = int32(bytes, position + 4);
      const listBytes = length(variableCount, 4, position - offset);
      if (end - position < 8 + listBytes) return -1;
      const indexes: number[] = [];
      for (let index = 0; index < variableCount; index++) indexes.push(int32(bytes, position + 8 + 4 * index));
      labelSets.push({ labels, slots: indexes });
      size = position + 8 + listBytes - offset;
    } else if (type === 4) {
      throw corrupt('a variable index record without value labels before it', at);
    } else if (type === 6) {
      if (available < 8) return -1;
      size = 8 + length(int32(bytes, offset + 4), 80, 4);
      if (available < size) return -1;
    } else if (type === 7) {
      if (available < 16) return -1;
      const subtype = int32(bytes, offset + 4);
      const dataLength = length(int32(bytes, offset + 12), int32(bytes, offset + 8), 8);
      size = 16 + dataLength;
      if (available < size) return -1;
      const data = bytes.slice(offset + 16, offset + size);
      extensions.set(subtype, [...(extensions.get(subtype) ?? []), data]);
      records.push({ type, subtype, bytes: bytes.slice(offset, offset + size) });
      consumed += size;
      return offset + size;
    } else if (type === 999) {
      if (available < 8) return -1;
      size = 8;
      finished = true;
    } else {
      throw corrupt(`unknown record type ${type}`, at);
    }
    if (type !== 999) records.push({ type, subtype: 0, bytes: bytes.slice(offset, offset + size) });
    consumed += size;
    return offset + size;
  }

  function finish(): SavDictionary {
    return buildDictionary(header, slots, labelSets, extensions, records);
  }

  return { next, done: () => finished, finish };
}

/** The text encoding a file declares (record subtype 20, else the character code of subtype 3), as a TextDecoder label. */
function encodingOf(extensions: Map<number, Uint8Array[]>, little: boolean): string {
  const declared = extensions.get(20)?.[0];
  let name: string;
  if (declared !== undefined) {
    name = latin1.decode(declared).trim();
  } else {
    const info = extensions.get(3)?.[0];
    const code = info !== undefined && info.length >= 32 ? new DataView(info.buffer, info.byteOffset, 32).getInt32(28, little) : 1252;
    const known: Record<number, string> = { 65001: 'utf-8', 1252: 'windows-1252', 28591: 'iso-8859-1', 20127: 'us-ascii', 2: 'us-ascii', 3: 'windows-1252' };
    name = known[code] ?? `windows-${code}`;
  }
  try {
    return new TextDecoder(name).encoding;
  } catch {
    throw new ScoringError('unreadable_input', `The SPSS file's text encoding "${name}" is not one this reader knows.`, { value: name });
  }
}

function buildDictionary(
  header: SavHeader,
  slots: readonly SlotRecord[],
  labelSets: readonly { labels: SavValueLabel[]; slots: number[] }[],
  extensions: Map<number, Uint8Array[]>,
  records: SavRawRecord[],
): SavDictionary {
  const little = header.littleEndian;
  const encoding = encodingOf(extensions, little);
  const decoder = new TextDecoder(encoding);
  const text = (bytes: Uint8Array) => decoder.decode(bytes);
  // Very long strings (subtype 14): "SHORT=00600\0\t" entries, the width after the short name.
  const veryLong = new Map<string, number>();
  for (const data of extensions.get(14) ?? []) {
    for (const entry of text(data).split('\t')) {
      const [name = '', width = ''] = entry.replace(/\0+$/, '').split('=');
      const value = Number(width);
      if (name !== '' && Number.isSafeInteger(value) && value > 255 && value <= 32767) veryLong.set(name.toUpperCase(), value);
    }
  }
  // Long variable names (subtype 13): "SHORT=Long Name" pairs separated by tabs.
  const longNames = new Map<string, string>();
  for (const data of extensions.get(13) ?? []) {
    for (const entry of text(data).split('\t')) {
      const split = entry.indexOf('=');
      if (split > 0) longNames.set(entry.slice(0, split).toUpperCase(), entry.slice(split + 1));
    }
  }
  const variables: SavVariable[] = [];
  /** The variable of each 1-based slot that starts one. */
  const bySlot = new Map<number, SavVariable>();
  let slot = 0;
  while (slot < slots.length) {
    const first = slots[slot] as SlotRecord;
    if (first.width === -1) throw corrupt(`variable record ${slot + 1} continues no string`);
    const start = slot;
    const width = veryLong.get(first.shortName.toUpperCase()) ?? first.width;
    const segments: { offset: number; bytes: number }[] = [];
    const segmentCount = width > 255 ? Math.ceil(width / 252) : 1;
    let remaining = width;
    for (let segment = 0; segment < segmentCount; segment++) {
      const record = slots[slot];
      if (record === undefined || record.width === -1 || (segment > 0 && record.width === 0)) {
        throw corrupt(`the very long string ${first.shortName} (width ${width}) lacks its segment ${segment + 1}`);
      }
      const segmentWidth = record.width;
      if (segmentWidth > 0) {
        const taken = Math.min(segmentWidth, remaining, segmentCount > 1 ? 255 : segmentWidth);
        segments.push({ offset: slot * 8, bytes: taken });
        remaining -= taken;
      }
      slot++;
      for (let continuation = 1; continuation < Math.ceil(segmentWidth / 8); continuation++) {
        if (slots[slot]?.width !== -1) throw corrupt(`the string ${first.shortName} lacks continuation record ${continuation}`);
        slot++;
      }
    }
    const name = longNames.get(first.shortName.toUpperCase()) ?? first.shortName;
    const variable: SavVariable = {
      name,
      shortName: first.shortName,
      width,
      label: first.label === null ? null : text(first.label),
      offset: start * 8,
      segments,
      missing: readMissing(first, little, text),
      valueLabels: [],
    };
    variables.push(variable);
    bySlot.set(start + 1, variable);
  }
  // Names are unique in a system file (ignoring case); two alike would make one value hide the other.
  const names = new Set<string>();
  for (const variable of variables) {
    const key = variable.name.toUpperCase();
    if (names.has(key)) throw corrupt(`two variables are named "${variable.name}"`);
    names.add(key);
  }
  for (const set of labelSets) {
    for (const index of set.slots) {
      const variable = bySlot.get(index);
      if (variable === undefined) throw corrupt(`value labels name variable index ${index}, which starts no variable`);
      if (variable.width > 8) throw corrupt(`value labels of record type 3 are given for the long string ${variable.name}`);
      variable.valueLabels.push(...set.labels);
    }
  }
  const byName = new Map(variables.map((variable) => [variable.shortName.toUpperCase(), variable]));
  const byLongName = new Map(variables.map((variable) => [variable.name.toUpperCase(), variable]));
  const find = (name: string) => byLongName.get(name.toUpperCase()) ?? byName.get(name.toUpperCase());
  for (const data of extensions.get(21) ?? []) readLongStringLabels(data, little, text, find);
  for (const data of extensions.get(22) ?? []) readLongStringMissing(data, little, text, find);
  return {
    littleEndian: little,
    productName: header.productName,
    fileLabel: header.fileLabel,
    weightIndex: header.weightIndex,
    compression: header.compression,
    bias: header.bias,
    slots: slots.length,
    encoding,
    variables,
    records,
  };
}

function readMissing(record: SlotRecord, little: boolean, text: (bytes: Uint8Array) => string): SavMissing {
  const count = record.missingCount;
  if (count === 0) return { discrete: [], range: null };
  const values = record.missingValues;
  if (record.width > 0) {
    const discrete: string[] = [];
    for (let index = 0; index < count; index++) discrete.push(trimPadding(text(values.subarray(index * 8, index * 8 + 8))));
    return { discrete, range: null };
  }
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  const number = (index: number) => {
    const value = view.getFloat64(index * 8, little);
    // LOWEST and HIGHEST in ranges: the lowest double after SYSMIS, and the highest.
    if (value === HIGHEST) return Number.POSITIVE_INFINITY;
    if (value <= -HIGHEST * (1 - Number.EPSILON)) return Number.NEGATIVE_INFINITY;
    return value;
  };
  if (count > 0) return { discrete: Array.from({ length: count }, (_, index) => number(index)), range: null };
  const range: [number, number] = [number(0), number(1)];
  return { discrete: count === -3 ? [number(2)] : [], range };
}

/** Record subtype 21: value labels of strings wider than 8 bytes. */
function readLongStringLabels(data: Uint8Array, little: boolean, text: (bytes: Uint8Array) => string, find: (name: string) => SavVariable | undefined): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let position = 0;
  const take = (count: number): Uint8Array => {
    if (count < 0 || position + count > data.length) throw corrupt('a long string value label record is cut short');
    const slice = data.slice(position, position + count);
    position += count;
    return slice;
  };
  const int = () => {
    if (position + 4 > data.length) throw corrupt('a long string value label record is cut short');
    const value = view.getInt32(position, little);
    position += 4;
    return value;
  };
  while (position < data.length) {
    const name = text(take(int()));
    int(); // the variable's width
    const count = int();
    if (count < 0) throw corrupt('a long string value label record declares a negative count');
    const variable = find(name);
    for (let index = 0; index < count; index++) {
      const value = take(int());
      const label = take(int());
      // Only strings wider than 8 bytes have their labels here; a number named here is ignored.
      if (variable !== undefined && variable.width > 8) variable.valueLabels.push({ value, label });
    }
  }
}

/** Record subtype 22: missing values of strings wider than 8 bytes (each at most 8 bytes). */
function readLongStringMissing(data: Uint8Array, little: boolean, text: (bytes: Uint8Array) => string, find: (name: string) => SavVariable | undefined): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let position = 0;
  const need = (count: number) => {
    if (count < 0 || position + count > data.length) throw corrupt('a long string missing value record is cut short');
  };
  while (position < data.length) {
    need(4);
    const nameLength = view.getInt32(position, little);
    position += 4;
    need(nameLength);
    const name = text(data.subarray(position, position + nameLength));
    position += nameLength;
    need(5);
    const count = data[position] as number;
    const valueLength = view.getInt32(position + 1, little);
    position += 5;
    need(count * valueLength);
    const discrete: string[] = [];
    for (let index = 0; index < count; index++) {
      discrete.push(trimPadding(text(data.subarray(position, position + valueLength))));
      position += valueLength;
    }
    const variable = find(name);
    if (variable !== undefined && variable.width > 0) variable.missing = { discrete, range: null };
  }
}

/** Text without the spaces (and NULs, which some writers use) that pad a string value. */
export function trimPadding(text: string): string {
  return text.replace(/[ \0]+$/, '');
}

/** Whether a numeric value is declared user-missing. */
export function isMissingNumber(missing: SavMissing, value: number): boolean {
  if (missing.range !== null && value >= missing.range[0] && value <= missing.range[1]) return true;
  return missing.discrete.length > 0 && missing.discrete.includes(value);
}

/** The numeric value of a value label (a double in the file's byte order), NaN for SYSMIS. */
export function labelNumber(label: SavValueLabel, little: boolean): number {
  const value = new DataView(label.value.buffer, label.value.byteOffset, 8).getFloat64(0, little);
  return value === SYSMIS ? Number.NaN : value;
}
