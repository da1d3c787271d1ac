import { describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../../src/index.js';
import { BadRowError, createBatchScorer, scoreRecordsAsync, scoreText, scoringTransform } from '../../../src/batch/index.js';

const header = 'emptiness,leanOn,trust,closeTo,missPeople,rejected';
const seed = 'ja,ja,ja,min of meer,ja,ja'; // SEED worked example: total 4
const decode = (chunks: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(chunks));

describe('streaming APIs', () => {
  it('scoreText reads a Web ReadableStream in small chunks and counts rows (SEED worked example: total 4)', async () => {
    const bytes = new TextEncoder().encode(`${header}\n${seed}\n${seed}\n`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 7) controller.enqueue(bytes.slice(offset, offset + 7));
        controller.close();
      },
    });
    const counts = { read: 0, scored: 0, notScored: 0, bad: 0 };
    const chunks: Uint8Array[] = [];
    for await (const chunk of scoreText(stream, 'csv', { scale: djg6 }, counts)) chunks.push(chunk);
    expect(decode(chunks).split('\n')[1]).toBe(`${seed},4,3,1,1,moderately lonely,0,`);
    expect(counts).toEqual({ read: 2, scored: 2, notScored: 0, bad: 0 });
  });

  it('scoringTransform pipes through a TransformStream', async () => {
    const input = new Blob([`${header}\n${seed}\n`]).stream();
    const output = await new Response(input.pipeThrough(scoringTransform('csv', { scale: djg6, language: 'nl' }))).text();
    expect(output).toContain('4,3,1,1,matig eenzaam,0,');
  });

  it('NDJSON in, NDJSON out: every line once, a broken line kept as _raw with a reason', async () => {
    const text = `{"emptiness":"ja","leanOn":"ja","trust":"ja","closeTo":"nee","missPeople":"ja","rejected":"ja"}\n{oops\n`;
    const chunks: Uint8Array[] = [];
    for await (const chunk of scoreText(text, 'ndjson', { scale: djg6 })) chunks.push(chunk);
    const lines = decode(chunks).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines[0].total).toBe(4);
    expect(lines[1]).toMatchObject({ _raw: '{oops', total: null });
    expect(lines[1].reason).toMatch(/^not JSON/);
  });

  it('the mapping is checked before the first row: a missing column throws the core’s ScoringError (missing_column)', () => {
    const scorer = createBatchScorer('csv', { scale: djg6 }, () => undefined);
    expect(() => scorer.push(new TextEncoder().encode('emptiness,leanOn\nja,ja\n'))).toThrow(ScoringError);
  });

  it('strict mode throws a BadRowError with the line of the first bad row', () => {
    const scorer = createBatchScorer('csv', { scale: djg6, strict: true }, () => undefined);
    try {
      scorer.push(new TextEncoder().encode(`${header}\n${seed}\nja,ja,perhaps,ja,ja,ja\n`));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRowError);
      expect((error as BadRowError).line).toBe(3);
    }
  });

  it('scoreRecordsAsync scores an async iterable, one result per record, in order', async () => {
    async function* rows() {
      yield { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' };
      yield { emptiness: 'maybe', leanOn: 'ja', trust: 'ja', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' };
    }
    const results = [];
    for await (const { scores } of scoreRecordsAsync(djg6, rows())) results.push([scores.total, scores.errorCode]);
    expect(results).toEqual([[4, null], [null, 'unknown_answer']]);
  });
});
