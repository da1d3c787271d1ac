import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScoringError } from '../index.js';
import { type BatchCounts, type BatchOptions, type TextFormat, _createReaderScorer as createReaderScorer, createBatchScorer } from '../batch/index.js';
import { defaultOutputFormat, formatOfName } from './cli/io.js';
import { type FileIdentity, openOutputFile, scorerOutput } from './output-file.js';
import { openXlsx } from './xlsx/read-xlsx.js';

/** Options of {@link scoreFile}: the batch options, and the input format when the name does not tell. */
export interface ScoreFileOptions extends BatchOptions {
  /** Input format (default: by extension: .tsv/.tab TSV, .ndjson/.jsonl NDJSON, .sav SPSS, .xlsx Excel, otherwise CSV). */
  readonly from?: TextFormat | undefined;
  /**
   * The sheet of an .xlsx input: its name, or its 1-based tab position (default: the first sheet).
   * An unknown sheet rejects with a `ScoringError` `invalid_option` listing the sheets.
   */
  readonly sheet?: string | number | undefined;
  /** Stops the run: the promise rejects with the signal's reason and no output file is left. */
  readonly signal?: AbortSignal | undefined;
  /** Flush the output to disk before the rename, so that a crash of the machine cannot leave an empty file (default `false`). */
  readonly fsync?: boolean | undefined;
}

/**
 * Scores a CSV, TSV or NDJSON file, or a sheet of an .xlsx workbook, into another file, streaming,
 * in constant memory (an .xlsx file: its shared strings held, its sheet streamed); resolves to
 * the counts (read, scored, not scored, bad). With `output: null`, nothing is written (use
 * `onRow`, e.g. with `createSummary`). Output from .xlsx input is CSV unless `output` says otherwise.
 *
 * The output file is written beside its name and renamed over it only when the run is complete:
 * when the promise rejects, no file at `outputPath` was created or changed. Rejects with a
 * `ScoringError`: `same_file` when the output is the input (links resolved), `unreadable_input`
 * (a missing input, a directory), `unwritable_output` (a missing directory, no permission, a
 * full disk), or the batch's own errors (`missing_column`, …). The input may be a FIFO.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { djg6 } from 'loneliness-scales';
 * import { scoreFile } from 'loneliness-scales/node';
 * const survey = join(tmpdir(), 'survey.csv');
 * writeFileSync(survey, 'id,lone3,lone4,lone7,lone8,lone9,lone10\n1,3,3,3,2,3,3\n');
 * const counts = await scoreFile(survey, join(tmpdir(), 'scored.csv'), { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } });
 * counts.scored; // 1
 * await scoreFile(survey, survey, { scale: djg6 }).catch((error) => error.code); // 'same_file'
 * ```
 */
export async function scoreFile(inputPath: string, outputPath: string | null, options: ScoreFileOptions): Promise<BatchCounts> {
  options.signal?.throwIfAborted();
  const input = identityOfInput(inputPath);
  // Opened before reading: a missing directory or the input as output rejects before any work.
  const output = outputPath === null ? null : await openOutputFile(outputPath, { input, inputName: inputPath, fsync: options.fsync });
  const cleanups: (() => void)[] = [];
  try {
    const { emit, drain } = scorerOutput(output);
    const from = options.from ?? formatOfName(inputPath);
    // SPSS input goes to SPSS only when the output is named .sav (or `output` says so); .xlsx input to CSV.
    const scoring = options.output === undefined ? { ...options, output: defaultOutputFormat(outputPath, from) } : options;
    const workbook = from === 'xlsx' ? openXlsx(inputPath, inputPath, options.sheet) : null;
    if (workbook !== null) cleanups.push(workbook.close);
    const scorer = workbook === null ? createBatchScorer(from, scoring, emit) : createReaderScorer(from, workbook.read, scoring, emit);
    for await (const chunk of workbook === null ? readInput(inputPath, options.signal) : abortable(workbook.chunks, options.signal)) {
      scorer.push(chunk);
      await drain();
    }
    scorer.end();
    await drain();
    options.signal?.throwIfAborted();
    await output?.commit();
    return scorer.counts;
  } finally {
    output?.discard();
    for (const cleanup of cleanups) cleanup();
  }
}

/** Chunks until the signal aborts (then its reason is thrown). */
async function* abortable(chunks: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    yield chunk;
  }
}

/** Checks that the input can be read before an output is created; its identity when a regular file. */
function identityOfInput(inputPath: string): FileIdentity | undefined {
  let stats;
  try {
    stats = statSync(inputPath, { bigint: true });
  } catch (error) {
    throw new ScoringError('unreadable_input', `Cannot read ${inputPath}: ${(error as Error).message}.`, { value: resolve(inputPath) });
  }
  if (stats.isDirectory()) throw new ScoringError('unreadable_input', `Cannot read ${inputPath}: it is a directory.`, { value: resolve(inputPath) });
  return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : undefined;
}

/** The input's chunks; a failed read is `unreadable_input`, an abort the signal's reason. */
async function* readInput(inputPath: string, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(inputPath, { highWaterMark: 1 << 20, signal })) yield chunk as Uint8Array;
  } catch (error) {
    if (signal?.aborted === true) throw signal.reason;
    throw new ScoringError('unreadable_input', `Cannot read ${inputPath}: ${(error as Error).message}.`, { value: resolve(inputPath) });
  }
}
