import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, asAnswers, defineScale, djg6, safeScore, score } from '../../src/index.js';
import { answerMessage, answerMessages, answerSchema, answersSchema, partialAnswersSchema, toJSONSchema } from '../../src/zod/index.js';
import { threePointJson, threePointReference } from '../helpers/fixture-scale.js';

/**
 * Issue 9: the zod schemas, messages and JSON Schema of an instrument unlike De Jong Gierveld
 * (the fixture: 3 items scored 1/2/3, one reversed, a total only, its own bands), from its
 * definition alone.
 */
const fixture: ScaleDefinition = defineScale(threePointJson());

/** The fixture with its first item offering two answers only (yes 3, no 0). */
function narrowed(): ScaleDefinition {
  const json = threePointJson() as { id: string; items: { points: Record<string, number> }[] };
  json.id = 'narrowed';
  (json.items[0] as { points: Record<string, number> }).points = { yes: 3, no: 0 };
  return defineScale(json);
}

describe('issue 9: zod schemas of the fixture instrument', () => {
  it('a complete answer set parses, and scores as its JSON says', () => {
    const answers = { feelAlone: 'ja', lackCompany: 'Min of meer', feelIncluded: 'nee' };
    const parsed = answersSchema(fixture).parse(answers);
    expect(score(fixture, asAnswers(parsed)).total).toBe(threePointReference({ feelAlone: 'yes', lackCompany: 'more or less', feelIncluded: 'no' }).total);
    expect(partialAnswersSchema(fixture).safeParse({ feelAlone: 'yes', lackCompany: null }).success).toBe(true);
  });

  it('an answer the item does not offer (yes!) is refused with the core\'s error code and message', () => {
    const outcome = answerSchema(fixture, 'feelAlone').safeParse('ja!');
    const core = safeScore(fixture, asAnswers({ feelAlone: 'ja!', lackCompany: 'ja', feelIncluded: 'ja' }));
    expect(outcome.success).toBe(false);
    expect(core.success).toBe(false);
    const issue = outcome.error?.issues[0] as { message: string; params?: { code?: string; item?: string } } | undefined;
    if (!core.success) {
      expect(issue?.message).toBe(core.error.message);
      expect(issue?.params).toEqual({ code: core.error.code, item: 'feelAlone' });
    }
    expect(issue?.params?.code).toBe('unknown_answer');
  });

  it('respondent messages name the question and the answers it offers', () => {
    expect(answerSchema(fixture, 'feelIncluded', { language: 'nl' }).safeParse('nee!').error?.issues[0]?.message).toBe(
      'Kies bij vraag 3 ja, min of meer of nee: Ik voel me deel van een vriendengroep',
    );
    expect(answerMessages(fixture, { feelAlone: 'yes!', lackCompany: 'no' }, { language: 'en' })).toEqual({
      feelAlone: 'Choose yes, more or less or no for question 1: I often feel alone',
      feelIncluded: 'Answer question 3: I feel part of a group of friends',
    });
  });

  it('an item offering fewer answers than the format lists only those, in messages and the JSON Schema', () => {
    const scale = narrowed();
    expect(answerMessage(scale, 'feelAlone', 'invalid')).toBe('Choose yes or no for question 1: I often feel alone');
    const core = safeScore(scale, { feelAlone: 'more or less' });
    expect(core.success ? null : core.error.code).toBe('unknown_answer');
    expect(answerSchema(scale, 'feelAlone').safeParse('more or less').error?.issues[0]?.message).toBe(core.success ? null : core.error.message);
    const schema = toJSONSchema(scale);
    expect(schema.properties['feelAlone']).toMatchObject({ enum: ['yes', 'no'] });
    expect(schema.properties['lackCompany']).toMatchObject({ enum: ['yes', 'more or less', 'no'] });
  });
});

describe('issue 9: JSON Schema of the fixture instrument', () => {
  it('descriptions give the item\'s own number and no subscale (never "undefined", no "11-item scale")', () => {
    for (const language of ['en', 'nl'] as const) {
      const schema = toJSONSchema(fixture, { language });
      expect(JSON.stringify(schema)).not.toContain('undefined');
      expect(Object.values(schema.properties).map((property) => (property as { description?: string }).description)).toEqual([
        'three-point question 1 (item 1)',
        'three-point question 2 (item 2)',
        'three-point question 3 (item 3)',
      ]);
      expect(schema.properties['feelIncluded']).toMatchObject({ enum: language === 'nl' ? ['ja', 'min of meer', 'nee'] : ['yes', 'more or less', 'no'] });
    }
  });

  it('De Jong Gierveld items keep both numberings, also in a definition of one\'s own with another id', () => {
    expect((toJSONSchema(djg6).properties['emptiness'] as { description?: string }).description).toBe('djg6 question 1 (item 3 of the 11-item scale; emotional)');
    const copy = JSON.parse(JSON.stringify(djg6)) as { id: string };
    copy.id = 'my-djg6';
    expect((toJSONSchema(defineScale(copy)).properties['leanOn'] as { description?: string }).description).toBe('my-djg6 question 2 (item 4 of the 11-item scale; social)');
  });
});
