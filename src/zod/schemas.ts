import { z } from 'zod';
import { safeScore } from '../index.js';
import type { AnswerValue, ItemKey, ScaleDefinition, ScoreOptions } from '../index.js';

/** Options of the zod schemas: the coding numeric answers are read with, as in `score`. */
export type SchemaOptions<S extends ScaleDefinition> = Pick<ScoreOptions<S>, 'coding'>;

/** Schema of one answer value (a label or, with a coding, a numeric code). */
export type AnswerSchema = z.ZodType<AnswerValue>;

/** Shape of the complete-answers schema: one required answer per item. */
export type CompleteShape<S extends ScaleDefinition> = { [P in ItemKey<S>]: AnswerSchema };

/** Shape of the partial-answers schema: one optional, nullable answer per item. */
export type PartialShape<S extends ScaleDefinition> = {
  [P in ItemKey<S>]: z.ZodOptional<z.ZodNullable<AnswerSchema>>;
};

/**
 * Schema of one item's answer: checked by the core scorer itself, so that the schema accepts
 * exactly what `score` accepts. Issues carry the core's error code in `params.code`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { answerSchema } from 'loneliness-scales/zod';
 * answerSchema(djg6, 'emptiness').safeParse('Min of meer').success; // true
 * answerSchema(djg6, 'emptiness').safeParse('perhaps').success;     // false
 * ```
 */
export function answerSchema<S extends ScaleDefinition>(scale: S, item: ItemKey<S>, options?: SchemaOptions<S>): AnswerSchema {
  const unanswered = `Item "${item}" is not answered.`;
  const notAnAnswer = `Item "${item}": expected an answer label or a numeric code.`;
  return z.union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? unanswered : notAnAnswer) }).superRefine((value, context) => {
    const outcome = safeScore(scale, { [item]: value }, options);
    if (!outcome.success) {
      context.addIssue({ code: 'custom', message: outcome.error.message, params: { code: outcome.error.code, item } });
    } else if (outcome.data.missingItems.length > 0 && outcome.data.points[item] === null) {
      context.addIssue({ code: 'custom', message: unanswered, params: { code: 'missing', item } });
    }
  });
}

/**
 * Schema of a complete answer set: every item of the scale answered, no other keys. Its
 * inferred type equals the core's `CompleteAnswers<S>`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { answersSchema } from 'loneliness-scales/zod';
 * const schema = answersSchema(djg6);
 * schema.safeParse({ emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'min of meer', missPeople: 'ja', rejected: 'ja' }).success; // true
 * schema.safeParse({ emptiness: 'ja' }).success; // false: five items unanswered
 * ```
 */
export function answersSchema<S extends ScaleDefinition>(scale: S, options?: SchemaOptions<S>): z.ZodObject<CompleteShape<S>, z.core.$strict> {
  const shape: Record<string, AnswerSchema> = {};
  for (const item of scale.items) shape[item.key] = answerSchema(scale, item.key, options);
  return z.strictObject(shape as CompleteShape<S>);
}

/**
 * Schema of a partial answer set: any item may be absent or `null`; present answers must be
 * valid. Its inferred type equals the core's `PartialAnswers<S>`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { partialAnswersSchema } from 'loneliness-scales/zod';
 * partialAnswersSchema(djg6).safeParse({ emptiness: 'ja', leanOn: null }).success; // true
 * ```
 */
export function partialAnswersSchema<S extends ScaleDefinition>(
  scale: S,
  options?: SchemaOptions<S>,
): z.ZodObject<PartialShape<S>, z.core.$strict> {
  const shape: Record<string, z.ZodOptional<z.ZodNullable<AnswerSchema>>> = {};
  for (const item of scale.items) shape[item.key] = answerSchema(scale, item.key, options).nullable().optional();
  return z.strictObject(shape as PartialShape<S>);
}
