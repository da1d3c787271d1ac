import { type ColumnSpec, type ScaleDefinition, type ScoreOptions, ScoringError, columnNames } from '../../index.js';
import { INVALID_POINT, MISSING_POINT, compileScale } from '../scoring/compile.js';

/** An Arrow-style column: a length, values as an array, and (optionally) a validity test. */
export interface ArrowLikeColumn {
  /** Number of values. */
  readonly length: number;
  /** The values, e.g. a typed array. */
  toArray(): ArrayLike<number | null | undefined>;
  /** Whether the value at `index` is not null. */
  isValid?(index: number): boolean;
  /** Number of null values; 0 skips the validity test. */
  readonly nullCount?: number;
}

/** One column of codes: a typed array, a plain array (with `null` for missing), or an Arrow-style column. */
export type CodeColumn = ArrayLike<number | null | undefined> | ArrowLikeColumn;

/** Scores of many respondents, one typed array per score; -1 marks a missing score. */
export interface ColumnarScores {
  /** Number of respondents. */
  readonly length: number;
  /** Total scores, -1 when missing. */
  readonly total: Int8Array;
  /** Emotional loneliness scores, -1 when missing. */
  readonly emotional: Int8Array;
  /** Social loneliness scores, -1 when missing. */
  readonly social: Int8Array;
  /** The total's category code (as the MANUAL codes its bands), -1 when missing. */
  readonly category: Int8Array;
  /** Number of missing items, -1 for a respondent with an invalid answer. */
  readonly missingItems: Int8Array;
  /** Respondents with an invalid answer, by index, with the core's error (first item in the scale's order). */
  readonly invalid: ReadonlyMap<number, ScoringError>;
}

/** Options of {@link scoreColumns}. */
export interface ColumnarOptions {
  /** The core's scoring options; numeric data needs a `coding`. */
  readonly scoring?: ScoreOptions | undefined;
  /** How the column names map onto items (default: named by item key). */
  readonly columns?: ColumnSpec | undefined;
}

/** The increment of one invalid answer (bit 16). */
const INVALID_UNIT = 1 << 16;

function isArrowLike(column: CodeColumn): column is ArrowLikeColumn {
  return typeof (column as ArrowLikeColumn).toArray === 'function';
}

/**
 * Scores coded data that is already in memory, column by column: one array of codes per item
 * (typed arrays, plain arrays with `null`, or Arrow-style columns), keyed by column name. The
 * same rules and results as the core's `createScorer`, computed with one table lookup per
 * answer. Every column must be present and of the same length (a `ScoringError` otherwise).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreColumns } from 'loneliness-scales/batch';
 * const data = { lone3: Int8Array.of(3, 1), lone4: Int8Array.of(3, 3), lone7: Int8Array.of(3, 3),
 *   lone8: Int8Array.of(2, 3), lone9: Int8Array.of(3, -1), lone10: Int8Array.of(3, 1) };
 * const scores = scoreColumns(djg6, data, { scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } });
 * Array.from(scores.total);     // [4, 0]
 * Array.from(scores.emotional); // [3, -1]
 * ```
 */
