import { ScoringError } from '../../index.js';
import { MISSING_POINT } from '../scoring/compile.js';
import type { ByteReader, ColumnInfo, ObjectRow, ReaderOptions, RowTarget } from '../streams/rows.js';
import { type SavDictionary, type SavVariable, SYSMIS } from './dictionary.js';
import { HEADER_BYTES, createDictionaryParser, corrupt, isMissingNumber, labelNumber, readHeader, trimPadding } from './read-dictionary.js';

/** Compression codes of the bytecode (PSPP guide, "Data Record"). */
const SKIP = 0;
const END_OF_DATA = 252;
const RAW = 253;
const SPACES = 254;
const SYSTEM_MISSING = 255;

/** A row of a system file: an object row that also holds the case's bytes, for the `.sav` writer. */
export interface SavRow extends ObjectRow {
  /** The case as stored, uncompressed: `slots × 8` bytes (reused between rows). */
  readonly caseBytes: Uint8Array;
}

/** Whether a row comes from the system file reader. */
export function isSavRow(row: unknown): row is SavRow {
  return typeof row === 'object' && row !== null && (row as { caseBytes?: unknown }).caseBytes instanceof Uint8Array;
}

/** The per-column facts the row pipeline reads: type, value labels as numbers or text, user-missing test. */
function columnInfo(dictionary: SavDictionary, variable: SavVariable, decoder: TextDecoder): ColumnInfo {
  const numeric = variable.width === 0;
  return {
    name: variable.name,
    type: numeric ? 'numeric' : 'string',
    valueLabels: variable.valueLabels.map((entry) => ({
      value: numeric ? labelNumber(entry, dictionary.littleEndian) : trimPadding(decoder.decode(entry.value)),
      label: decoder.decode(entry.label),
    })),
    isMissing:
      variable.missing.discrete.length === 0 && variable.missing.range === null
        ? () => false
        : (value) => (typeof value === 'number' ? isMissingNumber(variable.missing, value) : variable.missing.discrete.includes(trimPadding(value))),
  };
}

/**
 * Creates a reader of SPSS system files (`.sav`), uncompressed or bytecode-compressed, following
 * GNU PSPP's developer guide ("System File Format"). The dictionary is read first (variables,
 * long names, very long strings, labels, value labels, user-missing values, the text encoding;
 * other extension records are kept, not interpreted); then each case is a row, read as its bytes
 * arrive: memory holds one case. Cases are numbered from 1 (the row's `line`).
 *
 * Numbers are read as stored; system-missing and user-missing values are missing answers. String
 * values lose their padding spaces. A file that is not a system file, or whose dictionary is cut
 * short or corrupt, throws a `ScoringError` (`unreadable_input`) before any row; a case cut short
 * at the end is a malformed row, so that nothing read is lost.
 */
