import { agreement } from '../index.js';
import type { ScaleDefinition } from '../index.js';
import { answerPoints } from './points.js';
import type { ScoreName } from './texts.js';

const quoted = (values: readonly string[]): string => `(${values.map((value) => `'${value}'`).join(' | ')})`;

/**
 * The FHIRPath expression (SDC `calculatedExpression`, evaluated over the QuestionnaireResponse
 * as `%resource`) of one score: the number of answers coded as lonely, or empty when more items
 * are unanswered than the scale's missing-answer rule tolerates (6-item: MANUAL §4; 11-item:
 * every item required by default). Answers are read by their code in {@link fhirUrls.answers}.
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
  const items = scale.items.filter((item) => name === 'total' || item.subscale === name);
  const tolerated = name === 'total' ? scale.missing.total : scale.missing.subscale;
  // Every answer of every format, from `yes!` to `no!`.
  const options = [...new Set(scale.answerFormats.flatMap((format) => format.options.map((option) => option.answer)))].sort(
    (a, b) => agreement[b] - agreement[a],
  );
  const lonely = items.map(
    (item) =>
      `linkId = '${item.key}' and answer.value.code in ${quoted(options.filter((answer) => answerPoints(scale, item.key, answer) === 1))}`,
  );
  const answered = `%resource.repeat(item).where(linkId in ${quoted(items.map((item) => item.key))} and answer.exists()).count()`;
  return `iif(${answered} >= ${items.length - tolerated}, %resource.repeat(item).where(${lonely.map((clause) => `(${clause})`).join(' or ')}).count())`;
}
