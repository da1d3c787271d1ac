import fhirpath from 'fhirpath';
import r4model from 'fhirpath/fhir-context/r4';
import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, asAnswers, defineScale, djg6, safeScore, score } from '../../src/index.js';
import { fhirUrls, safeScoreQuestionnaireResponse, scoreExpression, scoreQuestionnaireResponse, toObservation, toQuestionnaire } from '../../src/fhir/index.js';
import { threePointJson, threePointReference, threePointStates } from '../helpers/fixture-scale.js';
import { codedResponse, fhirErrors } from '../helpers/fhir.js';

/**
 * Issue 9: the FHIR resources of an instrument unlike De Jong Gierveld (the fixture: 3 items
 * scored 1/2/3, one reversed, a total only, its own bands), from its definition alone.
 */
const fixture: ScaleDefinition = defineScale(threePointJson());
const json = threePointJson() as { items: { key: string; points: Record<string, number> }[] };
const keys = fixture.items.map((item) => item.key);

/** Every pattern of the fixture's answers and missing answers (4³ = 64). */
const patterns: Record<string, string | null>[] = [];
for (const first of threePointStates) for (const second of threePointStates) for (const third of threePointStates) patterns.push({ [keys[0] as string]: first, [keys[1] as string]: second, [keys[2] as string]: third });

const calculated = (questionnaire: ReturnType<typeof toQuestionnaire>, linkId: string, answers: Record<string, string | null>): number | null => {
  const expression = questionnaire.item?.find((item) => item.linkId === linkId)?.extension?.[0]?.valueExpression?.expression ?? '';
  const response = codedResponse(answers);
  const [value] = fhirpath.evaluate(response, expression, { resource: response }, r4model) as number[];
  return value ?? null;
};

describe('issue 9: the Questionnaire of the fixture instrument', () => {
  const questionnaire = toQuestionnaire(fixture, { language: 'nl' });

  it('is valid R4, with one choice item per item and the answers of its format', () => {
    expect(fhirErrors(questionnaire)).toEqual([]);
    expect(fhirErrors(toQuestionnaire(fixture, { scoreItems: 'hidden', radioButtons: true }))).toEqual([]);
    const questions = questionnaire.item?.filter((item) => item.type === 'choice') ?? [];
    expect(questions.map((item) => item.linkId)).toEqual(keys);
    expect(questions[0]?.answerOption?.map((option) => option.valueCoding?.display)).toEqual(['ja', 'min of meer', 'nee']);
  });

  it('answer weights (ordinalValue and itemWeight, on the option and its Coding) are the points its JSON lists, reversed item included', () => {
    for (const question of questionnaire.item?.filter((item) => item.type === 'choice') ?? []) {
      const listed = json.items.find((item) => item.key === question.linkId)?.points ?? {};
      for (const option of question.answerOption ?? []) {
        for (const element of [option, option.valueCoding]) {
          for (const url of [fhirUrls.ordinalValue, fhirUrls.itemWeight]) {
            expect(element?.extension?.find((extension) => extension.url === url)?.valueDecimal, `${question.linkId} ${option.valueCoding?.code}`).toBe(listed[option.valueCoding?.code as string]);
          }
        }
      }
    }
    const included = questionnaire.item?.find((item) => item.linkId === 'feelIncluded');
    expect(included?.answerOption?.map((option) => option.extension?.[0]?.valueDecimal)).toEqual([1, 2, 3]);
  });

  it('carries no De Jong Gierveld terms of use as its copyright (they are the MANUAL\'s); its description keeps the citation', () => {
    expect(questionnaire.copyright).toBeUndefined();
    expect(questionnaire.description).toContain(fixture.citation);
    expect(toQuestionnaire(djg6).copyright).toContain(djg6.citation);
  });

  it('has a calculated total only: no emotional or social item for a scale without subscales', () => {
    expect(questionnaire.item?.filter((item) => item.readOnly).map((item) => item.linkId)).toEqual(['total']);
    expect(() => scoreExpression(fixture, 'emotional')).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => scoreExpression(fixture, 'social')).toThrow(/no social score/);
  });

  it('its calculatedExpression, evaluated with fhirpath, gives the total of score and of the JSON for all 64 answer/missing patterns', () => {
    for (const answers of patterns) {
      const expected = score(fixture, asAnswers(answers)).total;
      expect(expected).toBe(threePointReference(answers).total);
      expect(calculated(questionnaire, 'total', answers), JSON.stringify(answers)).toBe(expected);
    }
  });

  it('fhirpath\'s weight() over a complete response sums to the total', () => {
    for (const answers of patterns.filter((entry) => Object.values(entry).every((answer) => answer !== null))) {
      const response = codedResponse(answers);
      const [sum] = fhirpath.evaluate(response, '%resource.item.answer.weight().sum()', { resource: response, questionnaire }, r4model) as number[];
      expect(sum).toBe(threePointReference(answers).total);
    }
  });

  it('an item offering fewer answers than the format gets only the answers it offers, and its expression ignores the others', () => {
    const narrowed = threePointJson() as { id: string; items: { points: Record<string, number> }[] };
    narrowed.id = 'narrowed';
    (narrowed.items[0] as { points: Record<string, number> }).points = { yes: 3, no: 0 };
    const scale = defineScale(narrowed);
    const form = toQuestionnaire(scale);
    expect(fhirErrors(form)).toEqual([]);
    expect(form.item?.find((item) => item.linkId === 'feelAlone')?.answerOption?.map((option) => [option.valueCoding?.code, option.extension?.[0]?.valueDecimal])).toEqual([
      ['yes', 3],
      ['no', 0],
    ]);
    for (const answers of [{ feelAlone: 'yes', lackCompany: 'no', feelIncluded: 'no' }, { feelAlone: 'no', lackCompany: 'more or less', feelIncluded: null }]) {
      expect(calculated(form, 'total', answers)).toBe(score(scale, asAnswers(answers)).total);
    }
  });
});

