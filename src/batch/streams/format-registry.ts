import { ScoringError } from '../../index.js';
import { createDelimitedReader } from '../delimited/read-delimited.js';
import { CSV_DIALECT, EXCEL_CSV_DIALECT, TSV_DIALECT, createDelimitedWriter } from '../delimited/write-delimited.js';
import { createNdjsonReader } from '../ndjson/read-ndjson.js';
import { createNdjsonWriter } from '../ndjson/write-ndjson.js';
import { createSavReader } from '../sav/read-sav.js';
import { createSavWriter } from '../sav/write-sav.js';
import type { TextFormat } from './batch-options.js';
import type { ReaderFactory, WriterFactory } from './rows.js';

/** A format the batch scorer reads or writes: its name, file extensions, and reader and writer. */
export interface FormatDefinition {
  /** The name, as in the `format` argument and the CLI's `--from`/`--to`. */
  readonly name: TextFormat;
  /** File extensions (lower case, without the dot) that mean this format. */
  readonly extensions: readonly string[];
  /** One line for help texts. */
  readonly description: string;
  /** Whether the format is delimited text, whose delimiter may be named (`delimiter`) and whose encoding is found from its bytes. Default `false`. */
  readonly delimited?: boolean | undefined;
  /** Whether the format is binary (it names its own text encoding): its bytes reach the reader untouched, and `encoding` does not apply. Default `false`. */
  readonly binary?: boolean | undefined;
  /**
   * Creates a reader, if the format can be read (the reader contract is internal).
   * @internal
   */
  readonly read?: ReaderFactory | undefined;
  /**
   * Creates a writer, if the format can be written (the writer contract is internal).
   * @internal
   */
  readonly write?: WriterFactory | undefined;
}

/**
 * The formats of the batch scorer, in the order help texts list them. Adding a format is adding
 * an entry here with its reader and writer; the dispatcher ({@link createBatchScorer}) and the
 * CLI's option checks and help read this table.
 *
 * @example
 * ```ts
 * import { batchFormats } from 'loneliness-scales/batch';
 * batchFormats.map((format) => format.name); // ['csv', 'excel-csv', 'tsv', 'ndjson', 'sav', 'xlsx']
 * ```
 */
export const batchFormats: readonly FormatDefinition[] = [
  {
    name: 'csv',
    extensions: ['csv'],
    description: 'delimited values, RFC 4180 quoting; the delimiter (, ; tab |) is found from the header line',
    delimited: true,
    read: (target, options) => createDelimitedReader(',', target, options, true),
    write: (sink, options) => createDelimitedWriter(CSV_DIALECT, sink, options),
  },
  {
    name: 'excel-csv',
    extensions: [],
    description: 'CSV for Excel in a decimal-comma locale (Dutch, Belgian): UTF-8 BOM, ";", CRLF, decimal commas',
    delimited: true,
    read: (target, options) => createDelimitedReader(';', target, options, true),
    write: (sink, options) => createDelimitedWriter(EXCEL_CSV_DIALECT, sink, options),
  },
  {
    name: 'tsv',
    extensions: ['tsv', 'tab'],
    description: 'tab-separated values (no quoting)',
    delimited: true,
    read: (target, options) => createDelimitedReader('\t', target, options),
    write: (sink, options) => createDelimitedWriter(TSV_DIALECT, sink, options),
  },
  {
    name: 'ndjson',
    extensions: ['ndjson', 'jsonl'],
    description: 'one JSON object per line',
    delimited: false,
    read: (target, options) => createNdjsonReader(target, options),
    write: (sink, options) => createNdjsonWriter(sink, options),
  },
  {
    name: 'sav',
    extensions: ['sav'],
    binary: true,
    description: 'SPSS system file (uncompressed or compressed; value labels give the coding)',
    read: (target, options) => createSavReader(target, options),
    write: (sink, options) => createSavWriter(sink, options),
  },
  {
    // A zip archive whose directory is at its end: read from a file by the Node layer
    // (loneliness-scales/node: scoreFile and the CLI), not from a byte stream.
    name: 'xlsx',
    extensions: ['xlsx'],
    binary: true,
    description: 'Excel workbook: first sheet or --sheet NAME|N',
  },
];

/**
 * The format named `name`; throws a `ScoringError` (`invalid_option`) listing the known ones.
 *
 * @example
 * ```ts
 * import { batchFormat } from 'loneliness-scales/batch/internal';
 * batchFormat('tsv').extensions; // ['tsv', 'tab']
 * ```
 */
export function batchFormat(name: string): FormatDefinition {
  const format = batchFormats.find((candidate) => candidate.name === name);
  if (format === undefined) {
    throw new ScoringError('invalid_option', `Unknown format "${String(name)}": ${batchFormats.map((known) => known.name).join(', ')}.`, { value: name });
  }
  return format;
}
