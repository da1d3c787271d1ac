import { fivePointFormat, threePointFormat } from '../answers/formats.js';
import { deepFreeze } from '../freeze.js';
import type { ScaleDefinition } from '../types.js';
import { djg6SubscaleCbs, djg6SubscaleManual, djg6TotalManual } from './categories.js';
import { rivmInstruction } from './instruction.js';
import { itemBank } from './items.js';

const [, , emptiness, leanOn, , , trust, closeTo, missPeople, rejected] = itemBank;

/**
 * The 6-item De Jong Gierveld short scale for overall, emotional and social loneliness
 * (de Jong Gierveld & van Tilburg 2006): items 3, 9, 10 (emotional) and 4, 7, 8 (social) of the
 * 11-item scale, asked as questions 1–6 in the order 3, 4, 7, 8, 9, 10 — so the emotional items
 * are questions 1, 5, 6 of the 6-item form and the social items questions 2, 3, 4.
 *
 * Missing answers (MANUAL, SPSS syntax): the total is scored with at most one missing item, as
 * the plain count over the answered items; each subscale only when all three items are answered.
 *
 * @example
 * ```ts
 * import { djg6, score } from 'loneliness-scales';
 * djg6.items.map((item) => item.key); // ['emptiness', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected']
 * score(djg6, { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' }).total; // 4
 * ```
 */
export const djg6 = /* @__PURE__ */ deepFreeze({
  id: 'djg6',
  name: {
    en: 'De Jong Gierveld 6-item loneliness scale',
    nl: 'De Jong Gierveld eenzaamheidsschaal (6 items)',
  },
  items: [emptiness, leanOn, trust, closeTo, missPeople, rejected],
  answerFormats: [threePointFormat, fivePointFormat],
  range: { total: 6, emotional: 3, social: 3 },
  // MANUAL (SPSS syntax): the total is missing when more than one item is missing; a subscale
  // when any of its items is missing.
  missing: { total: 1, subscale: 0 },
  categories: {
    total: { default: 'manual', conventions: [djg6TotalManual] },
    subscale: { default: 'manual', conventions: [djg6SubscaleManual, djg6SubscaleCbs] },
  },
  citation:
    'de Jong Gierveld, J., & van Tilburg, T. (2006). A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), 582–598.',
  // Shown before the items: RIVM's Dutch wording (reference §11); no English one was retrieved.
  instruction: rivmInstruction,
} as const satisfies ScaleDefinition);