describe('issue 9: QuestionnaireResponse and Observation of the fixture instrument', () => {
  const answers = { feelAlone: 'yes', lackCompany: 'more or less', feelIncluded: 'no' };

  it('a response scores as score does, and as the JSON says (3 + 2 + 3 = 8, "high")', () => {
    const result = scoreQuestionnaireResponse(fixture, codedResponse(answers));
    expect(result).toEqual(score(fixture, asAnswers(answers)));
    expect([result.total, result.category?.id]).toEqual([threePointReference(answers).total, threePointReference(answers).band]);
  });

  it('an answer the items do not offer (yes!) is refused with the core\'s error', () => {
    const outcome = safeScoreQuestionnaireResponse(fixture, codedResponse({ ...answers, feelAlone: 'yes!' }));
    const core = safeScore(fixture, asAnswers({ ...answers, feelAlone: 'yes!' }));
    expect(outcome.success).toBe(false);
    expect(core.success).toBe(false);
    if (!outcome.success && !core.success) {
      expect([outcome.error.code, outcome.error.item, outcome.error.message]).toEqual([core.error.code, core.error.item, core.error.message]);
    }
  });

  it('with its scale, the Observation holds the total and its band and no subscale components; valid R4', () => {
    const response = codedResponse(answers);
    const observation = toObservation(scoreQuestionnaireResponse(fixture, response), { derivedFrom: response, scale: fixture, language: 'nl' });
    expect(fhirErrors(observation)).toEqual([]);
    expect(observation.valueInteger).toBe(8);
    expect(observation.interpretation?.[0]?.coding?.[0]).toMatchObject({ code: 'high' });
    expect(observation.interpretation?.[0]?.text).toBe('hoog');
    expect(observation.component).toBeUndefined();
    const missing = toObservation(score(fixture, asAnswers({ feelAlone: 'yes', lackCompany: null, feelIncluded: null })), { scale: fixture });
    expect(missing.dataAbsentReason?.coding?.[0]?.code).toBe('unknown');
  });

  it('options.scale must be the scale of the result; with djg6 both subscale components stay', () => {
    const result = score(fixture, asAnswers(answers));
    expect(() => toObservation(result, { scale: djg6 })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;
    const observation = toObservation(score(djg6, seed), { scale: djg6 });
    expect(observation).toEqual(toObservation(score(djg6, seed)));
    expect(observation.component?.map((component) => component.valueInteger)).toEqual([3, 1]);
  });
});
