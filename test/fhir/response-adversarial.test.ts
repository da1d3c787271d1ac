import fc from 'fast-check';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../src/index.js';
import { fhirUrls, readQuestionnaireResponse, safeScoreQuestionnaireResponse, scoreQuestionnaireResponse } from '../../src/fhir/index.js';
import { codedResponse } from '../helpers/fhir.js';

// Hostile QuestionnaireResponses (issue 8 #7): each is refused with a ScoringError and a stable
// code, never scored, never a TypeError, never a hang.

const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' };

/** The seed response with one item's answer replaced. */
function withAnswer(linkId: string, answer: unknown): QuestionnaireResponse {
  const response = codedResponse(seed);
  response.item = response.item?.map((item) => (item.linkId === linkId ? ({ linkId, answer: [answer] } as QuestionnaireResponseItem) : item));
  return response;
}

/** Refused by every entry point with `code`: read returns it, safe returns it, score throws it. */
function expectRefused(response: unknown, code: ScoringError['code'], item?: string): ScoringError {
  const read = readQuestionnaireResponse(djg6, response as QuestionnaireResponse);
  expect(read).toBeInstanceOf(ScoringError);
  const outcome = safeScoreQuestionnaireResponse(djg6, response as QuestionnaireResponse);
  expect(outcome.success).toBe(false);
  const error = (outcome as { error: ScoringError }).error;
  expect(error).toBeInstanceOf(ScoringError);
  expect(error.code).toBe(code);
  if (item !== undefined) expect(error.item).toBe(item);
  expect(() => scoreQuestionnaireResponse(djg6, response as QuestionnaireResponse)).toThrow(ScoringError);
  return error;
}

describe('issue 8 #7: codings of the answer code system are read by their code, exactly', () => {
  it('an unknown code with a valid display is unknown_answer, not scored by the display (was total 5)', () => {
    expectRefused(withAnswer('trust', { valueCoding: { code: 'perhaps', display: 'no' } }), 'unknown_answer', 'trust');
    expectRefused(withAnswer('trust', { valueCoding: { system: fhirUrls.answers, code: 'perhaps', display: 'no' } }), 'unknown_answer', 'trust');
  });

  it('the code system is case-sensitive and has no Dutch codes: ja, YES, Yes, " yes" are unknown_answer', () => {
    for (const code of ['ja', 'YES', 'Yes', ' yes', 'min of meer', 'More or less']) {
      const error = expectRefused(withAnswer('emptiness', { valueCoding: { system: fhirUrls.answers, code } }), 'unknown_answer', 'emptiness');
      expect(error.value).toBe(code);
    }
  });

  it('an empty valueCoding {} is invalid_answers, not a missing answer', () => {
    expectRefused(withAnswer('rejected', { valueCoding: {} }), 'invalid_answers', 'rejected');
    expectRefused(withAnswer('rejected', { valueCoding: { system: fhirUrls.answers, display: 'yes' } }), 'invalid_answers', 'rejected');
  });

  it('a code that is not a string, or a valueCoding that is not an object, is refused', () => {
    expectRefused(withAnswer('leanOn', { valueCoding: { system: fhirUrls.answers, code: 1 } }), 'unknown_answer', 'leanOn');
    expectRefused(withAnswer('leanOn', { valueCoding: 'yes' }), 'invalid_answers', 'leanOn');
    expectRefused(withAnswer('leanOn', { valueCoding: null }), 'invalid_answers', 'leanOn');
    expectRefused(withAnswer('leanOn', { valueCoding: { system: 7, code: 'yes' } }), 'invalid_answers', 'leanOn');
  });

  it('an answer holding two values (valueString and valueCoding) is refused, not read by one of them', () => {
    expectRefused(withAnswer('trust', { valueString: 'ja', valueCoding: { system: fhirUrls.answers, code: 'no' } }), 'invalid_answers', 'trust');
  });

  it('exact codes of the system still score (SEED total 4)', () => {
    expect(scoreQuestionnaireResponse(djg6, codedResponse(seed)).total).toBe(4);
  });
});

describe('issue 8 #7: malformed responses are ScoringError invalid_answers, not TypeError', () => {
  const response = (fields: Record<string, unknown>): unknown => ({ resourceType: 'QuestionnaireResponse', status: 'completed', ...fields });

  it.each([
    ['item: 5', response({ item: 5 })],
    ['item: {}', response({ item: {} })],
    ['item: "emptiness"', response({ item: 'emptiness' })],
    ['item: null', response({ item: null })],
    ['a null item', response({ item: [null] })],
    ['a number as item', response({ item: [3] })],
    ['an array as item', response({ item: [[{ linkId: 'trust' }]] })],
    ['nested item: 5', response({ item: [{ linkId: 'group', item: 5 }] })],
    ['answer not an array', response({ item: [{ linkId: 'trust', answer: { valueString: 'ja' } }] })],
    ['answer: "ja"', response({ item: [{ linkId: 'trust', answer: 'ja' }] })],
    ['answer: null', response({ item: [{ linkId: 'trust', answer: null }] })],
    ['a null answer', response({ item: [{ linkId: 'trust', answer: [null] }] })],
    ['answer.item: 5', response({ item: [{ linkId: 'trust', answer: [{ valueString: 'ja', item: 5 }] }] })],
    ['linkId missing', response({ item: [{ answer: [{ valueString: 'ja' }] }] })],
    ['linkId a number', response({ item: [{ linkId: 3, answer: [{ valueString: 'ja' }] }] })],
  ])('%s', (_name, hostile) => {
    expectRefused(hostile, 'invalid_answers');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['a string', 'QuestionnaireResponse'],
    ['an array', [{ resourceType: 'QuestionnaireResponse' }]],
    ['another resource', { resourceType: 'Observation' }],
  ])('a response that is %s', (_name, hostile) => {
    expectRefused(hostile, 'invalid_answers');
  });

  it('a getter or Proxy trap that throws is invalid_answers; safeScoreQuestionnaireResponse does not throw', () => {
    const getter = { resourceType: 'QuestionnaireResponse', status: 'completed', get item(): never { throw new Error('boom'); } };
    expectRefused(getter, 'invalid_answers');
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); } });
    expectRefused(trap, 'invalid_answers');
  });
});

