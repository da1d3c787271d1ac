// The contracts between readers, the row pipeline and writers: a reader turns bytes into a header
// and rows, the pipeline scores each row once, a writer turns rows and scores into bytes. Types only,
// so that readers and writers depend on this file and never on each other or on the dispatcher.
import type { CategoryBand, Language } from '../../index.js';
import type { CompiledScale } from '../scoring/compile.js';
import type { RowScores } from '../scoring/row-scores.js';
import type { ByteSink } from './byte-sink.js';
import type { DialectNote } from './batch-options.js';

/** What every row offers the pipeline, whatever its format. */
interface RowReading {
  /** The 1-based line the row starts on. */
  line: number;
  /** Why the row could not be read (ragged, unterminated quote, not JSON, too long), or `null`. */
  problem: string | null;
  /** Whether text read from the row held invalid UTF-8 (decoded as U+FFFD). */
  invalidText: boolean;
  /** Item points of the row's value in header column `column` for the scale's item `item`. */
  pointOf: (compiled: CompiledScale, item: number, column: number) => number;
  /** The row's value in header column `column` as text (`''` when it has none). */
  textOf: (column: number) => string;
}

/** One record of delimited text, as the tokenizer hands it out; reused between records. */
export interface RecordView extends RowReading {
  readonly kind: 'delimited';
  /** The field delimiter's byte (`,`, `;`, tab, `|`, …). */
  readonly delimiter: number;
  /** The bytes the record lies in. */
  bytes: Uint8Array;
  /** Offset of the record's first byte. */
  start: number;
  /** Offset after the record's last byte, line terminator excluded. */
  end: number;
  /** Number of fields (0 for a record too long to be read). */
  fieldCount: number;
  /** Per field, the offset of its first content byte (after an opening quote). */
  starts: Int32Array;
  /** Per field, the offset after its last content byte (before a closing quote). */
  ends: Int32Array;
  /** Per field: 0 plain, 1 quoted, 3 quoted with doubled quotes inside. */
  quoting: Uint8Array;
  /** Whether any field is quoted. */
  anyQuoted: boolean;
  /** Whether any field starts like a formula (`=`, `+`, `-`, `@`, tab, CR); see `isFormulaLike`. */
  formulaCandidate: boolean;
}

/** One line of NDJSON; reused between lines. */
export interface ObjectRow extends RowReading {
  readonly kind: 'object';
  /** The parsed object, or `null` when the line is not a JSON object (then `problem` says why). */
  object: Record<string, unknown> | null;
  /** The line's text (empty for a line longer than `maxRecordBytes`, which is not kept). */
  raw: string;
}

/** A row as a reader hands it to the pipeline and the pipeline to a writer. */
export type InputRow = RecordView | ObjectRow;

/** What a file's own dictionary says about one column (SPSS files have one; delimited text and JSON do not). */
export interface ColumnInfo {
  /** The column's name. */
  readonly name: string;
  /** Whether the column holds numbers or text. */
  readonly type: 'numeric' | 'string';
  /** The value labels declared for the column's values. */
  readonly valueLabels: readonly { readonly value: number | string; readonly label: string }[];
  /** Whether a value is declared missing (user-missing) in the file. */
  readonly isMissing: (value: number | string) => boolean;
}

/** What a header may carry besides the names. */
export interface HeaderContext {
  /** Per header column, what the file's dictionary says about it. */
  readonly columns?: readonly ColumnInfo[] | undefined;
  /** The file's own dictionary, for a writer of the same format (`format` names it). */
  readonly source?: { readonly format: string; readonly dictionary: unknown } | undefined;
  /** The category bands of the total score, added by the row pipeline for writers that label codes. */
  readonly categories?: readonly CategoryBand[] | undefined;
}

/** Where a reader delivers what it reads: the header once, before the first readable row, then rows. */
export interface RowTarget {
  /** The header: column names of a delimited file, or the first JSON object's keys. */
  readonly header: (names: readonly string[], kind: InputRow['kind'], context?: HeaderContext) => void;
  /** One row, in order. Object rows that cannot be read may come before the header. */
  readonly row: (row: InputRow) => void;
}

/** A reader: bytes in, header and rows out to its {@link RowTarget}. */
export interface ByteReader {
  /** Reads a chunk (which the caller may reuse once `push` returns). */
  readonly push: (chunk: Uint8Array) => void;
  /** Ends the input: the last row is read. */
  readonly end: () => void;
}

/** What a reader is told. */
export interface ReaderOptions {
  /** The longest record read, in bytes. */
  readonly maxRecordBytes: number;
  /** The field delimiter, when named (otherwise the format's, or found from the header line). */
  readonly delimiter?: string | undefined;
  /** Told what the reader found out (the delimiter). */
  readonly onDialect?: ((note: DialectNote) => void) | undefined;
  /** Allocates a buffer for input held between chunks; see `ByteSink.inputBuffer`. */
  readonly allocate?: ((size: number) => Uint8Array) | undefined;
}

/** A writer: rows and their scores in, bytes out to a sink. */
export interface RowWriter {
  /** The input header (see {@link RowTarget.header}); may throw a `ScoringError` refusing names it cannot write without loss. */
  readonly header: (names: readonly string[], kind: InputRow['kind'], context?: HeaderContext) => void;
  /** Writes one row with its scores. */
  readonly row: (row: InputRow, scores: RowScores) => void;
  /** Writes what is still held. */
  readonly end: () => void;
}

/** What a writer is told. */
export interface WriterOptions {
  /** Prefix of the names the scorer adds (score columns, `_extra`, `_raw`). */
  readonly prefix: string;
  /** The language of the category label. */
  readonly language: Language;
}

/** Creates a reader for a format. */
export type ReaderFactory = (target: RowTarget, options: ReaderOptions) => ByteReader;
/** Creates a writer for a format. */
export type WriterFactory = (sink: ByteSink, options: WriterOptions) => RowWriter;
