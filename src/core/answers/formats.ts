import type { AnswerFormat } from '../types.js';

/**
 * The 3-point format used in interviews: yes / more or less / no (CBS; MANUAL). The Dutch labels
 * are spelled as CBS and RIVM print them: "ja", "min of meer", "nee" (without hyphens; the
 * 5-point format follows the MANUAL's "min-of-meer"). Both spellings are read as answers.
 *
 * @example
 * ```ts
 * import { threePointFormat } from 'loneliness-scales';
 * threePointFormat.options.map((option) => option.label.nl); // ['ja', 'min of meer', 'nee']
 * ```
 */
export const threePointFormat = {
  name: '3-point',
  options: [
    { answer: 'yes', label: { nl: 'ja', en: 'yes' } },
    { answer: 'more or less', label: { nl: 'min of meer', en: 'more or less' } },
    { answer: 'no', label: { nl: 'nee', en: 'no' } },
  ],
} as const satisfies AnswerFormat;

/**
 * The 5-point format for self-administered questionnaires: yes! / yes / more or less / no / no!
 * (MANUAL). The Dutch labels are spelled as the MANUAL prints them: "ja!", "ja", "min-of-meer",
 * "nee", "nee!" (the 3-point format follows CBS's "min of meer"). Both spellings are read as answers.
 *
 * @example
 * ```ts
 * import { fivePointFormat } from 'loneliness-scales';
 * fivePointFormat.options.map((option) => option.label.en); // ['yes!', 'yes', 'more or less', 'no', 'no!']
 * ```
 */
export const fivePointFormat = {
  name: '5-point',
  options: [
    { answer: 'yes!', label: { nl: 'ja!', en: 'yes!' } },
    { answer: 'yes', label: { nl: 'ja', en: 'yes' } },
    { answer: 'more or less', label: { nl: 'min-of-meer', en: 'more or less' } },
    { answer: 'no', label: { nl: 'nee', en: 'no' } },
    { answer: 'no!', label: { nl: 'nee!', en: 'no!' } },
  ],
} as const satisfies AnswerFormat;
