/**
 * The canonical URLs the FHIR adapter writes. No LOINC (or SNOMED CT) code exists for the
 * De Jong Gierveld scales, so answers, scores and categories are coded in the project's own code
 * systems, under one base URL.
 *
 * @example
 * ```ts
 * import { fhirUrls } from 'loneliness-scales/fhir';
 * fhirUrls.answers; // 'https://www.npmjs.com/package/loneliness-scales/fhir/CodeSystem/djg-answer'
 * ```
 */
export const fhirUrls = {
  /** Base of the Questionnaire URLs: `${questionnaire}/djg6-nl` and so on. */
  questionnaire: 'https://www.npmjs.com/package/loneliness-scales/fhir/Questionnaire',
  /** Code system of the answers: `yes!`, `yes`, `more or less`, `no`, `no!` (the core's canonical answers). */
  answers: 'https://www.npmjs.com/package/loneliness-scales/fhir/CodeSystem/djg-answer',
  /** Code system of the scores: `djg6` (the total), `djg6-emotional`, `djg6-social`, the same for `djg11`. */
  scores: 'https://www.npmjs.com/package/loneliness-scales/fhir/CodeSystem/djg-score',
  /** Code system of the category bands: their ids, e.g. `moderately_lonely`. */
  categories: 'https://www.npmjs.com/package/loneliness-scales/fhir/CodeSystem/djg-category',
  /** R4 extension holding the points of an answer option (on its Coding). */
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  /** SDC extension holding the FHIRPath expression of a calculated item. */
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
} as const;
