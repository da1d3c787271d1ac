import type { Coding } from '../../index.js';
import { type BatchCounts, type BatchOptions, type DialectNote, type RowProblem, _createReaderScorer as createReaderScorer, createBatchScorer } from '../../batch/index.js';
import type { CommandIo } from './command.js';
import { scorerOutput } from '../output-file.js';
import type { OpenedInput, Output } from './io.js';
import { createProgress } from './progress.js';

/** Bad rows reported one by one on stderr before the rest are only counted. */
const REPORTED_ROWS = 20;

/**
 * Streams an input through a batch scorer into an output, with a progress bar and per-row
 * messages on stderr. Throws what the scorer throws (a mapping error before the first row, a
 * `BadRowError` in strict mode).
 */
export async function runBatch(
  input: OpenedInput,
  output: Output | null,
  options: BatchOptions,
  io: CommandIo,
  { quiet, verbose = false }: { readonly quiet: boolean; readonly verbose?: boolean },
): Promise<BatchCounts> {
  const progress = createProgress(io, input.size, quiet);
  // Said once: how the input was read. A Windows-1252 file is told always (unless --quiet), the rest under --verbose.
  const onDialect = (note: DialectNote) => {
    if (quiet) return;
    const line = describeDialect(note, input.name, verbose);
    if (line !== '') {
      progress.done();
      io.stderr.write(line);
    }
  };
  let reported = 0;
  let codingRequired = false;
  let invalidUtf8 = false;
  const onProblem = (problem: RowProblem) => {
    reported++;
    if (problem.code === 'coding_required') codingRequired = true;
    if (problem.code === 'invalid_utf8') invalidUtf8 = true;
    if (!quiet && reported <= REPORTED_ROWS) io.stderr.write(`${input.name}:${problem.line}: ${problem.message}\n`);
  };
  const { emit, drain, waiting } = scorerOutput(output);
  const onCoding = (coding: Coding) => {
    if (!quiet) io.stderr.write(`${input.name}: the coding is read from the file's ${coding.name}.\n`);
  };
  const scorer =
    input.read === undefined
      ? createBatchScorer(input.format, { ...options, onProblem, onDialect, onCoding }, emit)
      : createReaderScorer(input.format, input.read, { ...options, onProblem, onDialect, onCoding }, emit);
  let bytes = 0;
  try {
    for await (const chunk of input.chunks) {
      const data = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      bytes += data.length;
      scorer.push(data);
      if (waiting()) await drain();
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
  if (!quiet && invalidUtf8) {
    io.stderr.write('Some rows hold bytes that are not UTF-8, written as U+FFFD: if the file is Windows-1252, give --encoding windows-1252.\n');
  }
  return scorer.counts;
}

/** One stderr line about how the input was read, or `''` when there is nothing to say. */
function describeDialect(note: DialectNote, name: string, verbose: boolean): string {
  if (note.kind === 'encoding') {
    if (note.encoding === 'windows-1252' && note.detected) {
      return `${name}: not UTF-8; read as Windows-1252 (give --encoding utf-8 or --encoding windows-1252 to choose).\n`;
    }
    if (note.encoding.startsWith('utf-16')) return `${name}: read as ${note.encoding.toUpperCase()} (its byte order mark says so).\n`;
    return verbose ? `${name}: encoding ${note.encoding}${note.detected ? ' (found from the bytes)' : ''}.\n` : '';
  }
  if (!verbose) return '';
  if (note.kind === 'delimiter') {
    const shown = note.delimiter === '\t' ? 'tab' : `"${note.delimiter}"`;
    return `${name}: delimiter ${shown}${note.detected ? ' (found from the header line)' : ''}.\n`;
  }
  return note.mapping.map((column) => `${name}: item ${column.key} <- column ${column.index + 1} "${column.column}"${column.matchedBy === 'text' ? ' (by its question text)' : ''}\n`).join('');
}
