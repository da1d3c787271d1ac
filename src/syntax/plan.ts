import {
  type BankKey,
  type CanonicalAnswer,
  type CategoryConvention,
  type Coding,
  type CodingPreset,
  type ColumnSpec,
  type Item,
  type Language,
  type ScaleDefinition,
  type ScoreOptions,
  type ResolvedScore,
  type ScoreName,
  ScoringError,
  agreement,
  columnNames,
  mapColumns,
  resolveRules,
} from '../index.js';

/** The names of the columns (variables) the generated code adds to the data. */
export interface OutputNames {
  /** Total score. Default `total`. */
  readonly total: string;
  /** Emotional loneliness score. Default `emotional`. */
  readonly emotional: string;
  /** Social loneliness score. Default `social`. */
  readonly social: string;
  /** The total's category. Default `category`. */
  readonly category: string;
  /** The emotional score's category (only when a subscale convention applies). Default `emotional_category`. */
  readonly emotionalCategory: string;
  /** The social score's category (only when a subscale convention applies). Default `social_category`. */
  readonly socialCategory: string;
  /** How many of the row's items hold a code outside the coding or an answer the item does not offer. Default `invalid_items`. */
  readonly invalidItems: string;
}

/** Options shared by every target: what `score` takes, plus where the items are and what to call the results. */
export interface SyntaxOptions<S extends ScaleDefinition = ScaleDefinition> {
  /**
   * How the items are coded: a preset name (`manual`, `rivm`, `manual5`, `rivm5`) or a coding from
   * `defineCoding`/`parseCoding`. Required: codings differ between datasets and are never guessed.
   */
  readonly coding: CodingPreset | Coding;
  /** Which column holds each item (as `mapColumns` takes it). Default: columns named by item key. */
  readonly columns?: ColumnSpec | undefined;
  /** Missing-answer tolerances, as `score` takes them; the scale's rules otherwise. */
  readonly missing?: ScoreOptions<S>['missing'];
  /** Category conventions by name, as `score` takes them; the scale's defaults otherwise. */
  readonly categories?: ScoreOptions<S>['categories'];
  /** Names of the added columns; each defaults to its key in snake case (`total`, `emotional_category`, …). */
  readonly names?: Partial<OutputNames> | undefined;
  /** Language of the category labels and item texts in comments. Default `en`. */
  readonly language?: Language | undefined;
}

/** The codes that give an item one number of points. */
export interface PlannedPoints {
  /** The points (a whole number 0–100; 0 or 1 on items scored by their wording, MANUAL §3). */
  readonly points: number;
  /** The coding's codes whose answer scores these points on the item, ascending; may be empty. */
  readonly codes: readonly number[];
}

/** One item as the generated code reads it. */
export interface PlannedItem {
  /** The item of the scale definition. */
  readonly item: Item<BankKey>;
  /** The column (variable) that holds it. */
  readonly column: string;
  /**
   * Every number of points the item gives an answer (whether or not the coding has a code for
   * it), highest first, each with the codes that score it: from the resolved rules' points.
   */
  readonly points: readonly PlannedPoints[];
  /** Every code that is an answer the item offers, ascending. */
  readonly answerCodes: readonly number[];
  /**
   * Codes of answers the item does not offer (an item whose definition lists its points without
   * that answer), ascending. The library refuses such an answer (`unknown_answer`); the generated
   * code treats it as a code outside the coding.
   */
  readonly notOfferedCodes: readonly number[];
}

/** One score: its column, its items and how many of them may be missing. */
export interface PlannedScore {
  /** Which score. */
  readonly score: 'total' | 'emotional' | 'social';
  /** The column it is written to. */
  readonly output: string;
  /** The items counted. */
  readonly items: readonly PlannedItem[];
  /** The most missing items with which the score is still computed. */
  readonly tolerated: number;
  /** The highest possible score. */
  readonly maximum: number;
}

/** One categorisation: the score it bands and the convention. */
export interface PlannedCategory {
  /** The score categorised. */
  readonly of: PlannedScore;
  /** The column it is written to. */
  readonly output: string;
  /** The convention, whose bands cover 0 to the score's maximum without gaps. */
  readonly convention: CategoryConvention;
}

/** Everything a target needs, resolved and checked once: the same rules the library's engine applies. */
export interface ScoringPlan {
  /** The scale. */
  readonly scale: ScaleDefinition;
  /** The coding. */
  readonly coding: Coding;
  /** Every code that is an answer, ascending. */
  readonly answerCodes: readonly number[];
  /** The coding's declared missing codes, ascending. */
  readonly missingCodes: readonly number[];
  /** The items, in the scale's order. */
  readonly items: readonly PlannedItem[];
  /**
   * The scores that count at least one item, in the order total, emotional, social: a scale
   * without subscales gets no emotional or social score (the library reports them as always
   * missing; the generated code adds no column for them).
   */
  readonly scores: readonly PlannedScore[];
  /** The categories of the scores that have a convention: the total's, then (when a subscale convention applies) the subscales'. */
  readonly categories: readonly PlannedCategory[];
  /** The column counting codes outside the coding. */
  readonly invalidItems: string;
  /** Language of labels and texts. */
  readonly language: Language;
}

const defaultNames: OutputNames = {
  total: 'total',
  emotional: 'emotional',
  social: 'social',
  category: 'category',
  emotionalCategory: 'emotional_category',
  socialCategory: 'social_category',
  invalidItems: 'invalid_items',
};

function invalid(message: string, value: unknown): never {
  throw new ScoringError('invalid_option', message, { value });
}

const ascending = (a: number, b: number): number => a - b;

/**
 * The convention of a score, checked against the resolved rules: the generated code bands by
 * ranges (`RECODE`, `BETWEEN`, R's `cut`), which agree with the rules' band of every score value
 * when the bands follow each other from 0 without gaps or overlaps and cover 0..maximum, as
 * `defineScale` requires of every convention.
 */
