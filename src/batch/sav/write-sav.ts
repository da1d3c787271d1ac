import { type CategoryBand, type Language, ScoringError } from '../../index.js';
import type { RowScores } from '../scoring/row-scores.js';
import { scoreColumnNames } from '../scoring/output-columns.js';
import type { ByteSink } from '../streams/byte-sink.js';
import type { HeaderContext, InputRow, RowWriter, WriterOptions } from '../streams/rows.js';
import { HIGHEST, type SavDictionary, SYSMIS } from './dictionary.js';
import { isSavRow } from './read-sav.js';

/** Width of the reason variable: the longest short string, so that it needs no very long string record. */
const REASON_WIDTH = 255;
/** The compression bias written (PSPP guide, "File Header Record": normally 100). */
const BIAS = 100;
/** SPSS format codes (PSPP guide, "Variable Record": type << 16 | width << 8 | decimals). */
const FORMAT_F3 = (5 << 16) | (3 << 8);
const FORMAT_A255 = (1 << 16) | (REASON_WIDTH << 8);
/** Names that are reserved words in SPSS syntax and cannot name a variable. */
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/** The variable labels of the score variables, by language. */
const scoreLabels: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Loneliness: total score',
    'Emotional loneliness: score',
    'Social loneliness: score',
    'Loneliness: category of the total score',
    'Loneliness: number of items without an answer',
    'Loneliness: why there is no total score',
  ],
  nl: [
    'Eenzaamheid: totaalscore',
    'Emotionele eenzaamheid: score',
    'Sociale eenzaamheid: score',
    'Eenzaamheid: categorie van de totaalscore',
    'Eenzaamheid: aantal items zonder antwoord',
    'Eenzaamheid: waarom er geen totaalscore is',
  ],
};

/** Encodes text in the output file's encoding: UTF-8, or Windows-1252 (unmappable characters as `?`). */
function encoderFor(encoding: string): (text: string) => Uint8Array {
  if (encoding === 'utf-8') {
    const utf8 = new TextEncoder();
    return (text) => utf8.encode(text);
  }
  if (encoding === 'windows-1252') {
    const high = new Map<number, number>();
    const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 128 }, (_, index) => 128 + index));
    for (let index = 0; index < decoded.length; index++) high.set(decoded.charCodeAt(index), 128 + index);
    return (text) => Uint8Array.from(text, (character) => {
      const code = character.charCodeAt(0);
      return code < 128 ? code : (high.get(code) ?? 0x3f);
    });
  }
  throw new ScoringError(
    'invalid_option',
    `SPSS output keeps the input file's text encoding, and ${encoding} cannot be written: write CSV or NDJSON (--to csv), which is UTF-8.`,
    { value: encoding },
  );
}

