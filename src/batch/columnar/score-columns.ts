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
 * scores.total;     // Int8Array [4, 0]
 * scores.emotional; // Int8Array [3, -1]
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
  const sums = new Uint8Array(length * 2);
  const missing = new Uint8Array(length * 2);
  const invalid = new Map<number, ScoringError>();
  names.forEach((name, item) => {
    const column = columns[item] as CodeColumn;
    if (column.length !== length) {
      throw new ScoringError('invalid_answers', `Column "${name}" has ${column.length} values; the first column has ${length}.`, undefined, name);
    }
    const values = isArrowLike(column) ? column.toArray() : column;
    const valid = isArrowLike(column) && column.nullCount !== 0 && column.isValid !== undefined ? column.isValid.bind(column) : null;
    const table = compiled.codeTables[item] as Int8Array;
    const offset = compiled.emotional[item] === 1 ? 0 : length;
    for (let row = 0; row < length; row++) {
      const value = values[row];
      let point: number;
      if (valid !== null && !valid(row)) point = MISSING_POINT;
      else if (typeof value === 'number' && (value | 0) === value && value >= -128 && value < 128) point = table[value + 128] as number;
      else point = value === null || value === undefined ? MISSING_POINT : compiled.pointOfValue(item, value);
      if (point === INVALID_POINT) point = compiled.pointOfValue(item, value);
      if (point === MISSING_POINT) missing[offset + row] = (missing[offset + row] as number) + 1;
      else if (point > 0) sums[offset + row] = (sums[offset + row] as number) + 1;
      // The first invalid answer in the scale's order, as the core reports it.
      else if (point === INVALID_POINT && !invalid.has(row)) invalid.set(row, compiled.lastErrors[item] as ScoringError);
    }
  });
  const total = new Int8Array(length);
  const emotional = new Int8Array(length);
  const social = new Int8Array(length);
  const category = new Int8Array(length);
  const missingItems = new Int8Array(length);
  const bandCodes = Int8Array.from(compiled.bands, (band) => band?.code ?? -1);
  const { totalTolerance, subscaleTolerance } = compiled;
  for (let row = 0; row < length; row++) {
    if (invalid.size > 0 && invalid.has(row)) {
      total[row] = emotional[row] = social[row] = category[row] = missingItems[row] = -1;
      continue;
    }
    const missingEmotional = missing[row] as number;
    const missingSocial = missing[length + row] as number;
    const sumEmotional = sums[row] as number;
    const sumSocial = sums[length + row] as number;
    const missingCount = missingEmotional + missingSocial;
    missingItems[row] = missingCount;
    emotional[row] = missingEmotional <= subscaleTolerance ? sumEmotional : -1;
    social[row] = missingSocial <= subscaleTolerance ? sumSocial : -1;
    if (missingCount <= totalTolerance) {
      const sum = sumEmotional + sumSocial;
      total[row] = sum;
      category[row] = bandCodes[sum] as number;
    } else {
      total[row] = category[row] = -1;
    }
  }
  return { length, total, emotional, social, category, missingItems, invalid };
}
