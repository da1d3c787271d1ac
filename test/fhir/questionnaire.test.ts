import fhirpath from 'fhirpath';
import r4model from 'fhirpath/fhir-context/r4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { djg11, djg6, score, asAnswers } from '../../src/index.js';
import type { CanonicalAnswer, ScaleDefinition } from '../../src/index.js';
import { answerCodeSystem, fhirUrls, scoreExpression, toQuestionnaire } from '../../src/fhir/index.js';
import { codedResponse, fhirErrors } from '../helpers/fhir.js';

const scales = [djg6, djg11] as const;
const variants = scales.flatMap((scale) =>
  (['nl', 'en'] as const).flatMap((language) => (['3-point', '5-point'] as const).map((format) => ({ scale, language, format }))),
);

describe('Questionnaire resources (FHIR R4)', () => {
  it.each(variants)('$scale.id in $language, $format: valid against the R4 StructureDefinitions', ({ scale, language, format }) => {
    expect(fhirErrors(toQuestionnaire(scale, { language, format }))).toEqual([]);
  });

  it('the answer CodeSystem is valid R4 and holds every canonical answer', () => {
    const codeSystem = answerCodeSystem();
    expect(fhirErrors(codeSystem)).toEqual([]);
    expect(codeSystem.url).toBe(fhirUrls.answers);
    expect(codeSystem.concept?.map((concept) => concept.code)).toEqual(['yes!', 'yes', 'more or less', 'no', 'no!']);
  });

  it('the CodeSystem holds each Dutch display a Questionnaire uses: "min of meer" (3-point, CBS), "min-of-meer" (5-point, MANUAL) as a synonym (reference §2)', () => {
    const neutral = answerCodeSystem().concept?.find((concept) => concept.code === 'more or less');
    expect(neutral?.designation?.[0]).toEqual({ language: 'nl', value: 'min of meer' });
    expect(neutral?.designation?.[1]).toMatchObject({ language: 'nl', value: 'min-of-meer', use: { code: '900000000000013009' } });
    const designations = new Set(answerCodeSystem().concept?.flatMap((concept) => concept.designation?.map((designation) => designation.value) ?? []));
    for (const format of ['3-point', '5-point'] as const) {
      const displays = toQuestionnaire(djg6, { language: 'nl', format }).item?.[0]?.answerOption?.map((option) => option.valueCoding?.display);
      for (const display of displays ?? []) expect(designations.has(display as string)).toBe(true);
    }
  });

  it('one choice item per scale item, linkId = item key, text and labels from the definition (reference §1, §2)', () => {
    const questionnaire = toQuestionnaire(djg6, { language: 'nl' });
    const questions = questionnaire.item?.filter((item) => item.type === 'choice') ?? [];
    expect(questions.map((item) => item.linkId)).toEqual(djg6.items.map((item) => item.key));
    expect(questions.map((item) => item.text)).toEqual(djg6.items.map((item) => item.text.nl));
    expect(questions.map((item) => item.prefix)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(questions[0]?.answerOption?.map((option) => option.valueCoding?.display)).toEqual(['ja', 'min of meer', 'nee']);
    expect(questionnaire.language).toBe('nl');
    expect(questionnaire.code).toBeUndefined(); // no LOINC code exists for the scale
  });

  it('carries the citation (MANUAL, preliminary remarks: the source must be cited)', () => {
    const questionnaire = toQuestionnaire(djg11);
    expect(questionnaire.copyright).toContain(djg11.citation);
    expect(questionnaire.item?.at(-1)).toEqual({ linkId: 'citation', type: 'display', text: djg11.citation });
  });

  it.each(scales)('$id: the itemWeight of every answer on every item equals the points score gives (MANUAL §3)', (scale) => {
    const questionnaire = toQuestionnaire(scale, { format: '5-point' });
    for (const item of scale.items) {
      const options = questionnaire.item?.find((candidate) => candidate.linkId === item.key)?.answerOption ?? [];
      expect(options).toHaveLength(5);
      for (const option of options) {
        const answer = option.valueCoding?.code as CanonicalAnswer;
        const points = score(scale, asAnswers({ [item.key]: answer })).points[item.key as never];
        for (const element of [option, option.valueCoding]) {
          const weight = element?.extension?.find((extension) => extension.url === fhirUrls.itemWeight)?.valueDecimal;
          expect(weight, `${item.key} ${answer}`).toBe(points);
        }
      }
    }
  });

  it('the neutral answer weighs 1 on every item, including emptiness (MANUAL; the SEED slide prints 0)', () => {
    for (const item of toQuestionnaire(djg11).item?.filter((candidate) => candidate.type === 'choice') ?? []) {
      const neutral = item.answerOption?.find((option) => option.valueCoding?.code === 'more or less');
      expect(neutral?.valueCoding?.extension?.[0]?.valueDecimal, item.linkId).toBe(1);
    }
  });

  it('has read-only calculated items total, emotional and social with an SDC calculatedExpression', () => {
    const calculated = toQuestionnaire(djg6).item?.filter((item) => item.readOnly) ?? [];
    expect(calculated.map((item) => [item.linkId, item.type])).toEqual([['total', 'integer'], ['emotional', 'integer'], ['social', 'integer']]);
    for (const item of calculated) {
      expect(item.extension?.[0]?.url).toBe(fhirUrls.calculatedExpression);
      expect(item.extension?.[0]?.valueExpression).toEqual({ language: 'text/fhirpath', expression: scoreExpression(djg6, item.linkId as 'total') });
    }
  });
});

/** Evaluates a Questionnaire's calculatedExpression of `linkId` over a response with the fhirpath package. */
function calculate(scale: ScaleDefinition, linkId: string, answers: Record<string, string | null>): number | null {
  const item = toQuestionnaire(scale).item?.find((candidate) => candidate.linkId === linkId);
  const expression = item?.extension?.[0]?.valueExpression?.expression ?? '';
  const response = codedResponse(answers);
  const [value] = fhirpath.evaluate(response, expression, { resource: response }, r4model) as number[];
  return value ?? null;
}

describe('calculatedExpression evaluated with fhirpath gives the totals of score', () => {
  const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' };

  it('SEED worked example: total 4, emotional 3, social 1 (reference §6)', () => {
    expect(calculate(djg6, 'total', seed)).toBe(4);
    expect(calculate(djg6, 'emotional', seed)).toBe(3);
    expect(calculate(djg6, 'social', seed)).toBe(1);
  });

  it('6-item: total with one missing item is the plain count; with two, empty; a subscale with one missing, empty (MANUAL §4)', () => {
    expect(calculate(djg6, 'total', { ...seed, rejected: null })).toBe(3);
    expect(calculate(djg6, 'emotional', { ...seed, rejected: null })).toBeNull();
    expect(calculate(djg6, 'social', { ...seed, rejected: null })).toBe(1);
    expect(calculate(djg6, 'total', { ...seed, rejected: null, trust: null })).toBeNull();
  });

  it.each(scales)('$id: fhirpath\'s SDC weight() reads the itemWeights: their sum over a complete response is the total', (scale) => {
    const questionnaire = toQuestionnaire(scale, { format: '5-point' });
    const answers = fc.constantFrom<CanonicalAnswer>('yes!', 'yes', 'more or less', 'no', 'no!');
    fc.assert(
      fc.property(fc.tuple(...scale.items.map(() => answers)), (values) => {
        const given = Object.fromEntries(scale.items.map((item, index) => [item.key, values[index] ?? 'yes']));
        const response = codedResponse(given);
        const [sum] = fhirpath.evaluate(response, '%resource.item.answer.weight().sum()', { resource: response, questionnaire }, r4model) as number[];
        expect(sum).toBe(score(scale, asAnswers(given)).total);
      }),
      { numRuns: 50 },
    );
  });

  const answer = fc.constantFrom<CanonicalAnswer | null>('yes!', 'yes', 'more or less', 'no', 'no!', null);
  for (const scale of scales) {
    it(`${scale.id}: any answers, some missing: total, emotional and social equal score (property)`, () => {
      const keys = scale.items.map((item) => item.key);
      fc.assert(
        fc.property(fc.tuple(...keys.map(() => answer)), (values) => {
          const answers = Object.fromEntries(keys.map((key, index) => [key, values[index] ?? null]));
          const result = score(scale, asAnswers(answers));
          expect(calculate(scale, 'total', answers)).toBe(result.total);
          expect(calculate(scale, 'emotional', answers)).toBe(result.emotional);
          expect(calculate(scale, 'social', answers)).toBe(result.social);
        }),
        { numRuns: 150 },
      );
    });
  }
});
