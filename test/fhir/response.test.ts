import { describe, expect, it } from 'vitest';
import { ScoringError, djg11, djg6, score } from '../../src/index.js';
import { readQuestionnaireResponse, safeScoreQuestionnaireResponse, scoreQuestionnaireResponse } from '../../src/fhir/index.js';
import { codedResponse, fhirErrors } from '../helpers/fhir.js';

const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;

describe('scoring a QuestionnaireResponse', () => {
  it('SEED worked example answered by coding: total 4 (moderately lonely), emotional 3, social 1 (reference §6)', () => {
    const response = codedResponse(seed);
    expect(fhirErrors(response)).toEqual([]);
    const result = scoreQuestionnaireResponse(djg6, response);
    expect([result.total, result.emotional, result.social]).toEqual([4, 3, 1]);
    expect(result.category?.label.nl).toBe('matig eenzaam');
    expect(result).toEqual(score(djg6, seed));
  });

  it('falls back to the display text when the coding is not one of the project (e.g. another code system)', () => {
    const response = codedResponse(seed);
    response.item = response.item?.map((item) => ({
      linkId: item.linkId,
      answer: [{ valueCoding: { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4', code: 'A1', display: item.linkId === 'closeTo' ? 'Min of meer' : 'Ja' } }],
    }));
    expect(scoreQuestionnaireResponse(djg6, response).total).toBe(4);
  });

  it('reads answers given as text (valueString) in Dutch, as the SEED prints them', () => {
    const response = codedResponse({});
    response.item = Object.entries({ ...seed, closeTo: 'meer of minder' }).map(([linkId, label]) => ({
      linkId,
      answer: [{ valueString: label === 'yes' ? 'ja' : label }],
    }));
    expect(scoreQuestionnaireResponse(djg6, response).total).toBe(4);
  });

  it('matches items by linkId at any depth and ignores calculated and display items', () => {
    const response = codedResponse(seed);
    response.item = [
      { linkId: 'group', item: response.item ?? [] },
      { linkId: 'total', answer: [{ valueInteger: 6 }] },
      { linkId: 'citation' },
    ];
    expect(scoreQuestionnaireResponse(djg6, response).total).toBe(4);
  });

  it('unanswered items are missing answers under the scale rules (6-item total tolerates one, MANUAL §4)', () => {
    const result = scoreQuestionnaireResponse(djg6, codedResponse({ ...seed, rejected: null }));
    expect([result.total, result.emotional, result.missingItems]).toEqual([3, null, ['rejected']]);
  });

  it('scores 11-item data on the 6-item scale, as score does', () => {
    const all = Object.fromEntries(djg11.items.map((item) => [item.key, 'no']));
    expect(scoreQuestionnaireResponse(djg6, codedResponse(all)).total).toBe(3);
  });

  it('reports an answer it cannot read with the core error unknown_answer, never as 0', () => {
    const outcome = safeScoreQuestionnaireResponse(djg6, codedResponse({ ...seed, trust: 'perhaps' }));
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect([outcome.error.code, outcome.error.item, outcome.error.value]).toEqual(['unknown_answer', 'trust', 'perhaps']);
    expect(() => scoreQuestionnaireResponse(djg6, codedResponse({ ...seed, trust: 'perhaps' }))).toThrow(ScoringError);
  });

  it('reads numeric answers only through a coding (core: coding_required), then by the coding', () => {
    const response = codedResponse({});
    response.item = Object.entries({ emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 }).map(([linkId, code]) => ({
      linkId,
      answer: [{ valueInteger: code }],
    }));
    const outcome = safeScoreQuestionnaireResponse(djg6, response);
    expect(outcome.success ? null : outcome.error.code).toBe('coding_required');
    expect(scoreQuestionnaireResponse(djg6, response, { coding: 'manual' }).total).toBe(4);
  });

  it('rejects an answer of another type (invalid_type), an item answered twice and a resource that is not a response (invalid_answers)', () => {
    const dated = codedResponse(seed);
    dated.item = [{ linkId: 'trust', answer: [{ valueDate: '2024-01-01' }] }];
    const outcome = safeScoreQuestionnaireResponse(djg6, dated);
    expect(outcome.success ? null : outcome.error.code).toBe('invalid_type');

    const twice = codedResponse(seed);
    twice.item?.push({ linkId: 'trust', answer: [{ valueString: 'nee' }] });
    expect(readQuestionnaireResponse(djg6, twice)).toMatchObject({ code: 'invalid_answers', item: 'trust' });

    const observation = { resourceType: 'Observation' } as never;
    expect(readQuestionnaireResponse(djg6, observation)).toMatchObject({ code: 'invalid_answers' });
  });
});
