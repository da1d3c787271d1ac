// Runs peers/score.sql in DuckDB through @duckdb/node-api: the benchmark's DuckDB peer (optional).
// Install it outside the package: npm install --prefix bench/.data/duckdb @duckdb/node-api
// Usage: node score_duckdb.mjs INPUT.csv OUTPUT.csv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../.data/duckdb/', import.meta.url));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));
const [input, output] = process.argv.slice(2);
const sql = readFileSync(new URL('./score.sql', import.meta.url), 'utf8').replaceAll('{{INPUT}}', input).replaceAll('{{OUTPUT}}', output);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
