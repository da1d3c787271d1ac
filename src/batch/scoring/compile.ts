import {
  type CategoryBand,
  type Language,
  type ScaleDefinition,
  type ScoreOptions,
  type ScoringError,
  categorize,
  createScorer,
} from '../../index.js';

/**
 * Item points of a missing answer in the compiled tables (answered items score 0 or 1).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { MISSING_POINT, compileScale } from 'loneliness-scales/batch';
 * compileScale(djg6, { coding: 'manual' }).pointOfCode(0, -1) === MISSING_POINT; // true
 * ```
 */
export const MISSING_POINT = 2;

/**
 * Item points of an invalid answer; the core's error is in `CompiledScale.lastErrors`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { INVALID_POINT, compileScale } from 'loneliness-scales/batch';
 * const compiled = compileScale(djg6, { coding: 'manual' });
 * compiled.pointOfCode(0, 7) === INVALID_POINT; // true
 * compiled.lastErrors[0]?.code;                 // 'unknown_code'
 * ```
 */
export const INVALID_POINT = -1;

/** Lowest and highest integer code held in the lookup table; other codes go through the core. */
const TABLE_MIN = -128;
const TABLE_SIZE = 256;
/** Codes asked of the core when compiling. */
const EAGER_MIN = -9;
const EAGER_MAX = 12;

/**
 * A scale and its options compiled for scoring many rows: per item, a lookup table from integer
 * code to item points, built by asking the core's own scorer about every code, so that the fast
 * path and `createScorer` agree by construction. Any cell outside the table (labels, junk,
 * quoted or unusual numbers) is read by the core itself and cached.
 */
export interface CompiledScale {
  /** The scale. */
  readonly scale: ScaleDefinition;
  /** The item keys, in the scale's order. */
  readonly keys: readonly string[];
  /** 1 for emotional items, 0 for social items, by position. */
  readonly emotional: Uint8Array;
  /** Most missing items the total tolerates. */
  readonly totalTolerance: number;
  /** Most missing items each subscale tolerates. */
  readonly subscaleTolerance: number;
  /**
   * Per item, 256 entries for codes -128..127: 0, 1, MISSING_POINT, or INVALID_POINT for a code
   * that is invalid or was not looked up (read such a code with `pointOfText` or `pointOfCode`).
   */
  readonly codeTables: readonly Int8Array[];
  /** The total's band for each total score (index = score). */
  readonly bands: readonly (CategoryBand | null)[];
  /** Per item, the core's error for the last invalid answer read. */
  readonly lastErrors: (ScoringError | undefined)[];
  /** Item points of a text cell (core semantics): 0, 1, MISSING_POINT or INVALID_POINT. */
  readonly pointOfText: (item: number, text: string) => number;
  /** Item points of a value of any type (core semantics), as from a parsed JSON row. */
  readonly pointOfValue: (item: number, value: unknown) => number;
  /** Item points of an integer code. */
  readonly pointOfCode: (item: number, code: number) => number;
}

/**
 * Compiles a scale and scoring options (`coding`, `missing`, `categories`) for batch scoring.
 * Throws the core's `ScoringError` (`invalid_option`) for options the core rejects.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { compileScale } from 'loneliness-scales/batch';
 * const compiled = compileScale(djg6, { coding: 'manual' });
 * compiled.pointOfCode(0, 3); // 1 — "yes" on the emptiness item
 * ```
 */
export function compileScale(scale: ScaleDefinition, options?: ScoreOptions): CompiledScale {
  let byOptions = compiledScales.get(scale);
  if (byOptions === undefined) compiledScales.set(scale, (byOptions = new Map()));
  let signature: string;
  try {
    signature = JSON.stringify(options ?? {});
  } catch {
    // Options JSON cannot hold (a bigint, a cycle) are compiled uncached: the core rejects them.
    return compile(scale, options);
  }
  let compiled = byOptions.get(signature);
  if (compiled === undefined) {
    compiled = compile(scale, options);
    // A handful of option sets per scale is the norm; a program cycling through many is not kept.
    if (byOptions.size > 16) byOptions.clear();
    byOptions.set(signature, compiled);
  }
  return compiled;
}

