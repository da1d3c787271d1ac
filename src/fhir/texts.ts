import type { LocalizedText } from '../index.js';

/** The scores a result holds, as they are named on a form and in an Observation. */
export type ScoreName = 'total' | 'emotional' | 'social';

/**
 * Names of the scores in every shipped language, as the calculated Questionnaire items and the
 * Observation codes show them.
 *
 * @example
 * ```ts
 * import { scoreTexts } from 'loneliness-scales/fhir';
 * scoreTexts.emotional.nl; // 'Emotionele eenzaamheid'
 * ```
 */
export const scoreTexts: Readonly<Record<ScoreName, LocalizedText>> = {
  total: { nl: 'Totaalscore eenzaamheid', en: 'Loneliness total score' },
  emotional: { nl: 'Emotionele eenzaamheid', en: 'Emotional loneliness' },
  social: { nl: 'Sociale eenzaamheid', en: 'Social loneliness' },
};

/**
 * The caution every presentation of a score carries: the scale was built for survey research on
 * groups, not to diagnose individuals (MANUAL, preliminary remarks). Part of each Questionnaire's
 * description.
 *
 * @example
 * ```ts
 * import { cautionText } from 'loneliness-scales/fhir';
 * cautionText.en; // 'A research instrument, not a diagnosis: do not use a score to label or diagnose an individual.'
 * ```
 */
export const cautionText: LocalizedText = {
  nl: 'Een onderzoeksinstrument, geen diagnose: gebruik een score niet om een persoon te labelen of te diagnosticeren.',
  en: 'A research instrument, not a diagnosis: do not use a score to label or diagnose an individual.',
};

/**
 * The terms of use of the scale (MANUAL, preliminary remarks), followed by the citation in a
 * Questionnaire's `copyright`.
 *
 * @example
 * ```ts
 * import { termsText } from 'loneliness-scales/fhir';
 * termsText.nl; // 'Vrij te gebruiken voor wetenschappelijk onderzoek, op voorwaarde dat de bron wordt vermeld:'
 * ```
 */
export const termsText: LocalizedText = {
  nl: 'Vrij te gebruiken voor wetenschappelijk onderzoek, op voorwaarde dat de bron wordt vermeld:',
  en: 'Free for scientific research on condition that the source is cited:',
};