describe('issue 8 #7: a cyclic item graph is detected, not read forever', () => {
  it('an item that contains itself', () => {
    const group: Record<string, unknown> = { linkId: 'group' };
    group.item = [group];
    expectRefused({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [group] }, 'invalid_answers');
  });

  it('a cycle through an answer\'s nested items', () => {
    const trust: Record<string, unknown> = { linkId: 'trust' };
    trust.answer = [{ valueString: 'ja', item: [trust] }];
    expectRefused({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [trust] }, 'invalid_answers', 'trust');
  });

  it('the same item object listed twice', () => {
    const display = { linkId: 'citation' };
    expectRefused({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [display, display] }, 'invalid_answers');
  });

  it('deep nesting (100,000 levels) is read without overflowing the stack', () => {
    let item: QuestionnaireResponseItem = { linkId: 'trust', answer: [{ valueString: 'ja' }] };
    for (let depth = 0; depth < 100_000; depth++) item = { linkId: `group${depth}`, item: [item] };
    expect(readQuestionnaireResponse(djg6, { resourceType: 'QuestionnaireResponse', status: 'completed', item: [item] })).toEqual({ trust: 'ja' });
  });
});

describe('issue 8 #7: any JSON value as a response gives a result or a ScoringError (property)', () => {
  it('safeScoreQuestionnaireResponse never throws on arbitrary JSON shaped like a response', () => {
    const answer = fc.oneof(
      fc.record({ valueCoding: fc.oneof(fc.jsonValue(), fc.record({ system: fc.oneof(fc.constant(fhirUrls.answers), fc.string()), code: fc.oneof(fc.constantFrom('yes', 'no', 'ja', 'YES'), fc.jsonValue()), display: fc.jsonValue() }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      fc.record({ valueString: fc.jsonValue(), valueInteger: fc.jsonValue() }, { requiredKeys: [] }),
      fc.jsonValue(),
    );
    const { item } = fc.letrec((tie) => ({
      item: fc.oneof(
        { depthSize: 'small' },
        fc.record(
          { linkId: fc.oneof(fc.constantFrom(...djg6.items.map((entry) => entry.key), 'group'), fc.jsonValue()), answer: fc.oneof(fc.array(answer, { maxLength: 2 }), fc.jsonValue()), item: fc.oneof(fc.array(tie('item'), { maxLength: 3 }), fc.jsonValue()) },
          { requiredKeys: [] },
        ),
        fc.jsonValue(),
      ),
    }));
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 6 }), fc.jsonValue()), (items) => {
        const outcome = safeScoreQuestionnaireResponse(djg6, { resourceType: 'QuestionnaireResponse', status: 'completed', item: items } as QuestionnaireResponse);
        if (!outcome.success) expect(outcome.error).toBeInstanceOf(ScoringError);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('issue 8 #7: each answer value has its FHIR type', () => {
  it('a number in valueString, text in valueInteger, a fraction in valueInteger, Infinity in valueDecimal are invalid_answers, not codes', () => {
    const cases: unknown[] = [{ valueString: 3 }, { valueInteger: '3' }, { valueInteger: 2.5 }, { valueDecimal: Number.POSITIVE_INFINITY }, { valueString: null }];
    for (const answer of cases) {
      const response = withAnswer('trust', answer);
      const outcome = safeScoreQuestionnaireResponse(djg6, response, { coding: 'manual' });
      expect(outcome.success, JSON.stringify(answer)).toBe(false);
      if (!outcome.success) expect(outcome.error.code, JSON.stringify(answer)).toBe('invalid_answers');
    }
  });

  it('a coding of another system needs a display or code that is text (a numeric display is not read as a code)', () => {
    const outcome = safeScoreQuestionnaireResponse(djg6, withAnswer('trust', { valueCoding: { system: 'urn:other', display: 3 } }), { coding: 'manual' });
    expect(outcome.success ? null : outcome.error.code).toBe('invalid_answers');
    const both = safeScoreQuestionnaireResponse(djg6, withAnswer('trust', { valueCoding: { system: 'urn:other', code: 'A1', display: 'Nee' } }));
    expect(both.success).toBe(true);
  });
});
