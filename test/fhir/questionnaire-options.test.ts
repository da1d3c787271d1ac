import fhirpath from 'fhirpath';
import r4model from 'fhirpath/fhir-context/r4';
import fc from 'fast-check';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import { type CanonicalAnswer, ScoringError, djg11, djg6, score, asAnswers } from '../../src/index.js';
import { fhirUrls, toObservation, toQuestionnaire } from '../../src/fhir/index.js';
import { codedResponse, fhirErrors } from '../helpers/fhir.js';

const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' } as const;
const rivm = 'Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste tijd bent, van toepassing is?';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ScoringError ? error.code : 'other';
  }
  return undefined;
}

const choices = (questionnaire: Questionnaire): QuestionnaireItem[] => questionnaire.item?.filter((item) => item.type === 'choice') ?? [];

/** A copy of the Questionnaire keeping only the weight extension with this URL. */
function onlyWeight(questionnaire: Questionnaire, url: string): Questionnaire {
  const copy = structuredClone(questionnaire);
  for (const item of choices(copy)) {
    for (const option of item.answerOption ?? []) {
      option.extension = option.extension?.filter((extension) => extension.url === url);
      if (option.valueCoding) option.valueCoding.extension = option.valueCoding.extension?.filter((extension) => extension.url === url);
    }
  }
  return copy;
}

/** How LHC-Forms scores (R4): the ordinalValue extension on the answerOption whose coding was chosen, summed. */
function lhcOrdinalSum(questionnaire: Questionnaire, response: QuestionnaireResponse): number {
  let sum = 0;
  for (const answered of response.item ?? []) {
    const code = answered.answer?.[0]?.valueCoding?.code;
    if (code === undefined) continue;
    const item = choices(questionnaire).find((candidate) => candidate.linkId === answered.linkId);
    const option = item?.answerOption?.find((candidate) => candidate.valueCoding?.code === code);
    const ordinal = option?.extension?.find((extension) => extension.url === 'http://hl7.org/fhir/StructureDefinition/ordinalValue');
    if (ordinal?.valueDecimal === undefined) throw new Error(`no ordinalValue on ${answered.linkId} ${code}`);
    sum += ordinal.valueDecimal;
  }
  return sum;
}

const answers = fc.constantFrom<CanonicalAnswer>('yes!', 'yes', 'more or less', 'no', 'no!');

