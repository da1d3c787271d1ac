import { type LocalizedText, type ScaleDefinition, djg11, djg6 } from '../../index.js';

/** A headline indicator: the share of respondents whose score lies in a range, as a convention publishes it. */
export interface IndicatorDefinition {
  /** Stable id (`lonely`, `severely_lonely`, `emotionally_lonely`, …). */
  readonly id: string;
  /** The indicator's name as the source publishes it, in Dutch and English. */
  readonly label: LocalizedText;
  /** The score it reads. */
  readonly score: 'total' | 'emotional' | 'social';
  /** Lowest score counted. */
  readonly min: number;
  /** Highest score counted. */
  readonly max: number;
  /** Whether it is a headline figure (shown first and charted) or one of the bands beside it. */
  readonly headline: boolean;
  /** Where the convention comes from. */
  readonly source: string;
}

const MANUAL = 'de Jong Gierveld & van Tilburg (1999, update 2022), Manual of the Loneliness Scale; de Jong Gierveld & van Tilburg (2006)';
const RIVM = 'RIVM/GGD Gezondheidsmonitor, verantwoording eenzaamheid (checked 2026)';
const VT1999 = 'van Tilburg & de Jong Gierveld (1999), applied by the GGD health monitor';

const indicator = (id: string, nl: string, en: string, score: IndicatorDefinition['score'], min: number, max: number, headline: boolean, source: string): IndicatorDefinition =>
  Object.freeze({ id, label: Object.freeze({ nl, en }), score, min, max, headline, source });

/**
 * The 6-item scale's indicators: "lonely" = moderately or severely lonely (total 2–6), and the
 * manual's three bands of the total (0–1, 2–4, 5–6). Source: MANUAL; DJG2006.
 */
const djg6Indicators: readonly IndicatorDefinition[] = Object.freeze([
  indicator('lonely', 'eenzaam (matig of ernstig)', 'lonely (moderately or severely)', 'total', 2, 6, true, MANUAL),
  indicator('severely_lonely', 'ernstig eenzaam', 'severely lonely', 'total', 5, 6, true, MANUAL),
  indicator('band_not_lonely', 'niet eenzaam (0–1)', 'not lonely (0–1)', 'total', 0, 1, false, MANUAL),
  indicator('band_moderately_lonely', 'matig eenzaam (2–4)', 'moderately lonely (2–4)', 'total', 2, 4, false, MANUAL),
  indicator('band_severely_lonely', 'ernstig eenzaam (5–6)', 'severely lonely (5–6)', 'total', 5, 6, false, MANUAL),
]);

/**
 * The 11-item scale's indicators as the Dutch GGD/RIVM health monitor publishes them: "eenzaam"
 * (total ≥ 3), "ernstig eenzaam" (total ≥ 9), "emotioneel eenzaam" and "sociaal eenzaam" (at least
 * 2 unfavourable answers on that subscale; RIVM), and the four bands of the total (van Tilburg & de
 * Jong Gierveld 1999: 0–2, 3–8, 9–10, 11).
 */
const djg11Indicators: readonly IndicatorDefinition[] = Object.freeze([
  indicator('lonely', 'eenzaam', 'lonely', 'total', 3, 11, true, RIVM),
  indicator('severely_lonely', 'ernstig eenzaam', 'severely lonely', 'total', 9, 11, true, RIVM),
  indicator('emotionally_lonely', 'emotioneel eenzaam', 'emotionally lonely', 'emotional', 2, 6, true, RIVM),
  indicator('socially_lonely', 'sociaal eenzaam', 'socially lonely', 'social', 2, 5, true, RIVM),
  indicator('band_not_lonely', 'niet eenzaam (0–2)', 'not lonely (0–2)', 'total', 0, 2, false, VT1999),
  indicator('band_moderately_lonely', 'matig eenzaam (3–8)', 'moderately lonely (3–8)', 'total', 3, 8, false, VT1999),
  indicator('band_severely_lonely', 'ernstig eenzaam (9–10)', 'severely lonely (9–10)', 'total', 9, 10, false, VT1999),
  indicator('band_very_severely_lonely', 'zeer ernstig eenzaam (11)', 'very severely lonely (11)', 'total', 11, 11, false, VT1999),
]);

/**
 * Whether a scale is the published one: the same items (keys, subscales, wording, scored by
 * wording, not by own points) and the same range. The indicators are published for the De Jong
 * Gierveld items, not for a name: a copy of `djg6` read from its JSON is `djg6`, and a scale that
 * calls itself `djg6` with other items is not.
 */
function isScale(scale: ScaleDefinition, published: ScaleDefinition): boolean {
  // Keys, subscales, wording, own points (none on these items) and range, compared as one text.
  const outline = ({ items, range }: ScaleDefinition) => JSON.stringify([items.map((item) => [item.key, item.subscale, item.wording, item.points]), range.total, range.emotional, range.social]);
  return outline(scale) === outline(published);
}

/**
 * The headline indicators published for a scale: for the 6-item De Jong Gierveld scale the
 * manual's bands and "lonely" (2–6); for the 11-item scale the GGD/RIVM health-monitor indicators
 * and the four bands. A scale is recognised by its items, not its id (a definition with the
 * De Jong Gierveld items and range, whatever its id, gets them). Other instruments have none:
 * their reports show the categories of their own definition instead.
 *
 * @example
 * ```ts
 * import { djg11 } from 'loneliness-scales';
 * import { indicatorsOf } from 'loneliness-scales/batch';
 * indicatorsOf(djg11).filter((indicator) => indicator.headline).map((indicator) => indicator.label.nl);
 * // ['eenzaam', 'ernstig eenzaam', 'emotioneel eenzaam', 'sociaal eenzaam']
 * ```
 */
export function indicatorsOf(scale: ScaleDefinition): readonly IndicatorDefinition[] {
  if (isScale(scale, djg6)) return djg6Indicators;
  if (isScale(scale, djg11)) return djg11Indicators;
  return [];
}
