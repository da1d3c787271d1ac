import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type Coding, type ScaleDefinition, ScoringError, djg6, score, asAnswers } from '../../src/index.js';
import { type SyntaxOptions, toR, toSpss, toSql } from '../../src/syntax/index.js';
import type { SqlOptions } from '../../src/syntax/sql.js';
import { engineAvailable, workFolder } from './fixtures.js';

// Issue 8 #11: hostile values must never run as code in the generated SPSS, R or SQL. Each value
// either is refused with a ScoringError, or is quoted so that the generated code, run in the
// engine, does what it says and nothing else: a canary table survives, no marker file appears.

const folder = workFolder('injection');
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const rscript = engineAvailable('Rscript', ['--version']);
const pspp = engineAvailable('pspp', ['--version']);

type Generate = (scale: ScaleDefinition, options: SqlOptions) => string;
const targets: [string, Generate][] = [
  ['SPSS', toSpss],
  ['R', toR],
  ['SQL', toSql],
];

/** The error a generator throws for the options, or the code it returns. */
function attempt(generate: Generate, options: SqlOptions): ScoringError | string {
  try {
    return generate(djg6, options);
  } catch (error) {
    if (error instanceof ScoringError) return error;
    throw error;
  }
}

const marker = (name: string): string => join(folder, `pwned-${name}`);
const sqlPayload = '9) THEN 0 ELSE 1 END) AS invalid_items FROM responses AS responses) AS checked) AS scored; DROP TABLE canary; --';
const rPayload = `9); file.create(${JSON.stringify(marker('r-code'))}); c(9`;
const spssPayload = `9).\nHOST COMMAND=['touch ${marker('spss-code')}'].\nDO IF (1`;

const manual = { name: 'hostile', codes: { 1: 'no', 2: 'more or less', 3: 'yes' }, missingCodes: [] as unknown[], negativeCodesMissing: true };
/** Coding objects as they may arrive from a JSON config, none of them a valid coding. */
const hostileCodings: [string, unknown][] = [
  ['a SQL payload as missing code', { ...manual, missingCodes: [sqlPayload] }],
  ['an R payload as missing code', { ...manual, missingCodes: [rPayload] }],
  ['an SPSS HOST payload as missing code', { ...manual, missingCodes: [spssPayload] }],
  ['missingCodes as a payload string (spread into characters)', { ...manual, missingCodes: '1); DROP TABLE canary; --' }],
  ['a numeric string as missing code', { ...manual, missingCodes: ['9'] }],
  ['a fraction as missing code', { ...manual, missingCodes: [9.5] }],
  ['NaN as missing code', { ...manual, missingCodes: [Number.NaN] }],
  ['Infinity as missing code', { ...manual, missingCodes: [Number.POSITIVE_INFINITY] }],
  ['an unsafe integer as missing code', { ...manual, missingCodes: [2 ** 60] }],
  ['an object with valueOf as missing code', { ...manual, missingCodes: [{ valueOf: () => 9, toString: () => '9); DROP TABLE canary; --' }] }],
  ['a payload as code', { ...manual, codes: { ...manual.codes, '4) OR 1=1; DROP TABLE canary; --': 'yes' } }],
  ['a hexadecimal code', { ...manual, codes: { '0x1': 'no', 2: 'more or less', 3: 'yes' } }],
  ['a fractional code', { ...manual, codes: { '1.5': 'no', 2: 'more or less', 3: 'yes' } }],
  ['a payload as answer', { ...manual, codes: { 1: "no'); DROP TABLE canary; --", 2: 'more or less', 3: 'yes' } }],
  ['a label that is no answer', { ...manual, codes: { 1: 'perhaps', 2: 'more or less', 3: 'yes' } }],
  ['missingCodes that are not an array', { name: 'x', codes: manual.codes, missingCodes: '9', negativeCodesMissing: true }],
  ['negativeCodesMissing as text', { ...manual, negativeCodesMissing: 'yes' }],
  ['a code both answer and missing', { ...manual, missingCodes: [3] }],
  ['a name that is not text', { ...manual, name: 5 }],
  ['an array', [1, 2, 3]],
  ['a number', 42],
];

