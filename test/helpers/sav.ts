import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { djg11 } from '../../src/index.js';
import { type BatchOptions, createBatchScorer } from '../../src/batch/index.js';
import { createSavReader } from '../../src/batch/sav/read-sav.js';
import type { ColumnInfo, HeaderContext, InputRow } from '../../src/batch/streams/rows.js';

/** Whether GNU PSPP and R's haven are installed. In CI the cross-checks must run: missing tools fail there. */
export const psppAvailable = spawnSync('pspp', ['--version'], { encoding: 'utf8' }).status === 0;
export const havenAvailable = spawnSync('Rscript', ['-e', 'library(haven)'], { encoding: 'utf8' }).status === 0;
export const skipPspp = !psppAvailable && process.env.CI === undefined;
export const skipHaven = !havenAvailable && process.env.CI === undefined;

/** The fixtures: written by GNU PSPP from `fixtures/ggd.sps` (and its CSV export of the same data). */
export const fixtureDirectory = new URL('../batch/sav/fixtures/', import.meta.url);
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, fixtureDirectory)));
}

/** The GGD item columns GGEEB201..GGEEB211 in the MANUAL's order (11-item numbers 1..11). */
export const ggdItems = Array.from({ length: 11 }, (_, index) => `GGEEB2${String(index + 1).padStart(2, '0')}`);
/** The column spec that maps them today (a `{nn}` pattern would spell the same). */
export const ggdColumns = `order:manual:${ggdItems.join(',')}`;
export const ggdBatchColumns = { by: 'order', order: 'manual', columns: ggdItems } as const;

/** Runs a PSPP syntax file; throws with PSPP's messages when it fails. Returns the listing (text, or CSV tables). */
export function runPspp(syntax: string, directory: string, name = 'run', format: 'txt' | 'csv' = 'txt'): string {
  const file = join(directory, `${name}.sps`);
  const listing = join(directory, `${name}.${format === 'txt' ? 'lst' : 'csv'}`);
  writeFileSync(file, syntax);
  const run = spawnSync('pspp', ['-O', `format=${format}`, '-o', listing, file], { encoding: 'utf8', cwd: directory });
  if (run.status !== 0) throw new Error(`pspp failed: ${run.stderr}${run.stdout}${readFileSync(listing, 'utf8')}`);
  return readFileSync(listing, 'utf8');
}

/** Runs an R script; throws with R's messages when it fails. Returns stdout. */
export function runR(script: string): string {
  const run = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Rscript failed: ${run.stderr}`);
  return run.stdout;
}

/** What the reader delivered: the header, the columns' dictionary facts, and every row's values. */
export interface ReadResult {
  names: readonly string[];
  columns: readonly ColumnInfo[];
  context: HeaderContext | undefined;
  rows: { line: number; problem: string | null; object: Record<string, unknown> | null }[];
}

/** Reads a system file with the reader alone, pushing it in chunks of `chunkSize` bytes. */
export function readSav(bytes: Uint8Array, chunkSize = bytes.length || 1): ReadResult {
  const result: ReadResult = { names: [], columns: [], context: undefined, rows: [] };
  const reader = createSavReader(
    {
      header: (names, _kind, context) => {
        result.names = names;
        result.columns = context?.columns ?? [];
        result.context = context;
      },
      row: (row: InputRow) => {
        if (row.kind !== 'object') throw new Error('a .sav row is an object row');
        result.rows.push({ line: row.line, problem: row.problem, object: row.object === null ? null : { ...row.object } });
      },
    },
    { maxRecordBytes: 1 << 20 },
  );
  for (let offset = 0; offset < bytes.length; offset += chunkSize) reader.push(bytes.slice(offset, offset + chunkSize));
  reader.end();
  return result;
}

/** Scores a system file into text output (CSV by default), in chunks of `chunkSize` bytes. */
export function scoreSav(bytes: Uint8Array, options: Partial<BatchOptions> = {}, chunkSize = 1 << 16): { output: Uint8Array; counts: { read: number; scored: number; notScored: number; bad: number } } {
  const parts: Uint8Array[] = [];
  const scorer = createBatchScorer('sav', { scale: djg11, columns: ggdBatchColumns, output: 'csv', ...options }, (chunk) => parts.push(chunk.slice()));
  for (let offset = 0; offset < bytes.length; offset += chunkSize) scorer.push(bytes.slice(offset, offset + chunkSize));
  scorer.end();
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return { output, counts: scorer.counts };
}

/**
 * The same system file in big-endian byte order, as a big-endian machine writes it: every integer
 * and double of the header, dictionary and data swapped, text left as it is. For files of numeric
 * variables only (string values and string value labels are bytes, not numbers).
 */
export function toBigEndian(little: Uint8Array): Uint8Array {
  const bytes = little.slice();
  const view = new DataView(bytes.buffer);
  const swap = (offset: number, size: 4 | 8) => bytes.subarray(offset, offset + size).reverse();
  const int = (offset: number) => view.getInt32(offset, true);
  // File header: layout code, case size, compression, weight index, case count; the bias.
  for (const offset of [64, 68, 72, 76, 80]) swap(offset, 4);
  const isCompressed = view.getInt32(72, false) === 1;
  swap(84, 8);
  let position = 176;
  for (;;) {
    const type = int(position);
    swap(position, 4);
    if (type === 2) {
      const hasLabel = int(position + 8);
      const missing = Math.abs(int(position + 12));
      for (let field = 1; field < 6; field++) swap(position + field * 4, 4);
      position += 32;
      if (hasLabel === 1) {
        const length = int(position);
        swap(position, 4);
        position += 4 + Math.ceil(length / 4) * 4;
      }
      for (let value = 0; value < missing; value++) swap(position + value * 8, 8);
      position += missing * 8;
    } else if (type === 3) {
      const count = int(position + 4);
      swap(position + 4, 4);
      position += 8;
      for (let label = 0; label < count; label++) {
        const length = bytes[position + 8] as number;
        swap(position, 8);
        position += 8 + Math.ceil((length + 1) / 8) * 8;
      }
      const variables = int(position + 4);
      for (let field = 0; field < 2 + variables; field++) swap(position + field * 4, 4);
      position += 8 + variables * 4;
    } else if (type === 7) {
      const subtype = int(position + 4);
      const size = int(position + 8);
      const count = int(position + 12);
      for (let field = 1; field < 4; field++) swap(position + field * 4, 4);
      position += 16;
      if (subtype === 3 || subtype === 11) for (let element = 0; element < count; element++) swap(position + element * 4, 4);
      // The machine integer record also states the byte order: 1 big-endian, 2 little-endian.
      if (subtype === 3) view.setInt32(position + 24, 1, false);
      if (subtype === 4 || subtype === 16) for (let element = 0; element < count; element++) swap(position + element * 8, 8);
      position += size * count;
    } else if (type === 999) {
      swap(position + 4, 4);
      position += 8;
      break;
    } else {
      throw new Error(`toBigEndian: record type ${type} is not handled`);
    }
  }
  if (!isCompressed) {
    for (; position + 8 <= bytes.length; position += 8) swap(position, 8);
    return bytes;
  }
  // Compressed: blocks of 8 command bytes, then the raw 8-byte values (code 253) they announce.
  while (position + 8 <= bytes.length) {
    const commands = bytes.subarray(position, position + 8);
    position += 8;
    for (const command of commands) {
      if (command === 252) return bytes;
      if (command === 253) {
        swap(position, 8);
        position += 8;
      }
    }
  }
  return bytes;
}
