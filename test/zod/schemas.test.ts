import { describe, expect, it } from 'vitest';
import { djg11, djg6, score } from '../../src/index.js';
import { answerSchema, answersSchema, partialAnswersSchema, toJSONSchema } from '../../src/zod/index.js';

const seedExample = { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'min of meer', missPeople: 'ja', rejected: 'ja' };

describe('zod schemas generated from the scale definitions', () => {
  it('a complete answer set parses and scores as the core scores it', () => {
    const parsed = answersSchema(djg6).parse(seedExample);
    expect(score(djg6, parsed).total).toBe(4);
  });

  it('the complete schema requires every item and rejects unknown keys', () => {
    const outcome = answersSchema(djg6).safeParse({ emptiness: 'ja', leanon: 'ja' });
    expect(outcome.success).toBe(false);
    const codes = outcome.error?.issues.map((issue) => issue.code);
    expect(codes).toContain('unrecognized_keys');
    const unanswered = outcome.error?.issues.filter((issue) => issue.message.endsWith('is not answered.'));
    expect(unanswered?.map((issue) => issue.path[0])).toEqual(['leanOn', 'trust', 'closeTo', 'missPeople', 'rejected']);
  });

  it('an empty string is not an answer in the complete schema', () => {
    const outcome = answersSchema(djg6).safeParse({ ...seedExample, trust: '' });
    expect(outcome.success).toBe(false);
    expect(outcome.error?.issues[0]?.path).toEqual(['trust']);
  });

  it('accepts exactly what the core accepts: labels in any case, codes only with a coding', () => {
    expect(answerSchema(djg6, 'trust').safeParse(' MIN  of meer').success).toBe(true);
    expect(answerSchema(djg6, 'trust').safeParse(2).success).toBe(false);
    expect(answerSchema(djg6, 'trust', { coding: 'manual' }).safeParse(2).success).toBe(true);
    expect(answerSchema(djg6, 'trust', { coding: 'manual' }).safeParse(7).success).toBe(false);
  });

  it('issues carry the core error code and the item', () => {
    const outcome = answersSchema(djg6).safeParse({ ...seedExample, rejected: 'misschien' });
    const issue = outcome.error?.issues[0];
    expect(issue?.path).toEqual(['rejected']);
    expect(issue?.code).toBe('custom');
    expect((issue as { params?: { code?: string } } | undefined)?.params?.code).toBe('unknown_answer');
  });

  it('the partial schema allows absent and null answers but checks present ones', () => {
    const schema = partialAnswersSchema(djg11);
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ talkTo: null, emptiness: 'nee' }).success).toBe(true);
    expect(schema.safeParse({ talkTo: 'perhaps' }).success).toBe(false);
  });

  it('exports JSON Schema for form tools, titled with the item texts, in Dutch and English', () => {
    const dutch = toJSONSchema(djg6, { language: 'nl' });
    expect(dutch.required).toEqual(djg6.items.map((item) => item.key));
    expect(dutch.additionalProperties).toBe(false);
    expect(dutch.properties.emptiness).toMatchObject({ type: 'string', enum: ['ja', 'min of meer', 'nee'], title: 'Ik ervaar een leegte om me heen' });
    const english = toJSONSchema(djg11, { format: '5-point', partial: true });
    expect(english.required ?? []).toEqual([]);
    expect(english.properties.talkTo).toMatchObject({ enum: ['yes!', 'yes', 'more or less', 'no', 'no!'] });
  });

  it('names both numberings: question 1 of the 6-item form is item 3 of the 11-item scale (reference §1, §7)', () => {
    const six = toJSONSchema(djg6).properties;
    expect(six.emptiness).toMatchObject({ description: 'djg6 question 1 (item 3 of the 11-item scale; emotional)' });
    expect(six.leanOn).toMatchObject({ description: 'djg6 question 2 (item 4 of the 11-item scale; social)' });
    expect(six.rejected).toMatchObject({ description: 'djg6 question 6 (item 10 of the 11-item scale; emotional)' });
    expect(JSON.stringify(six)).not.toMatch(/djg6 item/);
    expect(toJSONSchema(djg11).properties.emptiness).toMatchObject({ description: 'djg11 question 3 (item 3 of the 11-item scale; emotional)' });
  });
});
