import type { Language } from '../../index.js';
import type { Interval } from './wilson.js';

/** Every heading, column, note and reason of the summary reports, in English and Dutch. */
export const reportText = {
  en: {
    summary: 'Summary',
    rows: 'Rows',
    read: 'read',
    scored: 'scored',
    notScored: 'not scored',
    badRows: 'of which bad rows',
    indicators: 'Headline indicators (95% Wilson intervals)',
    indicator: 'indicator',
    categoriesTotal: 'Categories of the total (95% Wilson intervals)',
    categoriesEmotional: 'Categories of the emotional subscale',
    categoriesSocial: 'Categories of the social subscale',
    category: 'category',
    scoreRange: 'scores',
    n: 'n',
    count: 'count',
    percent: '%',
    interval: '95% CI',
    weightedPercent: 'weighted %',
    weightedInterval: 'weighted 95% CI',
    scores: 'Scores',
    score: 'score',
    missing: 'missing',
    mean: 'mean',
    sd: 'SD',
    weightedMean: 'weighted mean',
    reliability: 'Reliability (KR-20, complete cases)',
    reliabilityAlpha: "Reliability (Cronbach's alpha, complete cases)",
    alpha: 'alpha',
    scale: 'scale',
    items: 'items',
    total: 'total',
    emotional: 'emotional',
    social: 'social',
    itemFrequencies: 'Answers per item (share of rows read)',
    itemFrequenciesWeighted: 'Answers per item (weighted share of rows read)',
    item: 'item',
    invalid: 'invalid',
    by: (column: string) => `By ${column}`,
    group: 'group',
    other: 'other',
    missingGroup: 'missing',
    meanTotal: 'mean total',
    suppressedMark: '*',
    suppressedNote: (minN: number) => `* Fewer than ${minN} scored respondents: percentages not shown (counts only).`,
    weightedFigures: 'Percentages and means are weighted.',
    weightsNote: (column: string, sum: string, effectiveN: string, missing: string) =>
      `Weights: column "${column}", sum ${sum}, effective n ${effectiveN} (Kish), ${missing} scored rows without a usable weight.`,
    tooLarge: 'above the largest number (1.8e308)',
    chartNote: (n: string, weighted: boolean) => `n = ${n}${weighted ? ', weighted' : ''}; 95% Wilson intervals`,
  },
  nl: {
    summary: 'Samenvatting',
    rows: 'Rijen',
    read: 'gelezen',
    scored: 'gescoord',
    notScored: 'niet gescoord',
    badRows: 'waarvan ongeldige rijen',
    indicators: 'Kernindicatoren (95%-betrouwbaarheidsintervallen, Wilson)',
    indicator: 'indicator',
    categoriesTotal: 'Categorieën van de totaalscore (95%-betrouwbaarheidsintervallen, Wilson)',
    categoriesEmotional: 'Categorieën van de emotionele subschaal',
    categoriesSocial: 'Categorieën van de sociale subschaal',
    category: 'categorie',
    scoreRange: 'scores',
    n: 'n',
    count: 'aantal',
    percent: '%',
    interval: '95%-BI',
    weightedPercent: 'gewogen %',
    weightedInterval: 'gewogen 95%-BI',
    scores: 'Scores',
    score: 'score',
    missing: 'ontbrekend',
    mean: 'gemiddelde',
    sd: 'SD',
    weightedMean: 'gewogen gemiddelde',
    reliability: 'Betrouwbaarheid (KR-20, volledig ingevulde lijsten)',
    reliabilityAlpha: 'Betrouwbaarheid (Cronbachs alfa, volledig ingevulde lijsten)',
    alpha: 'alfa',
    scale: 'schaal',
    items: 'items',
    total: 'totaal',
    emotional: 'emotioneel',
    social: 'sociaal',
    itemFrequencies: 'Antwoorden per item (aandeel van de gelezen rijen)',
    itemFrequenciesWeighted: 'Antwoorden per item (gewogen aandeel van de gelezen rijen)',
    item: 'item',
    invalid: 'ongeldig',
    by: (column: string) => `Naar ${column}`,
    group: 'groep',
    other: 'overig',
    missingGroup: 'onbekend',
    meanTotal: 'gemiddelde totaalscore',
    suppressedMark: '*',
    suppressedNote: (minN: number) => `* Minder dan ${minN} gescoorde respondenten: geen percentages (alleen aantallen).`,
    weightedFigures: 'Percentages en gemiddelden zijn gewogen.',
    weightsNote: (column: string, sum: string, effectiveN: string, missing: string) =>
      `Weging: kolom "${column}", som ${sum}, effectieve n ${effectiveN} (Kish), ${missing} gescoorde rijen zonder bruikbaar gewicht.`,
    tooLarge: 'groter dan het grootste getal (1,8e308)',
    chartNote: (n: string, weighted: boolean) => `n = ${n}${weighted ? ', gewogen' : ''}; 95%-betrouwbaarheidsintervallen (Wilson)`,
  },
} as const satisfies Record<Language, unknown>;

/** How a report writes numbers in its language: Dutch decimal commas and thousands points, English points and commas. */
export interface NumberFormats {
  /** A count: `1.234` (nl), `1,234` (en). */
  readonly count: (value: number) => string;
  /** A share as a percentage with one decimal: `12,3%`; `–` for none. */
  readonly percent: (value: number | null | undefined) => string;
  /** An interval as percentages: `10,1–14,7%`; `–` for none. */
  readonly interval: (range: Interval | null | undefined) => string;
  /** A number with `digits` decimals; `–` for none, never `-0`. */
  readonly decimal: (value: number | null | undefined, digits?: number) => string;
}

/** The number formats of a language (Intl `nl-NL` or `en-GB`). */
export function numberFormats(language: Language): NumberFormats {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const formats = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number | null | undefined, digits = 2): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '–';
    let format = formats.get(digits);
    if (format === undefined) formats.set(digits, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    // No "-0,00" for a value that rounds to zero.
    const rounded = Number(value.toFixed(digits));
    return format.format(rounded === 0 ? 0 : value);
  };
  const oneDecimal = (value: number) => decimal(value * 100, 1);
  return {
    count: (value) => counts.format(value),
    percent: (value) => (value === null || value === undefined ? '–' : `${oneDecimal(value)}%`),
    interval: (range) => (range === null || range === undefined ? '–' : `${oneDecimal(range.lower)}–${oneDecimal(range.upper)}%`),
    decimal,
  };
}
