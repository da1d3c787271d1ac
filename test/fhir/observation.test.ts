import { describe, expect, it } from 'vitest';
import { djg11, djg6, score, asAnswers } from '../../src/index.js';
import { fhirUrls, scoreQuestionnaireResponse, toObservation } from '../../src/fhir/index.js';
import { codedResponse, fhirErrors } from '../helpers/fhir.js';

const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;

describe('Observation of the scores', () => {
  it('SEED example: total 4 with its band, emotional 3 and social 1 as components, derivedFrom the response (reference §6)', () => {
    const response = { ...codedResponse(seed), subject: { reference: 'Patient/p1' }, authored: '2024-05-01T10:00:00Z' };
    const observation = toObservation(scoreQuestionnaireResponse(djg6, response), { derivedFrom: response, language: 'nl' });
    expect(fhirErrors(observation)).toEqual([]);
    expect(observation.valueInteger).toBe(4);
    expect(observation.interpretation?.[0]?.coding?.[0]).toEqual({ system: fhirUrls.categories, code: 'moderately_lonely', display: 'moderately lonely' });
    expect(observation.interpretation?.[0]?.text).toBe('matig eenzaam');
    expect(observation.component?.map((component) => [component.code.coding?.[0]?.code, component.valueInteger])).toEqual([
      ['djg6-emotional', 3],
      ['djg6-social', 1],
    ]);
    expect(observation.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/example' }]);
    expect(observation.subject).toEqual({ reference: 'Patient/p1' });
    expect(observation.effectiveDateTime).toBe('2024-05-01T10:00:00Z');
    expect(observation.code.coding?.[0]).toMatchObject({ system: fhirUrls.scores, code: 'djg6' });
  });

  it('a missing score has a dataAbsentReason instead of a value (6-item: two items missing, MANUAL §4)', () => {
    const result = score(djg6, { ...seed, trust: null, rejected: null });
    const observation = toObservation(result, { derivedFrom: { reference: 'QuestionnaireResponse/r2' } });
    expect(fhirErrors(observation)).toEqual([]);
    expect(observation.valueInteger).toBeUndefined();
    expect(observation.dataAbsentReason?.coding?.[0]?.code).toBe('unknown');
    expect(observation.interpretation).toBeUndefined();
    expect(observation.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/r2' }]);
  });

  it('11-item: no subscale bands by default, so components carry no interpretation', () => {
    const all = Object.fromEntries(djg11.items.map((item) => [item.key, 'more or less']));
    const observation = toObservation(score(djg11, asAnswers(all)), { derivedFrom: { reference: 'QuestionnaireResponse/r3' } });
    expect(fhirErrors(observation)).toEqual([]);
    expect(observation.valueInteger).toBe(11);
    expect(observation.interpretation?.[0]?.text).toBe('very severely lonely');
    expect(observation.component?.every((component) => component.interpretation === undefined)).toBe(true);
  });
});
