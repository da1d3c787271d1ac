import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { type BatchCounts, type BatchOptions, type TextFormat, createBatchScorer } from '../batch/index.js';
import { formatOfName } from './cli/io.js';

/** Options of {@link scoreFile}: the batch options, and the input format when the name does not tell. */
export interface ScoreFileOptions extends BatchOptions {
  /** Input format (default: by extension: .tsv/.tab TSV, .ndjson/.jsonl NDJSON, otherwise CSV). */
  readonly from?: TextFormat | undefined;
}

/**
 * Scores a CSV, TSV or NDJSON file into another file, streaming, in constant memory; resolves to
 * the counts (read, scored, not scored, bad). With `output: null`, nothing is written (use
 * `onRow`, e.g. with `createSummary`).
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
 * ```
 */
export async function scoreFile(inputPath: string, outputPath: string | null, options: ScoreFileOptions): Promise<BatchCounts> {
  const output = outputPath === null ? null : createWriteStream(outputPath);
  const ready: Uint8Array[] = [];
  const scorer = createBatchScorer(options.from ?? formatOfName(inputPath), options, (bytes) => ready.push(bytes.slice()));
  const drain = async () => {
    while (ready.length > 0) {
      const bytes = ready.shift() as Uint8Array;
      if (output !== null && !output.write(bytes)) await once(output, 'drain');
    }
  };
  try {
    for await (const chunk of createReadStream(inputPath, { highWaterMark: 1 << 20 })) {
      scorer.push(chunk as Uint8Array);
      await drain();
    }
    scorer.end();
    await drain();
  } finally {
    if (output !== null) {
      output.end();
      await once(output, 'close');
    }
  }
  return scorer.counts;
}
