import type { CategoryBand, CategoryConvention, LocalizedText } from '../types.js';

/** A band; its id is the English label in snake case (`moderately_lonely`). */
function band(code: number, min: number, max: number, label: LocalizedText): CategoryBand {
  return { id: label.en.replace(/ /g, '_'), code, min, max, label };
}

const notLonely = { nl: 'niet eenzaam', en: 'not lonely' } as const;
const moderatelyLonely = { nl: 'matig eenzaam', en: 'moderately lonely' } as const;
const severelyLonely = { nl: 'ernstig eenzaam', en: 'severely lonely' } as const;
const verySeverelyLonely = { nl: 'zeer ernstig eenzaam', en: 'very severely lonely' } as const;
const lonely = { nl: 'eenzaam', en: 'lonely' } as const;

/** 6-item total: 0–1 not lonely, 2–4 moderately lonely, 5–6 severely lonely, coded 0, 1, 2 (MANUAL; DJG2006). */
export const djg6TotalManual = {
  name: 'manual',
  source: 'MANUAL; DJG2006',
  bands: [
    band(0, 0, 1, notLonely),
    band(1, 2, 4, moderatelyLonely),
    band(2, 5, 6, severelyLonely),
  ],
} as const satisfies CategoryConvention;

/** 11-item total: 0–2, 3–8, 9–10, 11 (van Tilburg & de Jong Gierveld 1999; Dutch GGD health monitor). */
export const djg11TotalVanTilburg1999 = {
  name: 'van-tilburg-1999',
  source: 'van Tilburg & de Jong Gierveld 1999',
  bands: [
    band(0, 0, 2, notLonely),
    band(1, 3, 8, moderatelyLonely),
    band(2, 9, 10, severelyLonely),
    band(3, 11, 11, verySeverelyLonely),
  ],
} as const satisfies CategoryConvention;

/** 6-item subscales: 0 not lonely, 1–3 lonely (MANUAL). */
export const djg6SubscaleManual = {
  name: 'manual',
  source: 'MANUAL',
  bands: [
    band(0, 0, 0, notLonely),
    band(1, 1, 3, lonely),
  ],
} as const satisfies CategoryConvention;

/**
 * 6-item subscales as Statistics Netherlands reports them: 0 / 1–2 / 3 (CBS). CBS's own labels
 * for these bands were not retrieved; the labels of the total's bands are used.
 */
export const djg6SubscaleCbs = {
  name: 'cbs',
  source: 'CBS',
  bands: [
    band(0, 0, 0, notLonely),
    band(1, 1, 2, moderatelyLonely),
    band(2, 3, 3, severelyLonely),
  ],
} as const satisfies CategoryConvention;

/** 11-item subscales as GGD monitors report them: lonely from at least 2 unfavourable answers. */
export const djg11SubscaleGgd2 = {
  name: 'ggd-2',
  source: 'GGD',
  bands: [
    band(0, 0, 1, notLonely),
    band(1, 2, 6, lonely),
  ],
} as const satisfies CategoryConvention;

/** 11-item subscales with the stricter cut-off some GGD pages use: lonely from 3 unfavourable answers. */
export const djg11SubscaleGgd3 = {
  name: 'ggd-3',
  source: 'GGD',
  bands: [
    band(0, 0, 2, notLonely),
    band(1, 3, 6, lonely),
  ],
} as const satisfies CategoryConvention;