describe('issue 8 #11: a coding object is checked by every generator before any value reaches code', () => {
  for (const [target, generate] of targets) {
    it.each(hostileCodings)(`${target}: %s is invalid_coding`, (_name, coding) => {
      const outcome = attempt(generate, { coding: coding as Coding });
      expect(outcome).toBeInstanceOf(ScoringError);
      expect((outcome as ScoringError).code).toBe('invalid_coding');
    });
  }

  it('a getter cannot show the check one missing code and the generator another', () => {
    let reads = 0;
    const coding = {
      ...manual,
      get missingCodes() {
        reads += 1;
        return reads === 1 ? [9] : [sqlPayload];
      },
    };
    for (const [, generate] of targets) {
      reads = 0;
      expect(generate(djg6, { coding: coding as unknown as Coding })).not.toContain('DROP TABLE');
    }
  });

  it('a valid coding object still generates code with its missing codes', () => {
    const coding = { ...manual, missingCodes: [8, 9] } as Coding;
    expect(toSql(djg6, { coding })).toContain('IN (1, 2, 3, 8, 9)');
    expect(toR(djg6, { coding })).toContain('code %in% c(8, 9)');
    expect(toSpss(djg6, { coding })).toContain('ANY(VALUE(emptiness), 8, 9)');
  });
});

