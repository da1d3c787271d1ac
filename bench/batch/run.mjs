// Batch benchmark: the CLI against pandas, base R and PSPP (and DuckDB when installed) on the
// same generated 1,000,000-row, 11-item CSV, scoring the 6-item scale; output = input columns +
// scores. Each round runs every peer once, in turn; the table reports medians over the rounds,
// ratios to the CLI, and peak RSS (GNU time). Also: peak RSS at 10,000,000 rows, and the in-process
// columnar throughput.
// Usage: npm run bench:batch [-- --rounds 5 --rows 1000000 --no-10m]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argument, data, measure, median, root } from '../lib.mjs';

const rounds = Number(argument('--rounds', 5));
const rows = Number(argument('--rows', 1_000_000));
const tenMillion = !process.argv.includes('--no-10m');

function survey(count) {
  const file = join(data, `survey-${count}.csv`);
  if (!existsSync(file)) execFileSync(process.execPath, [join(root, 'bench/generate-survey.mjs'), String(count), file], { stdio: 'inherit' });
  return file;
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const input = survey(rows);
const out = (name) => join(data, `out-${name}.csv`);
const pspp = join(data, 'score-djg6.sps');
writeFileSync(
  pspp,
  readFileSync(join(root, 'bench/batch/peers/score-djg6.sps'), 'utf8').replaceAll('{{INPUT}}', input).replaceAll('{{OUTPUT}}', out('pspp')),
);

const peers = [
  { name: 'loneliness-scales CLI', command: [process.execPath, join(root, 'dist/cli.js'), 'score', input, '--coding', 'manual', '--columns', 'lone{n}', '--quiet', '--out', out('cli')] },
  { name: 'pandas (vectorised)', command: ['/usr/bin/python3', join(root, 'bench/batch/peers/score_pandas.py'), input, out('pandas')], available: has('/usr/bin/python3') },
  { name: 'base R (vectorised)', command: ['Rscript', join(root, 'bench/batch/peers/score_base.R'), input, out('r')], available: has('Rscript') },
  { name: 'GNU PSPP (SPSS syntax)', command: ['pspp', pspp], available: has('pspp') },
  {
    name: 'DuckDB (SQL, @duckdb/node-api)',
    command: [process.execPath, join(root, 'bench/batch/peers/score_duckdb.mjs'), input, out('duckdb')],
    available: existsSync(join(data, 'duckdb/node_modules/@duckdb/node-api')),
  },
].filter((peer) => peer.available !== false);



const times = new Map(peers.map((peer) => [peer.name, []]));
const rss = new Map(peers.map((peer) => [peer.name, []]));
for (let round = 1; round <= rounds; round++) {
  for (const peer of peers) {
    const { seconds, rssMb } = measure(peer.command);
    times.get(peer.name).push(seconds);
    rss.get(peer.name).push(rssMb);
    console.error(`round ${round}: ${peer.name} ${seconds.toFixed(2)} s, ${rssMb.toFixed(0)} MB`);
  }
}
const cli = median(times.get(peers[0].name));
const table = peers.map((peer) => {
  const time = median(times.get(peer.name));
  const output = out(peer.command.includes(out('cli')) ? 'cli' : peer.command.find((part) => part.startsWith(join(data, 'out-')))?.slice(join(data, 'out-').length, -4) ?? 'pspp');
  const identical = existsSync(output) && readFileSync(output).equals(readFileSync(out('cli')));
  return { peer: peer.name, median: time, ratio: time / cli, rss: Math.max(...rss.get(peer.name)), runs: times.get(peer.name), identical };
});

let scale = null;
if (tenMillion) {
  const big = survey(10_000_000);
  const command = (file) => [process.execPath, join(root, 'dist/cli.js'), 'score', file, '--coding', 'manual', '--columns', 'lone{n}', '--quiet', '--out', out('cli-scale')];
  const one = measure(command(input));
  const ten = measure(command(big));
  scale = { rss1: one.rssMb, rss10: ten.rssMb, seconds10: ten.seconds };
}

const columnar = JSON.parse(execFileSync(process.execPath, [join(root, 'bench/batch/columnar.mjs')], { encoding: 'utf8' }));

const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${(await import('node:os')).cpus()[0]?.model ?? 'unknown CPU'} (${(await import('node:os')).cpus().length} cores), Node ${process.version}; ${rounds} rounds, medians; file: ${rows.toLocaleString('en')} rows, ${(readFileSync(input).length / 1e6).toFixed(1)} MB.`,
  '',
  '| peer | median wall time | × CLI time | peak RSS | output byte-identical to the CLI\'s | runs (s) |',
  '|---|---:|---:|---:|---|---|',
  ...table.map((row) => `| ${row.peer} | ${row.median.toFixed(2)} s | ${row.ratio.toFixed(1)}× | ${row.rss.toFixed(0)} MB | ${row.peer.includes('CLI') ? '–' : row.identical ? 'yes' : 'no (number formatting)'} | ${row.runs.map((run) => run.toFixed(2)).join(', ')} |`),
  '',
  scale === null
    ? ''
    : `Memory does not grow with rows: peak RSS ${scale.rss1.toFixed(0)} MB at 1,000,000 rows, ${scale.rss10.toFixed(0)} MB at 10,000,000 rows (${(((scale.rss10 - scale.rss1) / scale.rss1) * 100).toFixed(0)}%; ${scale.seconds10.toFixed(1)} s).`,
  '',
  `Columnar path, in process (\`scoreColumns\`, Int8Array codes, ${columnar.rows.toLocaleString('en')} respondents, median of ${columnar.runs}): ${(columnar.perSecond / 1e6).toFixed(0)} million respondents per second.`,
];
const result = lines.join('\n');
writeFileSync(join(data, 'batch-results.md'), `${result}\n`);
console.log(result);
