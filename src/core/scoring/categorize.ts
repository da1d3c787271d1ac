import type { CategoryBand, ScaleDefinition } from '../types.js';
import type { TotalConventionName } from './options.js';
import { bandOf, resolveRules } from './rules.js';

/**
 * The band a total score falls in, under the given convention (the scale's default otherwise);
 * `null` for a score outside the scale's range. Throws `invalid_option` for an unknown convention.
 *
 * @example
 * ```ts
 * import { categorize, djg6 } from 'loneliness-scales';
 * categorize(djg6, 4)?.label.nl; // 'matig eenzaam'
 * ```
 */
export function categorize<S extends ScaleDefinition>(scale: S, total: number, convention?: TotalConventionName<S>): CategoryBand | null {
  const [totalScore] = resolveRules(scale, convention === undefined ? undefined : { categories: { total: convention } }).scores;
  return Number.isInteger(total) ? bandOf(totalScore, total) : null;
}
