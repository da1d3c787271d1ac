import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineScale } from '../../../src/index.js';
import { scoreRecords, scoreText } from '../../../src/batch/index.js';
import { parseQuotedCsv, parseQuotedCsvRows, runCliCaptured } from '../../helpers/cli.js';
import { runPspp, skipPspp } from '../../helpers/sav.js';
import { threePointJson, threePointPath, threePointReference, threePointStates } from '../../helpers/fixture-scale.js';

const fixture = defineScale(threePointJson());
const keys = fixture.items.map((item) => item.key);
const directory = mkdtempSync(join(tmpdir(), 'djg-fixture-'));
/** How each answer state is written in the files: Dutch labels, and codes of the manual coding (1 no, 2 more or less, 3 yes). */
const dutch: Record<string, string> = { yes: 'ja', 'more or less': 'min of meer', no: 'nee' };
const manualCode: Record<string, string> = { yes: '3', 'more or less': '2', no: '1' };

/** Every answer/missing pattern of the fixture (4^3), as answers keyed by item. */
const patterns: Record<string, string | null>[] = Array.from({ length: 4 ** keys.length }, (_, pattern) =>
  Object.fromEntries(keys.map((key, index) => [key, threePointStates[Math.floor(pattern / 4 ** index) % 4] ?? null])),
);

function csv(cell: (answer: string) => string): string {
  const lines = [`id,${keys.join(',')}`];
  patterns.forEach((given, row) => lines.push([`r${row}`, ...keys.map((key) => (given[key] === null ? '' : cell(given[key] as string)))].join(',')));
  // An answer the item does not offer, and a code outside the coding.
  lines.push(`bad1,${cell('yes')},no!,${cell('no')}`, `bad2,7,${cell('no')},${cell('no')}`);
  return `${lines.join('\n')}\n`;
}

function expectScored(rows: Record<string, string>[]): void {
  expect(rows).toHaveLength(patterns.length + 2);
  patterns.forEach((given, row) => {
    const expected = threePointReference(given);
    const band = fixture.categories.total.conventions[0]?.bands.find((entry) => entry.id === expected.band);
    expect([rows[row]?.['id'], rows[row]?.['total'], rows[row]?.['category'], rows[row]?.['category_label'], rows[row]?.['missing_items']]).toEqual([
      `r${row}`,
      expected.total === null ? '' : String(expected.total),
      band === undefined ? '' : String(band.code),
      band === undefined ? '' : band.label.en,
      String(expected.missing),
    ]);
    // No subscales: their columns stay empty.
    expect([rows[row]?.['emotional'], rows[row]?.['social']]).toEqual(['', '']);
  });
  expect(rows.at(-2)?.['reason']).toBe('Item "lackCompany": "no!" is not an answer this item offers.');
  expect(rows.at(-1)?.['reason']).toMatch(/^Item "feelAlone": "7" is not in coding manual/);
}

describe('issue 9: the fixture instrument (points 1/2/3, one total) through the batch layer and the CLI, from its definition file alone', () => {
  it('CLI `score --scale three-point.json` scores every pattern of a file of Dutch labels as the definition says', async () => {
    const input = join(directory, 'labels.csv');
    writeFileSync(input, csv((answer) => dutch[answer] as string));
    const { code, stdout, stderr } = await runCliCaptured(['score', input, '--scale', threePointPath, '--coding', 'manual']);
    expect(code).toBe(1); // the two bad rows
    expect(stderr).toContain('2 not scored');
    expectScored(parseQuotedCsv(stdout));
  });

  it('CLI `score --scale three-point.json --coding manual` scores a file of numeric codes identically', async () => {
    const input = join(directory, 'codes.csv');
    writeFileSync(input, csv((answer) => manualCode[answer] as string));
    const { stdout } = await runCliCaptured(['score', input, '--scale', threePointPath, '--coding', 'manual']);
    expectScored(parseQuotedCsv(stdout));
  });

  it('batch scoreText (CSV) and scoreRecords give the core’s scores for every pattern', async () => {
    let text = '';
    for await (const chunk of scoreText(csv((answer) => answer), 'csv', { scale: fixture, scoring: { coding: 'manual' } })) text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    expectScored(parseQuotedCsv(text));
    const records = [...scoreRecords(fixture, patterns)];
    records.forEach(({ scores }, row) => expect([scores.total, scores.emotional, scores.social, scores.missingItems]).toEqual([threePointReference(patterns[row] as Record<string, string | null>).total, null, null, threePointReference(patterns[row] as Record<string, string | null>).missing]));
  });

  it.skipIf(skipPspp)('an SPSS file written by PSPP (codes with value labels, a user-missing code) is scored to an SPSS file PSPP reads back', async () => {
    const lines = patterns.map((given, row) => [row, ...keys.map((key) => (given[key] === null ? '9' : (manualCode[given[key] as string] as string)))].join(' '));
    runPspp(
      [
        `DATA LIST LIST /id ${keys.join(' ')}.`,
        'BEGIN DATA',
        ...lines,
        'END DATA.',
        `VALUE LABELS ${keys.join(' ')} 1 'nee' 2 'min of meer' 3 'ja'.`,
        `MISSING VALUES ${keys.join(' ')} (9).`,
        `SAVE OUTFILE='${join(directory, 'in.sav')}'.`,
      ].join('\n'),
      directory,
      'write',
    );
    const { code } = await runCliCaptured(['score', join(directory, 'in.sav'), '--scale', threePointPath, '--out', join(directory, 'out.sav'), '--quiet']);
    expect(code).toBe(0);
    const listing = runPspp(`GET FILE='${join(directory, 'out.sav')}'.\nLIST id total emotional social category missing_items.\n`, directory, 'read', 'csv');
    const rows = parseQuotedCsvRows(listing.slice(listing.indexOf('id,total')).split('\n\n')[0] as string).slice(1);
    expect(rows).toHaveLength(patterns.length);
    rows.forEach(([id, total, emotional, social, category, missing], row) => {
      const expected = threePointReference(patterns[row] as Record<string, string | null>);
      const band = fixture.categories.total.conventions[0]?.bands.find((entry) => entry.id === expected.band);
      expect([Number(id), total?.trim(), emotional?.trim(), social?.trim(), category?.trim(), missing?.trim()]).toEqual([
        row,
        expected.total === null ? '.' : String(expected.total),
        '.',
        '.',
        band === undefined ? '.' : String(band.code),
        String(expected.missing),
      ]);
    });
  });
});
