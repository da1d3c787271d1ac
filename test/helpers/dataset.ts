/**
 * Generates survey datasets for cross-checks: 11 item columns `lone1`..`lone11` coded in a named
 * coding, with missing answers as blanks and negative codes. Deterministic for a seed.
 */
import { codings, type CodingPreset } from '../../src/index.js';

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedRow {
  readonly id: number;
  /** `lone1`..`lone11`: a code as text, '' for a blank. */
  readonly cells: readonly string[];
}

/**
 * Rows with answers in `coding`; about `missingRate` of the answers missing (half blank, half a
 * negative code -1, -3 or -4).
 */
export function generateRows(count: number, coding: CodingPreset, seed = 1, missingRate = 0.08): GeneratedRow[] {
  const next = random(seed);
  const codes = Object.keys(codings[coding].codes);
  const negative = ['-1', '-3', '-4'];
  const rows: GeneratedRow[] = [];
  for (let id = 1; id <= count; id++) {
    const cells: string[] = [];
    for (let item = 0; item < 11; item++) {
      const draw = next();
      if (draw < missingRate / 2) cells.push('');
      else if (draw < missingRate) cells.push(negative[Math.floor(next() * negative.length)] as string);
      else cells.push(codes[Math.floor(next() * codes.length)] as string);
    }
    rows.push({ id, cells });
  }
  return rows;
}

/** The rows as CSV with a header `id,lone1,…,lone11`. */
export function toCsv(rows: readonly GeneratedRow[]): string {
  const header = ['id', ...Array.from({ length: 11 }, (_, index) => `lone${index + 1}`)].join(',');
  return `${header}\n${rows.map((row) => [row.id, ...row.cells].join(',')).join('\n')}\n`;
}