/** The first `limit` bytes of `bytes`, not cutting a UTF-8 character when `utf8`. */
function cut(bytes: Uint8Array, limit: number, utf8: boolean): Uint8Array {
  if (bytes.length <= limit) return bytes;
  let end = limit;
  if (utf8) while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** A little builder of dictionary bytes in the file's byte order. */
function createRecordBuilder(little: boolean) {
  const parts: Uint8Array[] = [];
  const int32 = (...values: number[]) => {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((value, index) => view.setInt32(index * 4, value, little));
    parts.push(bytes);
  };
  const float64 = (...values: number[]) => {
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    values.forEach((value, index) => view.setFloat64(index * 8, value, little));
    parts.push(bytes);
  };
  /** Bytes padded with `pad` to `size` (or to a multiple of `multiple`). */
  const padded = (bytes: Uint8Array, size: number, pad = 0x20) => {
    const out = new Uint8Array(size).fill(pad);
    out.set(bytes.subarray(0, size));
    parts.push(out);
  };
  const raw = (bytes: Uint8Array) => parts.push(bytes);
  const bytes = () => {
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  };
  return { int32, float64, padded, raw, bytes };
}

/** The short (8-byte) name of a new variable, unique among `taken` (upper case). */
function shortNameFor(name: string, taken: Set<string>): string {
  const base = name.toUpperCase().slice(0, 8);
  let candidate = base;
  for (let suffix = 1; taken.has(candidate); suffix++) candidate = `${base.slice(0, 8 - String(suffix).length - 1)}_${suffix}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Creates a writer of SPSS system files (`.sav`, bytecode-compressed) from an SPSS input: every
 * input variable as it was — its records copied (type, width, print and write formats, variable
 * label, value labels, user-missing values, long names, very long strings, documents, attributes,
 * measurement levels) and each case's bytes as read — followed by the score variables: `total`,
 * `emotional`, `social`, `category` (numeric, with the category bands as value labels in the
 * output language), `missing_items`, and `reason` (a string of 255 bytes). Scores that are
 * missing are system-missing. The file keeps the input's byte order and text encoding (UTF-8 or
 * Windows-1252; another encoding is refused); its case count is written as unknown (-1), so the
 * file is written in one pass.
 *
 * Refused with a `ScoringError`: input that is not SPSS (`invalid_option`: text has no types or
 * widths to keep), and an input variable whose name equals a score variable's, ignoring case as
 * SPSS does (`duplicate_column`, suggesting a prefix).
 */
export function createSavWriter(sink: ByteSink, options: WriterOptions): RowWriter {
  const { prefix, language } = options;
  const names = scoreColumnNames(prefix).filter((_, index) => index !== 4);
  let dictionary: SavDictionary | undefined;
  let little = true;
  let encode: (text: string) => Uint8Array = (text) => new TextEncoder().encode(text);
  let utf8 = true;
  /** Per input slot: 1 for a number, 0 for string bytes. */
  let numericSlots = new Uint8Array(0);
  // The compressed output: a block of 8 commands, then the raw slots they announce.
  const block = new Uint8Array(8 + 64);
  let commandCount = 0;
  let rawCount = 0;
  const reasonBytes = new Uint8Array(REASON_WIDTH + 1);
  const reasonCache = new Map<string, Uint8Array>();
  const eight = new Uint8Array(8);
  const eightView = new DataView(eight.buffer);

  function flushBlock(): void {
    if (commandCount === 0) return;
    block.fill(0, commandCount, 8);
    sink.writeRange(block, 0, 8 + rawCount * 8);
    commandCount = 0;
    rawCount = 0;
  }

  function command(code: number): void {
    block[commandCount++] = code;
    if (commandCount === 8) flushBlock();
  }

  function rawSlot(bytes: Uint8Array, offset: number): void {
    block.set(bytes.subarray(offset, offset + 8), 8 + rawCount * 8);
    rawCount++;
    command(253);
  }

  function numberSlot(value: number): void {
    if (Number.isNaN(value) || value === SYSMIS) {
      command(255);
    } else if (Number.isInteger(value) && value > -BIAS && value <= 251 - BIAS) {
      command(value + BIAS);
    } else {
      eightView.setFloat64(0, value, little);
      rawSlot(eight, 0);
    }
  }

  function stringSlots(bytes: Uint8Array, start: number, slots: number): void {
    for (let slot = 0; slot < slots; slot++) {
      const offset = start + slot * 8;
      let spaces = true;
      for (let index = offset; index < offset + 8; index++) {
        if (bytes[index] !== 0x20) {
          spaces = false;
          break;
        }
      }
      if (spaces) command(254);
      else rawSlot(bytes, offset);
    }
  }

  function header(inputNames: readonly string[], _kind: InputRow['kind'], context?: HeaderContext): void {
    if (context?.source?.format !== 'sav') {
      throw new ScoringError(
        'invalid_option',
        'SPSS (.sav) output is written from SPSS input only: text and JSON input have no variable types, widths or labels to keep. Write CSV, TSV or NDJSON instead.',
        { value: 'sav' },
      );
    }
    const read = context.source.dictionary as SavDictionary;
    dictionary = read;
    little = read.littleEndian;
    encode = encoderFor(read.encoding);
    utf8 = read.encoding === 'utf-8';
    const taken = new Set(inputNames.map((name) => name.toUpperCase()));
    for (const name of names) {
      if (!/^[A-Za-z@#$][A-Za-z0-9_.@#$]*$/.test(name) || name.length > 64 || RESERVED.has(name.toUpperCase())) {
        throw new ScoringError('invalid_option', `"${name}" is not a valid SPSS variable name: give a prefix of letters, digits and _ that starts with a letter (--prefix).`, { value: name });
      }
      if (taken.has(name.toUpperCase())) {
        const hint = prefix === '' ? 'pass a prefix for the score variables (option prefix, --prefix), e.g. djg6_' : 'pass another prefix (option prefix, --prefix)';
        throw new ScoringError('duplicate_column', `The input has a variable "${name}" (SPSS names ignore case), which is also a variable the scorer adds; ${hint}.`, { value: name });
      }
    }
    numericSlots = new Uint8Array(read.slots);
    for (const variable of read.variables) if (variable.width === 0) numericSlots[variable.offset / 8] = 1;
    const bytes = dictionaryBytes(read, context.categories ?? []);
    sink.writeRange(bytes, 0, bytes.length);
  }

  function dictionaryBytes(read: SavDictionary, categories: readonly CategoryBand[]): Uint8Array {
    const out = createRecordBuilder(little);
    const shortNames = new Set<string>();
    for (const record of read.records) {
      if (record.type === 2) shortNames.add(new TextDecoder('windows-1252').decode(record.bytes.subarray(24, 32)).trimEnd().toUpperCase());
    }
    const shorts = names.map((name) => shortNameFor(name, shortNames));
    const slots = read.slots + 5 + REASON_WIDTH_SLOTS;
    const now = new Date();
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][now.getUTCMonth()] as string;
    const two = (value: number) => String(value).padStart(2, '0');
    const ascii = new TextEncoder();
    // File header record.
    out.raw(ascii.encode('$FL2'));
    out.padded(ascii.encode('@(#) SPSS DATA FILE loneliness-scales'), 60);
    out.int32(2, slots, 1, read.weightIndex, -1);
    out.float64(BIAS);
    out.raw(ascii.encode(`${two(now.getUTCDate())} ${month} ${two(now.getUTCFullYear() % 100)}${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`));
    out.padded(read.fileLabel, 64);
    out.padded(new Uint8Array(0), 3, 0);
    // Variable records: the input's as they were, then the scores'.
    for (const record of read.records) if (record.type === 2) out.raw(record.bytes);
    const labels = scoreLabels[language];
    names.forEach((_, index) => {
      const isReason = index === names.length - 1;
      const label = cut(encode(labels[index] as string), 255, utf8);
      out.int32(2, isReason ? REASON_WIDTH : 0, 1, 0, isReason ? FORMAT_A255 : FORMAT_F3, isReason ? FORMAT_A255 : FORMAT_F3);
      out.padded(ascii.encode(shorts[index] as string), 8);
      out.int32(label.length);
      out.padded(label, Math.ceil(label.length / 4) * 4, 0x20);
      if (isReason) {
        for (let continuation = 1; continuation < REASON_WIDTH_SLOTS; continuation++) {
          out.int32(2, -1, 0, 0, 0, 0);
          out.padded(new Uint8Array(0), 8);
        }
      }
    });
    // Value labels, documents: the input's; then the category bands on the category variable.
    for (const record of read.records) if (record.type === 3 || record.type === 6) out.raw(record.bytes);
    if (categories.length > 0) {
      out.int32(3, categories.length);
      for (const band of categories) {
        out.float64(band.code);
        const label = cut(encode(band.label[language]), 120, utf8);
        const entry = new Uint8Array(Math.ceil((label.length + 1) / 8) * 8).fill(0x20);
        entry[0] = label.length;
        entry.set(label, 1);
        out.raw(entry);
      }
      out.int32(4, 1, read.slots + 4);
    }
    // Extension records: the input's, with the long names and display parameters extended.
    const subtypes = new Set(read.records.filter((record) => record.type === 7).map((record) => record.subtype));
    if (!subtypes.has(3)) out.int32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, little ? 2 : 1, utf8 ? 65001 : 1252);
    if (!subtypes.has(4)) {
      out.int32(7, 4, 8, 3);
      out.float64(SYSMIS, HIGHEST, -HIGHEST * (1 - Number.EPSILON));
    }
    // Long names come where the input had them (or before the records that name variables by long
    // name, 14 and up): readers such as ReadStat resolve names in records 21 and 22 by them.
    const longNames = encode([...read.variables.map((variable) => `${variable.shortName}=${variable.name}`), ...names.map((name, index) => `${shorts[index] as string}=${name}`)].join('\t'));
    let longNamesWritten = false;
    const writeLongNames = () => {
      if (longNamesWritten) return;
      out.int32(7, 13, 1, longNames.length);
      out.raw(longNames);
      longNamesWritten = true;
    };
    for (const record of read.records) {
      if (record.type !== 7) continue;
      if (record.subtype >= 13) writeLongNames();
      if (record.subtype === 13 || record.subtype === 16) continue;
      if (record.subtype === 11) {
        const count = new DataView(record.bytes.buffer, record.bytes.byteOffset + 12, 4).getInt32(0, little);
        const perVariable = count % 3 === 0 && count / 3 === displayEntries(read) ? 3 : 2;
        // Measure (1 nominal, 2 ordinal, 3 scale), width, alignment (0 left, 1 right), per added variable.
        const added = names.map((_, index) => (index === 3 ? [2, 8, 1] : index === names.length - 1 ? [1, 40, 0] : [3, 8, 1]));
        out.int32(7, 11, 4, count + added.length * perVariable);
        out.raw(record.bytes.subarray(16));
        for (const entry of added) out.int32(...(perVariable === 3 ? entry : entry.slice(1)));
        continue;
      }
      out.raw(record.bytes);
    }
    writeLongNames();
    if (!subtypes.has(20)) {
      const name = ascii.encode(utf8 ? 'UTF-8' : 'windows-1252');
      out.int32(7, 20, 1, name.length);
      out.raw(name);
    }
    out.int32(999, 0);
    return out.bytes();
  }

  function row(input: InputRow, scores: RowScores): void {
    if (!isSavRow(input)) throw new ScoringError('invalid_option', 'SPSS (.sav) output is written from SPSS input only.', { value: 'sav' });
    const bytes = input.caseBytes;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let slot = 0; slot < numericSlots.length; slot++) {
      if (numericSlots[slot] === 1) numberSlot(view.getFloat64(slot * 8, little));
      else stringSlots(bytes, slot * 8, 1);
    }
    numberSlot(scores.total ?? Number.NaN);
    numberSlot(scores.emotional ?? Number.NaN);
    numberSlot(scores.social ?? Number.NaN);
    numberSlot(scores.category?.code ?? Number.NaN);
    numberSlot(scores.missingItems ?? Number.NaN);
    const reason = scores.reason ?? '';
    let encoded = reasonCache.get(reason);
    if (encoded === undefined) {
      encoded = cut(encode(reason), REASON_WIDTH, utf8);
      if (reasonCache.size < 1024) reasonCache.set(reason, encoded);
    }
    reasonBytes.fill(0x20);
    reasonBytes.set(encoded);
    stringSlots(reasonBytes, 0, REASON_WIDTH_SLOTS);
  }

  return {
    header,
    row,
    end() {
      if (dictionary !== undefined) flushBlock();
    },
  };
}

/** Slots of the reason variable. */
const REASON_WIDTH_SLOTS = Math.ceil(REASON_WIDTH / 8);

/** Entries a variable display record (subtype 11) has per file: one per variable segment. */
function displayEntries(read: SavDictionary): number {
  return read.variables.reduce((sum, variable) => sum + Math.max(1, variable.segments.length), 0);
}
