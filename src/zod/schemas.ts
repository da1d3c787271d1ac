import { z } from 'zod';
import { _itemPoints as itemPoints, resolveRules } from '../index.js';
import type { AnswerValue, ItemKey, ScaleDefinition } from '../index.js';
import { type AnswerProblem, type MessageOptions, answerMessage } from './messages.js';

/**
 * Options of the zod schemas: the coding numeric answers are read with, as in `score`; with a
 * `language`, issue messages are the respondent's messages of {@link answerMessage}
 * ("Beantwoord vraag 3: …"), numbered in the form's `order`.
 */
export type SchemaOptions<S extends ScaleDefinition> = MessageOptions<S>;

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
 * exactly what `score` accepts. Issues carry the core's error code in `params.code` (`missing`
 * for no answer); with the `language` option their messages are localised for respondents.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { answerSchema } from 'loneliness-scales/zod';
 * answerSchema(djg6, 'emptiness').safeParse('Min of meer').success; // true
 * answerSchema(djg6, 'emptiness').safeParse('perhaps').success;     // false
 * answerSchema(djg6, 'trust', { language: 'nl' }).safeParse('').error?.issues[0]?.message;
 * // 'Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen'
 * ```
 */
export function answerSchema<S extends ScaleDefinition>(scale: S, item: ItemKey<S>, options?: SchemaOptions<S>): AnswerSchema {
  const unanswered = `Item "${item}" is not answered.`;
  const notAnAnswer = `Item "${item}": expected an answer label or a numeric code.`;
  const localized = (problem: AnswerProblem, fallback: string): string =>
    options?.language === undefined ? fallback : answerMessage(scale, item, problem, options);
  // Without a string or number (an absent key, `null`, a boolean) zod's own issue is raised: name the item.
  const wrongType = {
    error: (issue: { input?: unknown }) =>
      issue.input == null ? localized('unanswered', unanswered) : localized('invalid', notAnAnswer),
  };
  const rules = resolveRules(scale, options?.coding === undefined ? undefined : { coding: options.coding });
  const position = rules.keys.indexOf(item);
  // The refinement checks each string with the core's reader, so what passes is an answer: typed
  // as the core's AnswerValue (a checked string is a RuntimeAnswer).
  const schema = z.union([z.string(), z.number()], wrongType).superRefine((value, context) => {
    const points = itemPoints(rules, position, value);
    if (typeof points === 'object' && points !== null) {
      context.addIssue({ code: 'custom', message: localized('invalid', points.message), params: { code: points.code, item } });
    } else if (points === null) {
      context.addIssue({ code: 'custom', message: localized('unanswered', unanswered), params: { code: 'missing', item } });
    }
  });
  return schema as unknown as AnswerSchema;
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
