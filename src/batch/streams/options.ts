import type { ColumnSpec, Language, ScaleDefinition, ScoreOptions } from '../../index.js';
import type { RowScores } from '../scoring/row-scores.js';

/**
 * A format of tabular data: comma-separated, tab-separated, one JSON object per line, or an Excel
 * workbook (`xlsx`, read from files by the Node tools only).
 */
export type TextFormat = 'csv' | 'tsv' | 'ndjson' | 'xlsx';

/**
 * What can be wrong with a row: the core's error code of an invalid answer, `malformed_row` for a
 * row that could not be read (ragged, unterminated quote, not a JSON object, nested too deeply,
 * longer than `maxRecordBytes`), or `invalid_utf8`, a warning: the row is scored, but its text held
 * bytes that are not UTF-8, which are written as U+FFFD wherever the output re-encodes text.
 */
export type RowProblemCode = NonNullable<RowScores['errorCode']> | 'invalid_utf8';

/** A problem of one row, as given to {@link BatchOptions.onProblem}. */
export interface RowProblem {
  /** The 1-based line the row starts on. */
  readonly line: number;
  /** A stable code: the core's error code, `malformed_row`, or `invalid_utf8` (a warning). */
  readonly code: RowProblemCode;
  /** What is wrong, for people. */
  readonly message: string;
}

/** The default of {@link BatchOptions.maxRecordBytes}: 1 MiB. */
export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;

/** What a batch scorer reports for each row, after scoring it. */
export interface RowEvent {
  /** The 1-based line the row starts on. */
  readonly line: number;
  /** The 0-based row number (header excluded). */
  readonly index: number;
  /** Item points by position in the scale (0, 1, 2 for missing, negative for an invalid answer); reused between rows. */
  readonly points: Int8Array;
  /** The row's scores; reused between rows. */
  readonly scores: RowScores;
  /** The row's weight when a weight column is named: a number, or `NaN` when the cell is not one. */
  readonly weight: number;
}

/** Options of the streaming batch scorers. */
export interface BatchOptions {
  /** The scale to score. */
  readonly scale: ScaleDefinition;
  /** The core's scoring options: `coding`, `missing`, `categories`. */
  readonly scoring?: ScoreOptions | undefined;
  /** How columns map onto items (default: columns named by item key). */
  readonly columns?: ColumnSpec | undefined;
  /** The language of the category label column. Default `en`. */
  readonly language?: Language | undefined;
  /** The output format; `null` scores without writing rows (for summaries). Default: the input format. */
  readonly output?: TextFormat | null | undefined;
  /** A prefix for the score columns' names. */
  readonly prefix?: string | undefined;
  /** A column holding each row's weight, reported in {@link RowEvent.weight}. */
  readonly weightColumn?: string | undefined;
  /** Stop at the first bad row (malformed, or an invalid answer) by throwing a {@link BadRowError}. */
  readonly strict?: boolean | undefined;
  /** Called for every row once scored. */
  readonly onRow?: ((row: RowEvent) => void) | undefined;
  /**
   * Called for every bad row (malformed, or an invalid answer) with its line, code and message,
   * and for every row holding invalid UTF-8 (code `invalid_utf8`, a warning: that row is scored).
   */
  readonly onProblem?: ((problem: RowProblem) => void) | undefined;
  /**
   * The longest record read, in bytes (default 1 MiB). A longer record, such as one opened by a
   * stray quote that never closes, is reported as malformed on the line it starts and reading
   * resumes at the next line, so memory stays bounded and the rows after it are scored.
   */
  readonly maxRecordBytes?: number | undefined;
}

/** Counts kept while scoring. */
export interface BatchCounts {
  /** Rows read (header and blank lines excluded). */
  read: number;
  /** Rows with a total score. */
  scored: number;
  /** Rows without a total: invalid answers, malformed rows, or too many missing answers. */
  notScored: number;
  /** Rows that are malformed or hold an invalid answer (a subset of `notScored`). */
  bad: number;
}

/**
 * A streaming batch scorer: push byte chunks, receive output bytes through `emit`. Chunks pushed
 * may be reused by the caller once `push` returns; the bytes given to `emit` are valid until it
 * returns (copy them to keep them).
 */
export interface BatchScorer {
  /** Scores the complete rows in a chunk. */
  readonly push: (chunk: Uint8Array) => void;
  /** Ends the input and flushes the output. */
  readonly end: () => void;
  /** The counts so far. */
  readonly counts: BatchCounts;
}

/**
 * Thrown by a strict batch scorer at the first bad row.
 *
 * @example
 * ```ts
 * import { BadRowError } from 'loneliness-scales/batch';
 * const error = new BadRowError(3, 'ragged row');
 * error.code; // 'bad_row'
 * ```
 */
export class BadRowError extends Error {
  /** Stable code. */
  readonly code = 'bad_row';
  /** The 1-based line of the row. */
  readonly line: number;
  /** What is wrong with it. */
  readonly reason: string;
  /** The row's problem code (`malformed_row`, or the core's code of the invalid answer). */
  readonly problem: RowProblemCode;

  constructor(line: number, reason: string, problem: RowProblemCode = 'malformed_row') {
    super(`Line ${line}: ${reason}`);
    this.name = 'BadRowError';
    this.line = line;
    this.reason = reason;
    this.problem = problem;
  }
}
