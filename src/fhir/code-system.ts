import type { CodeSystem } from 'fhir/r4.js';
import { fivePointFormat } from '../index.js';
import { fhirUrls } from './canonical.js';

/**
 * The CodeSystem of the answer codings used by {@link toQuestionnaire}: the core's canonical
 * answers (`yes!`, `yes`, `more or less`, `no`, `no!`) with English displays and Dutch
 * designations, taken from the 5-point format (which holds every answer).
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
    concept: fivePointFormat.options.map(({ answer, label }) => ({
      code: answer,
      display: label.en,
      designation: [{ language: 'nl', value: label.nl }],
    })),
  };
}