export function scoreColumns(
  scale: ScaleDefinition,
  data: Readonly<Record<string, CodeColumn>>,
  options: ColumnarOptions = {},
): ColumnarScores {
  const compiled = compileScale(scale, options.scoring);
  const names = [...columnNames(scale, options.columns).values()];
  const columns = names.map((name, item) => {
    const column = Object.hasOwn(data, name) ? data[name] : undefined;
    if (column === undefined) {
      const key = scale.items[item]?.key ?? '';
      throw new ScoringError('missing_column', `Item "${key}": column "${name}" is not in the data.`, key, name);
    }
    return column;
  });
  const length = columns[0]?.length ?? 0;
  // One 32-bit accumulator per respondent: emotional points (bits 0-3), social points (4-7),
  // missing emotional items (8-11), missing social items (12-15), invalid answers (16 up). Each
  // answer adds one precomputed increment, so the inner loop is a table lookup and an add.
  const accumulators = new Int32Array(length);
  const readers = names.map((name, item) => {
    const column = columns[item] as CodeColumn;
    if (column.length !== length) {
      throw new ScoringError('invalid_answers', `Column "${name}" has ${column.length} values; the first column has ${length}.`, undefined, name);
    }
    const values = isArrowLike(column) ? column.toArray() : column;
    const valid = isArrowLike(column) && column.nullCount !== 0 && column.isValid !== undefined ? column.isValid.bind(column) : null;
    return { values, valid };
  });
  const increments = compiled.keys.map((_, item) => {
    const isEmotional = compiled.emotional[item] === 1;
    const increment = (point: number) =>
      point === INVALID_POINT ? INVALID_UNIT : point === MISSING_POINT ? 1 << (isEmotional ? 8 : 12) : point << (isEmotional ? 0 : 4);
    // -1 in the table: a code not looked up yet, or invalid; the core decides (cached).
    const table = Int32Array.from(compiled.codeTables[item] as Int8Array, (point) => (point === INVALID_POINT ? -1 : increment(point)));
    return { table, increment };
  });
  const pointAt = (item: number, row: number): number => {
    const { values, valid } = readers[item] as (typeof readers)[number];
    const value = values[row];
    if ((valid !== null && !valid(row)) || value === null || value === undefined) return MISSING_POINT;
    return compiled.pointOfValue(item, value);
  };
  readers.forEach(({ values, valid }, item) => {
    const { table, increment } = increments[item] as (typeof increments)[number];
    if (valid === null && (values instanceof Int8Array || values instanceof Uint8Array)) {
      const offset = values instanceof Int8Array ? 128 : 0;
      for (let row = 0; row < length; row++) {
        const slot = (values[row] as number) + offset;
        let add = slot < 256 ? (table[slot] as number) : -1;
        if (add < 0) add = increment(pointAt(item, row));
        accumulators[row] = (accumulators[row] as number) + add;
      }
      return;
    }
    for (let row = 0; row < length; row++) {
      const value = values[row];
      let add = valid === null && typeof value === 'number' && (value | 0) === value && value >= -128 && value < 128 ? (table[value + 128] as number) : -1;
      if (add < 0) add = increment(pointAt(item, row));
      accumulators[row] = (accumulators[row] as number) + add;
    }
  });
  const total = new Int8Array(length);
  const emotional = new Int8Array(length);
  const social = new Int8Array(length);
  const category = new Int8Array(length);
  const missingItems = new Int8Array(length);
  const invalid = new Map<number, ScoringError>();
  // Every reachable accumulator (without invalid answers) decoded once into five small tables.
  const bandCodes = Int8Array.from(compiled.bands, (band) => band?.code ?? -1);
  const { totalTolerance, subscaleTolerance } = compiled;
  const emotionalCount = compiled.emotional.reduce((count, flag) => count + flag, 0);
  const socialCount = names.length - emotionalCount;
  const decoded = { total: new Int8Array(1 << 16), emotional: new Int8Array(1 << 16), social: new Int8Array(1 << 16), category: new Int8Array(1 << 16), missing: new Int8Array(1 << 16) };
  for (let missingEmotional = 0; missingEmotional <= emotionalCount; missingEmotional++) {
    for (let missingSocial = 0; missingSocial <= socialCount; missingSocial++) {
      for (let sumEmotional = 0; sumEmotional <= emotionalCount - missingEmotional; sumEmotional++) {
        for (let sumSocial = 0; sumSocial <= socialCount - missingSocial; sumSocial++) {
          const key = sumEmotional | (sumSocial << 4) | (missingEmotional << 8) | (missingSocial << 12);
          const missingCount = missingEmotional + missingSocial;
          const sum = sumEmotional + sumSocial;
          decoded.missing[key] = missingCount;
          decoded.emotional[key] = missingEmotional <= subscaleTolerance ? sumEmotional : -1;
          decoded.social[key] = missingSocial <= subscaleTolerance ? sumSocial : -1;
          decoded.total[key] = missingCount <= totalTolerance ? sum : -1;
          decoded.category[key] = missingCount <= totalTolerance ? (bandCodes[sum] as number) : -1;
        }
      }
    }
  }
  for (let row = 0; row < length; row++) {
    const accumulator = accumulators[row] as number;
    if (accumulator >= INVALID_UNIT) {
      total[row] = emotional[row] = social[row] = category[row] = missingItems[row] = -1;
      // The first invalid answer in the scale's order, as the core reports it.
      for (let item = 0; item < names.length; item++) {
        if (pointAt(item, row) === INVALID_POINT) {
          invalid.set(row, compiled.lastErrors[item] as ScoringError);
          break;
        }
      }
      continue;
    }
    total[row] = decoded.total[accumulator] as number;
    emotional[row] = decoded.emotional[accumulator] as number;
    social[row] = decoded.social[accumulator] as number;
    category[row] = decoded.category[accumulator] as number;
    missingItems[row] = decoded.missing[accumulator] as number;
  }
  return { length, total, emotional, social, category, missingItems, invalid };
}
