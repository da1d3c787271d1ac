/**
 * Reads a survey weight from a cell: a finite, non-negative number, or `NaN` for anything else
 * (blank, text, negative), which leaves the row out of weighted statistics.
 *
 * @example
 * ```ts
 * import { parseWeight } from 'loneliness-scales/batch/internal';
 * parseWeight(' 1.25 '); // 1.25
 * parseWeight('');       // NaN
 * parseWeight('-1');     // NaN
 * ```
 */
export function parseWeight(text: string): number {
  const trimmed = text.trim();
  const weight = trimmed === '' ? Number.NaN : Number(trimmed);
  return Number.isFinite(weight) && weight >= 0 ? weight : Number.NaN;
}
