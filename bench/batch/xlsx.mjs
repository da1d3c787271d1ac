// The .xlsx reader at scale: a survey workbook written by openpyxl (write-only mode, as large
// exports are written; 10 columns, 6 of them items as RIVM codes) scored by the CLI, against
// pandas read_excel (openpyxl engine) reading the same file, and the CLI scoring the same rows as
// CSV. Wall time and peak RSS by GNU time; medians of RUNS runs.
//
// Optional: XLSX_PEERS=/path/to/node_modules with exceljs and read-excel-file installed there
// (npm install exceljs read-excel-file in a scratch directory) adds their readers, reading only.
//
// Usage: npm run build && node bench/batch/xlsx.mjs [ROWS=100000] [RUNS=3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('Build first: npm run build');
const python = '/usr/bin/python3';
const directory = mkdtempSync(join(tmpdir(), 'djg-xlsx-bench-'));
const workbook = join(directory, 'survey.xlsx');
const csv = join(directory, 'survey.csv');
execFileSync(python, [join(root, 'bench', 'batch', 'xlsx-fixture.py'), workbook, String(rows), csv]);

/** Runs a command under GNU time; wall and CPU seconds and peak RSS in MB. */
function measure(command) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...command], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = run.stderr.trim().split('\n');
  const [seconds, user, system, kilobytes] = lines.pop().split(' ').map(Number);
  // A reader that fails is reported with its error, not left out.
  const failure = run.status === 0 ? null : (lines.find((line) => /Error/.test(line)) ?? `exit ${run.status}`).trim();
  return { seconds, cpu: user + system, rss: kilobytes / 1024, stdout: run.stdout, failure };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const scoreArgs = ['--coding', 'rivm', '--columns', 'lone{n}', '--quiet', '--out', join(directory, 'scored.csv')];
const pandas = join(directory, 'read_with_pandas.py');
writeFileSync(pandas, 'import sys, pandas\nframe = pandas.read_excel(sys.argv[1], sheet_name=0, engine="openpyxl")\nprint(len(frame))\n');
const contenders = [
  { name: 'loneliness-scales score survey.xlsx (read, score, write CSV)', command: ['node', cli, 'score', workbook, ...scoreArgs] },
  { name: 'loneliness-scales score survey.csv (the same rows as CSV)', command: ['node', cli, 'score', csv, ...scoreArgs] },
  { name: 'pandas read_excel, openpyxl engine (read only)', command: [python, pandas, workbook] },
];
const peers = process.env.XLSX_PEERS;
if (peers !== undefined) {
  const exceljs = join(directory, 'exceljs.cjs');
  writeFileSync(
    exceljs,
    `const ExcelJS = require(${JSON.stringify(join(peers, 'exceljs'))});
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
  let count = 0;
  for await (const sheet of reader) { for await (const row of sheet) count++; break; }
  console.log(count);
})();
`,
  );
  const readExcelFile = join(directory, 'read-excel-file.mjs');
  writeFileSync(readExcelFile, `import { readSheet } from ${JSON.stringify(join(peers, 'read-excel-file', 'node', 'index.js'))};\nconsole.log((await readSheet(process.argv[2])).length);\n`);
  contenders.push({ name: 'exceljs 4.4.0 stream.xlsx.WorkbookReader (read only)', command: ['node', exceljs, workbook] });
  // Minutes per run at 100,000 rows: measured once.
  contenders.push({ name: 'read-excel-file 9 readSheet (read only, whole sheet in memory)', command: ['node', readExcelFile, workbook], runs: 1 });
}

const results = contenders.map((contender) => {
  const measured = Array.from({ length: contender.runs ?? runs }, () => measure(contender.command));
  return {
    ...contender,
    seconds: median(measured.map((run) => run.seconds)),
    cpu: median(measured.map((run) => run.cpu)),
    rss: median(measured.map((run) => run.rss)),
    all: measured.map((run) => run.seconds),
    failure: measured.find((run) => run.failure !== null)?.failure ?? null,
  };
});
const base = results[0].seconds;
const sheetBytes = execFileSync(python, ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size)', workbook], { encoding: 'utf8' }).trim();
console.log(`${rows.toLocaleString('en')} rows; survey.xlsx ${(statSync(workbook).size / 1e6).toFixed(1)} MB (its sheet XML ${(Number(sheetBytes) / 1e6).toFixed(1)} MB inflated), survey.csv ${(statSync(csv).size / 1e6).toFixed(1)} MB; Node ${process.version}; medians of ${runs} runs\n`);
console.log('| reader | median wall time | × CLI on .xlsx | median CPU time (user + sys) | peak RSS | runs (wall, s) |');
console.log('|---|---:|---:|---:|---:|---|');
for (const result of results) {
  console.log(
    `| ${result.name}${result.failure === null ? '' : ` — **failed**: \`${result.failure}\``} | ${result.seconds.toFixed(2)} s | ${(result.seconds / base).toFixed(2)} | ${result.cpu.toFixed(2)} s | ${result.rss.toFixed(0)} MB | ${result.all.map((value) => value.toFixed(2)).join(', ')} |`,
  );
}
rmSync(directory, { recursive: true, force: true });
