import { describe, expect, it } from 'vitest';
import { djg6 } from '../../../src/index.js';
import { BadRowError, type RowProblem, batchFormat, batchFormats, createBatchScorer } from '../../../src/batch/internal.js';

const header = 'emptiness,leanOn,trust,closeTo,missPeople,rejected';

describe('row problems carry their code (issue 9: one row pipeline)', () => {
  it('onProblem receives { line, code, message }: coding_required for numeric data without a coding, unknown_answer, malformed_row', () => {
    const problems: RowProblem[] = [];
    const scorer = createBatchScorer('csv', { scale: djg6, output: null, onProblem: (problem) => problems.push(problem) }, () => undefined);
    scorer.push(new TextEncoder().encode(`${header}\n3,3,3,2,3,3\nja,ja,perhaps,ja,ja,ja\nja,ja\n`));
    scorer.end();
    expect(problems.map((problem) => [problem.line, problem.code])).toEqual([
      [2, 'coding_required'],
      [3, 'unknown_answer'],
      [4, 'malformed_row'],
    ]);
    expect(problems[2]?.message).toMatch(/^ragged row/);
  });

  it('strict mode: the BadRowError carries the row’s problem code', () => {
    const scorer = createBatchScorer('csv', { scale: djg6, output: null, strict: true }, () => undefined);
    expect(() => scorer.push(new TextEncoder().encode(`${header}\nja,ja,perhaps,ja,ja,ja\n`))).toThrow(expect.objectContaining({ line: 2, problem: 'unknown_answer' }) as BadRowError);
  });

  it('the format registry names every format with its extensions, and the dispatcher refuses others with a ScoringError', () => {
    expect(batchFormats.map((format) => [format.name, format.extensions])).toEqual([
      ['csv', ['csv']],
      ['excel-csv', []],
      ['tsv', ['tsv', 'tab']],
      ['ndjson', ['ndjson', 'jsonl']],
      ['sav', ['sav']],
      ['xlsx', ['xlsx']],
    ]);
    expect(() => batchFormat('dbf')).toThrow(/Unknown format "dbf": csv, excel-csv, tsv, ndjson, sav, xlsx/);
    // A workbook is a zip archive with its directory at its end: the Node layer reads it from files.
    expect(() => createBatchScorer('xlsx', { scale: djg6 }, () => undefined)).toThrow(/"xlsx" files are read by loneliness-scales\/node/);
    // A binary format names its own encoding: a named one is refused, not applied to its bytes.
    expect(() => createBatchScorer('sav', { scale: djg6, encoding: 'windows-1252' }, () => undefined)).toThrow(
      expect.objectContaining({ code: 'invalid_option', path: 'encoding' }),
    );
    expect(() => createBatchScorer('csv', { scale: djg6, maxRecordBytes: 0 }, () => undefined)).toThrow(/maxRecordBytes/);
  });

  it('every pair of formats scores the same rows the same way (one pipeline)', () => {
    const csv = `id,${header}\na,ja,ja,ja,nee,ja,ja\nb,nee,,nee,ja,nee,maybe\n`;
    const ndjson = 'id emptiness leanOn trust closeTo missPeople rejected'.split(' ');
    const objects = csv.trim().split('\n').slice(1).map((line) => Object.fromEntries(line.split(',').map((value, index) => [ndjson[index], value])));
    const texts = { csv, tsv: csv.replaceAll(',', '\t'), ndjson: objects.map((object) => JSON.stringify(object)).join('\n') } as const;
    for (const from of ['csv', 'tsv', 'ndjson'] as const) {
      const totals: (number | null)[] = [];
      const problems: string[] = [];
      const scorer = createBatchScorer(from, { scale: djg6, output: null, onRow: (row) => totals.push(row.scores.total), onProblem: (problem) => problems.push(problem.code) }, () => undefined);
      scorer.push(new TextEncoder().encode(texts[from]));
      scorer.end();
      expect([from, totals, problems]).toEqual([from, [4, null], ['unknown_answer']]);
    }
  });
});