describe('issue 8 #11: the payloads do not run in the engines', () => {
  const raw = { ...manual, missingCodes: [] as unknown[] };
  const columns = djg6.items.map((item) => item.key);
  const row = [1, 2, 3, 1, 2, 3];
  const expectedTotal = score(djg6, asAnswers(Object.fromEntries(columns.map((key, index) => [key, row[index]]))), { coding: 'manual' }).total;

  it('SQLite: a payload in the missing codes is refused, and the canary table survives', () => {
    const database = new Database(':memory:');
    database.exec(`CREATE TABLE canary (x INTEGER); CREATE TABLE responses (${columns.join(', ')}); INSERT INTO responses VALUES (${row.join(', ')})`);
    const outcome = attempt(toSql, { coding: { ...raw, missingCodes: [sqlPayload] } as unknown as Coding });
    if (typeof outcome === 'string') {
      try {
        database.exec(outcome);
      } catch {
        // A statement that fails is fine; one that drops the canary is not.
      }
    } else {
      expect(outcome.code).toBe('invalid_coding');
    }
    expect(database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'canary'").get()).toEqual({ n: 1 });
    database.close();
  });

  it.skipIf(!rscript.run)(`R: a payload in the missing codes is refused, and no file is written${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const outcome = attempt(toR, { coding: { ...raw, missingCodes: [rPayload] } as unknown as Coding });
    if (typeof outcome === 'string') {
      const script = join(folder, 'missing-payload.R');
      writeFileSync(script, `${outcome}\nscore_loneliness(data.frame(${columns.map((key, index) => `${key} = ${row[index]}`).join(', ')}))\n`);
      spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    } else {
      expect(outcome.code).toBe('invalid_coding');
    }
    expect(existsSync(marker('r-code'))).toBe(false);
  });

  it.skipIf(!pspp.run)(`PSPP: a HOST COMMAND in the missing codes is refused, and no file is written${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const outcome = attempt(toSpss, { coding: { ...raw, missingCodes: [spssPayload] } as unknown as Coding });
    if (typeof outcome === 'string') runPspp('missing-payload', outcome, columns, row);
    else expect(outcome.code).toBe('invalid_coding');
    expect(existsSync(marker('spss-code'))).toBe(false);
  });

  // Names: the SQL and R targets quote them; each engine then runs the code and scores correctly.
  const sqlNames = [
    'e"; DROP TABLE canary; --',
    "'); DROP TABLE canary; --",
    'x /* y',
    'x */ DROP TABLE canary; /*',
    '[x]',
    '`x`',
    'SELECT',
    'naïve ë',
  ];
  const sqlOptions: SqlOptions<typeof djg6> = {
    coding: 'manual',
    table: 'r"; DROP TABLE canary; --',
    columns: { by: 'map', map: Object.fromEntries(columns.map((key, index) => [key, `${sqlNames[index]}`])) },
    names: { total: 'total"; DROP TABLE canary; --', category: "c'; DROP TABLE canary; --", invalidItems: 'i */ DROP TABLE canary; /*' },
  };
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const create = [
    'CREATE TABLE canary (x INTEGER)',
    `CREATE TABLE ${quote(sqlOptions.table as string)} (${sqlNames.slice(0, 6).map((name) => `${quote(name)} INTEGER`).join(', ')})`,
    `INSERT INTO ${quote(sqlOptions.table as string)} VALUES (${row.join(', ')})`,
  ];

  it('SQLite: hostile table, column and output names are quoted; the code runs, scores, and the canary survives', () => {
    const sql = toSql(djg6, sqlOptions);
    const database = new Database(':memory:');
    for (const statement of create) database.exec(statement);
    database.exec(sql);
    const [result] = database.prepare(sql).all() as Record<string, unknown>[];
    expect(result?.['total"; DROP TABLE canary; --']).toBe(expectedTotal);
    expect(database.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'canary'").get()).toEqual({ n: 1 });
    database.close();
  });

  it('DuckDB: hostile table, column and output names are quoted; the code runs, scores, and the canary survives', async () => {
    const sql = toSql(djg6, sqlOptions);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const statement of create) await connection.run(statement);
    await connection.run(sql);
    const [result] = (await connection.runAndReadAll(sql)).getRowObjects();
    expect(Number(result?.['total"; DROP TABLE canary; --'])).toBe(expectedTotal);
    const canary = (await connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'canary'")).getRowObjects();
    expect(Number(canary[0]?.n)).toBe(1);
    connection.closeSync();
    instance.closeSync();
  });

  it.skipIf(!rscript.run)(`R: hostile column and output names are strings; the code runs, scores, and no file is written${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const file = marker('r-name');
    const rNames = [
      `x"); file.create(${JSON.stringify(file)}); ("`,
      `x\`); file.create(${JSON.stringify(file)}); (\``,
      'a\\',
      '#',
      'function',
      `' + file.create(${JSON.stringify(file)}) + '`,
    ];
    const code = toR(djg6, {
      coding: 'manual',
      columns: { by: 'map', map: Object.fromEntries(columns.map((key, index) => [key, rNames[index] as string])) },
      names: { total: `t"); file.create(${JSON.stringify(file)}); ("`, invalidItems: '`' },
      language: 'nl',
    });
    const out = join(folder, 'r-names.txt');
    const data = `data <- data.frame(${row.join(', ')}, check.names = FALSE)\nnames(data) <- c(${rNames.map((name) => JSON.stringify(name)).join(', ')})`;
    const script = join(folder, 'names.R');
    writeFileSync(script, `${code}\n${data}\nscored <- score_loneliness(data)\nwriteLines(as.character(scored[[${JSON.stringify(`t"); file.create(${JSON.stringify(file)}); ("`)}]]), ${JSON.stringify(out)})\n`);
    const run = spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(readFileSync(out, 'utf8').trim()).toBe(String(expectedTotal));
    expect(existsSync(file)).toBe(false);
  });

  it.skipIf(!pspp.run)(`PSPP: a coding name holding line breaks and HOST COMMAND stays in its comment${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const file = marker('spss-name');
    const host = `HOST COMMAND=['touch ${file}'].`;
    // Line breaks of every kind, a period ending a line, a blank line, and a long run of spaces
    // meant to make the comment wrap right after a period.
    const name = `x.\n${host}\r\n${host}\u2028${host}\u000b${host}\n\n${host} ${'p'.repeat(80)} y.${' '.repeat(120)}${host}`;
    // The core refuses a coding name that is not one printable line, before any code exists.
    expect(() => toSpss(djg6, { coding: { ...manual, name, missingCodes: [9] } as Coding })).toThrow(expect.objectContaining({ code: 'invalid_coding' }));
    expect(existsSync(file)).toBe(false);
  });
});

/** Runs SPSS syntax in PSPP over one case with the given variables; the listing is not checked. */
function runPspp(name: string, syntax: string, variables: readonly string[], values: readonly number[]): void {
  const file = join(folder, `${name}.sps`);
  writeFileSync(file, syntax);
  const main = join(folder, `${name}-main.sps`);
  writeFileSync(main, [`DATA LIST LIST /${variables.join(' ')}.`, 'BEGIN DATA', values.join(' '), 'END DATA.', `INCLUDE FILE='${file}'.`, 'LIST.', ''].join('\n'));
  spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, `${name}.lst`), main], { encoding: 'utf8' });
}

describe('issue 8 #11: SPSS names are variable names, never reserved words', () => {
  const names = [
    "x. HOST COMMAND=['touch pwned'].",
    "a'b",
    'a b',
    'line\nbreak',
    '1st',
    '$system',
    '#scratch',
    'ends.',
    'x'.repeat(65),
    ...['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH', 'to', 'With', 'aNd'],
  ];
  it.each(names)('%j as a column or an output name is invalid_option', (name) => {
    const asColumn = attempt(toSpss, { coding: 'manual', columns: { by: 'map', map: { trust: name, emptiness: 'e', leanOn: 'l', closeTo: 'c', missPeople: 'm', rejected: 'r' } } });
    expect(asColumn).toBeInstanceOf(ScoringError);
    expect((asColumn as ScoringError).code).toBe('invalid_option');
    const asOutput = attempt(toSpss, { coding: 'manual', names: { social: name } });
    expect(asOutput).toBeInstanceOf(ScoringError);
    expect((asOutput as ScoringError).code).toBe('invalid_option');
  });

  it.skipIf(!pspp.run)(`odd but valid names (@x, a.b, x$1, Q#3, TOTAL2) run in PSPP${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const odd = ['@x', 'a.b', 'x$1', 'Q#3', 'TOTAL2', 'with_'];
    const code = toSpss(djg6, { coding: 'manual', columns: { by: 'map', map: Object.fromEntries(djg6.items.map((item, index) => [item.key, odd[index] as string])) } });
    const file = join(folder, 'odd.sps');
    writeFileSync(file, code);
    const main = join(folder, 'odd-main.sps');
    const out = join(folder, 'odd.csv');
    writeFileSync(main, [`DATA LIST LIST /${odd.join(' ')}.`, 'BEGIN DATA', '3 3 3 2 3 3', 'END DATA.', `INCLUDE FILE='${file}'.`, `SAVE TRANSLATE /OUTFILE='${out}' /TYPE=CSV /FIELDNAMES /REPLACE /KEEP=total.`, ''].join('\n'));
    const run = spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'odd.lst'), main], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split(/\r?\n/)[1]?.trim()).toBe('4');
  });
});

