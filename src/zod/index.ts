/**
 * Validation with zod (an optional peer dependency): schemas for complete and partial answer sets,
 * JSON Schema export, and localised messages for respondents in Dutch and English.
 *
 * ```ts
 * import { answersSchema, answerMessages } from 'loneliness-scales/zod';
 * ```
 *
 * @module loneliness-scales/zod
 */
export { toJSONSchema } from './json-schema.js';
export type { JSONSchemaOptions } from './json-schema.js';
export { answerSchema, answersSchema, partialAnswersSchema } from './schemas.js';
export type { AnswerSchema, CompleteShape, PartialShape, SchemaOptions } from './schemas.js';
export { answerMessage, answerMessages } from './messages.js';
export type { AnswerProblem, MessageOptions } from './messages.js';
