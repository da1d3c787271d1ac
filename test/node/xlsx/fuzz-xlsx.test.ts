import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ScoringError, djg6 } from '../../../src/index.js';
import { createReaderScorer } from '../../../src/batch/internal.js';
import { openXlsx } from '../../../src/node/xlsx/read-xlsx.js';
import { makeWorkbooks, skipWithoutOpenpyxl } from './workbooks.js';

const runs = Number(process.env['FUZZ_RUNS'] ?? 150);

/** Scores damaged workbook bytes to CSV; what it threw, or `undefined` when it finished. */
async function scoreBytes(bytes: Uint8Array, sheet?: string): Promise<unknown> {
  let output = 0;
  try {
    const input = openXlsx(bytes, 'damaged.xlsx', sheet);
    const scorer = createReaderScorer('xlsx', input.read, { scale: djg6, columns: { by: 'number', pattern: 'vraag{n}' }, output: 'csv' }, (chunk) => (output += chunk.length));
    for await (const chunk of input.chunks) scorer.push(chunk);
    scorer.end();
    expect(scorer.counts.read).toBeGreaterThanOrEqual(0);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Only a `ScoringError` with a message may come out of a damaged file: no TypeError, RangeError or zlib error. */
function expectOnlyScoringError(thrown: unknown): void {
  if (thrown === undefined) return;
  expect(thrown, String(thrown)).toBeInstanceOf(ScoringError);
  expect((thrown as ScoringError).message.length).toBeGreaterThan(10);
}

describe.skipIf(skipWithoutOpenpyxl)('damaged .xlsx files: never a crash, never a hang, only a ScoringError', () => {
  const { directory } = skipWithoutOpenpyxl ? { directory: '' } : makeWorkbooks();
  afterAll(() => directory !== '' && rmSync(directory, { recursive: true, force: true }));

  it.each(['enquete-shared.xlsx', 'enquete-stored.xlsx', 'bad-cells.xlsx'])('%s cut off at any length', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(directory, name)));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (length) => {
        const thrown = await scoreBytes(bytes.subarray(0, length));
        // The zip directory is at the end: a cut-off file is always refused, with a reason.
        expect(thrown).toBeInstanceOf(ScoringError);
        expect(thrown).toMatchObject({ code: 'unreadable_input' });
      }),
      { numRuns: runs },
    );
  });

  it.each(['enquete-shared.xlsx', 'enquete-stored.xlsx', 'bad-cells.xlsx'])('%s with bits flipped anywhere, or bytes overwritten', async (name) => {
    const original = new Uint8Array(readFileSync(join(directory, name)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 7 }), fc.option(fc.integer({ min: 0, max: 255 }))), { minLength: 1, maxLength: 8 }),
        async (changes) => {
          const bytes = original.slice();
          for (const [offset, bit, replacement] of changes) bytes[offset] = replacement ?? (bytes[offset] as number) ^ (1 << bit);
          expectOnlyScoringError(await scoreBytes(bytes));
          expectOnlyScoringError(await scoreBytes(bytes, '2'));
        },
      ),
      { numRuns: runs },
    );
  });
});
