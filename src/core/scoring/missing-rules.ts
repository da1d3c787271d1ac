import { ScoringError, describeValue } from '../errors.js';
import type { MissingRules, ScaleDefinition } from '../types.js';
import type { ScoreOptions } from './options.js';

function tolerance(value: number | undefined, fallback: number, limit: number): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value >= 0 && value <= limit) return value;
  throw new ScoringError('invalid_option', `missing: ${describeValue(value)} is not an integer 0–${limit}.`, undefined, value);
}

/**
 * Resolves the missing-answer rules. Defaults come from the scale definition: for the 6-item
 * scale the MANUAL's (the total tolerates one missing item, the subscales none); for the 11-item
 * scale "every item answered", as the MANUAL's 11-item rule was not retrieved. The `missing`
 * option overrides either, explicitly.
 */
export function resolveMissingRules(scale: ScaleDefinition, options: ScoreOptions | undefined): MissingRules {
  const missing = options?.missing;
  if (missing === undefined) return scale.missing;
  const { range } = scale;
  return {
    total: tolerance(missing.total, scale.missing.total, range.total),
    subscale: tolerance(missing.subscale, scale.missing.subscale, Math.min(range.emotional, range.social)),
  };
}