describe('issue 8 #11: no line break reaches generated code from any name', () => {
  const breaks = ['a\nb', 'a\rb', 'a\u2028b', 'a\u0000b', 'a\u202eb'];
  for (const [target, generate] of targets) {
    it.each(breaks)(`${target}: %j as a column, output or table name is invalid_option`, (name) => {
      const options: SqlOptions[] = [
        { coding: 'manual', columns: { by: 'number', pattern: `${name}{n}` } },
        { coding: 'manual', names: { total: name } },
        ...(target === 'SQL' ? [{ coding: 'manual' as const, table: name }] : []),
      ];
      for (const option of options) {
        const outcome = attempt(generate, option);
        expect(outcome).toBeInstanceOf(ScoringError);
        expect((outcome as ScoringError).code).toBe('invalid_option');
      }
    });

    it(`${target}: a coding name with a line break is refused (invalid_coding), so no comment can be broken`, () => {
      expect(() => generate(djg6, { coding: { ...manual, name: 'first\nDROP TABLE canary;\r\u0085second', missingCodes: [9] } as Coding } as SyntaxOptions)).toThrow(
        expect.objectContaining({ code: 'invalid_coding' }),
      );
    });

    it(`${target}: a coding name with a Unicode line separator stays on its comment line`, () => {
      const code = generate(djg6, { coding: { ...manual, name: 'first\u2028DROP TABLE canary; second', missingCodes: [9] } as Coding } as SyntaxOptions);
      const line = code.split('\n').find((text) => text.includes('DROP TABLE')) ?? '';
      expect(line).toMatch(/^(\*|#|--) /);
    });
  }

  it('SQL: a table name with an empty part is invalid_option', () => {
    for (const table of ['a..b', '.a', 'a.', '']) {
      const outcome = attempt(toSql, { coding: 'manual', table });
      expect((outcome as ScoringError).code, table).toBe('invalid_option');
    }
  });
});

describe("issue 8 #11: a custom scale's item keys reach code only as plain identifiers", () => {
  const withKey = (key: string): ScaleDefinition =>
    ({ ...djg6, items: djg6.items.map((item) => (item.key === 'trust' ? { ...item, key } : item)) }) as unknown as ScaleDefinition;

  for (const [target, generate] of targets) {
    it(`${target}: a key that is not a plain identifier is invalid_option`, () => {
      for (const key of ['x); file.create("z"); (', 'a b', 'x\ny', '`x`', '']) {
        let outcome: unknown;
        try {
          outcome = generate(withKey(key), { coding: 'manual' });
        } catch (error) {
          outcome = error;
        }
        expect(outcome, key).toBeInstanceOf(ScoringError);
      }
    });
  }

  it.skipIf(!rscript.run)(`R: an item key that is an R reserved word is written in backticks and runs${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const scale = withKey('function');
    const code = toR(scale, { coding: 'manual' });
    expect(code).toContain('`function` = read_item("function"');
    const out = join(folder, 'reserved-key.txt');
    const script = join(folder, 'reserved-key.R');
    const keys = scale.items.map((item) => item.key);
    writeFileSync(script, `${code}\ndata <- data.frame(${keys.map((key) => `${JSON.stringify(key)} = 3`).join(', ')}, check.names = FALSE)\nwriteLines(as.character(score_loneliness(data)$total), ${JSON.stringify(out)})\n`);
    const run = spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(readFileSync(out, 'utf8').trim()).toBe(String(score(djg6, asAnswers(Object.fromEntries(djg6.items.map((item) => [item.key, 3]))), { coding: 'manual' }).total));
  });
});

describe('issue 8 #11: options of the wrong type are ScoringError, never TypeError', () => {
  for (const [target, generate] of targets) {
    it(`${target}: numbers as column names, null options`, () => {
      const numbers = attempt(generate, { coding: 'manual', columns: { by: 'order', order: 'cbs', columns: [1, 2, 3, 4, 5, 6] as unknown as string[] } });
      expect((numbers as ScoringError).code).toBe('invalid_option');
      const none = attempt(generate, null as unknown as SqlOptions);
      expect(none).toBeInstanceOf(ScoringError);
    });
  }
});

describe("issue 8 #11: category labels of a custom scale reach code only quoted", () => {
  /** djg6 with the label of the total's middle band (scores 2-4) replaced. */
  const withLabel = (label: string): ScaleDefinition => {
    const scale = structuredClone(djg6) as unknown as { categories: { total: { conventions: { bands: { label: { en: string } }[] }[] } } };
    const band = scale.categories.total.conventions[0]?.bands[1];
    if (band !== undefined) band.label.en = label;
    return scale as unknown as ScaleDefinition;
  };
  const items = djg6.items.map((item) => item.key);
  const seedCodes = [3, 3, 3, 2, 3, 3];

  for (const [target, generate] of targets) {
    it(`${target}: a label with a line break is invalid_option`, () => {
      let outcome: unknown;
      try {
        outcome = generate(withLabel("x'\nHOST COMMAND=['touch y']."), { coding: 'manual' });
      } catch (error) {
        outcome = error;
      }
      expect((outcome as ScoringError).code).toBe('invalid_option');
    });
  }

  it.skipIf(!pspp.run)(`PSPP: a label with quotes and a HOST COMMAND is a value label, nothing else${pspp.reason ? ` (${pspp.reason})` : ''}`, () => {
    const file = marker('spss-label');
    const label = `it's "x" \\ '. HOST COMMAND=['touch ${file}'].`;
    const code = toSpss(withLabel(label), { coding: 'manual' });
    const syntax = join(folder, 'label.sps');
    writeFileSync(syntax, code);
    const main = join(folder, 'label-main.sps');
    const out = join(folder, 'label.csv');
    writeFileSync(main, [`DATA LIST LIST /${items.join(' ')}.`, 'BEGIN DATA', seedCodes.join(' '), 'END DATA.', `INCLUDE FILE='${syntax}'.`, `SAVE TRANSLATE /OUTFILE='${out}' /TYPE=CSV /CELLS=LABELS /REPLACE /KEEP=category.`, ''].join('\n'));
    spawnSync('pspp', ['-O', 'format=txt', '-o', join(folder, 'label.lst'), main], { encoding: 'utf8' });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(out, 'utf8').trim().replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(label);
  });

  it.skipIf(!rscript.run)(`R: a label with quotes and code is a factor level, nothing else${rscript.reason ? ` (${rscript.reason})` : ''}`, () => {
    const file = marker('r-label');
    const label = `"); file.create(${JSON.stringify(file)}); ("\\`;
    const code = toR(withLabel(label), { coding: 'manual' });
    const out = join(folder, 'r-label.txt');
    const script = join(folder, 'label.R');
    writeFileSync(script, `${code}\ndata <- data.frame(${items.map((key, index) => `${key} = ${seedCodes[index]}`).join(', ')})\nwriteLines(as.character(score_loneliness(data)$category), ${JSON.stringify(out)})\n`);
    const run = spawnSync('Rscript', ['--vanilla', script], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(out, 'utf8').trim()).toBe(label);
  });
});
