import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { columnNames, djg6, safeScore } from '../../../src/index.js';
import { scoreFile } from '../../../src/node/index.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { makeWorkbooks, skipWithoutOpenpyxl } from './workbooks.js';

type Cell = string | number | null;

describe.skipIf(skipWithoutOpenpyxl)('score and summary read .xlsx files written by openpyxl', () => {
  const { directory, description } = skipWithoutOpenpyxl ? { directory: '', description: {} } : makeWorkbooks();
  afterAll(() => directory !== '' && rmSync(directory, { recursive: true, force: true }));
  const file = (name: string) => join(directory, name);
  const byNumber = ['--columns', 'vraag{n}'];
  const columns = columnNames(djg6, { by: 'number', pattern: 'vraag{n}' });

  /** Every input row comes out, in order, its fields unchanged, with the core's scores (MANUAL §3–§4 via `score`). */
  function expectScoredLikeTheCore(csv: string, rows: Cell[][], header: string[], coding: 'rivm' | undefined): void {
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(rows.length);
    records.forEach((record, index) => {
      const cells = rows[index] as Cell[];
      header.forEach((name, column) => expect(record[name]).toBe(cells[column] === null ? '' : String(cells[column])));
      const answers = Object.fromEntries([...columns].flatMap(([key, name]) => {
        const value = cells[header.indexOf(name)];
        return value === null ? [] : [[key, value]];
      }));
      const result = safeScore(djg6, answers, coding === undefined ? {} : { coding });
      expect(result.success).toBe(true);
      if (!result.success) return;
      expect(record['total']).toBe(result.data.total === null ? '' : String(result.data.total));
      expect(record['emotional']).toBe(result.data.emotional === null ? '' : String(result.data.emotional));
      expect(record['social']).toBe(result.data.social === null ? '' : String(result.data.social));
      expect(record['missing_items']).toBe(String(result.data.missingItems.length));
    });
  }

  it.each(['enquete-shared.xlsx', 'enquete-inline.xlsx'])('%s: text answers (ja, min of meer, nee) on the first sheet, numeric RIVM codes on the second (--sheet, --coding rivm), scored as the core scores them, CSV out', async (name) => {
    const { header, sheets } = description[name] as { header: string[]; sheets: Record<string, Cell[][]> };
    const text = await runCliCaptured(['score', file(name), ...byNumber, '--quiet']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expectScoredLikeTheCore(text.stdout, sheets['Antwoorden'] as Cell[][], header, undefined);
    for (const sheet of ['Codes RIVM', '2']) {
      const coded = await runCliCaptured(['score', file(name), '--sheet', sheet, '--coding', 'rivm', ...byNumber, '--quiet']);
      expect(coded.code).toBe(0);
      expectScoredLikeTheCore(coded.stdout, sheets['Codes RIVM'] as Cell[][], header, 'rivm');
    }
  });

  it('numeric codes without --coding are not guessed: every row reported, exit 1', async () => {
    const run = await runCliCaptured(['score', file('enquete-shared.xlsx'), '--sheet', 'Codes RIVM', ...byNumber]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('name their coding with --coding');
    expect(parse(run.stdout, { columns: true })).toHaveLength(150);
  });

  it('--to ndjson and --out; summary with --weights reads the weight column of the sheet', async () => {
    const out = file('scored.ndjson');
    const run = await runCliCaptured(['score', file('enquete-shared.xlsx'), ...byNumber, '--to', 'ndjson', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(200);
    expect(lines[0]).toMatchObject({ respnr: 1, 'leeftijd (jaren)': expect.any(Number) });
    const summary = await runCliCaptured(['summary', file('enquete-inline.xlsx'), ...byNumber, '--weights', 'weegfactor', '--format', 'json']);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toMatchObject({ read: 200 });
  });

  it('scoreFile reads a sheet named by its position', async () => {
    const out = file('scored-2.csv');
    const counts = await scoreFile(file('enquete-inline.xlsx'), out, { scale: djg6, sheet: 2, scoring: { coding: 'rivm' }, columns: { by: 'number', pattern: 'vraag{n}' } });
    expect(counts.read).toBe(150);
    expect(parse(readFileSync(out, 'utf8'), { columns: true })).toHaveLength(150);
    await expect(scoreFile(file('enquete-inline.xlsx'), out, { scale: djg6, sheet: 'Blad9' })).rejects.toMatchObject({ code: 'invalid_option' });
  });

  describe('bad input: a clear message, exit 2 or 3, no output file', () => {
    it('an unknown --sheet lists the sheets (exit 2)', async () => {
      const run = await runCliCaptured(['score', file('enquete-shared.xlsx'), '--sheet', 'Blad1', ...byNumber]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('has no sheet "Blad1". Its sheets: 1 "Antwoorden", 2 "Codes RIVM"');
    });

    it('a cut-off workbook (exit 3), whatever its length, and the --out file is not created', async () => {
      const bytes = readFileSync(file('enquete-shared.xlsx'));
      for (const length of [0, 2, 100, Math.floor(bytes.length / 2), bytes.length - 30]) {
        const cut = file(`cut-${length}.xlsx`);
        writeFileSync(cut, bytes.subarray(0, length));
        const out = file(`cut-${length}.csv`);
        const run = await runCliCaptured(['score', cut, ...byNumber, '--out', out]);
        expect(run.code).toBe(3);
        expect(run.stderr).toMatch(/Cannot read .*cut-\d+\.xlsx: /);
        expect(() => readFileSync(out)).toThrow();
      }
    });

    it('a password-protected workbook or legacy .xls (an OLE2 compound file, D0 CF 11 E0) is named as such (exit 3)', async () => {
      const ole2 = file('beveiligd.xlsx');
      writeFileSync(ole2, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
      const run = await runCliCaptured(['score', ole2, ...byNumber]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('it is a password-protected workbook or a legacy .xls file');
    });

    it('a CSV file named .xlsx, and a sheet without a header row (exit 3)', async () => {
      const csv = file('eigenlijk-csv.xlsx');
      writeFileSync(csv, 'vraag3,vraag4\nja,nee\n');
      expect((await runCliCaptured(['score', csv])).stderr).toContain('it is not an .xlsx workbook');
      const run = await runCliCaptured(['score', file('no-header.xlsx'), ...byNumber]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('holds no column names (only numbers): the header row must come first');
    });

    it('an .xlsx on standard input, and --sheet for a CSV file, are usage errors (exit 2)', async () => {
      expect(await runCliCaptured(['score', '-', '--from', 'xlsx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('An .xlsx workbook is read from a file, not from standard input') });
      const csv = file('survey.csv');
      writeFileSync(csv, 'vraag3\nja\n');
      expect(await runCliCaptured(['score', csv, '--sheet', '2'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--sheet reads a sheet of an .xlsx workbook') });
    });

    it('--strict stops at the first unreadable row (exit 3), naming its worksheet row', async () => {
      const run = await runCliCaptured(['score', file('bad-cells.xlsx'), ...byNumber, '--strict', '--out', file('strict.csv')]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('stopped. Line 3: cell A3 refers to shared string "7"');
      expect(() => readFileSync(file('strict.csv'))).toThrow();
    });

    it('rows with unreadable cells come out with their reason, the others scored (exit 1): nothing lost', async () => {
      const run = await runCliCaptured(['score', file('bad-cells.xlsx'), ...byNumber, '--quiet']);
      expect(run.code).toBe(1);
      const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
      expect(records.map((record) => record['reason'])).toEqual([
        '',
        expect.stringContaining('cell A3 refers to shared string "7"'),
        expect.stringContaining('the row holds column B twice'),
        expect.stringContaining('cell reference "XFE5" is not a cell'),
        '',
      ]);
      expect(records.map((record) => record['total'])).toEqual(['4', '', '', '', '4']);
      // The cells of a malformed row are written as read; the one without a column under _extra.
      expect(records[1]).toMatchObject({ vraag4: 'nee', vraag10: 'ja' });
      expect(records[3]?.['_extra']).toBe('{"cell XFE5":1}');
    });
  });
});
