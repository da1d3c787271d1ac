import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScoringError } from '../../../src/index.js';
import { columnLetters, columnOfReference } from '../../../src/node/xlsx/sheet-rows.js';
import { makeWorkbooks, readSheet, skipWithoutOpenpyxl } from './workbooks.js';

describe('cell references', () => {
  it('turn column letters into 0-based columns and back, up to XFD (the last column of a worksheet)', () => {
    for (const [reference, column] of [['A1', 0], ['Z9', 25], ['AA10', 26], ['AZ1', 51], ['XFD1048576', 16_383]] as const) {
      expect(columnOfReference(reference)).toBe(column);
      expect(columnLetters(column)).toBe(reference.replace(/[0-9]+$/, ''));
    }
    for (const reference of ['', '1A', 'A', 'XFE1', 'A1B', 'Ä1', 'AAAAAAAAAAAAAAAAAAAA1']) expect(columnOfReference(reference)).toBe(-1);
  });
});

describe.skipIf(skipWithoutOpenpyxl)('.xlsx files written by openpyxl', () => {
  const { directory, description } = skipWithoutOpenpyxl ? { directory: '', description: {} } : makeWorkbooks();
  afterAll(() => directory !== '' && rmSync(directory, { recursive: true, force: true }));

  describe.each(['enquete-shared.xlsx', 'enquete-inline.xlsx'])('%s (shared strings / inline strings)', (file) => {
    it.each([
      ['Antwoorden', undefined],
      ['Codes RIVM', 'Codes RIVM'],
      ['Codes RIVM', 2],
      ['Codes RIVM', '2'],
      ['Codes RIVM', 'codes rivm'],
    ] as const)('reads sheet "%s" (--sheet %s): every field lands in its column, empty cells absent, Dutch text intact', async (sheetName, selector) => {
      const { header, sheets } = description[file] as { header: string[]; sheets: Record<string, (string | number | null)[][]> };
      const read = await readSheet(join(directory, file), selector);
      expect(read.header).toEqual(header);
      const expected = (sheets[sheetName] as (string | number | null)[][]).map((cells, index) => ({
        line: index + 2,
        problem: null,
        object: Object.fromEntries(cells.flatMap((value, column) => (value === null ? [] : [[header[column] as string, value]]))),
      }));
      expect(read.rows).toEqual(expected);
    });
  });

  it('reads booleans as true/false, a date as its serial day number, numbers as numbers, text that looks like a number as text, and keeps a cell beyond the header under its column letter', async () => {
    const read = await readSheet(join(directory, 'types.xlsx'));
    expect(read.header).toEqual(['id', 'waar', 'datum', 'getal', 'tekst']);
    expect(read.rows).toEqual([
      // 2024-03-01 is serial day 45352 in Excel's 1900 date system.
      { line: 2, problem: null, object: { id: 1, waar: true, datum: 45352, getal: 1.625, tekst: '007' } },
      { line: 3, problem: null, object: { id: 2, waar: false, getal: -3, tekst: 'tekst met\nregeleinde' } },
      { line: 4, problem: null, object: { id: 3, 'column H': 'buiten de kop' } },
    ]);
  });

  it('refuses a sheet whose first row holds numbers, not column names (no header row)', async () => {
    const error = await readSheet(join(directory, 'no-header.xlsx')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'unreadable_input', message: expect.stringMatching(/Row 1 of sheet "Data" of test\.xlsx holds no column names \(only numbers\): the header row must come first/) });
  });

  it('refuses an empty sheet, and a header naming one column twice', async () => {
    await expect(readSheet(join(directory, 'empty-and-duplicate.xlsx'))).rejects.toMatchObject({ code: 'unreadable_input', message: expect.stringContaining('sheet "Leeg" of test.xlsx holds no rows') });
    await expect(readSheet(join(directory, 'empty-and-duplicate.xlsx'), 'Dubbel')).rejects.toMatchObject({
      code: 'duplicate_column',
      message: 'The header of sheet "Dubbel" of test.xlsx names the column "vraag3" twice (columns A and C).',
    });
  });

  it('refuses an unknown sheet, listing the sheets', async () => {
    await expect(readSheet(join(directory, 'enquete-shared.xlsx'), 'Blad1')).rejects.toMatchObject({
      code: 'invalid_option',
      message: 'test.xlsx has no sheet "Blad1". Its sheets: 1 "Antwoorden", 2 "Codes RIVM" (name one with --sheet NAME or --sheet N).',
    });
    await expect(readSheet(join(directory, 'enquete-shared.xlsx'), 3)).rejects.toMatchObject({ code: 'invalid_option' });
  });

  it('reads parts as other writers write them: prefixed names, rich and phonetic text, entities, CDATA, _xHHHH_ escapes, comments, cells without references; bad cells make a malformed row with its reason, its other cells kept', async () => {
    const read = await readSheet(join(directory, 'handmade.xlsx'), 'Blad & co');
    expect(read.header).toEqual(['vraag3', 'vraag4', 'opmerking']);
    expect(read.rows).toEqual([
      { line: 2, problem: null, object: { vraag3: 'ja', vraag4: 'min of meer', opmerking: 'regel\reinde & één' } },
      { line: 3, problem: null, object: { vraag4: 'nee', opmerking: '#N/A' } },
      { line: 5, problem: 'cell A5 refers to shared string "99", which the workbook does not hold', object: { vraag4: 'ja' } },
      { line: 6, problem: 'the row holds column A twice', object: { vraag3: 'ja' } },
      { line: 7, problem: 'cell reference "XFE7" is not a cell of a worksheet (A1 to XFD1048576)', object: { 'cell XFE7': 1, vraag4: 'nee' } },
      { line: 8, problem: null, object: { vraag3: 'nee', vraag4: 'ja' } },
    ]);
  });
});
