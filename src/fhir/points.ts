import { type CanonicalAnswer, type ResolvedRules, type ResolvedScore, type ScaleDefinition, ScoringError, agreement, resolveRules } from '../index.js';
import type { ScoreName } from './texts.js';

/** Resolved rules by scale: a Questionnaire reads them once per answer option. */
const rulesByScale = new WeakMap<ScaleDefinition, ResolvedRules>();

/** The core's resolved rules of a scale with its default options, the one source of its points and scores. */
export function rulesOf(scale: ScaleDefinition): ResolvedRules {
  let rules = rulesByScale.get(scale);
  if (rules === undefined) rulesByScale.set(scale, (rules = resolveRules(scale)));
  return rules;
}

/**
 * The points an answer scores on the item at `position`, read from the core's resolved rules so
 * that the answer weights and the calculated expressions can never disagree with `score` (0 or 1
 * on De Jong Gierveld items; an item listing its own `points` scores those), or `undefined` for
 * an answer the item does not offer (not in its `points`).
 */
export function answerPoints(rules: ResolvedRules, position: number, answer: CanonicalAnswer): number | undefined {
  const points = rules.points[position]?.[agreement[answer] + 2];
  // NOT_OFFERED (-1) and anything outside the table: not an answer of this item.
  return points === undefined || points < 0 ? undefined : points;
}

/** The scores a scale has: the total, and each subscale with items (a scale without subscales has its total only). */
export function scoresOf(rules: ResolvedRules): ResolvedScore[] {
  return [...rules.presentScores];
}

/** The resolved score of a name; `invalid_option` for one the scale does not have (a subscale without items). */
export function scoreOf(rules: ResolvedRules, name: ScoreName): ResolvedScore {
  const score = scoresOf(rules).find((candidate) => candidate.name === name);
  if (score === undefined) {
    throw new ScoringError('invalid_option', `Scale ${rules.scale.id} has no ${String(name)} score (the scores of a scale are its total and each subscale it has items on).`, { path: 'name', value: name });
  }
  return score;
}
