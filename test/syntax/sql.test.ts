import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { toSql } from '../../src/syntax/index.js';
import { type RowResult, cell, differences, expectedResults, outputColumns, syntaxCases, workFolder } from './fixtures.js';

const folder = workFolder('sql');
const cases = syntaxCases(folder);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const itemColumns = Array.from({ length: 11 }, (_, index) => `lone${index + 1}`);
const fieldsOf = (syntaxCase: (typeof cases)[number]): string[] => {
  const { scores, categories, invalidItems } = outputColumns(syntaxCase);
  return [...scores, ...categories, invalidItems];
};

describe('generated SQL agrees with the library on every row (MANUAL scoring rules)', () => {
  it('DuckDB: every case, every coding, 10,000 respondents each', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const columns = `{'id': 'INTEGER', ${itemColumns.map((column) => `'${column}': 'INTEGER'`).join(', ')}}`;
    const loaded = new Set<string>();
    let compared = 0;
    for (const syntaxCase of cases) {
      const table = `responses_${syntaxCase.dataset.name}`;
      if (!loaded.has(table)) {
        await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${syntaxCase.dataset.file}', header = true, columns = ${columns})`);
        loaded.add(table);
      }
      const sql = toSql(syntaxCase.scale, { ...syntaxCase.options, table });
      const reader = await connection.runAndReadAll(`SELECT * FROM (${sql.replace(/;\s*$/, '')}) AS result ORDER BY id`);
      const rows: RowResult[] = reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])));
      expect(differences(expectedResults(syntaxCase), rows, fieldsOf(syntaxCase)), syntaxCase.name).toEqual([]);
      expect(Object.keys(rows[0] ?? {}).slice(0, 12), 'all input columns first').toEqual(['id', ...itemColumns]);
      // The generated text itself, unchanged (comments, final semicolon), runs as it is.
      const unchanged = (await connection.runAndReadAll(sql)).getRowObjects();
      expect(unchanged.length).toBe(rows.length);
      compared += rows.length;
    }
    connection.closeSync();
    instance.closeSync();
    expect(compared).toBe(cases.length * 10_000);
  });

  it('SQLite: every case, every coding, 10,000 respondents each', () => {
    const database = new Database(':memory:');
    const loaded = new Set<string>();
    let compared = 0;
    for (const syntaxCase of cases) {
      const table = `responses_${syntaxCase.dataset.name}`;
      if (!loaded.has(table)) {
        database.exec(`CREATE TABLE ${table} (id INTEGER, ${itemColumns.map((column) => `${column} INTEGER`).join(', ')})`);
        const insert = database.prepare(`INSERT INTO ${table} VALUES (${['?', ...itemColumns.map(() => '?')].join(', ')})`);
        database.transaction(() => {
          syntaxCase.dataset.rows.forEach((cells, index) => insert.run(index + 1, ...cells.map((value) => (value === '' ? null : Number(value)))));
        })();
        loaded.add(table);
      }
      const sql = toSql(syntaxCase.scale, { ...syntaxCase.options, table });
      const raw = database.prepare(`SELECT * FROM (${sql.replace(/;\s*$/, '')}) AS result ORDER BY id`).all() as Record<string, unknown>[];
      // The generated text itself, unchanged (comments, final semicolon), runs as it is.
      expect(database.prepare(sql).all()).toHaveLength(raw.length);
      const rows: RowResult[] = raw.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])));
      expect(differences(expectedResults(syntaxCase), rows, fieldsOf(syntaxCase)), syntaxCase.name).toEqual([]);
      compared += rows.length;
    }
    database.close();
    expect(compared).toBe(cases.length * 10_000);
  });
});

describe('generated SQL with names that need quoting runs in DuckDB and SQLite', () => {
  const manual = cases[0] as (typeof cases)[number];
  const odd = ['Q 3', 'order', 'Trust', 'close-to', 'select', 'x"y'];
  const oddCase = {
    ...manual,
    name: 'odd-names',
    options: {
      coding: 'manual' as const,
      columns: { by: 'map' as const, map: { emptiness: 'Q 3', leanOn: 'order', trust: 'Trust', closeTo: 'close-to', missPeople: 'select', rejected: 'x"y' } },
      names: { total: 'Total score', category: 'group' },
      table: 'my table',
    },
  };
  const numbers = [3, 4, 7, 8, 9, 10];
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const rows = manual.dataset.rows.slice(0, 2000);
  const expected = expectedResults(oddCase).slice(0, 2000);
  const fields = fieldsOf(oddCase);

  it('DuckDB and SQLite', async () => {
    const create = `CREATE TABLE "my table" (id INTEGER, ${odd.map((name) => `${quote(name)} INTEGER`).join(', ')})`;
    const values = rows.map((cells, index) => [index + 1, ...numbers.map((number) => (cells[number - 1] === '' ? null : Number(cells[number - 1])))]);
    const sql = toSql(oddCase.scale, oddCase.options).replace(/;\s*$/, '');

    const database = new Database(':memory:');
    database.exec(create);
    const insert = database.prepare(`INSERT INTO "my table" VALUES (${values[0]?.map(() => '?').join(', ')})`);
    database.transaction(() => values.forEach((row) => insert.run(...row)))();
    const sqliteRows = (database.prepare(`SELECT * FROM (${sql}) AS result ORDER BY id`).all() as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])),
    );
    database.close();
    expect(differences(expected, sqliteRows, fields)).toEqual([]);

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(create);
    await connection.run(`INSERT INTO "my table" VALUES ${values.map((row) => `(${row.map((value) => (value === null ? 'NULL' : value)).join(', ')})`).join(', ')}`);
    const reader = await connection.runAndReadAll(`SELECT * FROM (${sql}) AS result ORDER BY id`);
    const duckRows = reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cell(value)])));
    connection.closeSync();
    instance.closeSync();
    expect(differences(expected, duckRows, fields)).toEqual([]);
  });
});
