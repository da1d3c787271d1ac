// The CLI on the same 1M-row survey in the dialects researchers have: comma-separated UTF-8 (the
// fast path), Dutch Excel CSV (BOM, ";", CRLF), Windows-1252 (";", CRLF, one accented header),
// and comma input written as Excel-CSV (--excel). Rounds alternate; medians and ratios to the
// comma case of the same run. Usage: npm run build && node bench/batch/dialects.mjs [--rows 1000000] [--rounds 3]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const rows = Number(argument('--rows', 1_000_000));
const rounds = Number(argument('--rounds', 3));
const data = join(root, 'bench/.data');
const comma = join(data, `survey-${rows}.csv`);
if (!existsSync(comma)) execFileSync('node', [join(root, 'bench/generate-survey.mjs'), String(rows), comma], { stdio: 'inherit' });
const text = readFileSync(comma, 'latin1');
const excel = join(data, `survey-${rows}-excel-nl.csv`);
const windows = join(data, `survey-${rows}-cp1252.csv`);
const semicolons = text.replaceAll(',', ';').replaceAll('\n', '\r\n');
writeFileSync(excel, `\uFEFF${semicolons}`, 'utf8');
writeFileSync(windows, semicolons.replace('wave', 'golf\u00e9'), 'latin1');

const common = ['--scale', 'djg11', '--coding', 'manual', '--columns', 'lone{n}', '-q', '--out', join(data, 'dialects-out.csv')];
const cases = [
  ['comma, UTF-8 → CSV', [comma]],
  ['Dutch Excel CSV (BOM, ;, CRLF) → CSV', [excel]],
  ['Windows-1252 (;, CRLF) → CSV', [windows]],
  ['comma → Excel-CSV (--excel)', [comma, '--excel']],
];
const times = cases.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? cases.map((_, index) => index) : cases.map((_, index) => cases.length - 1 - index);
  for (const index of order) {
    const start = process.hrtime.bigint();
    execFileSync('node', [join(root, 'dist/cli.js'), 'score', ...cases[index][1], ...common], { stdio: ['ignore', 'ignore', 'inherit'] });
    times[index].push(Number(process.hrtime.bigint() - start) / 1e9);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(times[0]);
console.log(`| input → output (${rows.toLocaleString('en')} rows, median of ${rounds}) | seconds | ratio to comma |`);
console.log('|---|---|---|');
cases.forEach(([name], index) => console.log(`| ${name} | ${median(times[index]).toFixed(2)} | ${(median(times[index]) / base).toFixed(2)} |`));
