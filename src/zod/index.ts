export { toJSONSchema } from './json-schema.js';
export type { JSONSchemaOptions } from './json-schema.js';
export { answerSchema, answersSchema, partialAnswersSchema } from './schemas.js';
export type { AnswerSchema, CompleteShape, PartialShape, SchemaOptions } from './schemas.js';
export { answerMessage, answerMessages } from './messages.js';
export type { AnswerProblem, MessageOptions } from './messages.js';
