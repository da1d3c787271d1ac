import type { CodeSystem } from 'fhir/r4.js';
import { fivePointFormat, threePointFormat } from '../index.js';
import { fhirUrls } from './canonical.js';

/** SNOMED CT "Synonym": the designation use of a second spelling. */
const synonym = { system: 'http://snomed.info/sct', code: '900000000000013009', display: 'Synonym' };

/**
 * The CodeSystem of the answer codings used by {@link toQuestionnaire}: the core's canonical
 * answers (`yes!`, `yes`, `more or less`, `no`, `no!`) with English displays and Dutch
 * designations. Each context spells the neutral answer as its source prints it: the 3-point
 * format "min of meer" (CBS, RIVM), the 5-point format "min-of-meer" (MANUAL). The Dutch
 * designation of `more or less` is the 3-point spelling; the 5-point one is a second designation
 * marked as a synonym, so that the display of either Questionnaire is found in the CodeSystem.
 *
 * @example
 * ```ts
 * import { answerCodeSystem } from 'loneliness-scales/fhir';
 * answerCodeSystem().concept?.map((concept) => concept.code); // ['yes!', 'yes', 'more or less', 'no', 'no!']
 * ```
 */
export function answerCodeSystem(): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: 'djg-answer',
    url: fhirUrls.answers,
    name: 'DJG_ANSWER',
    title: 'Answers of the De Jong Gierveld loneliness scales',
    status: 'active',
    caseSensitive: true,
    content: 'complete',
    concept: fivePointFormat.options.map(({ answer, label }) => {
      const threePoint = threePointFormat.options.find((option) => option.answer === answer)?.label.nl;
      const dutch = threePoint ?? label.nl;
      return {
        code: answer,
        display: label.en,
        designation: [{ language: 'nl', value: dutch }, ...(dutch === label.nl ? [] : [{ language: 'nl', use: synonym, value: label.nl }])],
      };
    }),
  };
}
