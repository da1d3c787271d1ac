import { type CanonicalAnswer, type ScaleDefinition, ScoringError, _itemPoints as itemPoints, resolveRules } from '../index.js';

/**
 * The points (0 or 1) an answer scores on an item, read from the core's resolved rules so that
 * the answer weights and the calculated expressions can never disagree with `score`.
 */
export function answerPoints(scale: ScaleDefinition, key: string, answer: CanonicalAnswer): number {
  const rules = resolveRules(scale);
  const points = itemPoints(rules, rules.keys.indexOf(key), answer);
  if (typeof points === 'number') return points;
  throw points ?? new ScoringError('unknown_answer', `Item "${key}": "${answer}" scores no points.`, { item: key, value: answer });
}
