// Type tests, checked by `tsc --noEmit` (npm run typecheck): item keys are literal types.
import { expectTypeOf } from 'vitest';
import { type CompleteAnswers, type ItemKey, type PartialAnswers, type ScoreResult, djg11, djg6, score } from '../../src/index.js';

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
  emptiness: string | number;
  leanOn: string | number;
  trust: string | number;
  closeTo: string | number;
  missPeople: string | number;
  rejected: string | number;
}>();
expectTypeOf<PartialAnswers<typeof djg6>['trust']>().toEqualTypeOf<string | number | null | undefined>();
