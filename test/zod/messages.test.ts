import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerLabels, djg11, djg6, safeScore } from '../../src/index.js';
import { answerMessage, answerMessages, answersSchema, partialAnswersSchema } from '../../src/zod/index.js';

describe('messages for respondents name the question as the form shows it', () => {
  it('Dutch, unanswered: "Beantwoord vraag 3: …" with the item text of the definition', () => {
    expect(answerMessage(djg6, 'trust', 'unanswered', { language: 'nl' })).toBe('Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen');
  });

  it('English, invalid: lists the answer labels of the format shown (3-point by default, 5-point on request; MANUAL)', () => {
    expect(answerMessage(djg6, 'trust', 'invalid')).toBe('Choose yes, more or less or no for question 3: There are many people I can trust completely');
    expect(answerMessage(djg6, 'trust', 'invalid', { language: 'nl', format: '5-point' })).toBe(
      'Kies bij vraag 3 ja!, ja, min-of-meer, nee of nee!: Ik heb veel mensen op wie ik volledig kan vertrouwen',
    );
  });

  it('numbers questions by their position in the form: item 7 of the 11-item bank is question 3 of the 6-item form, 7 of the 11-item form', () => {
    expect(answerMessage(djg11, 'trust', 'unanswered')).toMatch(/^Answer question 7: /);
    // The CBS order (reference §7): 3, 4, 7, 9, 8, 10.
    const order = ['emptiness', 'leanOn', 'trust', 'missPeople', 'closeTo', 'rejected'] as const;
    expect(answerMessage(djg6, 'missPeople', 'unanswered', { language: 'nl', order })).toBe('Beantwoord vraag 4: Ik mis mensen om me heen');
  });
});

describe('answerMessages: per-item messages for a partial answer set', () => {
  it('one message per unanswered or unreadable item, in form order; none for valid answers', () => {
    const messages = answerMessages(djg6, { emptiness: 'ja', leanOn: 'misschien', trust: '', closeTo: null, missPeople: 'Min of meer' }, { language: 'nl' });
    expect(messages).toEqual({
      leanOn: 'Kies bij vraag 2 ja, min of meer of nee: Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen',
      trust: 'Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen',
      closeTo: 'Beantwoord vraag 4: Er zijn voldoende mensen met wie ik me nauw verbonden voel',
      rejected: 'Beantwoord vraag 6: Vaak voel ik me in de steek gelaten',
    });
  });

  it('is empty for a complete, valid answer set (SEED worked example, reference §6)', () => {
    expect(answerMessages(djg6, { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'min of meer', missPeople: 'ja', rejected: 'ja' })).toEqual({});
  });

  it('treats numeric codes as the scorer does: invalid without a coding, valid with one', () => {
    const answers = { emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 };
    expect(Object.keys(answerMessages(djg6, answers))).toHaveLength(6);
    expect(answerMessages(djg6, answers, { coding: 'manual' })).toEqual({});
  });

  it('treats anything that is not an object as nothing answered', () => {
    expect(Object.keys(answerMessages(djg6, 'ja', { language: 'nl' }))).toEqual(djg6.items.map((item) => item.key));
  });
});

describe('zod schemas with a language give the respondent messages', () => {
  it('answersSchema: absent, null, empty, wrong-typed and unknown answers, each at its item path', () => {
    const outcome = answersSchema(djg6, { language: 'nl' }).safeParse({ emptiness: 'ja', leanOn: 'misschien', trust: '', closeTo: null, missPeople: true });
    expect(outcome.error?.issues.map((issue) => [issue.path.join('.'), issue.message.split(':')[0]])).toEqual([
      ['leanOn', 'Kies bij vraag 2 ja, min of meer of nee'],
      ['trust', 'Beantwoord vraag 3'],
      ['closeTo', 'Beantwoord vraag 4'],
      ['missPeople', 'Kies bij vraag 5 ja, min of meer of nee'],
      ['rejected', 'Beantwoord vraag 6'],
    ]);
  });

  it('partialAnswersSchema: missing items pass, invalid ones get the message', () => {
    const outcome = partialAnswersSchema(djg6, { language: 'en' }).safeParse({ emptiness: 'yes', trust: 'perhaps' });
    expect(outcome.error?.issues.map((issue) => issue.message)).toEqual(['Choose yes, more or less or no for question 3: There are many people I can trust completely']);
  });

  it('without a language the messages stay those of the core (unchanged behaviour)', () => {
    const outcome = answersSchema(djg6).safeParse({ emptiness: 'perhaps', leanOn: 'ja', trust: 'ja', closeTo: 'ja', missPeople: 'ja', rejected: 'ja' });
    expect(outcome.error?.issues[0]?.message).toBe(`Item "emptiness": "perhaps" is not an answer label; labels, in any case: ${Object.keys(answerLabels).join(', ')}.`);
    expect(outcome.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'unknown_answer', item: 'emptiness' } });
  });
});

describe('answerMessages agrees with the scorer (property)', () => {
  const values = fc.oneof(
    fc.constantFrom('ja', 'nee', 'Min of meer', 'meer of minder', 'YES!', '', null, undefined, 'misschien', 2, true),
    fc.string({ maxLength: 4 }),
  );

  it('an item has a message exactly when score cannot read its answer or finds it missing; unanswered vs invalid as score says', () => {
    fc.assert(
      fc.property(fc.tuple(...djg6.items.map(() => values)), (given) => {
        const answers = Object.fromEntries(djg6.items.map((item, index) => [item.key, given[index]]));
        const messages = answerMessages(djg6, answers, { language: 'nl' });
        for (const item of djg6.items) {
          const outcome = safeScore(djg6, { [item.key]: answers[item.key] });
          const expected = !outcome.success ? 'invalid' : outcome.data.points[item.key] === null ? 'unanswered' : undefined;
          expect(messages[item.key]).toBe(expected === undefined ? undefined : answerMessage(djg6, item.key, expected, { language: 'nl' }));
        }
      }),
      { numRuns: 200 },
    );
  });
});