describe('answer weights in R4: ordinalValue (R4 core) and itemWeight (its later name) on every answerOption (reference §12)', () => {
  it('each answerOption and its Coding carry both extensions with the same points', () => {
    for (const option of choices(toQuestionnaire(djg6, { format: '5-point' })).flatMap((item) => item.answerOption ?? [])) {
      const urls = option.extension?.map((extension) => extension.url);
      expect(urls).toEqual([fhirUrls.ordinalValue, fhirUrls.itemWeight]);
      expect(option.extension?.[0]?.valueDecimal).toBe(option.extension?.[1]?.valueDecimal);
      expect(option.valueCoding?.extension).toEqual(option.extension);
    }
    expect(fhirUrls.ordinalValue).toBe('http://hl7.org/fhir/StructureDefinition/ordinalValue');
    expect(fhirUrls.itemWeight).toBe('http://hl7.org/fhir/StructureDefinition/itemWeight');
  });

  it.each([djg6, djg11])('$id: an LHC-Forms-style ordinalValue sum and fhirpath weight() (each URL alone) both give score().total', (scale) => {
    const questionnaire = toQuestionnaire(scale, { format: '5-point' });
    const ordinalOnly = onlyWeight(questionnaire, fhirUrls.ordinalValue);
    const itemWeightOnly = onlyWeight(questionnaire, fhirUrls.itemWeight);
    fc.assert(
      fc.property(fc.tuple(...scale.items.map(() => answers)), (values) => {
        const given = Object.fromEntries(scale.items.map((item, index) => [item.key, values[index] ?? 'yes']));
        const response = codedResponse(given);
        const expected = score(scale, asAnswers(given)).total;
        expect(lhcOrdinalSum(questionnaire, response)).toBe(expected);
        for (const context of [questionnaire, ordinalOnly, itemWeightOnly]) {
          const [sum] = fhirpath.evaluate(response, '%resource.item.answer.weight().sum()', { resource: response, questionnaire: context }, r4model) as number[];
          expect(sum).toBe(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('toQuestionnaire options', () => {
  it('own canonical base, version and publisher; the result stays valid R4', () => {
    const questionnaire = toQuestionnaire(djg6, { language: 'nl', canonicalBase: 'https://fhir.example.org/base/', version: '2.1.0', publisher: 'GGD Voorbeeld' });
    expect(questionnaire.url).toBe('https://fhir.example.org/base/Questionnaire/djg6-nl');
    expect(questionnaire.version).toBe('2.1.0');
    expect(questionnaire.publisher).toBe('GGD Voorbeeld');
    expect(fhirErrors(questionnaire)).toEqual([]);
    expect(toQuestionnaire(djg6).url).toBe(`${fhirUrls.questionnaire}/djg6-en`);
    expect(toQuestionnaire(djg6).version).toBeUndefined();
  });

  it('radioButtons: the questionnaire-itemControl extension with radio-button on every choice item', () => {
    const questionnaire = toQuestionnaire(djg11, { radioButtons: true });
    for (const item of choices(questionnaire)) {
      expect(item.extension).toEqual([
        { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button', display: 'Radio Button' }] } },
      ]);
    }
    expect(fhirErrors(questionnaire)).toEqual([]);
    expect(choices(toQuestionnaire(djg11)).every((item) => item.extension === undefined)).toBe(true);
  });

  it("scoreItems: 'hidden' keeps the calculations but hides them; 'omitted' leaves them out", () => {
    const hidden = toQuestionnaire(djg6, { scoreItems: 'hidden' });
    const scores = hidden.item?.filter((item) => ['total', 'emotional', 'social'].includes(item.linkId)) ?? [];
    expect(scores).toHaveLength(3);
    for (const item of scores) {
      expect(item.extension?.map((extension) => extension.url)).toEqual([fhirUrls.calculatedExpression, 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden']);
      expect(item.extension?.[1]?.valueBoolean).toBe(true);
    }
    expect(fhirErrors(hidden)).toEqual([]);
    const omitted = toQuestionnaire(djg6, { scoreItems: 'omitted' });
    expect(omitted.item?.map((item) => item.linkId)).toEqual([...djg6.items.map((item) => item.key), 'citation']);
  });

  it('bad options are invalid_option naming the option', () => {
    const cases: [object, string][] = [
      [{ canonicalBase: 'ftp://x' }, 'canonicalBase'],
      [{ canonicalBase: 'https://x.org/?q=1' }, 'canonicalBase'],
      [{ version: '' }, 'version'],
      [{ publisher: 'a\nb' }, 'publisher'],
      [{ radioButtons: 'yes' }, 'radioButtons'],
      [{ scoreItems: 'gone' }, 'scoreItems'],
      [{ instruction: 3 }, 'instruction'],
      [{ lang: 'nl' }, 'options.lang'],
    ];
    for (const [options, path] of cases) {
      let error: unknown;
      try {
        toQuestionnaire(djg6, options as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ScoringError);
      expect((error as ScoringError).code).toBe('invalid_option');
      expect((error as ScoringError).path).toBe(path);
    }
  });
});

describe('the respondent instruction before the items (reference §11)', () => {
  it('the scale definitions ship the RIVM Dutch instruction and no English one', () => {
    for (const scale of [djg6, djg11]) {
      expect(scale.instruction?.text.nl).toBe(rivm);
      expect(scale.instruction?.threePointAnswers?.nl).toBe('U kunt antwoorden met nee, min of meer, ja.');
      expect((scale.instruction?.text as { en?: string } | undefined)?.en).toBeUndefined();
    }
  });

  it('Dutch Questionnaires open with it as a display item; the 3-point one names the answers as RIVM does', () => {
    const three = toQuestionnaire(djg11, { language: 'nl' });
    expect(three.item?.[0]).toEqual({ linkId: 'instruction', type: 'display', text: `${rivm} U kunt antwoorden met nee, min of meer, ja.` });
    expect(toQuestionnaire(djg11, { language: 'nl', format: '5-point' }).item?.[0]).toEqual({ linkId: 'instruction', type: 'display', text: rivm });
  });

  it('English has none unless the caller passes one; null leaves it out', () => {
    expect(toQuestionnaire(djg6).item?.[0]?.linkId).toBe('emptiness');
    const own = toQuestionnaire(djg6, { instruction: 'Please indicate for each statement how it applies to you now.' });
    expect(own.item?.[0]).toEqual({ linkId: 'instruction', type: 'display', text: 'Please indicate for each statement how it applies to you now.' });
    expect(toQuestionnaire(djg6, { language: 'nl', instruction: null }).item?.[0]?.linkId).toBe('emptiness');
  });
});

describe('Observations from a plain score; languages', () => {
  it('toObservation builds from score() alone, without derivedFrom', () => {
    const observation = toObservation(score(djg6, seed));
    expect(observation.valueInteger).toBe(4);
    expect(observation.derivedFrom).toBeUndefined();
    expect(fhirErrors(observation)).toEqual([]);
  });

  it('an unknown language is invalid_option, not a resource with undefined texts', () => {
    expect(codeOf(() => toQuestionnaire(djg6, { language: 'de' as never }))).toBe('invalid_option');
    expect(codeOf(() => toObservation(score(djg6, seed), { language: 'de' as never }))).toBe('invalid_option');
  });
});