/** Compiled scales by scale and options, so that scoring many small batches compiles once. */
const compiledScales = new WeakMap<ScaleDefinition, Map<string, CompiledScale>>();

function compile(scale: ScaleDefinition, options?: ScoreOptions): CompiledScale {
  const scorer = createScorer(scale, options);
  const probe = scorer.safeScore({});
  if (!probe.success) throw probe.error;
  const { missing, totalCategories } = probe.data.rules;
  const keys = scale.items.map((item) => item.key);
  const emotional = Uint8Array.from(scale.items, (item) => (item.subscale === 'emotional' ? 1 : 0));
  const lastErrors: (ScoringError | undefined)[] = keys.map(() => undefined);
  const caches = keys.map(() => new Map<string, number | ScoringError>());

  /** Points of one item's value, asked of the core with an answer object holding that item only. */
  function ask(item: number, value: unknown): number | ScoringError {
    const key = keys[item] as string;
    const outcome = scorer.safeScore({ [key]: value } as never);
    if (!outcome.success) return outcome.error;
    const point = (outcome.data.points as Record<string, 0 | 1 | null>)[key];
    return point === null || point === undefined ? MISSING_POINT : point;
  }

  function settle(item: number, outcome: number | ScoringError): number {
    if (typeof outcome === 'number') return outcome;
    lastErrors[item] = outcome;
    return INVALID_POINT;
  }

  // Codes asked of the core up front: the small integers datasets use, and the coding's own
  // codes. Every other slot holds INVALID_POINT, which sends the cell through the core (cached).
  const coding = options?.coding;
  const declared = typeof coding === 'object' && coding !== null ? [...Object.keys(coding.codes).map(Number), ...coding.missingCodes] : [];
  const eager = new Set([...Array.from({ length: EAGER_MAX - EAGER_MIN + 1 }, (_, index) => EAGER_MIN + index), ...declared]);
  const codeTables = keys.map((_, item) => {
    const table = new Int8Array(TABLE_SIZE).fill(INVALID_POINT);
    for (const code of eager) {
      const slot = code - TABLE_MIN;
      if (!Number.isInteger(code) || slot < 0 || slot >= TABLE_SIZE) continue;
      const outcome = ask(item, String(code));
      if (typeof outcome === 'number') table[slot] = outcome;
    }
    return table;
  });

  function pointOfText(item: number, text: string): number {
    if (text === '') return MISSING_POINT;
    const cache = caches[item] as Map<string, number | ScoringError>;
    let outcome = cache.get(text);
    if (outcome === undefined) {
      outcome = ask(item, text);
      // Junk cells are cached too, but a file full of distinct junk must not grow memory without bound.
      if (cache.size < 4096) cache.set(text, outcome);
    }
    return settle(item, outcome);
  }

  function pointOfCode(item: number, code: number): number {
    const slot = code - TABLE_MIN;
    if (Number.isInteger(code) && slot >= 0 && slot < TABLE_SIZE) {
      const point = (codeTables[item] as Int8Array)[slot] as number;
      if (point !== INVALID_POINT) return point;
    }
    return settle(item, ask(item, code));
  }

  function pointOfValue(item: number, value: unknown): number {
    if (typeof value === 'string') return pointOfText(item, value);
    if (typeof value === 'number') return pointOfCode(item, value);
    return settle(item, ask(item, value));
  }

  const bands: (CategoryBand | null)[] = [];
  for (let total = 0; total <= scale.range.total; total++) bands.push(categorize(scale, total, totalCategories));

  return {
    scale,
    keys,
    emotional,
    totalTolerance: missing.total,
    subscaleTolerance: missing.subscale,
    codeTables,
    bands,
    lastErrors,
    pointOfText,
    pointOfValue,
    pointOfCode,
  };
}

/**
 * The category label of a band in a language, or `''` for none.
 *
 * @example
 * ```ts
 * import { categorize, djg6 } from 'loneliness-scales';
 * import { bandLabel } from 'loneliness-scales/batch';
 * bandLabel(categorize(djg6, 4), 'nl'); // 'matig eenzaam'
 * ```
 */
export function bandLabel(band: CategoryBand | null | undefined, language: Language): string {
  return band === null || band === undefined ? '' : band.label[language];
}
