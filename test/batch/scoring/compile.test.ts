import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CodingPreset, type ScaleDefinition, createScorer, defineCoding, djg11, djg6 } from '../../../src/index.js';
import { DEFAULT_MISSING_VALUES, type RowEvent, createBatchScorer, scoreColumns, scoreRecords } from '../../../src/batch/index.js';

/** Cells as survey files hold them: codes, missing codes, labels in any case, blanks, junk. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('1', '2', '3', '4', '5') },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '-1', '-3', '-4', '-9', '0', '9', '99', '-0', '01', '+2', '2.0', ' 3 ', '1e0', '-128', '200', '-200', 'NA', ' na ', '.') },
  { weight: 2, arbitrary: fc.constantFrom('ja', 'Nee', 'min of meer', 'YES', ' no ', 'more or less', 'ja!', 'nee!', 'meer of minder', 'somewhat') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).filter((text) => !/[,"\n\r]/.test(text)) },
);

const scales: readonly ScaleDefinition[] = [djg6, djg11];
const codingNames: readonly (CodingPreset | undefined)[] = [undefined, 'manual', 'rivm', 'manual5', 'rivm5'];
const custom = defineCoding({ name: 'survey', codes: { 0: 'nee', 1: 'min of meer', 2: 'ja' }, missingCodes: [9, 99] });

describe('batch scoring equals the core scorer (createScorer) on every row', () => {
  it('CSV path: same scores, category, missing count and error code for random rows with junk (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scales),
        fc.constantFrom<CodingPreset | typeof custom | undefined>(...codingNames, custom),
        fc.constantFrom(undefined, { total: 2, subscale: 1 }),
        fc.array(fc.array(cell, { minLength: 11, maxLength: 11 }), { minLength: 1, maxLength: 30 }),
        (scale, coding, missing, rows) => {
          const options = { coding, ...(missing === undefined ? {} : { missing }) };
          const scorer = createScorer(scale, options);
          const keys = scale.items.map((item) => item.key);
          const csv = `${keys.join(',')}\n${rows.map((row) => keys.map((_, index) => row[index]).join(',')).join('\n')}\n`;
          const events: { total: number | null; emotional: number | null; social: number | null; category: number | null; missing: number | null; code: string | null }[] = [];
          const batch = createBatchScorer('csv', {
            scale,
            scoring: options,
            output: null,
            onRow: (row: RowEvent) =>
              events.push({
                total: row.scores.total,
                emotional: row.scores.emotional,
                social: row.scores.social,
                category: row.scores.category?.code ?? null,
                missing: row.scores.missingItems,
                code: row.scores.errorCode,
              }),
          }, () => undefined);
          batch.push(new TextEncoder().encode(csv));
          batch.end();
          // The batch readers' default missing-value markers (NA, .) are blank cells to the core.
          const unmarked = (text: string | undefined) => (DEFAULT_MISSING_VALUES.some((marker) => marker.toLowerCase() === text?.trim().toLowerCase()) ? '' : text);
          const expected = rows.map((row) => {
            const answers = Object.fromEntries(keys.map((key, index) => [key, unmarked(row[index])]));
            const outcome = scorer.safeScore(answers);
            if (!outcome.success) return { total: null, emotional: null, social: null, category: null, missing: null, code: outcome.error.code };
            const { data } = outcome;
            return { total: data.total, emotional: data.emotional, social: data.social, category: data.category?.code ?? null, missing: data.missingItems.length, code: null };
          });
          expect(events).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('records and columnar paths: same totals as the core for numbers, nulls and NaN (property)', () => {
    const value = fc.oneof(fc.constantFrom(1, 2, 3, -1, -3, 0, 4, 2.5, Number.NaN), fc.constant(null), fc.integer({ min: -300, max: 300 }));
    fc.assert(
      fc.property(fc.constantFrom(...scales), fc.array(fc.array(value, { minLength: 11, maxLength: 11 }), { minLength: 1, maxLength: 40 }), (scale, rows) => {
        const scorer = createScorer(scale, { coding: 'manual' });
        const keys = scale.items.map((item) => item.key);
        const records = rows.map((row) => Object.fromEntries(keys.map((key, index) => [key, row[index]])));
        const expected = records.map((record) => {
          const outcome = scorer.safeScore(record);
          return outcome.success ? outcome.data.total : outcome.error.code;
        });
        const fromRecords = [...scoreRecords(scale, records, { scoring: { coding: 'manual' } })].map(({ scores }) => scores.errorCode ?? scores.total);
        expect(fromRecords).toEqual(expected);
        const columns = Object.fromEntries(keys.map((key, index) => [key, rows.map((row) => row[index])]));
        const columnar = scoreColumns(scale, columns, { scoring: { coding: 'manual' } });
        const fromColumns = Array.from(columnar.total, (total, row) => columnar.invalid.get(row)?.code ?? (total === -1 ? null : total));
        expect(fromColumns).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
