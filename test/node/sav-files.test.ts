import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuotedCsv, runCliCaptured } from '../helpers/cli.js';
import { fixture, fixtureDirectory, ggdColumns, ggdItems, readSav, runPspp, runR, skipHaven, skipPspp, toBigEndian } from '../helpers/sav.js';

// SPSS files as researchers have them, written by GNU PSPP, scored by the CLI, and the CLI's SPSS
// output read back by PSPP (GET FILE, DISPLAY DICTIONARY, LIST) and by R's haven::read_sav.
// Outside CI these skip when PSPP or haven is not installed; in CI they must run.
if (skipPspp) console.warn('sav-files: GNU PSPP is not installed (apt-get install pspp); the SPSS file tests are skipped outside CI.');
if (skipHaven) console.warn('sav-files: R haven is not installed (apt-get install r-cran-haven); the haven read-back is skipped outside CI.');

const directory = mkdtempSync(join(tmpdir(), 'djg-sav-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const path = (name: string) => join(directory, name);
const score = (...args: string[]) => runCliCaptured(['score', ...args, '--quiet'], { cwd: directory });

const parseCsv = parseQuotedCsv;

/** A small file with one problem in its dictionary, written by PSPP. */
function writeBadFile(name: string, declarations: string, labels: string): string {
  runPspp(
    `DATA LIST LIST /id (F2.0) ${declarations}.
BEGIN DATA
${Array.from({ length: 3 }, (_, row) => `${row + 1} ${ggdItems.map(() => (declarations.includes('(A') ? '"1"' : '1')).join(' ')}`).join('\n')}
END DATA.
${labels}
SAVE OUTFILE='${name}'.
`,
    directory,
    name.replace('.sav', ''),
  );
  return path(name);
}

describe.skipIf(skipPspp)('SPSS .sav files written by GNU PSPP, scored by the CLI', () => {
  beforeAll(() => {
    runPspp(readFileSync(new URL('ggd.sps', fixtureDirectory), 'utf8').replaceAll('{{OUTPUT}}', 'ggd'), directory, 'ggd');
  });

  it('score ggd.sav --scale djg11 --columns GGEEB201…GGEEB211: the coding comes from the value labels, no --coding needed', async () => {
    const run = await runCliCaptured(['score', path('ggd.sav'), '--scale', 'djg11', '--columns', ggdColumns], { cwd: directory });
    expect(run.stderr).toContain(`${path('ggd.sav')}: the coding is read from the file's value labels (1 = "ja", 2 = "min of meer", 3 = "nee").`);
    // Case 4 answers 7, which no label names: reported, so exit code 1.
    expect(run.code).toBe(1);
    const rows = parseCsv(run.stdout);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ respondent_id: '1', GGEEB201: '1', gemeente: 'Utrecht', total: '3', emotional: '2', social: '1', category: '1' });
    // The acceptance spelling: a {nn} pattern maps the same columns as the explicit list.
    const byPattern = await runCliCaptured(['score', path('ggd.sav'), '--scale', 'djg11', '--columns', 'GGEEB2{nn}'], { cwd: directory });
    expect(byPattern.code).toBe(1);
    expect(byPattern.stdout).toBe(run.stdout);
    // The same scores as --coding 'rivm;missing=8,9' on PSPP's own CSV export of the file.
    const exported = await score(path('ggd.csv'), '--scale', 'djg11', '--columns', ggdColumns, '--coding', 'rivm;missing=8,9');
    const scoresOf = (row: Record<string, string>) => [row.total, row.emotional, row.social, row.category, row.missing_items];
    expect(rows.map(scoresOf)).toEqual(parseCsv(exported.stdout).map(scoresOf));
  });

  it('the uncompressed file scores the same as the compressed one', async () => {
    const compressed = await score(path('ggd.sav'), '--scale', 'djg11', '--columns', ggdColumns);
    const uncompressed = await score(path('ggd-uncompressed.sav'), '--scale', 'djg11', '--columns', ggdColumns);
    expect(uncompressed.stdout).toBe(compressed.stdout);
  });

  it('--coding manual on a file labelled 1 = "ja" stops with exit 2 and shows both codings', async () => {
    const run = await score(path('ggd.sav'), '--scale', 'djg11', '--columns', ggdColumns, '--coding', 'manual', '--out', path('never.csv'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1 = "ja", 2 = "min of meer", 3 = "nee"');
    expect(run.stderr).toContain('coding "manual" reads 1 as "no", 3 as "yes"');
    expect(() => readFileSync(path('never.csv'))).toThrow();
  });

  it('a string item variable holding value labels stops with exit 2, naming it', async () => {
    const file = writeBadFile('string-items.sav', `${ggdItems.join(' ')} (A1)`, `VALUE LABELS ${ggdItems[0]} '1' 'ja' '3' 'nee'.`);
    const run = await score(file, '--scale', 'djg11', '--columns', ggdColumns);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"GGEEB201" is a string variable with value labels/);
  });

  it('a value label set that gives "ja" to two codes stops with exit 2', async () => {
    const file = writeBadFile('two-ja.sav', `${ggdItems.join(' ')} (F1.0)`, `VALUE LABELS ${ggdItems.join(' ')} 1 'ja' 2 'Ja' 3 'nee'.`);
    const run = await score(file, '--scale', 'djg11', '--columns', ggdColumns);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give the answer "yes" to both 1 and 2/);
  });

  it('a truncated file: the cases read come out, the cut case with its reason (exit 1); a cut dictionary exits 3', async () => {
    const bytes = readFileSync(path('ggd.sav'));
    writeFileSync(path('cut.sav'), bytes.subarray(0, bytes.length - 40));
    const run = await score(path('cut.sav'), '--scale', 'djg11', '--columns', ggdColumns);
    expect(run.code).toBe(1);
    expect(parseCsv(run.stdout).at(-1)?.reason).toMatch(/cut short/);
    writeFileSync(path('cut-dictionary.sav'), bytes.subarray(0, 600));
    const early = await score(path('cut-dictionary.sav'), '--scale', 'djg11', '--columns', ggdColumns);
    expect(early.code).toBe(3);
    expect(early.stderr).toMatch(/Not a readable SPSS system file: the dictionary is cut short/);
  });

  describe('--out scored.sav', () => {
    beforeAll(async () => {
      const run = await score(path('ggd.sav'), '--scale', 'djg11', '--columns', ggdColumns, '--lang', 'nl', '--prefix', 'djg_', '--out', path('scored.sav'));
      expect(run.code).toBe(1);
    });

    it('PSPP reads it back (GET FILE, DISPLAY DICTIONARY, LIST): every input variable as it was, the scores with labels', () => {
      const display = (file: string, name: string) => runPspp(`GET FILE='${file}'.\nDISPLAY DICTIONARY.\nLIST.\n`, directory, name, 'csv');
      const output = display('scored.sav', 'display-output');
      const input = display('ggd.sav', 'display-input');
      // Every line PSPP shows of the input's dictionary (variables: label, measurement level, width,
      // formats, missing values; value labels) it shows unchanged of the output's.
      const dictionaryLines = (listing: string) => listing.slice(0, listing.indexOf('Table: Data List')).split('\n').filter((line) => line !== '');
      const outputLines = new Set(dictionaryLines(output));
      expect(dictionaryLines(input).filter((line) => !outputLines.has(line))).toEqual([]);
      expect(output).toContain('djg_total,18,Eenzaamheid: totaalscore,Scale,Input,8,Right,F3.0,F3.0,');
      expect(output).toContain('djg_reason,23,Eenzaamheid: waarom er geen totaalscore is,Nominal,Input,40,Left,A255,A255,');
      for (const label of ['niet eenzaam', 'matig eenzaam', 'ernstig eenzaam', 'zeer ernstig eenzaam']) expect(output).toContain(`,${label}\n`);
      runPspp(`GET FILE='scored.sav'.\nSAVE TRANSLATE /OUTFILE='scored.csv' /TYPE=CSV /FIELDNAMES /REPLACE.\n`, directory, 'export-output');
      // Every input value as PSPP exports the input; the scores as the CLI writes them as CSV.
      const written = parseCsv(readFileSync(path('scored.csv'), 'utf8'));
      const exported = parseCsv(readFileSync(path('ggd.csv'), 'utf8'));
      expect(written).toHaveLength(exported.length);
      written.forEach((row, index) => {
        for (const [name, value] of Object.entries(exported[index] as Record<string, string>)) expect(row[name], `${name} of case ${index + 1}`).toBe(value);
      });
      expect(written.map((row) => row.djg_total?.trim())).toEqual(['3', '8', '', '', '', '11', '', '']);
      expect(written[2]?.djg_reason).toMatch(/1 of 11 items missing/);
    });

    it('our reader reads it back with the same values and the score variables added', () => {
      const input = readSav(readFileSync(path('ggd.sav')));
      const output = readSav(readFileSync(path('scored.sav')));
      expect(output.names).toEqual([...input.names, 'djg_total', 'djg_emotional', 'djg_social', 'djg_category', 'djg_missing_items', 'djg_reason']);
      output.rows.forEach((row, index) => {
        for (const name of input.names) expect(row.object?.[name]).toEqual(input.rows[index]?.object?.[name]);
      });
      const category = output.columns.find((column) => column.name === 'djg_category');
      expect(category?.valueLabels.map((entry) => entry.label)).toEqual(['niet eenzaam', 'matig eenzaam', 'ernstig eenzaam', 'zeer ernstig eenzaam']);
    });

    it.skipIf(skipHaven)('R haven::read_sav reads it: labels, user-missing values, system-missing scores', () => {
      const out = runR(`
library(haven)
d <- read_sav("${path('scored.sav')}", user_na = TRUE)
cat(nrow(d), ncol(d), "\\n")
cat(attr(d$djg_total, "label"), "\\n")
cat(paste(names(attr(d$djg_category, "labels")), attr(d$djg_category, "labels"), sep = "=", collapse = ";"), "\\n")
cat(paste(attr(d$GGEEB201, "na_range"), collapse = ","), "\\n")
cat(paste(names(attr(d$GGEEB201, "labels")), collapse = ";"), "\\n")
cat(attr(d$gemeente, "na_values"), "\\n")
cat(attr(d$opmerking_van_de_interviewer, "label"), "\\n")
cat(ifelse(is.na(d$djg_total), "NA", d$djg_total), "\\n")
cat(d$opmerking_van_de_interviewer[2], "\\n")
cat(d$djg_reason[4], "\\n")
`);
      const lines = out.split('\n').map((line) => line.trim());
      expect(lines[0]).toBe('8 23');
      expect(lines[1]).toBe('Eenzaamheid: totaalscore');
      expect(lines[2]).toBe('niet eenzaam=0;matig eenzaam=1;ernstig eenzaam=2;zeer ernstig eenzaam=3');
      expect(lines[3]).toBe('8,9');
      expect(lines[4]).toBe('ja;min of meer;nee;geen antwoord;weet niet');
      expect(lines[5]).toBe('onbekend');
      expect(lines[6]).toBe('Opmerking van de interviewer (één regel)');
      expect(lines[7]).toBe('3 8 NA NA NA 11 NA NA');
      expect(lines[8]).toBe('tweede, met één accent');
      expect(lines[9]).toMatch(/Item "missPeople": 7 is not in coding value labels/);
    });
  });

  it.skipIf(skipHaven)('a Windows-1252 file (SET LOCALE) is read in its encoding and written back in it: PSPP and haven show é', async () => {
    runPspp(
      `SET LOCALE='windows-1252'.
DATA LIST LIST /id (F2.0) q1 TO q11 (F1.0) plaats (A12).
BEGIN DATA
1 1 2 3 1 2 3 1 2 3 1 2 "Hoogeveen"
2 3 3 3 3 3 3 3 3 3 3 3 "Bûren"
END DATA.
VARIABLE LABELS plaats 'Plaats (één)'.
VALUE LABELS q1 TO q11 1 'nee' 2 'min of meer' 3 'ja'.
SAVE OUTFILE='w1252.sav'.
`,
      directory,
      'w1252',
    );
    const columns = 'order:manual:q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11';
    const text = await score(path('w1252.sav'), '--scale', 'djg11', '--columns', columns);
    expect(text.code).toBe(0);
    expect(parseCsv(text.stdout).map((row) => [row.plaats, row.total])).toEqual([
      ['Hoogeveen', '10'],
      ['Bûren', '6'],
    ]);
    const run = await score(path('w1252.sav'), '--scale', 'djg11', '--columns', columns, '--lang', 'nl', '--out', path('w1252-scored.sav'));
    expect(run.code).toBe(0);
    const out = runR(`
library(haven)
d <- read_sav("${path('w1252-scored.sav')}")
cat(d$plaats[2], attr(d$plaats, "label"), attr(d$total, "label"), sep = "\n")
`);
    expect(out.split('\n').slice(0, 3)).toEqual(['Bûren', 'Plaats (één)', 'Eenzaamheid: totaalscore']);
  });

  it('a big-endian file: PSPP reads the byte-swapped input and the CLI\'s big-endian output alike', async () => {
    writeFileSync(path('big.sav'), toBigEndian(fixture('numeric.sav')));
    const columns = 'order:manual:q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11';
    const run = await score(path('big.sav'), '--scale', 'djg11', '--columns', columns, '--out', path('big-scored.sav'));
    expect(run.code).toBe(0);
    const listing = runPspp(`GET FILE='big.sav'.\nLIST.\nGET FILE='big-scored.sav'.\nLIST.\n`, directory, 'big', 'csv');
    expect(listing).not.toMatch(/warning|error/i);
    expect(listing).toContain('1,1,2,3,1,2,3,1,2,3,1,2,1.500,10,5,5,2,0,');
  });

  it('SPSS output from CSV input is refused with exit 2 (text has no types or widths to keep)', async () => {
    const run = await score(path('ggd.csv'), '--scale', 'djg11', '--columns', ggdColumns, '--coding', 'rivm', '--to', 'sav', '--out', path('from-csv.sav'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SPSS \(\.sav\) output is written from SPSS input only/);
  });
});
