import {
  type CategoryBand,
  type Language,
  type ResolvedRules,
  type ResolvedScore,
  type ScaleDefinition,
  type ScoreOptions,
  type ScoringError,
  _engineFor as engineFor,
  _itemPoints as itemPoints,
} from '../../index.js';
import { type MissingMarkers, normaliseMarker } from './missing-values.js';

/**
 * Item points of a missing answer in the compiled tables (answered items score 0–100).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { MISSING_POINT, compileScale } from 'loneliness-scales/batch/internal';
 * compileScale(djg6, { coding: 'manual' }).pointOfCode(0, -1) === MISSING_POINT; // true
 * ```
 */
export const MISSING_POINT = 127;

/**
 * Item points of an invalid answer; the core's error is in `CompiledScale.lastErrors`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { INVALID_POINT, compileScale } from 'loneliness-scales/batch/internal';
 * const compiled = compileScale(djg6, { coding: 'manual' });
 * compiled.pointOfCode(0, 7) === INVALID_POINT; // true
 * compiled.lastErrors[0]?.code;                 // 'unknown_code'
 * ```
 */
export const INVALID_POINT = -1;

/** A code of a lookup table not read yet: `pointOfCode` reads it and fills the entry in. */
export const UNREAD_POINT = -2;

/** Lowest integer code held in the lookup tables, and their size: codes -128..127. */
const TABLE_MIN = -128;
const TABLE_SIZE = 256;
/** Most distinct text cells remembered per item; a file full of distinct junk must not grow memory. */
const TEXT_CACHE_LIMIT = 4096;

/**
 * A scale and its options compiled for scoring many rows: per item, a lookup table from integer
 * code to item points, filled from the core's resolved rules (`resolveRules`) and its one answer
 * reader, so that the fast path and `createScorer` agree by construction. Any cell outside the
 * table (labels, junk, quoted or unusual numbers) is read by the same reader and cached.
 */
