// Types of the batch API (checked by tsc).
import { expectTypeOf } from 'vitest';
import { djg6 } from '../../src/index.js';
import { type ColumnarScores, type RowScores, type TextFormat, scoreColumns, scoreRecords } from '../../src/batch/index.js';

interface SurveyRow {
  readonly id: string;
  readonly emptiness: number;
}
declare const rows: SurveyRow[];
for (const scored of scoreRecords(djg6, rows)) {
  // The input record keeps its type; scores are the flat row scores.
  expectTypeOf(scored.record).toEqualTypeOf<SurveyRow>();
  expectTypeOf(scored.scores).toEqualTypeOf<RowScores>();
  expectTypeOf(scored.scores.total).toEqualTypeOf<number | null>();
}
expectTypeOf(scoreColumns(djg6, { emptiness: Int8Array.of(1) })).toEqualTypeOf<ColumnarScores>();
expectTypeOf<TextFormat>().toEqualTypeOf<'csv' | 'excel-csv' | 'tsv' | 'ndjson' | 'sav' | 'xlsx'>();
// @ts-expect-error: columns hold codes, not labels
scoreColumns(djg6, { emptiness: ['ja'] });
