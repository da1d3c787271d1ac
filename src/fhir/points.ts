import { score } from '../index.js';
import type { CanonicalAnswer, ScaleDefinition } from '../index.js';

/**
 * The points (0 or 1) an answer scores on an item, taken from the core scorer itself so that
 * the itemWeight extensions and the calculated expressions can never disagree with `score`.
 */
export function answerPoints(scale: ScaleDefinition, key: string, answer: CanonicalAnswer): number {
  return score(scale, { [key]: answer }).points[key] ?? 0;
}
