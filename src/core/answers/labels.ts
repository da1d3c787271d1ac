import type { CanonicalAnswer } from '../types.js';
import { fivePointFormat, threePointFormat } from './formats.js';

/**
 * Spellings of the neutral answer besides the formats' own labels (reference §2): CBS writes
 * "min of meer", the MANUAL "min-of-meer", the Flemish webinar deck "meer of minder", CBS's
 * English page "somewhat".
 */
const neutralAliases = ['min of meer', 'meer of minder', 'somewhat'];

// In the order messages list them (and a typo's tie goes to the first): the 3-point labels, the
// 5-point ones, then the other spellings.
const spellings = new Map<string, CanonicalAnswer>();
for (const { answer, label } of [...threePointFormat.options, ...fivePointFormat.options]) {
  spellings.set(answer, answer).set(label.en, answer).set(label.nl, answer);
}
for (const alias of neutralAliases) spellings.set(alias, 'more or less');

/**
 * Every answer label the library reads, in normalised form (lower case, single spaces), and the
 * canonical answer it names: the labels of the 3- and 5-point formats in Dutch and English, and
 * the other spellings of the neutral answer in circulation.
 *
 * @example
 * ```ts
 * import { answerLabels } from 'loneliness-scales';
 * answerLabels['meer of minder']; // 'more or less'
 * ```
 */
export const answerLabels: Readonly<Record<string, CanonicalAnswer>> = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(spellings),
);

/** A label exactly as listed in {@link answerLabels}. */
export type AnswerLabel =
  | 'yes!'
  | 'yes'
  | 'more or less'
  | 'somewhat'
  | 'no'
  | 'no!'
  | 'ja!'
  | 'ja'
  | 'min of meer'
  | 'min-of-meer'
  | 'meer of minder'
  | 'nee'
  | 'nee!';

/**
 * Reads an answer label, ignoring case and surrounding or repeated white space.
 * Returns `undefined` for a string that is not a known label.
 *
 * @example
 * ```ts
 * import { readAnswerLabel } from 'loneliness-scales';
 * readAnswerLabel('  Min of  Meer '); // 'more or less'
 * readAnswerLabel('maybe');           // undefined
 * ```
 */
export function readAnswerLabel(label: string): CanonicalAnswer | undefined {
  return spellings.get(label) ?? spellings.get(label.trim().toLowerCase().replace(/\s+/g, ' '));
}

/**
 * How strongly an answer agrees with the item: 2 (`yes!`) down to -2 (`no!`), 0 for the neutral
 * `more or less`. An item scores 1 when agreement ≥ 0 on negatively worded items and ≤ 0 on
 * positively worded ones (MANUAL).
 *
 * @example
 * ```ts
 * import { agreement } from 'loneliness-scales';
 * agreement['more or less']; // 0
 * ```
 */
export const agreement: Readonly<Record<CanonicalAnswer, number>> = {
  'yes!': 2,
  yes: 1,
  'more or less': 0,
  no: -1,
  'no!': -2,
};
