import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScoringError } from '../../../src/index.js';
import { fixture, fixtureDirectory, readSav } from '../../helpers/sav.js';
import { thrown } from '../../helpers/errors.js';
import { parseQuotedCsvRows } from '../../helpers/cli.js';


const [exportHeader = [], ...exportRows] = parseQuotedCsvRows(readFileSync(new URL('ggd-pspp.csv', fixtureDirectory), 'utf8'));

describe('SPSS system file reader (PSPP developer guide, "System File Format"; files written by GNU PSPP)', () => {
  it.each(['ggd.sav', 'ggd-uncompressed.sav'])('%s: every value of every case equals PSPP\'s own CSV export of the file', (name) => {
    const { names, rows } = readSav(fixture(name));
    expect(names).toEqual(exportHeader);
    expect(rows).toHaveLength(exportRows.length);
    rows.forEach((row, index) => {
      expect(row.problem).toBeNull();
      expect(row.line).toBe(index + 1);
      const cells = exportRows[index] as string[];
      names.forEach((column, position) => {
        const value = row.object?.[column];
        const cell = cells[position] as string;
        if (typeof value === 'number' || value === null) expect(value, `${column} of case ${index + 1}`).toBe(cell.trim() === '' ? null : Number(cell));
        else expect(value, `${column} of case ${index + 1}`).toBe(cell);
      });
    });
  });

  it('compressed and uncompressed files of the same data give the same rows', () => {
    expect(readSav(fixture('ggd.sav')).rows).toEqual(readSav(fixture('ggd-uncompressed.sav')).rows);
  });

  it.each([1, 3, 7, 8, 13, 176, 1000])('reads the same rows whatever the chunk size (%i bytes)', (chunkSize) => {
    const whole = readSav(fixture('ggd.sav'));
    const chunked = readSav(fixture('ggd.sav'), chunkSize);
    expect(chunked.names).toEqual(whole.names);
    expect(chunked.rows).toEqual(whole.rows);
  });

  it('reads long variable names (subtype 13) and very long strings (subtype 14) as one variable', () => {
    const { names, columns, rows } = readSav(fixture('ggd.sav'));
    expect(names).toContain('opmerking_van_de_interviewer');
    expect(names.filter((name) => name.toLowerCase().startsWith('opmerk'))).toHaveLength(1);
    expect(columns.find((column) => column.name === 'opmerking_van_de_interviewer')?.type).toBe('string');
    expect(rows[1]?.object?.['opmerking_van_de_interviewer']).toBe('tweede, met één accent');
  });

  it('reads value labels of numbers and strings (short and long) in the file\'s encoding (subtype 20: UTF-8)', () => {
    const { columns } = readSav(fixture('ggd.sav'));
    const byName = new Map(columns.map((column) => [column.name, column]));
    expect(byName.get('GGEEB207')?.valueLabels).toEqual([
      { value: 1, label: 'ja' },
      { value: 2, label: 'min of meer' },
      { value: 3, label: 'nee' },
      { value: 8, label: 'geen antwoord' },
      { value: 9, label: 'weet niet' },
    ]);
    expect(byName.get('gemeente')?.valueLabels).toEqual([{ value: 'Utrecht', label: 'Stad Utrecht' }]);
    expect(byName.get('kort')?.valueLabels).toEqual([{ value: 'ab', label: 'AB' }]);
    expect(byName.get('respondent_id')?.valueLabels).toEqual([]);
  });

  it('reads user-missing values: a range, a range with a discrete value, and string values short and long', () => {
    const { columns } = readSav(fixture('ggd.sav'));
    const byName = new Map(columns.map((column) => [column.name, column]));
    const item = byName.get('GGEEB201') as (typeof columns)[number];
    expect([7, 8, 8.5, 9, 10].map((value) => item.isMissing(value))).toEqual([false, true, true, true, false]);
    const age = byName.get('leeftijd') as (typeof columns)[number];
    expect([-10, -9, -1, 0, 998, 999].map((value) => age.isMissing(value))).toEqual([false, true, true, false, false, true]);
    expect(byName.get('gemeente')?.isMissing('onbekend')).toBe(true);
    expect(byName.get('gemeente')?.isMissing('Utrecht')).toBe(false);
    expect(byName.get('kort')?.isMissing('x')).toBe(true);
  });

  it('keeps the variable labels for the writer', () => {
    const { context } = readSav(fixture('ggd.sav'));
    const dictionary = context?.source?.dictionary as { variables: { name: string; label: string | null }[] };
    expect(dictionary.variables.find((variable) => variable.name === 'opmerking_van_de_interviewer')?.label).toBe('Opmerking van de interviewer (één regel)');
    expect(dictionary.variables.find((variable) => variable.name === 'respondent_id')?.label).toBeNull();
  });

  it('a file cut short inside a case gives the cases before it and that case as a malformed row', () => {
    const bytes = fixture('ggd-uncompressed.sav');
    const whole = readSav(bytes).rows;
    const cut = readSav(bytes.subarray(0, bytes.length - 100)).rows;
    expect(cut).toHaveLength(whole.length);
    expect(cut.slice(0, -1)).toEqual(whole.slice(0, -1));
    expect(cut.at(-1)?.problem).toMatch(/case cut short.*truncated file/);
    // The values read before the cut are kept; the rest are system-missing or blank.
    expect(cut.at(-1)?.object?.['respondent_id']).toBe(whole.at(-1)?.object?.['respondent_id']);
    expect(cut.at(-1)?.object?.['Weegfactor']).toBe(whole.at(-1)?.object?.['Weegfactor']);
  });

  it('a compressed file cut short inside a case gives that case as a malformed row', () => {
    const bytes = fixture('ggd.sav');
    const rows = readSav(bytes.subarray(0, bytes.length - 30)).rows;
    expect(rows.filter((row) => row.problem === null)).toHaveLength(exportRows.length - 1);
    expect(rows.at(-1)?.problem).toMatch(/cut short/);
  });

  it('a file cut short inside the dictionary is an unreadable input, before any row', () => {
    const error = thrown(() => readSav(fixture('ggd.sav').subarray(0, 700)));
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'unreadable_input', message: expect.stringMatching(/dictionary is cut short/) });
  });

  it('text that is not a system file is refused by name, not read as data', () => {
    const error = thrown(() => readSav(new TextEncoder().encode('id,q1\n1,2\n')));
    expect(error).toMatchObject({ code: 'unreadable_input', message: expect.stringMatching(/Not a readable SPSS system file: it starts with "id,q"/) });
    expect(thrown(() => readSav(new Uint8Array(0)))).toMatchObject({ code: 'unreadable_input', message: 'The SPSS file is empty.' });
  });

  it('a file naming two variables alike (long names, ignoring case) is refused: one value would hide the other', () => {
    const bytes = fixture('ggd.sav');
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('GEMEENTE=gemeente');
    expect(at).toBeGreaterThan(0);
    bytes.set(new TextEncoder().encode('GEMEENTE=ggeeb201'), at);
    expect(thrown(() => readSav(bytes))).toMatchObject({ code: 'unreadable_input', message: expect.stringMatching(/two variables are named "ggeeb201"/) });
  });

  it('a ZLIB-compressed file (.zsav) gets a message saying how to save a readable one', () => {
    const bytes = fixture('ggd.sav');
    bytes.set(new TextEncoder().encode('$FL3'), 0);
    expect(thrown(() => readSav(bytes))).toMatchObject({ code: 'unreadable_input', message: expect.stringMatching(/\.zsav.*SAVE OUTFILE/) });
  });
});
