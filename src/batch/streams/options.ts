import type { ColumnSpec, Language, ScaleDefinition, ScoreOptions } from '../../index.js';
import type { RowScores } from '../scoring/row-scores.js';

/** A format of tabular text: comma-separated, tab-separated, or one JSON object per line. */
export type TextFormat = 'csv' | 'tsv' | 'ndjson';

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
  /** Called for every bad row, with its line and what is wrong. */
  readonly onProblem?: ((line: number, reason: string) => void) | undefined;
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

  constructor(line: number, reason: string) {
    super(`Line ${line}: ${reason}`);
    this.name = 'BadRowError';
    this.line = line;
    this.reason = reason;
  }
}
