// Type tests, checked by `tsc --noEmit` (npm run typecheck): item keys are literal types.
import { expectTypeOf } from 'vitest';
import {
  type AnswerLabel,
  type AnswerLiteral,
  type AnswerValue,
  type Answers,
  type CompleteAnswers,
  type ItemKey,
  type PartialAnswers,
  type RuntimeAnswer,
  type ScoreResult,
  asAnswer,
  asAnswers,
  createScorer,
  djg11,
  djg6,
  safeScore,
  score,
} from '../../src/index.js';

expectTypeOf<ItemKey<typeof djg6>>().toEqualTypeOf<'emptiness' | 'leanOn' | 'trust' | 'closeTo' | 'missPeople' | 'rejected'>();
expectTypeOf<ItemKey<typeof djg11>>().toEqualTypeOf<
  'talkTo' | 'missCloseFriend' | 'emptiness' | 'leanOn' | 'missCompany' | 'circleTooSmall' | 'trust' | 'closeTo' | 'missPeople' | 'rejected' | 'callOnFriends'
>();

const result = score(djg6, { emptiness: 'yes' });
expectTypeOf(result).toEqualTypeOf<ScoreResult<typeof djg6>>();
expectTypeOf(result.points.emptiness).toEqualTypeOf<0 | 1 | null>();
expectTypeOf(result.total).toEqualTypeOf<number | null>();
expectTypeOf(result.scale).toEqualTypeOf<'djg6'>();
expectTypeOf(result.missingItems).toEqualTypeOf<readonly ItemKey<typeof djg6>[]>();

// @ts-expect-error: misspelt item key
score(djg6, { emptyness: 'yes' });
// @ts-expect-error: points of an item not on the 6-item scale
void result.points.talkTo;
// 11-item keys are accepted by the 6-item scale (6 from 11).
score(djg6, { talkTo: 'yes', emptiness: 'ja' });
// @ts-expect-error: an answer is a label or a code, not a boolean
score(djg6, { emptiness: true });
// @ts-expect-error: not a coding preset
score(djg6, {}, { coding: 'lasa' });
// @ts-expect-error: 'ggd-2' is an 11-item convention
score(djg6, {}, { categories: { subscale: 'ggd-2' } });
score(djg11, {}, { categories: { subscale: 'ggd-2' } });

expectTypeOf<CompleteAnswers<typeof djg6>>().toEqualTypeOf<{
  emptiness: AnswerValue;
  leanOn: AnswerValue;
  trust: AnswerValue;
  closeTo: AnswerValue;
  missPeople: AnswerValue;
  rejected: AnswerValue;
}>();
expectTypeOf<PartialAnswers<typeof djg6>['trust']>().toEqualTypeOf<AnswerValue | null | undefined>();

// Typed answers: label literals are checked by the compiler, codes are numbers, and strings known
// only at run time pass through asAnswer / asAnswers (checked by score when scored).
expectTypeOf<'yes'>().toExtend<AnswerValue>();
expectTypeOf<'min of meer'>().toExtend<AnswerValue>();
expectTypeOf<'Min of meer'>().toExtend<AnswerValue>();
expectTypeOf<'nee!'>().toExtend<AnswerValue>();
expectTypeOf<3>().toExtend<AnswerValue>();
expectTypeOf<'yess'>().not.toExtend<AnswerValue>();
expectTypeOf<string>().not.toExtend<AnswerValue>();
expectTypeOf<AnswerLabel>().toExtend<AnswerLiteral>();
score(djg6, { emptiness: 'yes', leanOn: 'Ja', trust: 'min-of-meer', closeTo: 'meer of minder', missPeople: 'no!', rejected: 2 }, { coding: 'manual' });
// @ts-expect-error: a misspelt label in a literal does not compile
score(djg6, { emptiness: 'yess' });
// @ts-expect-error: a misspelt Dutch label, too
score(djg6, { emptiness: 'min of mear' });
// @ts-expect-error: the createScorer path is typed the same way
createScorer(djg6).score({ rejected: 'yess' });
declare const fromForm: string;
// @ts-expect-error: a string known only at run time must be marked: asAnswer
score(djg6, { emptiness: fromForm });
score(djg6, { emptiness: asAnswer(fromForm) });
expectTypeOf(asAnswer(fromForm)).toEqualTypeOf<RuntimeAnswer>();
expectTypeOf(asAnswer(fromForm)).toExtend<AnswerValue>();
declare const row: Record<string, unknown>;
declare const typedRow: { emptiness: string; leanOn: number };
// @ts-expect-error: a record typed with plain strings must be marked: asAnswers (or use safeScore)
score(djg6, typedRow);
score(djg6, asAnswers(typedRow));
declare const stringRow: Record<string, string>;
// @ts-expect-error: a record with a string index signature (values known only at run time) must be marked: asAnswers
score(djg6, stringRow);
// @ts-expect-error: the createScorer path refuses it too
createScorer(djg6).score(stringRow);
score(djg6, asAnswers(stringRow));
score(djg6, asAnswers(row), { unknownKeys: 'ignore' });
safeScore(djg6, row);
// A variable holding literals keeps them with `as const` or `satisfies`.
const literalAnswers = { emptiness: 'yes', leanOn: 'no' } as const;
score(djg6, literalAnswers);
const satisfying = { emptiness: 'yes', leanOn: 'no' } satisfies Answers;
score(djg6, satisfying);

// A scale from a definition file (issue 9): its keys are known only at run time, so any key
// compiles; its points are numbers, as such a scale may score 1/2/3.
declare const ownScale: import('../../src/index.js').ScaleDefinition;
const own = score(ownScale, { feelAlone: 'yes', lackCompany: 'no' });
expectTypeOf(own.points['feelAlone']).toEqualTypeOf<number | null | undefined>(); // undefined: an index signature's lookup
createScorer(ownScale).score({ feelAlone: 'yes' });
// The shipped scales still refuse a key outside the item bank.
// @ts-expect-error: misspelt item key on djg11
score(djg11, { emptyness: 'yes' });
