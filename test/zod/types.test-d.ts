// The schemas' inferred types equal the core's types (checked by tsc).
import { expectTypeOf } from 'vitest';
import type { z } from 'zod';
import type { CompleteAnswers, PartialAnswers, djg11, djg6 } from '../../src/index.js';
import type { answersSchema, partialAnswersSchema } from '../../src/zod/index.js';

type Complete6 = z.infer<ReturnType<typeof answersSchema<typeof djg6>>>;
type Partial11 = z.infer<ReturnType<typeof partialAnswersSchema<typeof djg11>>>;
type Partial6 = z.infer<ReturnType<typeof partialAnswersSchema<typeof djg6>>>;

expectTypeOf<Complete6>().toEqualTypeOf<CompleteAnswers<typeof djg6>>();
expectTypeOf<Partial11>().toEqualTypeOf<PartialAnswers<typeof djg11>>();
expectTypeOf<Partial6>().toEqualTypeOf<PartialAnswers<typeof djg6>>();
// @ts-expect-error: a partial answer set is not a complete one
expectTypeOf<Partial6>().toEqualTypeOf<CompleteAnswers<typeof djg6>>();
