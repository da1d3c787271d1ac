/**
 * A reference implementation of the De Jong Gierveld scoring rules, written from the scale
 * authors' rules (MANUAL; DJG2006; van Tilburg & de Jong Gierveld 1999) and the library's
 * documented contract, without importing anything from `src/`. The fuzzers compare every scoring
 * path of the library with it. It is deliberately plain: no tables, no caching, no fast paths.
 *
 * Where the contract leaves a choice open (which of two errors is reported first, which code a
 * non-integer gets), the reference returns every acceptable error code instead of guessing.
 */

/** The canonical answers, from most agreeing to most disagreeing (MANUAL's 5-point format). */
export const ANSWERS = ['yes!', 'yes', 'more or less', 'no', 'no!'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Every spelling of an answer the library reads (lower case, single spaces): reference §2. */
export const LABELS: Readonly<Record<string, Answer>> = {
  'yes!': 'yes!',
  yes: 'yes',
  'more or less': 'more or less',
  somewhat: 'more or less', // CBS's English page
  no: 'no',
  'no!': 'no!',
  'ja!': 'yes!',
  ja: 'yes',
  'min of meer': 'more or less', // CBS
  'min-of-meer': 'more or less', // MANUAL
  'meer of minder': 'more or less', // the Flemish deck
  nee: 'no',
  'nee!': 'no!',
};

export type Subscale = 'emotional' | 'social';

/** One item of the 11-item bank (reference §1): emotional items are worded negatively, social ones positively. */
export interface ReferenceItem {
  readonly key: string;
  readonly number: number;
  readonly subscale: Subscale;
}

export const BANK: readonly ReferenceItem[] = [
  { key: 'talkTo', number: 1, subscale: 'social' },
  { key: 'missCloseFriend', number: 2, subscale: 'emotional' },
  { key: 'emptiness', number: 3, subscale: 'emotional' },
  { key: 'leanOn', number: 4, subscale: 'social' },
  { key: 'missCompany', number: 5, subscale: 'emotional' },
  { key: 'circleTooSmall', number: 6, subscale: 'emotional' },
  { key: 'trust', number: 7, subscale: 'social' },
  { key: 'closeTo', number: 8, subscale: 'social' },
  { key: 'missPeople', number: 9, subscale: 'emotional' },
  { key: 'rejected', number: 10, subscale: 'emotional' },
  { key: 'callOnFriends', number: 11, subscale: 'social' },
];

/** A band of a categorisation: scores `min`..`max` have category `code`. */
export interface Band {
  readonly code: number;
  readonly min: number;
  readonly max: number;
}

export interface ReferenceScale {
  readonly id: 'djg6' | 'djg11';
  readonly items: readonly ReferenceItem[];
  readonly range: { readonly total: number; readonly emotional: number; readonly social: number };
  /** Default missing-answer tolerance (most missing items with which a score is still computed). */
  readonly tolerance: { readonly total: number; readonly subscale: number };
  readonly totalConventions: Readonly<Record<string, readonly Band[]>>;
  readonly defaultTotal: string;
  readonly subscaleConventions: Readonly<Record<string, readonly Band[]>>;
  readonly defaultSubscale: string | null;
}

const band = (code: number, min: number, max: number): Band => ({ code, min, max });

/**
 * The 6-item scale (DJG2006): items 3, 9, 10 (emotional) and 4, 7, 8 (social). MANUAL §4: the
 * total is missing when more than one item is missing, a subscale when any of its items is.
 * Categories (MANUAL, DJG2006): total 0-1 / 2-4 / 5-6; subscales 0 / 1-3 (MANUAL) or 0 / 1-2 / 3 (CBS).
 */
export const DJG6: ReferenceScale = {
  id: 'djg6',
  items: [3, 4, 7, 8, 9, 10].map((number) => BANK[number - 1] as ReferenceItem),
  range: { total: 6, emotional: 3, social: 3 },
  tolerance: { total: 1, subscale: 0 },
  totalConventions: { manual: [band(0, 0, 1), band(1, 2, 4), band(2, 5, 6)] },
  defaultTotal: 'manual',
  subscaleConventions: { manual: [band(0, 0, 0), band(1, 1, 3)], cbs: [band(0, 0, 0), band(1, 1, 2), band(2, 3, 3)] },
  defaultSubscale: 'manual',
};

/**
 * The 11-item scale. Its missing rule was not retrieved: by default every item must be answered,
 * with explicit tolerances as options. Categories (van Tilburg & de Jong Gierveld 1999): 0-2 /
 * 3-8 / 9-10 / 11; subscales: none by default, GGD cut-offs 2 or 3 by name.
 */
export const DJG11: ReferenceScale = {
  id: 'djg11',
  items: BANK,
  range: { total: 11, emotional: 6, social: 5 },
  tolerance: { total: 0, subscale: 0 },
  totalConventions: { 'van-tilburg-1999': [band(0, 0, 2), band(1, 3, 8), band(2, 9, 10), band(3, 11, 11)] },
  defaultTotal: 'van-tilburg-1999',
  subscaleConventions: { 'ggd-2': [band(0, 0, 1), band(1, 2, 6)], 'ggd-3': [band(0, 0, 2), band(1, 3, 6)] },
  defaultSubscale: null,
};

/** A numeric coding: the answer of each code, codes that mean "no answer", and whether negative codes do. */
export interface ReferenceCoding {
  readonly codes: ReadonlyMap<number, Answer>;
  readonly missingCodes: readonly number[];
  readonly negativeCodesMissing: boolean;
}

const preset = (answers: readonly Answer[]): ReferenceCoding => ({
  codes: new Map(answers.map((answer, index) => [index + 1, answer])),
  missingCodes: [],
  negativeCodesMissing: true,
});

/** Reference §2: the MANUAL's 1 = no … 3 = yes, RIVM's reverse, and their 5-point forms; negative codes missing (MANUAL §4). */
export const PRESETS: Readonly<Record<string, ReferenceCoding>> = {
  manual: preset(['no', 'more or less', 'yes']),
  rivm: preset(['yes', 'more or less', 'no']),
  manual5: preset(['no!', 'no', 'more or less', 'yes', 'yes!']),
  rivm5: preset(['yes!', 'yes', 'more or less', 'no', 'no!']),
};

export type ErrorCode =
  | 'invalid_answers'
  | 'unknown_item'
  | 'unknown_answer'
  | 'coding_required'
  | 'unknown_code'
  | 'invalid_type'
  | 'invalid_coding'
  | 'invalid_option';

/** One error the library may report: its acceptable codes, and the item concerned when known. */
export interface ReferenceError {
  readonly codes: readonly ErrorCode[];
  readonly item?: string | undefined;
}

export interface ReferenceScores {
  readonly kind: 'scored';
  readonly points: Readonly<Record<string, 0 | 1 | null>>;
  readonly total: number | null;
  readonly emotional: number | null;
  readonly social: number | null;
  readonly category: number | null;
  readonly emotionalCategory: number | null;
  readonly socialCategory: number | null;
  readonly missingItems: readonly string[];
}

/** The library must fail with one of these errors (any of them when there are several). */
export interface ReferenceFailure {
  readonly kind: 'error';
  readonly errors: readonly ReferenceError[];
}

export type ReferenceOutcome = ReferenceScores | ReferenceFailure;

/** What one value reads as. */
export type ReadValue = { readonly kind: 'answer'; readonly answer: Answer } | { readonly kind: 'missing' } | { readonly kind: 'error'; readonly codes: readonly ErrorCode[] };

/** The options the reference understands, after checking. */
export interface ResolvedOptions {
  readonly coding: ReferenceCoding | undefined;
  readonly tolerance: { readonly total: number; readonly subscale: number };
  readonly totalBands: readonly Band[];
  readonly subscaleBands: readonly Band[] | null;
}

/** JavaScript's white space and line terminators, as `String.prototype.trim` and `\s` know them. */
const SPACE = /\s+/g;
const DECIMAL = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/** Labels are read ignoring case and surrounding or repeated white space. */
export function normalizeLabel(text: string): string {
  return text.replace(SPACE, ' ').trim().toLowerCase();
}

/**
 * Reads one answer value (MANUAL §4, reference §2): labels always; numbers and decimal numeric
 * strings only through a coding; NaN (how data frames hold a missing value), `null`,
 * `undefined` and blank strings are missing; a non-integer number is an error.
 */
export function readValue(value: unknown, coding: ReferenceCoding | undefined): ReadValue {
  if (value === undefined || value === null) return { kind: 'missing' };
  let code: number;
  if (typeof value === 'string') {
    const normalized = normalizeLabel(value);
    const answer = Object.hasOwn(LABELS, normalized) ? LABELS[normalized] : undefined;
    if (answer !== undefined) return { kind: 'answer', answer };
    if (normalized === '') return { kind: 'missing' };
    if (!DECIMAL.test(normalized)) return { kind: 'error', codes: ['unknown_answer'] };
    code = Number(normalized);
  } else if (typeof value === 'number') {
    code = value;
  } else {
    return { kind: 'error', codes: ['invalid_type'] };
  }
  if (Number.isNaN(code)) return { kind: 'missing' };
  if (!Number.isInteger(code)) {
    // Which complaint comes first for a non-integer without a coding is not part of the contract.
    return { kind: 'error', codes: coding === undefined ? ['coding_required', 'unknown_code', 'invalid_type'] : ['unknown_code', 'invalid_type'] };
  }
  if (coding === undefined) return { kind: 'error', codes: ['coding_required'] };
  const answer = coding.codes.get(code);
  if (answer !== undefined) return { kind: 'answer', answer };
  if (coding.missingCodes.includes(code) || (coding.negativeCodesMissing && code < 0)) return { kind: 'missing' };
  return { kind: 'error', codes: ['unknown_code'] };
}

/** MANUAL §3: the neutral answer scores 1 on every item; agreeing is lonely on emotional (negatively worded) items, disagreeing on social ones. */
export function itemPoint(item: ReferenceItem, answer: Answer): 0 | 1 {
  if (answer === 'more or less') return 1;
  const agrees = answer === 'yes' || answer === 'yes!';
  return (item.subscale === 'emotional' ? agrees : !agrees) ? 1 : 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const failure = (...errors: ReferenceError[]): ReferenceFailure => ({ kind: 'error', errors });

/** Whether a resolution failed. */
export function isReferenceError(value: unknown): value is ReferenceError {
  return typeof value === 'object' && value !== null && Array.isArray((value as ReferenceError).codes);
}

/** Reads a coding option: a preset name or a coding object (integer codes, canonical answers). */
function resolveCoding(coding: unknown): ReferenceCoding | ReferenceError {
  if (typeof coding === 'string') {
    return Object.hasOwn(PRESETS, coding) ? (PRESETS[coding] as ReferenceCoding) : { codes: ['invalid_option'] };
  }
  const bad: ReferenceError = { codes: ['invalid_coding', 'invalid_option'] };
  if (!isPlainObject(coding)) return bad;
  const { name, codes, missingCodes, negativeCodesMissing } = coding;
  if (typeof name !== 'string' || name.trim() === '' || !isPlainObject(codes) || !Array.isArray(missingCodes) || typeof negativeCodesMissing !== 'boolean') return bad;
  const read = new Map<number, Answer>();
  for (const [key, answer] of Object.entries(codes)) {
    const code = Number(key);
    if (key.trim() === '' || !Number.isInteger(code) || String(code) !== key) return bad;
    if (typeof answer !== 'string' || !(ANSWERS as readonly string[]).includes(answer)) return bad;
    if (negativeCodesMissing && code < 0) return bad;
    read.set(code, answer as Answer);
  }
  if (read.size === 0) return bad;
  for (const code of missingCodes as unknown[]) {
    if (typeof code !== 'number' || !Number.isInteger(code) || read.has(code)) return bad;
  }
  return { codes: read, missingCodes: [...(missingCodes as number[])], negativeCodesMissing };
}

function resolveTolerance(value: unknown, fallback: number, limit: number): number | ReferenceError {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= limit ? value : { codes: ['invalid_option'] };
}

/** Checks the options of `score`: `coding`, `categories`, `missing`; anything else about them is ignored. */
export function resolveOptions(scale: ReferenceScale, options: unknown): ResolvedOptions | ReferenceError {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) return { codes: ['invalid_option'] };
  const { coding, categories, missing } = options;
  let resolvedCoding: ReferenceCoding | undefined;
  if (coding !== undefined) {
    const resolved = resolveCoding(coding);
    if (isReferenceError(resolved)) return resolved;
    resolvedCoding = resolved;
  }
  let totalName: unknown = scale.defaultTotal;
  let subscaleName: unknown = scale.defaultSubscale;
  if (categories !== undefined) {
    if (!isPlainObject(categories)) return { codes: ['invalid_option'] };
    if (categories.total !== undefined) totalName = categories.total;
    if (categories.subscale !== undefined) subscaleName = categories.subscale;
  }
  if (typeof totalName !== 'string' || !Object.hasOwn(scale.totalConventions, totalName)) return { codes: ['invalid_option'] };
  if (subscaleName !== null && (typeof subscaleName !== 'string' || !Object.hasOwn(scale.subscaleConventions, subscaleName))) return { codes: ['invalid_option'] };
  let tolerance = scale.tolerance;
  if (missing !== undefined) {
    if (!isPlainObject(missing)) return { codes: ['invalid_option'] };
    const total = resolveTolerance(missing.total, scale.tolerance.total, scale.range.total);
    const subscale = resolveTolerance(missing.subscale, scale.tolerance.subscale, Math.min(scale.range.emotional, scale.range.social));
    if (typeof total !== 'number') return total;
    if (typeof subscale !== 'number') return subscale;
    tolerance = { total, subscale };
  }
  return {
    coding: resolvedCoding,
    tolerance,
    totalBands: scale.totalConventions[totalName] as readonly Band[],
    subscaleBands: subscaleName === null ? null : (scale.subscaleConventions[subscaleName as string] as readonly Band[]),
  };
}

const bandCode = (bands: readonly Band[] | null, value: number | null): number | null =>
  value === null || bands === null ? null : (bands.find((candidate) => candidate.min <= value && value <= candidate.max)?.code ?? null);

/**
 * Scores item values (already read from the answers) under resolved options: MANUAL §4 — a
 * score is missing when more of its items are missing than tolerated, otherwise the plain count
 * over the answered items, never prorated.
 */
export function scoreValues(scale: ReferenceScale, values: Readonly<Record<string, Answer | null>>, options: ResolvedOptions): ReferenceScores {
  const points: Record<string, 0 | 1 | null> = {};
  const missingItems: string[] = [];
  const sums = { emotional: 0, social: 0 };
  const missing = { emotional: 0, social: 0 };
  for (const item of scale.items) {
    const answer = values[item.key] ?? null;
    if (answer === null) {
      points[item.key] = null;
      missingItems.push(item.key);
      missing[item.subscale]++;
    } else {
      const point = itemPoint(item, answer);
      points[item.key] = point;
      sums[item.subscale] += point;
    }
  }
  const { tolerance } = options;
  const total = missingItems.length <= tolerance.total ? sums.emotional + sums.social : null;
  const emotional = missing.emotional <= tolerance.subscale ? sums.emotional : null;
  const social = missing.social <= tolerance.subscale ? sums.social : null;
  return {
    kind: 'scored',
    points,
    total,
    emotional,
    social,
    category: bandCode(options.totalBands, total),
    emotionalCategory: bandCode(options.subscaleBands, emotional),
    socialCategory: bandCode(options.subscaleBands, social),
    missingItems,
  };
}

/**
 * What `score(scale, answers, options)` must do: the scores, or the errors it may report.
 * Answers are a plain object (or one without a prototype) whose own keys are items of the
 * 11-item bank; values under bank keys that are not on the scale are checked but not scored.
 */
export function referenceScore(scale: ReferenceScale, answers: unknown, options?: unknown): ReferenceOutcome {
  const resolved = resolveOptions(scale, options);
  const containerError: ReferenceError | null = isPlainObject(answers) ? null : { codes: ['invalid_answers'] };
  if (isReferenceError(resolved)) {
    // Options or answers may be checked first.
    return containerError === null ? failure(resolved) : failure(resolved, containerError);
  }
  if (containerError !== null) return failure(containerError);
  const record = answers as Record<string, unknown>;
  const errors: ReferenceError[] = [];
  const bankKeys = new Set(BANK.map((item) => item.key));
  for (const key of Object.keys(record)) if (!bankKeys.has(key)) errors.push({ codes: ['unknown_item'], item: key });
  const values: Record<string, Answer | null> = {};
  for (const item of BANK) {
    if (!Object.hasOwn(record, item.key)) continue;
    const read = readValue(record[item.key], resolved.coding);
    if (read.kind === 'error') errors.push({ codes: read.codes, item: item.key });
    else values[item.key] = read.kind === 'answer' ? read.answer : null;
  }
  if (errors.length > 0) return failure(...errors);
  return scoreValues(scale, values, resolved);
}

/**
 * One answer moved one step towards loneliness on an item (agreeing more on an emotional item,
 * less on a social one), or `undefined` at the end of the scale.
 */
export function lonelierAnswer(item: ReferenceItem, answer: Answer): Answer | undefined {
  const index = ANSWERS.indexOf(answer);
  const next = item.subscale === 'emotional' ? index - 1 : index + 1;
  return ANSWERS[next];
}
