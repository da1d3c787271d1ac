import type { Coding, ColumnMapping, ColumnSpec, Language, ScaleDefinition, ScoreOptions } from '../../index.js';
import type { InputEncoding } from './encoding.js';

export type { InputEncoding } from './encoding.js';
import type { RowScores } from '../scoring/row-scores.js';

/**
 * A format of tabular data: delimited (`csv`; `excel-csv`, CSV as Dutch Excel writes and opens
 * it), tab-separated, one JSON object per line, an SPSS system file, or an Excel workbook (`xlsx`,
 * read from files by the Node tools only).
 */
export type TextFormat = 'csv' | 'excel-csv' | 'tsv' | 'ndjson' | 'sav' | 'xlsx';

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

/**
 * The cells read as missing answers by default, besides the empty (or blank) cell: `NA`, as R
 * writes a missing value, and `.`, as SAS and Stata write one — the system-missing value that
 * the MANUAL counts as a missing answer (reference §4). Neither can be an answer. `weet niet`
 * ("don't know") is an answer a respondent gave, so it is missing only when declared.
 *
 * @example
 * ```ts
 * import { DEFAULT_MISSING_VALUES } from 'loneliness-scales/batch';
 * DEFAULT_MISSING_VALUES; // ['NA', '.']
 * ```
 */
export const DEFAULT_MISSING_VALUES: readonly string[] = Object.freeze(['NA', '.']);

/** The default of {@link BatchOptions.maxRecordBytes}: 1 MiB. */
export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;

/** What a batch scorer reports for each row, after scoring it. */
export interface RowEvent {
  /** The 1-based line the row starts on. */
  readonly line: number;
  /** The 0-based row number (header excluded). */
  readonly index: number;
  /** Item points by position in the scale (0–100, 127 for missing, negative for an invalid answer); reused between rows. */
  readonly points: Int8Array;
  /** The row's scores; reused between rows. */
  readonly scores: RowScores;
  /** The row's weight when a weight column is named: a number, or `NaN` when the cell is not one. */
  readonly weight: number;
  /** The row's text in each of {@link BatchOptions.groupColumns}, in their order (`''` when it has none); reused between rows. */
  readonly groups: readonly string[];
  /**
   * Per grouping column, a small whole number standing for the row's text in {@link groups}
   * (the same number for the same text, for as long as the scorer runs), or -1 when the scorer
   * gave the text none (a quoted or long cell, a bounded number of values); reused between rows.
   * Lets a caller that tallies by group find the group by an array index instead of the text.
   */
  readonly groupIds?: Int32Array;
  /**
   * With {@link BatchOptions.answerLevels}: each item's answer as an agreement level by position
   * in the scale (2 = `yes!`, 1 = `yes`, 0 = `more or less`, -1 = `no`, -2 = `no!`), 9 for a
   * missing answer, -128 for an invalid one (or a malformed row); reused between rows. Empty otherwise.
   */
  readonly levels: Int8Array;
}

/**
 * What a batch scorer found out about its input, told once each through {@link BatchOptions.onDialect}:
 * the encoding (`detected` when found from the bytes), the field delimiter of delimited input
 * (`detected` when found from the header line), and how the columns were mapped onto the items
 * (`matchedBy: 'text'` for a column found by its question text).
 */
export type DialectNote =
  | { readonly kind: 'encoding'; readonly encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'; readonly detected: boolean }
  | { readonly kind: 'delimiter'; readonly delimiter: string; readonly detected: boolean }
  | { readonly kind: 'columns'; readonly mapping: readonly ColumnMapping[] };

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
  /**
   * Columns whose text each row reports in {@link RowEvent.groups} (for grouped summaries). A
   * column missing from the header throws a `ScoringError` (`missing_column`) listing the columns.
   */
  readonly groupColumns?: readonly string[] | undefined;
  /** Report each item's answer level in {@link RowEvent.levels} (for item frequencies). */
  readonly answerLevels?: boolean | undefined;
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
   * Called once, before the first row, when the coding is read from the file's value labels (an
   * SPSS file whose item variables label their codes, and no coding was given); `coding.name`
   * lists the labelled codes.
   */
  readonly onCoding?: ((coding: Coding) => void) | undefined;
  /**
   * The longest record read, in bytes (default 1 MiB). A longer record, such as one opened by a
   * stray quote that never closes, is reported as malformed on the line it starts and reading
   * resumes at the next line, so memory stays bounded and the rows after it are scored.
   */
  readonly maxRecordBytes?: number | undefined;
  /**
   * The field delimiter of delimited input: one character such as `,` `;` `|` or a tab (`tab`).
   * Default: a tab for TSV; for CSV, found from the header line — the one of `,` `;` tab `|` that
   * occurs most often outside quotes (a tie is an `invalid_option` error asking for this option).
   */
  readonly delimiter?: string | undefined;
  /**
   * The input's encoding: `auto` (default), `utf-8` or `windows-1252`. With `auto`, a UTF-8 byte
   * order mark or valid UTF-8 at the first non-ASCII byte means UTF-8, anything else
   * Windows-1252 (told through `onDialect`); it is decided once, within the first MiB. A UTF-16
   * byte order mark (Excel's "Unicode text") means UTF-16. Output is always UTF-8.
   */
  readonly encoding?: InputEncoding | undefined;
  /**
   * Cells that are missing answers besides the empty one, matched ignoring case and surrounding
   * white space: labels (`NA`, `weet niet`) or codes (`9`). Default {@link DEFAULT_MISSING_VALUES},
   * `['NA', '.']` (how R and SAS/Stata write a missing value); a list given replaces it (`[]` for none). A marker that is
   * an answer label or a code of the coding is an `invalid_option` error.
   */
  readonly missingValues?: readonly string[] | undefined;
  /**
   * The decimal separator of the weight column: `.`, `,`, or `auto` (default): `.` when the
   * delimiter is a comma, otherwise the first separator met in the column. A weight cell that is
   * not a number under it throws a `ScoringError` (`invalid_weight`) naming the line and cell.
   */
  readonly decimalSeparator?: '.' | ',' | 'auto' | undefined;
  /** Told what was found out about the input: its encoding, its delimiter, the column mapping. */
  readonly onDialect?: ((note: DialectNote) => void) | undefined;
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
