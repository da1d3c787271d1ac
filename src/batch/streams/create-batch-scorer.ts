import { ScoringError } from '../../index.js';
import { createByteSink } from './byte-sink.js';
import { readDelimiter } from '../delimited/dialect.js';
import { createDecodingFront, readEncodingName } from './encoding.js';
import { batchFormat } from './format-registry.js';
import { type BatchOptions, type BatchScorer, DEFAULT_MAX_RECORD_BYTES, type TextFormat } from './batch-options.js';
import { createRowPipeline } from './row-pipeline.js';
import type { ReaderFactory } from './rows.js';

/**
 * Creates a streaming batch scorer for CSV, TSV or NDJSON bytes; output (by default in the input
 * format) goes to `emit` in large buffers, always UTF-8. The input's encoding (UTF-8 or
 * Windows-1252) and a CSV file's delimiter (`,` `;` tab `|`) are found from its first bytes and
 * header line unless named (`encoding`, `delimiter`). The input format's reader hands a header and rows to
 * one row pipeline (mapping, scoring, counts, strict mode, events), which hands each row and its
 * scores to the output format's writer; see `batchFormats`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer } from 'loneliness-scales/batch';
 * const scorer = createBatchScorer('tsv', { scale: djg6, output: null }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness\tleanOn\ttrust\tcloseTo\tmissPeople\trejected\nja\tja\tja\tnee\tja\tja\n'));
 * scorer.end();
 * scorer.counts; // { read: 1, scored: 1, notScored: 0, bad: 0 }
 * ```
 */
export function createBatchScorer(format: TextFormat, options: BatchOptions, emit: (bytes: Uint8Array) => void): BatchScorer {
  const input = batchFormat(format);
  if (input.read === undefined) {
    // Only .xlsx: a zip archive with its directory at its end.
    throw new ScoringError('invalid_option', `"${format}" files are read by loneliness-scales/node.`, { value: format });
  }
  return createReaderScorer(format, input.read, options, emit);
}

/**
 * A batch scorer over a given reader: what {@link createBatchScorer} builds for a format of the
 * registry, for readers that need more than bytes (an .xlsx sheet and its workbook's shared
 * strings). The output defaults to the input format when it can be written, else CSV.
 * @internal
 */
export function createReaderScorer(format: TextFormat, read: ReaderFactory, options: BatchOptions, emit: (bytes: Uint8Array) => void): BatchScorer {
  const outputName = options.output === undefined ? (batchFormat(format).write === undefined ? 'csv' : format) : options.output;
  const output = outputName === null ? null : batchFormat(outputName);
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (!Number.isSafeInteger(maxRecordBytes) || maxRecordBytes < 1) {
    throw new ScoringError('invalid_option', `maxRecordBytes must be a positive integer, not ${String(maxRecordBytes)}.`, { value: maxRecordBytes });
  }
  const input = batchFormat(format);
  const delimiter = options.delimiter === undefined ? undefined : readDelimiter(options.delimiter);
  if (delimiter !== undefined && !input.delimited) {
    throw new ScoringError('invalid_option', `A delimiter applies to delimited input (csv, tsv), not to ${format}.`, { path: 'delimiter', value: options.delimiter });
  }
  const named = options.encoding === undefined ? 'auto' : readEncodingName(options.encoding);
  // SPSS and Excel files are binary and name their own encoding: their bytes pass untouched.
  const binary = input.binary === true;
  if (binary && named !== 'auto') {
    throw new ScoringError('invalid_option', `An encoding applies to text input (csv, tsv, ndjson), not to ${format}: the file names its own.`, { path: 'encoding', value: options.encoding });
  }
  // JSON text is UTF-8 (RFC 8259): NDJSON is read as UTF-8 unless an encoding is named.
  const encoding = named === 'auto' && !input.delimited ? 'utf-8' : named;
  if (output !== null && output.write === undefined) throw new ScoringError('invalid_option', `The format "${output.name}" cannot be written.`, { value: output.name });
  const sink = createByteSink(emit);
  const writer = output?.write?.(sink, { prefix: options.prefix ?? '', language: options.language ?? 'en' }) ?? null;
  const pipeline = createRowPipeline(options, writer);
  const { onDialect } = options;
  const reader = read(pipeline, { maxRecordBytes, delimiter, onDialect, allocate: sink.inputBuffer });
  // Text reaches the reader as UTF-8: a Windows-1252 input is transcoded once, in front of it.
  const front = binary ? { push: reader.push, end: () => undefined } : createDecodingFront(encoding, reader.push, (decision) => onDialect?.({ kind: 'encoding', ...decision }));
  return {
    push: front.push,
    end: () => {
      front.end();
      reader.end();
      writer?.end();
      sink.flush();
    },
    counts: pipeline.counts,
  };
}
