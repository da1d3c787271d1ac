import { createDelimitedScorer } from '../delimited/score-delimited.js';
import { createNdjsonScorer } from '../ndjson/score-ndjson.js';
import type { BatchOptions, BatchScorer, TextFormat } from './options.js';

/**
 * Creates a streaming batch scorer for CSV, TSV or NDJSON bytes; output (by default in the input
 * format) goes to `emit` in large buffers.
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
  if (format === 'ndjson') return createNdjsonScorer(options, emit);
  if (format === 'csv' || format === 'tsv') return createDelimitedScorer(format, options, emit);
  throw new RangeError(`Unknown format "${String(format)}": csv, tsv or ndjson.`);
}
