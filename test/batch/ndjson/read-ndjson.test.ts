import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type BatchCounts, type InputEncoding, type RowProblem, type TextFormat, createBatchScorer } from '../../../src/batch/index.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../src/batch/ndjson/read-ndjson.js';

const row = JSON.stringify({ emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'nee', missPeople: 'ja', rejected: 'ja' }); // total 4

function score(format: TextFormat, chunks: (string | Uint8Array)[], output: TextFormat | null = null, maxRecordBytes?: number, encoding?: InputEncoding) {
  const problems: RowProblem[] = [];
  const parts: Uint8Array[] = [];
  const scorer = createBatchScorer(format, { scale: djg6, output, maxRecordBytes, encoding, onProblem: (problem) => problems.push(problem) }, (bytes) => parts.push(bytes.slice()));
  for (const chunk of chunks) scorer.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  scorer.end();
  const counts: BatchCounts = scorer.counts;
  return { counts, problems, output: new TextDecoder().decode(Buffer.concat(parts)) };
}

describe('NDJSON reading', () => {
  it.each([
    ['an array 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['an object 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['an unclosed array 100,000 deep', '['.repeat(100_000)],
  ])('issue 8 #4: %s is a malformed row with a reason; the other rows are scored', (_name, deep) => {
    const { counts, problems, output } = score('ndjson', [`${row}\n${deep}\n${row}\n`], 'ndjson');
    expect(counts).toEqual({ read: 3, scored: 2, notScored: 1, bad: 1 });
    expect(problems).toEqual([{ line: 2, code: 'malformed_row', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    expect(output.trimEnd().split('\n')).toHaveLength(3);
  });

  it('nesting is measured outside strings: brackets inside a string do not count', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '['.repeat(1000) }), 8)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: '\\"[[[[', a: [[[1]]] }), 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: '\\"[[[[', a: [[1]] }), 3)).toBe(false);
  });

  it('issue 8 #13: a line longer than maxRecordBytes is reported with its line and skipped; the lines after it are scored', () => {
    const long = JSON.stringify({ note: 'x'.repeat(5000) });
    const text = new TextEncoder().encode(`${row}\n${long}\n${row}\n`);
    const chunks = Array.from({ length: Math.ceil(text.length / 100) }, (_, index) => text.subarray(index * 100, index * 100 + 100));
    const { counts, problems } = score('ndjson', chunks, null, 1000);
    expect(counts).toEqual({ read: 3, scored: 2, notScored: 1, bad: 1 });
    expect(problems).toEqual([{ line: 2, code: 'malformed_row', message: 'line longer than 1000 bytes (maxRecordBytes): not read' }]);
  });

  it('reads a line split into many chunks once (property of the carry: same result as one chunk)', () => {
    const text = `${row}\n{"note":"${'y'.repeat(3000)}",${row.slice(1)}\n${row}`;
    const bytes = new TextEncoder().encode(text);
    const whole = score('ndjson', [bytes], 'ndjson');
    const pieces = score('ndjson', Array.from(bytes, (byte) => Uint8Array.of(byte)), 'ndjson');
    expect(pieces.output).toBe(whole.output);
    expect(pieces.counts).toEqual({ read: 3, scored: 3, notScored: 0, bad: 0 });
  });

  it('issue 8 (minor): invalid UTF-8 is reported (code invalid_utf8, a warning); the row is still scored', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(`${row.slice(0, -1)},"name":"`), 0xff, 0xfe, ...new TextEncoder().encode('"}\n')]);
    const { counts, problems, output } = score('ndjson', [bytes], 'ndjson');
    expect(counts).toEqual({ read: 1, scored: 1, notScored: 0, bad: 0 });
    expect(problems).toEqual([{ line: 1, code: 'invalid_utf8', message: expect.stringContaining('U+FFFD') }]);
    expect(JSON.parse(output).name).toBe('\uFFFD\uFFFD');
  });

  it('issue 8 (minor): invalid UTF-8 in a CSV cell written to NDJSON is reported with its line', () => {
    const head = new TextEncoder().encode('id,emptiness,leanOn,trust,closeTo,missPeople,rejected\nok,ja,ja,ja,nee,ja,ja\n');
    const bad = Uint8Array.from([0x61, 0xc3, 0x28, ...new TextEncoder().encode(',ja,ja,ja,nee,ja,ja\n')]);
    const { counts, problems } = score('csv', [head, bad], 'ndjson', undefined, 'utf-8');
    expect(counts.scored).toBe(2);
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([[3, 'invalid_utf8']]);
    // Left to detection, the same bytes are Windows-1252 text: "aÃ(", no warning.
    const detected = score('csv', [head, bad], 'ndjson');
    expect(detected.problems).toEqual([]);
    expect(JSON.parse(detected.output.trimEnd().split('\n')[1] as string).id).toBe('a\u00c3(');
  });
});