export function createSavReader(target: RowTarget, _options: ReaderOptions): ByteReader {
  let pending = new Uint8Array(64 << 10);
  let pendingLength = 0;
  let offset = 0;
  let consumedBefore = 0;
  let phase: 'header' | 'dictionary' | 'data' | 'done' = 'header';
  let parser: ReturnType<typeof createDictionaryParser> | undefined;
  let caseBytes = new Uint8Array(0);
  let caseView = new DataView(caseBytes.buffer);
  let slotBytes = 0;
  let caseSize = 0;
  let filled = 0;
  let caseNumber = 0;
  // Bytecode state: the current block of 8 commands and the next one to read.
  const commands = new Uint8Array(8);
  let commandIndex = 8;
  let commandFill = 0;
  let bias = 100;
  let little = true;
  let compressed = false;
  let variables: readonly SavVariable[] = [];
  let decoder = new TextDecoder();
  let infos: ColumnInfo[] = [];

  const stringOf = (variable: SavVariable): string => {
    const { segments } = variable;
    if (segments.length === 1) {
      const segment = segments[0] as { offset: number; bytes: number };
      return decoder.decode(trimSpaces(caseBytes, segment.offset, segment.offset + segment.bytes));
    }
    const joined = new Uint8Array(variable.width);
    let length = 0;
    for (const segment of segments) {
      joined.set(caseBytes.subarray(segment.offset, segment.offset + segment.bytes), length);
      length += segment.bytes;
    }
    return decoder.decode(trimSpaces(joined, 0, length));
  };
  const numberOf = (variable: SavVariable): number => {
    const value = caseView.getFloat64(variable.offset, little);
    return value === SYSMIS ? Number.NaN : value;
  };
  const valueOf = (column: number): number | string | null => {
    const variable = variables[column] as SavVariable;
    if (variable.width > 0) return stringOf(variable);
    const value = numberOf(variable);
    return Number.isNaN(value) ? null : value;
  };

  let objectCache: Record<string, unknown> | null = null;
  const row: SavRow = {
    kind: 'object',
    line: 0,
    problem: null,
    invalidText: false,
    get caseBytes() {
      return caseBytes;
    },
    // A case cut short keeps the values read before the cut (the rest system-missing or blank).
    get object(): Record<string, unknown> | null {
      if (objectCache === null) {
        // No prototype: a variable named __proto__ is a key like any other.
        const object = Object.create(null) as Record<string, unknown>;
        for (let column = 0; column < variables.length; column++) object[(variables[column] as SavVariable).name] = valueOf(column);
        objectCache = object;
      }
      return objectCache;
    },
    set object(_value) {
      // The reader owns the row's values.
    },
    get raw(): string {
      return JSON.stringify(row.object);
    },
    set raw(_value) {
      // The reader owns the row's text.
    },
    pointOf: (compiled, item, column) => {
      const variable = variables[column] as SavVariable;
      const info = infos[column] as ColumnInfo;
      if (variable.width === 0) {
        const value = numberOf(variable);
        if (Number.isNaN(value) || info.isMissing(value)) return MISSING_POINT;
        return compiled.pointOfCode(item, value);
      }
      const text = stringOf(variable);
      if (info.isMissing(text)) return MISSING_POINT;
      return compiled.pointOfText(item, text.trim());
    },
    textOf: (column) => {
      const value = valueOf(column);
      return value === null ? '' : String(value);
    },
  } as SavRow;

  function emitCase(problem: string | null): void {
    caseNumber++;
    objectCache = null;
    row.line = caseNumber;
    (row as { problem: string | null }).problem = problem;
    target.row(row);
  }

  /** Fills the case from byte `start` with system-missing numbers and blank strings (a case cut short). */
  function fillFrom(start: number): void {
    const from = Math.floor(start / 8) * 8;
    caseBytes.fill(0x20, from);
    for (const variable of variables) if (variable.width === 0 && variable.offset >= from) caseView.setFloat64(variable.offset, SYSMIS, little);
  }

  function startData(read: SavDictionary): void {
    variables = read.variables;
    little = read.littleEndian;
    compressed = read.compression === 1;
    bias = read.bias;
    decoder = new TextDecoder(read.encoding);
    slotBytes = read.slots * 8;
    caseSize = slotBytes;
    caseBytes = new Uint8Array(Math.max(caseSize, 8));
    caseView = new DataView(caseBytes.buffer);
    infos = variables.map((variable) => columnInfo(read, variable, decoder));
    phase = caseSize === 0 ? 'done' : 'data';
    target.header(
      variables.map((variable) => variable.name),
      'object',
      { columns: infos, source: { format: 'sav', dictionary: read } },
    );
  }

  function append(chunk: Uint8Array): void {
    if (offset > 0 && offset === pendingLength) {
      consumedBefore += offset;
      pendingLength = 0;
      offset = 0;
    }
    if (pendingLength + chunk.length > pending.length) {
      const kept = pendingLength - offset;
      const grown = new Uint8Array(Math.max(pending.length * 2, kept + chunk.length));
      grown.set(pending.subarray(offset, pendingLength));
      consumedBefore += offset;
      pending = grown;
      pendingLength = kept;
      offset = 0;
    }
    pending.set(chunk, pendingLength);
    pendingLength += chunk.length;
  }

  function readDictionary(): void {
    if (phase === 'header') {
      if (pendingLength - offset < HEADER_BYTES) return;
      const header = readHeader(pending.subarray(offset, offset + HEADER_BYTES));
      offset += HEADER_BYTES;
      parser = createDictionaryParser(header, consumedBefore + offset);
      phase = 'dictionary';
    }
    const records = parser as NonNullable<typeof parser>;
    while (!records.done()) {
      const after = records.next(pending, offset, pendingLength);
      if (after === -1) return;
      offset = after;
    }
    startData(records.finish());
  }

  /** Reads case bytes from `bytes[start, end)`, emitting each case when complete, until the end-of-data code. */
  function readData(bytes: Uint8Array, start: number, end: number): void {
    let position = start;
    if (!compressed) {
      while (position < end) {
        const count = Math.min(caseSize - filled, end - position);
        caseBytes.set(bytes.subarray(position, position + count), filled);
        filled += count;
        position += count;
        if (filled === caseSize) {
          filled = 0;
          emitCase(null);
        }
      }
      return;
    }
    // Commands that need no bytes (numbers, spaces, system-missing) are applied even at the end of a chunk.
    while (phase === 'data') {
      if (commandIndex === 8) {
        if (position >= end) return;
        // The next block of 8 command bytes, which may arrive in pieces.
        while (commandFill < 8 && position < end) commands[commandFill++] = bytes[position++] as number;
        if (commandFill < 8) return;
        commandFill = 0;
        commandIndex = 0;
        continue;
      }
      const code = commands[commandIndex] as number;
      if (code === RAW) {
        // Eight bytes follow the command block, possibly in pieces: `rawFill` counts those read.
        while (rawFill < 8 && position < end) caseBytes[filled + rawFill++] = bytes[position++] as number;
        if (rawFill < 8) return;
        rawFill = 0;
      } else if (code === SKIP) {
        commandIndex++;
        continue;
      } else if (code === END_OF_DATA) {
        phase = 'done';
        return;
      } else if (code === SPACES) {
        caseBytes.fill(0x20, filled, filled + 8);
      } else if (code === SYSTEM_MISSING) {
        caseView.setFloat64(filled, SYSMIS, little);
      } else {
        caseView.setFloat64(filled, code - bias, little);
      }
      commandIndex++;
      filled += 8;
      if (filled === caseSize) {
        filled = 0;
        emitCase(null);
      }
    }
  }
  let rawFill = 0;

  function push(chunk: Uint8Array): void {
    if (phase === 'data') {
      readData(chunk, 0, chunk.length);
      return;
    }
    if (phase === 'done') return;
    append(chunk);
    readDictionary();
    if ((phase as string) === 'data') {
      const rest = pending.subarray(offset, pendingLength);
      offset = pendingLength;
      // The bytes after the dictionary are data; the dictionary's buffer is let go.
      const copy = rest.slice();
      pending = new Uint8Array(0);
      pendingLength = 0;
      offset = 0;
      readData(copy, 0, copy.length);
    }
  }

  function end(): void {
    if (phase === 'header') {
      if (pendingLength - offset === 0) throw new ScoringError('unreadable_input', 'The SPSS file is empty.');
      if (pendingLength - offset < HEADER_BYTES) {
        // Checked for what it is before saying it is cut short.
        const start = new TextDecoder('windows-1252').decode(pending.subarray(offset, Math.min(pendingLength, offset + 4)));
        if (!'$FL2'.startsWith(start) && !'$FL3'.startsWith(start)) throw corrupt(`it starts with ${JSON.stringify(start)}, not "$FL2"`, 0);
        throw corrupt(`the file header is cut short (${pendingLength - offset} of ${HEADER_BYTES} bytes)`);
      }
    }
    if (phase === 'dictionary') throw corrupt(`the dictionary is cut short after ${consumedBefore + offset} bytes`);
    if (phase === 'data' && (filled > 0 || rawFill > 0)) {
      const got = filled + rawFill;
      fillFrom(filled);
      emitCase(`case cut short: the file ends ${got} bytes into the case's ${caseSize} (truncated file)`);
      filled = 0;
    } else if (phase === 'data' && compressed && commandIndex < 8) {
      // Commands left in the last block after the last case must be padding or end-of-data.
      for (let index = commandIndex; index < 8; index++) {
        const code = commands[index] as number;
        if (code === END_OF_DATA) break;
        if (code !== SKIP) {
          fillFrom(filled);
          emitCase('case cut short: the file ends inside a compressed case (truncated file)');
          break;
        }
      }
    }
    phase = 'done';
  }

  return { push, end };
}

/** The bytes of `bytes[start, end)` without trailing spaces (and NULs, which some writers pad with). */
function trimSpaces(bytes: Uint8Array, start: number, end: number): Uint8Array {
  let last = end;
  while (last > start && (bytes[last - 1] === 0x20 || bytes[last - 1] === 0)) last--;
  return bytes.subarray(start, last);
}
