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
  /** How many of the row's items hold a code outside the coding. Default `invalid_items`. */
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

/** One item as the generated code reads it. */
export interface PlannedItem {
  /** The item of the scale definition. */
  readonly item: Item<BankKey>;
  /** The column (variable) that holds it. */
  readonly column: string;
  /** Codes that score 1 (MANUAL §3), ascending. */
  readonly lonelyCodes: readonly number[];
  /** Codes that score 0, ascending. */
  readonly notLonelyCodes: readonly number[];
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
  /** Total, emotional and social, in that order. */
  readonly scores: readonly [PlannedScore, PlannedScore, PlannedScore];
  /** The total's category, then (when a subscale convention applies) the subscales'. */
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

/** Checks that a convention's bands cover 0..maximum in order, as the generated code bands by ranges. */
function coveringBands(convention: CategoryConvention, maximum: number): CategoryConvention {
  const { name } = convention;
  // The library bands by a table of every score; ranges agree with it when the bands cover
  // 0..maximum without gaps or overlaps, as every shipped convention does.
  let next = 0;
  for (const band of convention.bands) {
    if (band.min !== next || band.max < band.min) invalid(`Convention "${name}" has a gap or overlap at ${next}.`, name);
    next = band.max + 1;
  }
  if (next !== maximum + 1) invalid(`Convention "${name}" does not cover 0–${maximum}.`, name);
  return convention;
}

/**
 * Resolves a scale and options into what the generators write: the column and the scoring codes
 * of each item, the missing-answer tolerances, the category bands and the output names. The
 * options are checked by the library's own scorer, so the generated code applies exactly the
 * rules `score` applies. Throws a `ScoringError` (`invalid_option`, `coding_required`,
 * `missing_column`, `duplicate_column`) for options that cannot be used.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoringPlan } from 'loneliness-scales/syntax';
 * const plan = scoringPlan(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' } });
 * plan.items[0].column;       // 'lone3'
 * plan.items[0].lonelyCodes;  // [2, 3]
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
    const points = rules.points[position] as readonly (0 | 1)[];
    const lonely = (answer: CanonicalAnswer): boolean => points[agreement[answer] + 2] === 1;
    return {
      item: item as Item<BankKey>,
      column: names.get(item.key as BankKey) as string,
      lonelyCodes: answers.filter(([, answer]) => lonely(answer)).map(([code]) => code),
      notLonelyCodes: answers.filter(([, answer]) => !lonely(answer)).map(([code]) => code),
    };
  });

  const given = Object.entries(options.names ?? {}).filter(([, name]) => name !== undefined);
  const output: OutputNames = { ...defaultNames, ...Object.fromEntries(given) };
  // SPSS, and SQL engines for unquoted names, do not tell upper from lower case.
  const columns = new Set(items.map((item) => item.column.toLowerCase()));
  const used = new Set<string>();
  for (const [key, name] of Object.entries(output)) {
    if (typeof name !== 'string' || name.trim() === '') invalid(`names.${key} must be a non-empty name.`, name);
    if (columns.has(name.toLowerCase())) invalid(`names.${key} "${name}" is an item column.`, name);
    if (used.has(name.toLowerCase())) invalid(`names.${key} "${name}" is used twice.`, name);
    used.add(name.toLowerCase());
  }

  const [total, emotional, social] = rules.scores.map((resolved): PlannedScore => ({
    score: resolved.name,
    output: output[resolved.name],
    items: resolved.items.map((position) => items[position] as PlannedItem),
    tolerated: resolved.tolerance,
    maximum: resolved.maximum,
  })) as [PlannedScore, PlannedScore, PlannedScore];
  const scores = [total, emotional, social] as const;
  const categories: PlannedCategory[] = [];
  const [totalRules, emotionalRules] = rules.scores;
  if (totalRules.convention !== null) {
    categories.push({ of: total, output: output.category, convention: coveringBands(totalRules.convention, total.maximum) });
  }
  if (emotionalRules.convention !== null) {
    // One convention bands both subscales, laid out up to the larger subscale's maximum.
    const convention = coveringBands(emotionalRules.convention, Math.max(emotional.maximum, social.maximum));
    categories.push({ of: emotional, output: output.emotionalCategory, convention });
    categories.push({ of: social, output: output.socialCategory, convention });
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
