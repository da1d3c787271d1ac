import type { BankKey } from '../types.js';

/**
 * Wording variants of the items seen in circulation (reference §1): the Flemish webinar deck's
 * "om mij heen" and its item 7, 8 and 10 wordings, the MANUAL's "rely on". For matching column
 * labels of datasets, never for presenting: the library presents the texts of `itemBank`.
 *
 * @example
 * ```ts
 * import { itemVariants } from 'loneliness-scales';
 * itemVariants.rejected.nl; // ['Ik voel mij vaak in de steek gelaten']
 * ```
 */
export const itemVariants: Readonly<Record<BankKey, { readonly nl: readonly string[]; readonly en: readonly string[] }>> = {
  talkTo: { nl: [], en: [] },
  missCloseFriend: { nl: [], en: [] },
  emptiness: { nl: ['Ik ervaar een leegte om mij heen'], en: [] },
  leanOn: { nl: [], en: ['There are plenty of people I can rely on when I have problems'] },
  missCompany: { nl: ['Ik mis gezelligheid om mij heen'], en: [] },
  circleTooSmall: { nl: [], en: [] },
  trust: { nl: ['Ik ken veel mensen op wie ik volledig kan vertrouwen'], en: [] },
  closeTo: { nl: ['Er zijn voldoende mensen met wie ik mij verbonden voel'], en: [] },
  missPeople: { nl: ['Ik mis mensen om mij heen'], en: [] },
  rejected: { nl: ['Ik voel mij vaak in de steek gelaten'], en: [] },
  callOnFriends: { nl: [], en: [] },
};
