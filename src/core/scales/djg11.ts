import { fivePointFormat, threePointFormat } from '../answers/formats.js';
import { deepFreeze } from '../freeze.js';
import type { ScaleDefinition } from '../types.js';
import { djg11SubscaleGgd2, djg11SubscaleGgd3, djg11TotalVanTilburg1999 } from './categories.js';
import { rivmInstruction } from './instruction.js';
import { itemBank } from './items.js';

/**
 * The 11-item De Jong Gierveld loneliness scale (de Jong Gierveld & Kamphuis 1985): 6 emotional
 * items worded negatively and 5 social items worded positively.
 *
 * Missing answers: the MANUAL's rule for the 11-item scale was not retrieved, so by default a
 * score is computed only when all its items are answered. The tolerated number of missing items
 * is an explicit option of `score` (`missing: { total, subscale }`); a score with tolerated
 * missing items is the plain count over the answered items (no prorating), as in the 6-item rule.
 *
 * Subscale categories: no authors' bands were retrieved for the 11-item subscales, so none is
 * applied by default; the GGD conventions `ggd-2` and `ggd-3` are selectable by name.
 *
 * @example
 * ```ts
 * import { djg11 } from 'loneliness-scales';
 * djg11.items.length; // 11
 * djg11.items[0].text.nl; // 'Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan'
 * ```
 */
export const djg11 = /* @__PURE__ */ deepFreeze({
  id: 'djg11',
  name: {
    en: 'De Jong Gierveld 11-item loneliness scale',
    nl: 'De Jong Gierveld eenzaamheidsschaal (11 items)',
  },
  items: itemBank,
  answerFormats: [threePointFormat, fivePointFormat],
  range: { total: 11, emotional: 6, social: 5 },
  // The MANUAL's rule for the 11-item scale was not retrieved: by default every item must be
  // answered; `score`'s `missing` option tolerates more, explicitly.
  missing: { total: 0, subscale: 0 },
  categories: {
    total: { default: 'van-tilburg-1999', conventions: [djg11TotalVanTilburg1999] },
    subscale: { default: null, conventions: [djg11SubscaleGgd2, djg11SubscaleGgd3] },
  },
  citation:
    'de Jong Gierveld, J., & Kamphuis, F. (1985). The development of a Rasch-type loneliness scale. Applied Psychological Measurement, 9(3), 289–299.',
  // Shown before the items: RIVM's Dutch wording (reference §11); no English one was retrieved.
  instruction: rivmInstruction,
} as const satisfies ScaleDefinition);
