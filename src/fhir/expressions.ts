import { agreement } from '../index.js';
import type { ScaleDefinition } from '../index.js';
import { answerPoints, rulesOf, scoreOf } from './points.js';
import type { ScoreName } from './texts.js';

const quoted = (values: readonly string[]): string => `(${values.map((value) => `'${value}'`).join(' | ')})`;

/**
 * The FHIRPath expression (SDC `calculatedExpression`, evaluated over the QuestionnaireResponse
 * as `%resource`) of one score: the sum of the points of its answered items, or empty when more
 * items are unanswered than the scale's missing-answer rule tolerates (6-item: MANUAL §4;
 * 11-item: every item required by default). Answers are read by their code in
 * {@link fhirUrls.answers}; points come from the core's resolved rules. The sum is written as
 * counts, one per number of points (answers scoring 0 add nothing): on the De Jong Gierveld
 * scales, whose items score 0 or 1, the number of answers coded as lonely; on a scale whose
 * items list 1/2/3 points, `count(1-point answers) + count(2-point answers) * 2 + …`. Only
 * `count()`, `iif` and arithmetic are used, which every FHIRPath engine evaluates. Throws a
 * `ScoringError` (`invalid_option`) for a subscale the scale does not have.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreExpression } from 'loneliness-scales/fhir';
 * const expression = scoreExpression(djg6, 'social');
 * expression.startsWith("iif(%resource.repeat(item).where(linkId in ('leanOn' | 'trust' | 'closeTo')"); // true
 * ```
 */
export function scoreExpression(scale: ScaleDefinition, name: ScoreName): string {
  const rules = rulesOf(scale);
  const score = scoreOf(rules, name);
  // Every answer of every format, from `yes!` to `no!`.
  const options = [...new Set(scale.answerFormats.flatMap((format) => format.options.map((option) => option.answer)))].sort(
    (a, b) => agreement[b] - agreement[a],
  );
  const values = [...new Set(score.items.flatMap((position) => options.map((answer) => answerPoints(rules, position, answer) ?? 0)))]
    .filter((points) => points > 0)
    .sort((a, b) => a - b);
  const terms = values.map((value) => {
    const clauses = score.items.flatMap((position) => {
      const answers = options.filter((answer) => answerPoints(rules, position, answer) === value);
      return answers.length === 0 ? [] : [`(linkId = '${rules.keys[position]}' and answer.value.code in ${quoted(answers)})`];
    });
    const count = `%resource.repeat(item).where(${clauses.join(' or ')}).count()`;
    return value === 1 ? count : `${count} * ${value}`;
  });
  const keys = score.items.map((position) => rules.keys[position] as string);
  const answered = `%resource.repeat(item).where(linkId in ${quoted(keys)} and answer.exists()).count()`;
  return `iif(${answered} >= ${keys.length - score.tolerance}, ${terms.length === 0 ? '0' : terms.join(' + ')})`;
}
