/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** A proportion's confidence interval. */
export interface Interval {
  /** Lower bound, 0–1. */
  readonly lower: number;
  /** Upper bound, 0–1. */
  readonly upper: number;
}

/**
 * The Wilson score interval for a proportion (Wilson 1927): well-behaved near 0 and 1 and for
 * small samples, unlike the normal approximation. At 0 successes the lower bound is exactly 0, at
 * `n` successes the upper bound exactly 1. `n` may be an effective sample size (weighted
 * data, Kish), so it need not be an integer. `null` when `n` is 0.
 *
 * @example
 * ```ts
 * import { wilsonInterval } from 'loneliness-scales/batch/internal';
 * wilsonInterval(26, 100); // { lower: 0.1851…, upper: 0.3521… }
 * ```
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n successes the bounds are exactly 0 and 1; rounding must not leave 0.9999999999999999.
  return { lower: p <= 0 ? 0 : Math.max(0, center - half), upper: p >= 1 ? 1 : Math.min(1, center + half) };
}
