import type { BatchCounts, BatchOptions, TextFormat } from './batch-options.js';
import { createBatchScorer } from './create-batch-scorer.js';

/** Chunks from anywhere: a Web `ReadableStream`, a Node stream, any (async) iterable of bytes or text. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const encoder = /* @__PURE__ */ new TextEncoder();

async function* chunksOf(source: ByteSource | string): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    yield encoder.encode(source);
    return;
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function' && !(Symbol.asyncIterator in source)) {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/**
 * Scores tabular text from any byte source (Web or Node stream, async iterable, or a string) and
 * yields the output in large chunks: every input row once, in order, with the score columns.
 * `counts` (read, scored, not scored, bad) is filled in as rows are scored.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoreText } from 'loneliness-scales/batch';
 * const counts = { read: 0, scored: 0, notScored: 0, bad: 0 };
 * let out = '';
 * for await (const chunk of scoreText('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n', 'csv', { scale: djg6 }, counts)) {
 *   out += new TextDecoder().decode(chunk);
 * }
 * out.split('\n')[1]; // 'ja,ja,ja,nee,ja,ja,4,3,1,1,moderately lonely,0,'
 * ```
 */
export async function* scoreText(
  source: ByteSource | string,
  format: TextFormat,
  options: BatchOptions,
  counts?: BatchCounts,
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const scorer = createBatchScorer(format, options, (bytes) => ready.push(bytes.slice()));
  for await (const chunk of chunksOf(source)) {
    scorer.push(chunk);
    while (ready.length > 0) yield ready.shift() as Uint8Array;
    if (counts !== undefined) Object.assign(counts, scorer.counts);
  }
  scorer.end();
  if (counts !== undefined) Object.assign(counts, scorer.counts);
  while (ready.length > 0) yield ready.shift() as Uint8Array;
}

/**
 * A Web `TransformStream` that scores CSV, TSV or NDJSON bytes — for `fetch` bodies, files in the
 * browser, or `ReadableStream.pipeThrough`.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { scoringTransform } from 'loneliness-scales/batch';
 * const file = new Blob(['emptiness,leanOn,trust,closeTo,missPeople,rejected\n3,3,3,2,3,3\n']); // or a fetch() body
 * const scored = file.stream().pipeThrough(scoringTransform('csv', { scale: djg6, scoring: { coding: 'manual' } }));
 * (await new Response(scored).text()).split('\n')[1]; // '3,3,3,2,3,3,4,3,1,1,moderately lonely,0,'
 * ```
 */
export function scoringTransform(format: TextFormat, options: BatchOptions): TransformStream<Uint8Array, Uint8Array> {
  let scorer: ReturnType<typeof createBatchScorer> | undefined;
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      scorer = createBatchScorer(format, options, (bytes) => controller.enqueue(bytes.slice()));
    },
    transform(chunk) {
      scorer?.push(chunk);
    },
    flush() {
      scorer?.end();
    },
  });
}
