import type { Item, Subscale } from '../types.js';

/**
 * The 11 items in the order of their numbers: key, subscale, English and Dutch text (TG2020
 * Table 1; the Dutch as used by CBS and LASA). Emotional items are worded negatively (agreeing
 * is lonely), social items positively (agreeing is not lonely) — de Jong Gierveld & Kamphuis 1985.
 * {@link itemBank} holds the same items as objects.
 *
 * @example
 * ```ts
 * import { itemTable } from 'loneliness-scales';
 * itemTable[9]; // ['rejected', 'emotional', 'I often feel rejected', 'Vaak voel ik me in de steek gelaten']
 * ```
 */
export const itemTable = [
  ['talkTo', 'social', 'There is always someone I can talk to about my day-to-day problems', 'Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan'],
  ['missCloseFriend', 'emotional', 'I miss having a really close friend', 'Ik mis een echt goede vriend of vriendin'],
  ['emptiness', 'emotional', 'I experience a general sense of emptiness', 'Ik ervaar een leegte om me heen'],
  ['leanOn', 'social', 'There are plenty of people I can lean on when I have problems', 'Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen'],
  ['missCompany', 'emotional', 'I miss the pleasure of the company of others', 'Ik mis gezelligheid om me heen'],
  ['circleTooSmall', 'emotional', 'I find my circle of friends and acquaintances too limited', 'Ik vind mijn kring van kennissen te beperkt'],
  ['trust', 'social', 'There are many people I can trust completely', 'Ik heb veel mensen op wie ik volledig kan vertrouwen'],
  ['closeTo', 'social', 'There are enough people I feel close to', 'Er zijn voldoende mensen met wie ik me nauw verbonden voel'],
  ['missPeople', 'emotional', 'I miss having people around me', 'Ik mis mensen om me heen'],
  ['rejected', 'emotional', 'I often feel rejected', 'Vaak voel ik me in de steek gelaten'],
  ['callOnFriends', 'social', 'I can call on my friends whenever I need them', 'Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht'],
] as const satisfies readonly (readonly [string, Subscale, string, string])[];

/** One row of {@link itemTable}: key, subscale, English text, Dutch text. */
export type ItemRow = (typeof itemTable)[number];

/** The item described by one row of the table, with its literal key, subscale and wording. */
export type ItemOf<R extends ItemRow> = Item<R[0]> & {
  readonly subscale: R[1];
  readonly wording: R[1] extends 'emotional' ? 'negative' : 'positive';
  /** Scored by wording (MANUAL §3): 0 or 1. */
  readonly points?: undefined;
};

type ItemsOf<T extends readonly ItemRow[]> = { readonly [I in keyof T]: T[I] extends ItemRow ? ItemOf<T[I]> : never };

/**
 * The 11 items of the De Jong Gierveld loneliness scale (de Jong Gierveld & Kamphuis 1985), in
 * the order of their numbers, with English and Dutch texts (TG2020 Table 1). Wording variants in
 * circulation are in `itemVariants`.
 *
 * @example
 * ```ts
 * import { itemBank } from 'loneliness-scales';
 * itemBank[2].key;     // 'emptiness'
 * itemBank[2].text.nl; // 'Ik ervaar een leegte om me heen'
 * ```
 */
export const itemBank = itemTable.map(([key, subscale, en, nl], index) => ({
  key,
  number: index + 1,
  subscale,
  wording: subscale === 'emotional' ? 'negative' : 'positive',
  text: { en, nl },
})) as unknown as ItemsOf<typeof itemTable>;
