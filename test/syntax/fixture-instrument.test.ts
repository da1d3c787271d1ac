/**
 * Issue 9: a new instrument is one definition file. The fixture instrument (3 items scored 1/2/3,
 * one reversed, one total, no subscales, its own band codes 1/2/3) is scored by the generated
 * SQL (DuckDB, SQLite), R (Rscript) and SPSS syntax (GNU PSPP) with no code of its own, and every
 * row agrees with the library's `safeScore` under the same coding.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type CanonicalAnswer, type Coding, type ScaleDefinition, defineScale, parseCoding } from '../../src/index.js';
import { scoringPlan, toR, toSpss, toSql } from '../../src/syntax/index.js';
import { threePointJson, threePointReference, threePointStates } from '../helpers/fixture-scale.js';
import { type RowResult, type SyntaxCase, cell, differences, engineAvailable, expectedResults, readCsv, workFolder } from './fixtures.js';

const fixture: ScaleDefinition = defineScale(threePointJson());
const keys = fixture.items.map((item) => item.key);
const columns = fixture.items.map((item) => `q${item.number}`);
const byNumber = { by: 'number', pattern: 'q{n}' } as const;
const folder = workFolder('fixture-instrument');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The code of an answer under a coding. */
function codeOf(coding: Coding, answer: CanonicalAnswer): string {
  const found = Object.entries(coding.codes).find(([, given]) => given === answer);
  if (found === undefined) throw new Error(`Coding ${coding.name} has no code for ${answer}.`);
  return found[0];
}

/** A row of every one of the 4^3 answer/missing patterns, in a fixed order; `missing(pattern, item)` writes a missing answer. */
function patternRows(coding: Coding, missing: (pattern: number, item: number) => string): string[][] {
  const rows: string[][] = [];
  for (let pattern = 0; pattern < 4 ** keys.length; pattern++) {
    rows.push(
      keys.map((_, item) => {
        const state = threePointStates[Math.floor(pattern / 4 ** item) % 4] ?? null;
        return state === null ? missing(pattern, item) : codeOf(coding, state);
      }),
    );
  }
  return rows;
}

/** A case: the fixture, a coding, its rows written to a CSV file `id,q1,q2,q3`. */
function fixtureCase(name: string, coding: Coding, rows: string[][]): SyntaxCase {
  const file = join(folder, `${name}.csv`);
  writeFileSync(file, `id,${columns.join(',')}\n${rows.map((cells, index) => `${index + 1},${cells.join(',')}`).join('\n')}\n`);
  return { name, scale: fixture, dataset: { name, coding, rows, file }, options: { coding, columns: byNumber } };
}

// Manual coding (1 no, 2 more or less, 3 yes): every answer is offered; 0 and 4 are outside it.
const manual = parseCoding('manual');
// The 5-point manual coding with a declared missing code: 1 (no!) and 5 (yes!) are answers the
// fixture does not offer; missing answers are blanks, negative codes and 9.
const fivePoint = parseCoding('manual5;missing=9');
// A coding whose every answer the fixture does not offer: each item has no answer code at all.
const noneOffered = parseCoding('1=no!,2=yes!');
const cases: SyntaxCase[] = [
  fixtureCase('manual', manual, [
    ...patternRows(manual, () => ''),
    ['4', '2', '3'],
    ['0', '0', ''],
    ['2.5', '1', '1'],
  ]),
  fixtureCase('five-point', fivePoint, [
    ...patternRows(fivePoint, (pattern, item) => ['', '-1', '9'][(pattern + item) % 3] as string),
    ['1', '3', '4'],
    ['4', '5', ''],
    ['5', '1', '1'],
    ['7', '3', '3'],
    ['1', '7', '9'],
  ]),
  fixtureCase('none-offered', noneOffered, [
    ['', '', ''],
    ['1', '', ''],
    ['2', '1', '3'],
  ]),
];
const outputs = ['total', 'category', 'invalid_items'];

