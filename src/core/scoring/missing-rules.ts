import { ScoringError, describeValue } from '../errors.js';
import type { MissingRule, ScaleDefinition } from '../types.js';
import type { ScoreOptions } from './options.js';

/** The missing-answer rules a scorer applies: the scale's own, or those named in the options. */
export interface AppliedMissingRules {
  /** Rule for the total. */
  readonly total: MissingRule;
  /** Rule for each subscale. */
  readonly subscale: MissingRule;
}

function override(value: number | undefined, fallback: MissingRule, limit: number): MissingRule {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value >= 0 && value <= limit)) {
    throw new ScoringError('invalid_option', `missing: ${describeValue(value)} is not an integer 0–${limit}.`, undefined, value);
  }
  return { maxMissing: value, source: 'option' };
}

/**
 * Resolves the missing-answer rules. Defaults come from the scale definition: for the 6-item
 * scale the MANUAL's (total tolerates one missing item, subscales none); for the 11-item scale
 * the conservative "all items answered", as the MANUAL's 11-item rule was not retrieved.
 */
export function resolveMissingRules(scale: ScaleDefinition, options: ScoreOptions | undefined): AppliedMissingRules {
  const missing = options?.missing;
  if (missing === undefined) return scale.missing;
  const smallest = Math.min(scale.range.emotional, scale.range.social);
  return {
    total: override(missing.total, scale.missing.total, scale.range.total),
    subscale: override(missing.subscale, scale.missing.subscale, smallest),
  };
}
