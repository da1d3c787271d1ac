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
  /**
   * FHIR R4 core extension holding an answer's weight (decimal), on `answerOption` or its Coding;
   * read by LHC-Forms and by fhirpath.js's `weight()`/`ordinal()`.
   */
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  /**
   * The later name of `ordinalValue`, defined in the FHIR Extensions Pack (R5-based), not in R4
   * core; SDC 4.0's `weight()` reads it. Emitted beside `ordinalValue` for R4 tools that read only it.
   */
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  /** R4 core extension hiding an item from the respondent (used for the calculated scores). */
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  /** R4 core extension choosing an item's control (`radio-button`, from the SDC-compatible value set). */
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  /** SDC extension holding the FHIRPath expression of a calculated item. */
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
} as const;
