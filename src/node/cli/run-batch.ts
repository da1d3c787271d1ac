import { type BatchCounts, type BatchOptions, type RowProblem, _createReaderScorer as createReaderScorer, createBatchScorer } from '../../batch/index.js';
import type { CommandIo } from './command.js';
import type { OpenedInput, Output } from './io.js';
import { createProgress } from './progress.js';

/** Bad rows reported one by one on stderr before the rest are only counted. */
const REPORTED_ROWS = 20;

/**
 * Streams an input through a batch scorer into an output, with a progress bar and per-row
 * messages on stderr. Throws what the scorer throws (a mapping error before the first row, a
 * `BadRowError` in strict mode).
 */
export async function runBatch(input: OpenedInput, output: Output | null, options: BatchOptions, io: CommandIo, quiet: boolean): Promise<BatchCounts> {
  const progress = createProgress(io, input.size, quiet);
  let reported = 0;
  let codingRequired = false;
  const onProblem = (problem: RowProblem) => {
    reported++;
    if (problem.code === 'coding_required') codingRequired = true;
    if (!quiet && reported <= REPORTED_ROWS) io.stderr.write(`${input.name}:${problem.line}: ${problem.message}\n`);
  };
  const ready: Uint8Array[] = [];
  // A file is written as the bytes come; a stream gets copies, written with back-pressure.
  const emit = output === null ? () => undefined : output.sync ? (bytes: Uint8Array) => void output.write(bytes) : (bytes: Uint8Array) => void ready.push(bytes.slice());
  const scorer =
    input.read === undefined ? createBatchScorer(input.format, { ...options, onProblem }, emit) : createReaderScorer(input.format, input.read, { ...options, onProblem }, emit);
  const drain = async () => {
    while (ready.length > 0) {
      const pending = output?.write(ready.shift() as Uint8Array);
      if (pending !== undefined) await pending;
    }
  };
  let bytes = 0;
  try {
    for await (const chunk of input.chunks) {
      const data = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      bytes += data.length;
      scorer.push(data);
      if (ready.length > 0) await drain();
      progress.update(bytes, scorer.counts.read);
    }
    scorer.end();
    await drain();
  } finally {
    progress.done();
  }
  if (!quiet && reported > REPORTED_ROWS) io.stderr.write(`… and ${reported - REPORTED_ROWS} more bad rows (${reported} in all).\n`);
  if (!quiet && codingRequired) {
    io.stderr.write('The data holds numeric codes: name their coding with --coding (manual: 1 = no, 2 = more or less, 3 = yes; rivm: 1 = ja, 2 = min of meer, 3 = nee; manual5, rivm5; or code=label pairs).\n');
  }
  return scorer.counts;
}
