// DuckDB running the generated SQL over the benchmark survey (1,000,000 respondents by default,
// columns id,wave,lone1..lone11, manual coding), checked row by row against the library.
// Usage: npm run build && node bench/syntax-duckdb.bench.mjs [rows]
//   (generates bench/.data/survey-<rows>.csv first when it is absent; prints a Markdown table
//   for docs/benchmarks.md, section "Syntax (DuckDB)")
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { createScorer, djg11, djg6 } from '../dist/index.js';
import { toSql } from '../dist/syntax.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 5;
const file = new URL(`./.data/survey-${rows}.csv`, import.meta.url).pathname;
if (!existsSync(file)) execFileSync(process.execPath, [new URL('./generate-survey.mjs', import.meta.url).pathname, String(rows)], { stdio: 'inherit' });

const itemColumns = Array.from({ length: 11 }, (_, index) => `lone${index + 1}`);
const columnTypes = `{'id': 'INTEGER', 'wave': 'INTEGER', ${itemColumns.map((column) => `'${column}': 'INTEGER'`).join(', ')}}`;
const lone = { by: 'number', pattern: 'lone{n}' };

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS threads")).getRowObjects()[0].threads;
const version = (await connection.runAndReadAll('SELECT version() AS version')).getRowObjects()[0].version;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(sql) {
  const timings = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await connection.run(sql);
    timings.push(performance.now() - start);
  }
  return median(timings);
}

const load = await time(`CREATE OR REPLACE TABLE responses AS SELECT * FROM read_csv('${file}', header = true, columns = ${columnTypes})`);
const results = [];
for (const scale of [djg6, djg11]) {
  const sql = toSql(scale, { coding: 'manual', columns: lone }).replace(/;\s*$/, '');
  const inTable = await time(`CREATE OR REPLACE TABLE scored AS ${sql}`);
  const fromCsv = await time(
    `CREATE OR REPLACE TABLE scored_csv AS ${sql.replace('FROM responses AS responses', `FROM read_csv('${file}', header = true, columns = ${columnTypes}) AS responses`)}`,
  );

  // Every row against the library (a blank is a missing answer, as the CSV holds it).
  const reader = await connection.runAndReadAll('SELECT id, total, emotional, social, category FROM scored ORDER BY id');
  const [ids, totals, emotionals, socials, categories] = reader.getColumns();
  const scorer = createScorer(scale, { coding: 'manual' });
  const lines = readFileSync(file, 'utf8').split('\n');
  const value = (column, index) => (column[index] === null || column[index] === undefined ? null : Number(column[index]));
  let compared = 0;
  let differing = 0;
  for (let index = 0; index < ids.length; index++) {
    const cells = lines[index + 1].split(',');
    const answers = {};
    for (const item of scale.items) answers[item.key] = cells[item.number + 1];
    const result = scorer.score(answers);
    const same =
      result.total === value(totals, index) &&
      result.emotional === value(emotionals, index) &&
      result.social === value(socials, index) &&
      (result.category?.code ?? null) === value(categories, index);
    if (!same) differing++;
    compared++;
  }
  results.push({ scale: scale.id, inTable, fromCsv, compared, differing });
}
connection.closeSync();
instance.closeSync();

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
console.log(`DuckDB ${version} (Node ${process.versions.node}, ${cpus().length} cores, ${threads} threads), ${rows.toLocaleString('en-US')} respondents, median of ${ROUNDS} rounds`);
console.log('');
console.log('| step | djg6 | djg11 |');
console.log('|---|---|---|');
console.log(`| load the CSV into a table (once, both scales) | ${seconds(load)} | ${seconds(load)} |`);
console.log(`| generated SQL over the table (\`CREATE TABLE … AS\`) | ${results.map((result) => `${seconds(result.inTable)} (${rate(result.inTable)})`).join(' | ')} |`);
console.log(`| generated SQL straight over the CSV | ${results.map((result) => `${seconds(result.fromCsv)} (${rate(result.fromCsv)})`).join(' | ')} |`);
console.log(`| rows compared with the library / differing | ${results.map((result) => `${result.compared.toLocaleString('en-US')} / ${result.differing}`).join(' | ')} |`);
if (results.some((result) => result.differing > 0 || result.compared !== rows)) process.exitCode = 1;
