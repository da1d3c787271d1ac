import { ScoringError, describeValue } from '../errors.js';
import type { CategoryBand, CategoryConvention, CategorySet } from '../types.js';

/** Finds a convention by name (`undefined`: the set's default; `null`: none). */
export function resolveConvention(
  set: CategorySet<string | null>,
  name: string | null | undefined,
): CategoryConvention | null {
  const wanted = name === undefined ? set.default : name;
  if (wanted === null) return null;
  const convention = set.conventions.find((candidate) => candidate.name === wanted);
  if (convention === undefined) {
    throw new ScoringError('invalid_option', `Unknown category convention ${describeValue(wanted)}.`, undefined, wanted);
  }
  return convention;
}

/** Lays out a convention's bands by score, so that finding a score's band is one index. */
export function bandsByScore(convention: CategoryConvention | null, maximum: number): readonly (CategoryBand | null)[] {
  const table: (CategoryBand | null)[] = [];
  for (let value = 0; value <= maximum; value++) {
    table.push(convention?.bands.find((band) => band.min <= value && value <= band.max) ?? null);
  }
  return table;
}

/**
 * The band a score falls in, under the given convention.
 *
 * @example
 * ```ts
 * import { categorize, djg6 } from 'loneliness-scales';
 * categorize(djg6, 4)?.label.nl; // 'matig eenzaam'
 * ```
 */
export function categorize(
  scale: { readonly categories: { readonly total: CategorySet<string> } },
  total: number,
  convention?: string,
): CategoryBand | null {
  const found = resolveConvention(scale.categories.total, convention);
  return found?.bands.find((band) => band.min <= total && total <= band.max) ?? null;
}