describe('issue 9: the fixture instrument (points 1/2/3, no subscales) in generated code', () => {
  it('the expectation is the library, and the library agrees with the definition file read independently', () => {
    for (const syntaxCase of cases.slice(0, 2)) {
      const expected = expectedResults(syntaxCase);
      expected.slice(0, 64).forEach((row, pattern) => {
        const given = Object.fromEntries(keys.map((key, item) => [key, threePointStates[Math.floor(pattern / 4 ** item) % 4] ?? null]));
        expect(row.total, `${syntaxCase.name} pattern ${pattern}`).toBe(threePointReference(given).total);
      });
      // The extra rows hold a code outside the coding or an answer not offered: no scores, items counted.
      for (const row of expected.slice(64)) {
        expect(row.total).toBeNull();
        expect(row.invalid_items).toBeGreaterThan(0);
      }
    }
    expect(cases[1] && expectedResults(cases[1]).slice(64).map((row) => row.invalid_items)).toEqual([1, 1, 3, 1, 2]);
    // No answer offered: a row of blanks is scored as all missing; any code is refused.
    expect(cases[2] && expectedResults(cases[2]).map((row) => row.invalid_items)).toEqual([0, 1, 3]);
  });

  it('the plan holds the points per code from the rules, the answers not offered, and only the total', () => {
    const plan = scoringPlan(fixture, { coding: fivePoint, columns: byNumber });
    expect(plan.items.map((item) => item.points)).toEqual([
      [{ points: 3, codes: [4] }, { points: 2, codes: [3] }, { points: 1, codes: [2] }],
      [{ points: 3, codes: [4] }, { points: 2, codes: [3] }, { points: 1, codes: [2] }],
      [{ points: 3, codes: [2] }, { points: 2, codes: [3] }, { points: 1, codes: [4] }],
    ]);
    expect(plan.items.map((item) => item.notOfferedCodes)).toEqual([[1, 5], [1, 5], [1, 5]]);
    expect(plan.scores.map((score) => [score.score, score.output, score.tolerated, score.maximum])).toEqual([['total', 'total', 1, 9]]);
    expect(plan.categories.map((category) => [category.output, category.convention.bands.map((band) => band.code)])).toEqual([['category', [1, 2, 3]]]);
  });

  it('no emotional or social score is written, and their names may be item columns', () => {
    for (const code of [toSpss(fixture, { coding: manual }), toR(fixture, { coding: manual }), toSql(fixture, { coding: manual })]) {
      expect(code).not.toMatch(/emotional|social/);
    }
    // Names of scores the scale does not have are not written, so they cannot clash.
    // Column specs are typed by De Jong Gierveld keys; a definition file's keys are plain strings.
    const map: Record<string, string> = { feelAlone: 'emotional', lackCompany: 'social', feelIncluded: 'q3' };
    const clash = { coding: manual, columns: { by: 'map', map } } as const;
    expect(scoringPlan(fixture, clash).scores.map((score) => score.output)).toEqual(['total']);
  });

  it('DuckDB and SQLite: every pattern, a not-offered answer and codes outside the coding agree with the library', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const database = new Database(':memory:');
    let compared = 0;
    for (const syntaxCase of cases) {
      const table = `responses_${syntaxCase.name.replace(/-/g, '_')}`;
      // DOUBLE, so that a non-integer code (2.5) reaches the generated code as it is.
      const types = `{'id': 'INTEGER', ${columns.map((column) => `'${column}': 'DOUBLE'`).join(', ')}}`;
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${syntaxCase.dataset.file}', header = true, columns = ${types})`);
      const sql = toSql(fixture, { ...syntaxCase.options, table });
      const duck = (await connection.runAndReadAll(`SELECT * FROM (${sql.replace(/;\s*$/, '')}) AS result ORDER BY id`)).getRowObjects();
      const duckRows: RowResult[] = duck.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])));
      expect(Object.keys(duck[0] ?? {}), 'no emotional or social column').toEqual(['id', ...columns, 'invalid_items', 'total', 'category']);
      expect(differences(expectedResults(syntaxCase), duckRows, outputs), `DuckDB ${syntaxCase.name}`).toEqual([]);

      database.exec(`CREATE TABLE ${table} (id INTEGER, ${columns.map((column) => `${column} REAL`).join(', ')})`);
      const insert = database.prepare(`INSERT INTO ${table} VALUES (?, ${columns.map(() => '?').join(', ')})`);
      syntaxCase.dataset.rows.forEach((cells, index) => insert.run(index + 1, ...cells.map((value) => (value === '' ? null : Number(value)))));
      const sqlite = (database.prepare(sql).all() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])),
      );
      expect(differences(expectedResults(syntaxCase), sqlite, outputs), `SQLite ${syntaxCase.name}`).toEqual([]);
      compared += duckRows.length;
    }
    database.close();
    connection.closeSync();
    instance.closeSync();
    expect(compared).toBe(cases.reduce((sum, syntaxCase) => sum + syntaxCase.dataset.rows.length, 0));
  });

  const rscript = engineAvailable('Rscript', ['--version']);
  it.skipIf(!rscript.run)(`Rscript: every pattern, a not-offered answer and codes outside the coding agree with the library${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const program: string[] = [];
    cases.forEach((syntaxCase, index) => {
      program.push(
        'local({',
        toR(fixture, syntaxCase.options),
        // Every other case reads the items as text, as data from spreadsheets often arrives.
        `  data <- read.csv(${JSON.stringify(syntaxCase.dataset.file)}, colClasses = ${index % 2 === 0 ? 'NA' : '"character"'})`,
        '  scored <- score_loneliness(data)',
        `  stopifnot(identical(names(scored), c(names(data), "invalid_items", "total", "category")))`,
        '  stopifnot(is.factor(scored$category))',
        '  scored$band <- as.integer(scored$category)',
        `  write.csv(scored[, c("id", "total", "category", "band", "invalid_items")], ${JSON.stringify(join(folder, `r-${index}.csv`))}, row.names = FALSE, na = "")`,
        '})',
      );
    });
    const script = join(folder, 'fixture.R');
    writeFileSync(script, program.join('\n'));
    const run = spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    expect(run.status, `${run.error?.message ?? ''}${run.stdout ?? ''}${run.stderr ?? ''}`).toBe(0);

    const bands = scoringPlan(fixture, { coding: manual }).categories[0]?.convention.bands ?? [];
    cases.forEach((syntaxCase, index) => {
      const rows = readCsv(join(folder, `r-${index}.csv`)).map((row) => ({
        ...row,
        // A factor is written as its label; its level (1 = first band) gives the band's code.
        'category:label': row.category ?? null,
        category: typeof row.band === 'number' ? (bands[row.band - 1]?.code ?? NaN) : null,
      }));
      expect(differences(expectedResults(syntaxCase), rows, [...outputs, 'category:label']), syntaxCase.name).toEqual([]);
      expect(rows).toHaveLength(syntaxCase.dataset.rows.length);
    });
  });

  const pspp = engineAvailable('pspp', ['--version']);
  it.skipIf(!pspp.run)(`GNU PSPP: every pattern, a not-offered answer and codes outside the coding agree with the library, codes and value labels${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const variables = ['id F8.0', ...columns.map((column) => `${column} F4.1`)].join(' ');
    const program: string[] = [];
    cases.forEach((syntaxCase, index) => {
      const file = join(folder, `fixture-${index}.sps`);
      writeFileSync(file, toSpss(fixture, syntaxCase.options));
      program.push(
        `GET DATA /TYPE=TXT /FILE='${syntaxCase.dataset.file}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /VARIABLES=${variables}.`,
        `INSERT FILE='${file}' SYNTAX=${index % 2 === 0 ? 'BATCH' : 'INTERACTIVE'}.`,
        // Every variable: the outputs must be exactly the total, its category and invalid_items.
        `SAVE TRANSLATE /OUTFILE='${join(folder, `values-${index}.csv`)}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.`,
        `SAVE TRANSLATE /OUTFILE='${join(folder, `labels-${index}.csv`)}' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE /KEEP=id category.`,
      );
    });
    const syntaxFile = join(folder, 'fixture.sps');
    writeFileSync(syntaxFile, program.join('\n'));
    const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'fixture-output.txt'), syntaxFile], { encoding: 'utf8' });
    const log = `${run.error?.message ?? ''}${run.stdout ?? ''}${run.stderr ?? ''}`;
    expect(run.status, log).toBe(0);
    expect(log).not.toMatch(/error|warning/i);

    cases.forEach((syntaxCase, index) => {
      const expected = expectedResults(syntaxCase);
      const values = readCsv(join(folder, `values-${index}.csv`));
      expect(Object.keys(values[0] ?? {}), 'no emotional or social variable').toEqual(['id', ...columns, 'invalid_items', 'total', 'category']);
      expect(differences(expected, values, outputs), syntaxCase.name).toEqual([]);
      const labels = readCsv(join(folder, `labels-${index}.csv`)).map((row) => ({ 'category:label': row.category ?? null }));
      expect(differences(expected, labels, ['category:label']), `${syntaxCase.name} labels`).toEqual([]);
    });
  });

  it.skipIf(!pspp.run)(`GNU PSPP: scores above 99 (items worth up to 100 points) are displayed in full: the format is as wide as the highest score${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const json = threePointJson() as { items: { points: Record<string, number> }[]; range: { total: number }; categories: { total: { conventions: { bands: { min: number; max: number }[] }[] } } };
    for (const item of json.items) item.points = { yes: 100, 'more or less': 50, no: 0 };
    json.range.total = 300;
    const bands = json.categories.total.conventions[0]?.bands ?? [];
    Object.assign(bands[2] ?? {}, { min: 8, max: 300 });
    const wide = defineScale(json);
    const syntaxCase: SyntaxCase = { ...fixtureCase('wide', manual, patternRows(manual, () => '')), scale: wide };
    const file = join(folder, 'wide.sps');
    writeFileSync(file, toSpss(wide, syntaxCase.options));
    const syntaxFile = join(folder, 'wide-run.sps');
    writeFileSync(
      syntaxFile,
      [
        `GET DATA /TYPE=TXT /FILE='${syntaxCase.dataset.file}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /VARIABLES=id F8.0 ${columns.map((column) => `${column} F4.0`).join(' ')}.`,
        `INSERT FILE='${file}' SYNTAX=BATCH.`,
        `SAVE TRANSLATE /OUTFILE='${join(folder, 'wide.csv')}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE /KEEP=id ${outputs.join(' ')}.`,
        // Displayed values follow the format: a value wider than it is shown as asterisks.
        'LIST /VARIABLES=total.',
      ].join('\n'),
    );
    const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'wide-output.txt'), syntaxFile], { encoding: 'utf8' });
    expect(run.status, `${run.error?.message ?? ''}${run.stdout ?? ''}${run.stderr ?? ''}`).toBe(0);
    const expected = expectedResults(syntaxCase);
    expect(Math.max(...expected.map((row) => (typeof row.total === 'number' ? row.total : 0)))).toBe(300);
    expect(differences(expected, readCsv(join(folder, 'wide.csv')), outputs)).toEqual([]);
    const listed = readFileSync(join(folder, 'wide-output.txt'), 'utf8');
    expect(listed).toMatch(/\| *300\|/);
    expect(listed).not.toMatch(/\*\*/);
  });
});
