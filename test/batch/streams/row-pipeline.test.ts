import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScaleDefinition, createScorer, djg11, djg6 } from '../../../src/index.js';
import { type RowEvent, createBatchScorer } from '../../../src/batch/index.js';

/** The MANUAL's codes (1 = no, 2 = more or less, 3 = yes), blanks, a missing code and an invalid one. */
const answer = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('1', '2', '3') }, { weight: 2, arbitrary: fc.constantFrom('', '-1') }, { weight: 1, arbitrary: fc.constantFrom('7', 'x') });

interface Seen {
  readonly total: number | null;
  readonly emotional: number | null;
  readonly social: number | null;
  readonly category: string | null;
  readonly missing: number | null;
  readonly reason: string | null;
  readonly code: string | null;
}

/** Scores every row of a CSV file through the batch scorer, as its row events see them. */
function batchScores(scale: ScaleDefinition, missing: { total: number; subscale: number } | undefined, rows: readonly (readonly string[])[]): Seen[] {
  const keys = scale.items.map((item) => item.key);
  const csv = `${keys.join(',')}\n${rows.map((row) => row.join(',')).join('\n')}\n`;
  const seen: Seen[] = [];
  const batch = createBatchScorer(
    'csv',
    {
      scale,
      scoring: { coding: 'manual', ...(missing === undefined ? {} : { missing }) },
      output: null,
      onRow: ({ scores }: RowEvent) =>
        seen.push({
          total: scores.total,
          emotional: scores.emotional,
          social: scores.social,
          category: scores.category?.label.en ?? null,
          missing: scores.missingItems,
          reason: scores.reason,
          code: scores.errorCode,
        }),
    },
    () => undefined,
  );
  batch.push(new TextEncoder().encode(csv));
  batch.end();
  return seen;
}

describe('row pipeline: scores kept by answer pattern', () => {
  it('rows that repeat an answer pattern get the scores the core gives each of them (property, many rows per file)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(djg6, djg11),
        fc.constantFrom(undefined, { total: 2, subscale: 1 }),
        // Few distinct rows, repeated in a shuffled order: most rows meet a pattern already scored.
        fc.array(fc.array(answer, { minLength: 11, maxLength: 11 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 50, maxLength: 200 }),
        (scale, missing, distinct, picks) => {
          const width = scale.items.length;
          const rows = picks.map((pick) => (distinct[pick % distinct.length] as string[]).slice(0, width));
          const scorer = createScorer(scale, { coding: 'manual', ...(missing === undefined ? {} : { missing }) });
          const keys = scale.items.map((item) => item.key);
          const expected = rows.map((row): Seen => {
            const outcome = scorer.safeScore(Object.fromEntries(keys.map((key, index) => [key, row[index]])));
            if (!outcome.success) return { total: null, emotional: null, social: null, category: null, missing: null, reason: outcome.error.message, code: outcome.error.code };
            const { data } = outcome;
            const total = data.total;
            return {
              total,
              emotional: data.emotional,
              social: data.social,
              category: data.category?.label.en ?? null,
              missing: data.missingItems.length,
              reason: total === null ? expect.stringContaining(`${data.missingItems.length} of ${width} items missing`) : null,
              code: null,
            };
          });
          expect(batchScores(scale, missing, rows)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a row with an invalid answer between rows of the same pattern keeps its own error, and the rows after it their scores', () => {
    const plain = ['1', '3', '3', '1', '1', '1'];
    const seen = batchScores(djg6, undefined, [plain, ['1', '3', '7', '1', '1', '1'], plain, plain]);
    expect(seen.map((row) => row.code)).toEqual([null, 'unknown_code', null, null]);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[3]).toEqual(seen[0]);
    const keys = djg6.items.map((item) => item.key);
    const outcome = createScorer(djg6, { coding: 'manual' }).safeScore(Object.fromEntries(keys.map((key, index) => [key, plain[index]])));
    expect(seen[0]?.total).toBe(outcome.success ? outcome.data.total : 'an error');
  });
});
