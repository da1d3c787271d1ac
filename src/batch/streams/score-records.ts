import { type ColumnSpec, type ScaleDefinition, type ScoreOptions, columnNames, mapColumns } from '../../index.js';
import { MISSING_POINT, compileScale } from '../scoring/compile.js';
import { missingMarkers } from '../scoring/missing-values.js';
import { type RowScores, emptyRowScores, scoreRowPoints } from '../scoring/row-scores.js';
import { DEFAULT_MISSING_VALUES } from './batch-options.js';

/** Options of {@link scoreRecords} and {@link scoreRecordsAsync}. */
export interface RecordOptions {
  /** The core's scoring options: `coding`, `missing`, `categories`. */
  readonly scoring?: ScoreOptions | undefined;
  /** How properties map onto items (default: named by item key). */
  readonly columns?: ColumnSpec | undefined;
  /** Values that are missing answers besides `null`, `undefined` and the empty string; see `BatchOptions.missingValues`. */
  readonly missingValues?: readonly string[] | undefined;
}

/** One scored record: the input object and its scores (a fresh object per record). */
export interface ScoredRecord<R> {
  /** The input record, unchanged. */
  readonly record: R;
  /** Its scores. */
  readonly scores: RowScores;
}

function createRecordScorer(scale: ScaleDefinition, options: RecordOptions) {
  const compiled = compileScale(scale, options.scoring, missingMarkers(options.missingValues ?? DEFAULT_MISSING_VALUES));
  const names = [...columnNames(scale, options.columns).values()];
  const points = new Int8Array(names.length);
  let checked = false;
  return (record: Record<string, unknown>): RowScores => {
    if (!checked) {
      // The first record's properties are checked against the mapping before it is scored.
      mapColumns(scale, Object.keys(record), options.columns);
      checked = true;
    }
    for (let item = 0; item < names.length; item++) {
      const name = names[item] as string;
      points[item] = Object.hasOwn(record, name) ? compiled.pointOfValue(item, record[name]) : MISSING_POINT;
    }
    return scoreRowPoints(compiled, points, emptyRowScores());
  };
}

/**
 * Scores records (arrays, generators, any iterable of objects) lazily, one result per record, in
 * order. The first record is checked against the column mapping: a missing or duplicated column
 * throws the core's `ScoringError` naming it. Rows that cannot be scored get `null` scores and a
 * reason, never an exception.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreRecords } from 'loneliness-scales/batch';
 * const rows = [{ id: 1, lone3: 3, lone4: 3, lone7: 3, lone8: 2, lone9: 3, lone10: 3 }];
 * const [first] = scoreRecords(djg6, rows, { scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } });
 * first?.scores.total; // 4
 * ```
 */
export function* scoreRecords<R extends object>(
  scale: ScaleDefinition,
  records: Iterable<R>,
  options: RecordOptions = {},
): Generator<ScoredRecord<R>> {
  const scoreOne = createRecordScorer(scale, options);
  for (const record of records) yield { record, scores: scoreOne(record as Record<string, unknown>) };
}

/**
 * {@link scoreRecords} for async iterables (database cursors, object-mode streams).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreRecordsAsync } from 'loneliness-scales/batch';
 * async function* rows() { yield { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' }; }
 * for await (const { scores } of scoreRecordsAsync(djg6, rows())) scores.total; // 4
 * ```
 */
export async function* scoreRecordsAsync<R extends object>(
  scale: ScaleDefinition,
  records: AsyncIterable<R> | Iterable<R>,
  options: RecordOptions = {},
): AsyncGenerator<ScoredRecord<R>> {
  const scoreOne = createRecordScorer(scale, options);
  for await (const record of records) yield { record, scores: scoreOne(record as Record<string, unknown>) };
}
