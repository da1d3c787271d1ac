import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { type BatchOptions, createBatchScorer, createDelimitedTokenizer, encodeCell, fieldText, isFormulaLike } from '../../../src/batch/internal.js';

function scoreCsv(text: string, options: Omit<BatchOptions, 'scale'> = {}): string[][] {
  const parts: Uint8Array[] = [];
  const scorer = createBatchScorer('csv', { scale: djg6, ...options }, (bytes: Uint8Array) => parts.push(bytes.slice()));
  scorer.push(new TextEncoder().encode(text));
  scorer.end();
  const rows: string[][] = [];
  const tokenizer = createDelimitedTokenizer((record) => rows.push(Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field))));
  for (const part of parts) tokenizer.push(part);
  tokenizer.end();
  return rows;
}

describe('CSV scoring output', () => {
  it('keeps every row, in order, and every cell: unchanged, or neutralised when formula-like (property)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('=1+1', '@SUM(A1)', '+x', '-1', '-', 'r-1', 'a,b', 'say "x"', 'two\nlines'));
    const answer = fc.constantFrom('ja', 'nee', 'min of meer', '', 'maybe');
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.array(answer, { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 20 }), (rows) => {
        const header = 'id,emptiness,leanOn,trust,closeTo,missPeople,rejected';
        const text = `${header}\n${rows.map(([id, answers]) => [encodeCell(id, ','), ...answers].join(',')).join('\n')}\n`;
        const output = scoreCsv(text);
        expect(output).toHaveLength(rows.length + 1);
        rows.forEach(([id, answers], index) => {
          const row = output[index + 1] as string[];
          expect(row).toHaveLength(14);
          // encodeCell already neutralised the id on the way in; it is not neutralised twice.
          const written = isFormulaLike(id) ? `'${id}` : id;
          expect(row[0]).toBe(written);
          expect(row.slice(1, 7)).toEqual(answers);
          for (const value of row) expect(isFormulaLike(value)).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV scoring: one-byte cells read once per item and byte', () => {
  it('scores one-byte and longer cells as the core does, row after row, and reports an invalid one-byte cell on every row it is in (property; MANUAL §4 missing-answer rule)', async () => {
    const { score, ScoringError } = await import('../../../src/index.js');
    const items = ['emptiness', 'leanOn', 'trust', 'closeTo', 'missPeople', 'rejected'] as const;
    const cells = fc.constantFrom('1', '2', '3', '7', '0', 'x', '', '-1', '9', '.', 'NA', '3 ', 'ja');
    fc.assert(
      fc.property(fc.array(fc.array(cells, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (rows) => {
        const text = `${items.join(',')}\n${rows.map((row) => row.join(',')).join('\n')}\n`;
        const problems: { line: number; code: string }[] = [];
        const output = scoreCsv(text, { scoring: { coding: 'manual' }, onProblem: (problem) => problems.push(problem) });
        rows.forEach((row, index) => {
          // NA and . are the default missing-value markers: missing answers, as an empty cell.
          const answers = Object.fromEntries(items.map((item, at) => [item, row[at] === 'NA' || row[at] === '.' ? '' : row[at]]));
          let expected: { total: number | null; code: string | null };
          try {
            const result = score(djg6, answers as never, { coding: 'manual' });
            expected = { total: result.total, code: null };
          } catch (error) {
            if (!(error instanceof ScoringError)) throw error;
            expected = { total: null, code: error.code };
          }
          const written = output[index + 1] as string[];
          expect(written[6] === '' ? null : Number(written[6])).toBe(expected.total);
          expect(problems.find((problem) => problem.line === index + 2)?.code ?? null).toBe(expected.code);
        });
      }),
      { numRuns: 300 },
    );
  });
});
