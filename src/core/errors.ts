/**
 * Stable machine-readable codes of {@link ScoringError}.
 *
 * - `invalid_answers`: the answers are not a plain object.
 * - `unknown_item`: a key that is not an item of the De Jong Gierveld item bank.
 * - `unknown_answer`: a string that is not a known answer label.
 * - `coding_required`: a numeric code given without a coding to read it.
 * - `unknown_code`: a number the coding does not define (nor declare missing).
 * - `invalid_type`: a value that is neither a label, a number, `null` nor `undefined`.
 * - `invalid_coding`: a custom coding that cannot be used.
 * - `invalid_scale`: a scale definition that `defineScale` refuses, or one a path cannot hold (`scoreColumns`: scores above 127).
 * - `invalid_option`: an option that cannot be used (unknown preset, convention, column spec, …).
 * - `missing_column`: a dataset lacks the column an item is mapped to.
 * - `duplicate_column`: a column name occurs twice, or two items map to one column.
 * - `same_file`: a file's output is its own input (same device and inode, links resolved); `value` is the path.
 * - `unreadable_input`: an input file cannot be read (missing, a directory, no permission); `value` is the path.
 * - `unwritable_output`: an output file cannot be written (missing directory, no permission, disk full); `value` is the path.
 * - `invalid_weight`: a cell of a survey-weight column that is not a non-negative number; `path` is the column, `value` the cell.
 */
export type ScoringErrorCode =
  | 'invalid_answers'
  | 'unknown_item'
  | 'unknown_answer'
  | 'coding_required'
  | 'unknown_code'
  | 'invalid_type'
  | 'invalid_coding'
  | 'invalid_option'
  | 'invalid_scale'
  | 'missing_column'
  | 'duplicate_column'
  | 'same_file'
  | 'unreadable_input'
  | 'unwritable_output'
  | 'invalid_weight';

/**
 * The one error type of the library. `code` is stable; `item` names the item key concerned (if
 * any) and `value` holds the value received.
 *
 * @example
 * ```ts
 * import { djg6, score, ScoringError } from 'loneliness-scales';
 * try {
 *   score(djg6, { emptiness: 'perhaps' });
 * } catch (error) {
 *   if (error instanceof ScoringError) console.log(error.code, error.item, error.value); // unknown_answer emptiness perhaps
 * }
 * ```
 */
export class ScoringError extends Error {
  /** Stable machine-readable code. */
  readonly code: ScoringErrorCode;
  /** The item key concerned, if any. */
  readonly item: string | undefined;
  /** The value received. */
  readonly value: unknown;
  /** Where in the options the problem is (`missing.total`, `coding.codes.3`), if it is in the options. */
  readonly path: string | undefined;

  constructor(code: ScoringErrorCode, message: string, details: ScoringErrorDetails = {}) {
    super(message);
    this.name = 'ScoringError';
    this.code = code;
    this.item = details.item;
    this.value = details.value;
    this.path = details.path;
  }
}

/** What a {@link ScoringError} is about, besides its code and message. */
export interface ScoringErrorDetails {
  /** The item key concerned. */
  readonly item?: string | undefined;
  /** The value received. */
  readonly value?: unknown;
  /** The option path concerned (`missing.total`). */
  readonly path?: string | undefined;
}

/** Builds the `invalid_option` error for an option at `path`. */
export function invalidOption(path: string, value: unknown, problem: string): ScoringError {
  return new ScoringError('invalid_option', `Option ${path}: ${describeValue(value)} ${problem}.`, { path, value });
}

/** Renders a received value for an error message, briefly and safely. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.slice(0, 40));
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'bigint':
      return `${value}n`;
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    default:
      return Object.is(value, -0) ? '-0' : String(value);
  }
}