function coveringBands(score: ResolvedScore): CategoryConvention {
  const convention = score.convention as CategoryConvention;
  const { name } = convention;
  let next = 0;
  for (const band of convention.bands) {
    if (band.min !== next || band.max < band.min) invalid(`Convention "${name}" has a gap or overlap at ${next}.`, name);
    next = band.max + 1;
  }
  for (let value = 0; value <= score.maximum; value++) {
    const band = convention.bands.find((entry) => entry.min <= value && value <= entry.max);
    if (band === undefined || band !== score.bands[value]) invalid(`Convention "${name}" does not cover 0–${score.maximum}.`, name);
  }
  return convention;
}

/** The output name of each score and of its category. */
const outputKeys = {
  total: ['total', 'category'],
  emotional: ['emotional', 'emotionalCategory'],
  social: ['social', 'socialCategory'],
} as const satisfies Record<ScoreName, readonly [keyof OutputNames, keyof OutputNames]>;

/**
 * Resolves a scale and options into what the generators write: the column and the codes of each
 * number of points of each item, the scores that count items with their missing-answer
 * tolerances, the category bands and the output names. Everything comes from the core's
 * `resolveRules`, so the generated code applies exactly the rules `score` applies, for any scale
 * definition: items scored by their wording or by points listed per answer, with or without
 * subscales. Throws a `ScoringError` (`invalid_option`, `coding_required`,
 * `missing_column`, `duplicate_column`) for options that cannot be used.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoringPlan } from 'loneliness-scales/syntax';
 * const plan = scoringPlan(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' } });
 * plan.items[0].column;       // 'lone3'
 * plan.items[0].points;       // [{ points: 1, codes: [2, 3] }, { points: 0, codes: [1] }]
 * plan.scores[0].tolerated;   // 1
 * ```
 */
export function scoringPlan<S extends ScaleDefinition>(scale: S, options: SyntaxOptions<S>): ScoringPlan {
  if (options?.coding === undefined) {
    throw new ScoringError('coding_required', 'Generated code reads numeric codes: pass a coding.');
  }
  // The core resolves and checks the coding, the missing rules and the conventions once; the
  // generated code follows exactly those rules.
  const rules = resolveRules(scale, { coding: options.coding, missing: options.missing, categories: options.categories });
  const coding = rules.coding as Coding;
  const language = options.language ?? 'en';
  if (language !== 'en' && language !== 'nl') invalid(`Unknown language "${String(language)}".`, language);

  const names = columnNames(scale, options.columns);
  mapColumns(scale, [...names.values()], options.columns);

  const answers = Object.entries(coding.codes).map(([code, answer]) => [Number(code), answer] as [number, CanonicalAnswer]);
  answers.sort(([a], [b]) => a - b);
  const items: PlannedItem[] = scale.items.map((item, position) => {
    const table = rules.points[position] as readonly number[];
    const pointsOf = (answer: CanonicalAnswer): number => table[agreement[answer] + 2] as number;
    // Points are 0–100; the rules mark an answer the item does not offer with a negative number.
    const offered = [...new Set(table.filter((points) => points >= 0))].sort((a, b) => b - a);
    const codesWhere = (test: (points: number) => boolean): number[] => answers.filter(([, answer]) => test(pointsOf(answer))).map(([code]) => code);
    return {
      item: item as Item<BankKey>,
      column: names.get(item.key as BankKey) as string,
      points: offered.map((points) => ({ points, codes: codesWhere((given) => given === points) })),
      answerCodes: codesWhere((given) => given >= 0),
      notOfferedCodes: codesWhere((given) => given < 0),
    };
  });

  const given = Object.entries(options.names ?? {}).filter(([, name]) => name !== undefined);
  const output: OutputNames = { ...defaultNames, ...Object.fromEntries(given) };
  for (const [key, name] of Object.entries(output)) {
    if (typeof name !== 'string' || name.trim() === '') invalid(`names.${key} must be a non-empty name.`, name);
  }

  const scores: PlannedScore[] = [];
  const categories: PlannedCategory[] = [];
  const written: (keyof OutputNames)[] = [];
  // A score without items (a scale without subscales) is always missing: no column is written.
  for (const resolved of rules.presentScores) {
    const [scoreKey, categoryKey] = outputKeys[resolved.name];
    const score: PlannedScore = {
      score: resolved.name,
      output: output[scoreKey],
      items: resolved.items.map((position) => items[position] as PlannedItem),
      tolerated: resolved.tolerance,
      maximum: resolved.maximum,
    };
    scores.push(score);
    written.push(scoreKey);
    if (resolved.convention !== null) {
      categories.push({ of: score, output: output[categoryKey], convention: coveringBands(resolved) });
      written.push(categoryKey);
    }
  }
  written.push('invalidItems');
  const order = Object.keys(defaultNames);
  written.sort((a, b) => order.indexOf(a) - order.indexOf(b));

  // SPSS, and SQL engines for unquoted names, do not tell upper from lower case.
  const columns = new Set(items.map((item) => item.column.toLowerCase()));
  const used = new Set<string>();
  for (const key of written) {
    const name = output[key];
    if (columns.has(name.toLowerCase())) invalid(`names.${key} "${name}" is an item column.`, name);
    if (used.has(name.toLowerCase())) invalid(`names.${key} "${name}" is used twice.`, name);
    used.add(name.toLowerCase());
  }

  return {
    scale,
    coding,
    answerCodes: answers.map(([code]) => code),
    missingCodes: [...coding.missingCodes].sort(ascending),
    items,
    scores,
    categories,
    invalidItems: output.invalidItems,
    language,
  };
}