export interface CompiledScale {
  /** The scale. */
  readonly scale: ScaleDefinition;
  /** The rules every score is computed with. */
  readonly rules: ResolvedRules;
  /** The item keys, in the scale's order. */
  readonly keys: readonly string[];
  /** 1 for emotional items, 0 for social items, by position. */
  readonly emotional: Uint8Array;
  /** The rules' score memberships by item (bit 0 total, 1 emotional, 2 social), as bytes for the row loop. */
  readonly memberships: Uint8Array;
  /** The rules' scores, each by itself: no array is unpacked per row. */
  readonly totalScore: ResolvedScore;
  /** The emotional score of the rules. */
  readonly emotionalScore: ResolvedScore;
  /** The social score of the rules. */
  readonly socialScore: ResolvedScore;
  /**
   * Per item, 256 entries for codes -128..127 (index: code + 128): 0, 1, MISSING_POINT,
   * INVALID_POINT for a code that is invalid (its error: read it with `pointOfCode`), or
   * UNREAD_POINT for a code not met yet (`pointOfCode` reads it and fills the entry in).
   */
  readonly codeTables: readonly Int8Array[];
  /**
   * Item points of one-byte cells (`1`, `.`), the commonest cells of a survey file: 256 entries
   * per item (index: item × 256 + byte), filled in by the readers as each cell is first read, or
   * UNREAD_POINT. An invalid cell is never entered: it is read again, for its error.
   */
  readonly byteTable: Int8Array;
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
 * Compiles a scale and scoring options (`coding`, `missing`, `categories`) for batch scoring,
 * with the cells that are missing answers besides the empty one (`missingValues`, from
 * `missingMarkers(['NA', '9'])`; see `BatchOptions.missingValues`). Throws the core's
 * `ScoringError` (`invalid_option`) for options the core rejects and for a marker that is an answer.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { compileScale } from 'loneliness-scales/batch/internal';
 * const compiled = compileScale(djg6, { coding: 'manual' });
 * compiled.pointOfCode(0, 3); // 1 — "yes" on the emptiness item
 * ```
 */
export function compileScale(scale: ScaleDefinition, options?: ScoreOptions, missingValues?: (rules: ResolvedRules) => MissingMarkers): CompiledScale {
  // The core's engine cache checks the options and keys them; compiled tables hang off its rules.
  const rules = engineFor(scale, options).rules;
  const markers = missingValues === undefined ? NO_MARKERS : missingValues(rules);
  let byMarkers = compiledScales.get(rules);
  if (byMarkers === undefined) compiledScales.set(rules, (byMarkers = new Map()));
  let compiled = byMarkers.get(markers.key);
  if (compiled === undefined) {
    compiled = compile(rules, markers);
    // A few marker sets per rules are kept; a caller trying many does not grow memory.
    if (byMarkers.size < 16) byMarkers.set(markers.key, compiled);
  }
  return compiled;
}

const NUMERIC = /^\s*[-+]?\d+(\.\d+)?\s*$/;
const NO_MARKERS: MissingMarkers = { labels: new Set(), codes: new Set(), key: '' };

/** Compiled scales by the rules they were compiled from, then by their missing-value markers. */
const compiledScales = new WeakMap<ResolvedRules, Map<string, CompiledScale>>();

function compile(rules: ResolvedRules, markers: MissingMarkers): CompiledScale {
  const { scale, keys } = rules;
  const [totalScore, emotionalScore] = rules.scores;
  const emotional = Uint8Array.from(keys, (_, item) => (emotionalScore.items.includes(item) ? 1 : 0));
  const lastErrors: (ScoringError | undefined)[] = keys.map(() => undefined);
  const textCaches = keys.map(() => new Map<string, number | ScoringError>());

  const { labels: missingLabels, codes: missingCodes } = markers;
  const anyMarkers = missingLabels.size > 0 || missingCodes.size > 0;
  /** Whether a value is a declared missing-value marker (read once per distinct cell: the tables and caches keep the outcome). */
  function isMarker(value: unknown): boolean {
    if (typeof value === 'number') return missingCodes.has(value);
    if (typeof value !== 'string') return false;
    if (missingLabels.has(value) || missingLabels.has(normaliseMarker(value))) return true;
    return missingCodes.size > 0 && NUMERIC.test(value) && missingCodes.has(Number(value));
  }

  /** Item points of one value, as the core reads it: a point, MISSING_POINT, or the error. */
  function read(item: number, value: unknown): number | ScoringError {
    if (anyMarkers && isMarker(value)) return MISSING_POINT;
    const points = itemPoints(rules, item, value);
    return points === null ? MISSING_POINT : points;
  }

  function settle(item: number, outcome: number | ScoringError): number {
    if (typeof outcome === 'number') return outcome;
    lastErrors[item] = outcome;
    return INVALID_POINT;
  }

  // Each code of the table is read once, when first met (most of the 256 never are: reading them
  // all up front built hundreds of errors at every start); invalid ones keep their error, so that
  // a column full of an invalid code costs a lookup per cell, not a reading.
  const codeErrors = keys.map(() => new Map<number, ScoringError>());
  const codeTables = keys.map(() => new Int8Array(TABLE_SIZE).fill(UNREAD_POINT));

  function pointOfText(item: number, text: string): number {
    if (text === '') return MISSING_POINT;
    const cache = textCaches[item] as Map<string, number | ScoringError>;
    let outcome = cache.get(text);
    if (outcome === undefined) {
      outcome = read(item, text);
      if (cache.size < TEXT_CACHE_LIMIT) cache.set(text, outcome);
    }
    return settle(item, outcome);
  }

  function pointOfCode(item: number, code: number): number {
    const slot = code - TABLE_MIN;
    if (Number.isInteger(code) && slot >= 0 && slot < TABLE_SIZE) {
      const table = codeTables[item] as Int8Array;
      let point = table[slot] as number;
      if (point === UNREAD_POINT) {
        // Read as slot + TABLE_MIN, so that -0 is read (and described in messages) as 0.
        const outcome = read(item, slot + TABLE_MIN);
        if (typeof outcome === 'number') {
          point = outcome;
        } else {
          (codeErrors[item] as Map<number, ScoringError>).set(slot + TABLE_MIN, outcome);
          point = INVALID_POINT;
        }
        table[slot] = point;
      }
      if (point !== INVALID_POINT) return point;
      lastErrors[item] = (codeErrors[item] as Map<number, ScoringError>).get(code);
      return INVALID_POINT;
    }
    return settle(item, read(item, code));
  }

  function pointOfValue(item: number, value: unknown): number {
    if (typeof value === 'string') return pointOfText(item, value);
    if (typeof value === 'number') return pointOfCode(item, value);
    return settle(item, read(item, value));
  }

  return {
    scale,
    rules,
    keys,
    emotional,
    memberships: Uint8Array.from(rules.memberships),
    totalScore,
    emotionalScore,
    socialScore: rules.scores[2],
    codeTables,
    byteTable: new Int8Array(keys.length * TABLE_SIZE).fill(UNREAD_POINT),
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
 * import { bandLabel } from 'loneliness-scales/batch/internal';
 * bandLabel(categorize(djg6, 4), 'nl'); // 'matig eenzaam'
 * ```
 */
export function bandLabel(band: CategoryBand | null | undefined, language: Language): string {
  return band === null || band === undefined ? '' : band.label[language];
}
