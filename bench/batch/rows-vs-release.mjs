// The rows alone, against the previous release: `createBatchScorer` over the same CSV file (read
// into memory first, handed over in 1 MiB chunks, output bytes counted and dropped), in a fresh
// Node process per measurement, so that each includes the compiler's warm-up as a CLI run does,
// but not Node's start-up, module loading or file I/O. Builds alternate; medians are reported.
// Also per build: the first three chunks' time and the median time of a chunk among the last 20
// (compiled code), so that the compiler's warm-up shows apart from the steady speed.
// Usage: npm run build && node bench/batch/vs-release.mjs --rounds 1 && node bench/batch/rows-vs-release.mjs [--release f1ccc6a] [--rounds 15] [--rows 1000000]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { argument, data, median, root } from '../lib.mjs';

const release = argument('--release', 'f1ccc6a');
const rounds = Number(argument('--rounds', 15));
const rows = Number(argument('--rows', 1_000_000));
const input = join(data, `survey-${rows}.csv`);
const old = join(data, `release-${release}`, 'dist');
if (!existsSync(input) || !existsSync(join(old, 'batch.js'))) throw new Error(`Run node bench/batch/vs-release.mjs --rounds 1 --rows ${rows} first: it makes the input and builds the release.`);

// One measurement, run in a child process: prints milliseconds and the output size.
const child = `
const [dist, input] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { createBatchScorer } = await import(dist + '/batch.js');
const { djg6, parseColumnSpec } = await import(dist + '/index.js');
const bytes = readFileSync(input);
const chunks = [];
// Plain Uint8Array views, as the CLI reads (a Buffer is a subclass the loops would see as another kind).
for (let at = 0; at < bytes.length; at += 1 << 19) chunks.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at, Math.min(1 << 19, bytes.length - at)));
let written = 0;
const start = performance.now();
const scorer = createBatchScorer('csv', { scale: djg6, scoring: { coding: 'manual' }, columns: parseColumnSpec('lone{n}') }, (out) => { written += out.length; });
const times = [];
for (const chunk of chunks) {
  const before = performance.now();
  scorer.push(chunk);
  times.push(performance.now() - before);
}
scorer.end();
const last = times.slice(-20).sort((a, b) => a - b);
console.log(JSON.stringify({ ms: performance.now() - start, firstThree: times[0] + times[1] + times[2], steadyChunk: (last[9] + last[10]) / 2, written, read: scorer.counts.read }));
`;
const builds = [
  { name: `release ${release}`, dist: old },
  { name: 'this checkout', dist: join(root, 'dist') },
];
const results = builds.map(() => []);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  for (const index of order) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', child, builds[index].dist, input], { encoding: 'utf8' });
    results[index].push(JSON.parse(out));
  }
}
const same = results[0][0].written === results[1][0].written && results[0][0].read === results[1][0].read;
const medians = results.map((runs) => median(runs.map((run) => run.ms)));
console.log(`${rows.toLocaleString('en')} rows, ${rounds} fresh processes per build, alternating; same output size and row count: ${same}`);
console.log('| build | median ms | range ms | first 3 chunks, median ms | a compiled chunk, median ms | rows vs release |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [index, build] of builds.entries()) {
  const times = results[index].map((run) => run.ms);
  const first = median(results[index].map((run) => run.firstThree));
  const steady = median(results[index].map((run) => run.steadyChunk));
  console.log(`| ${build.name} | ${medians[index].toFixed(0)} | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} | ${first.toFixed(1)} | ${steady.toFixed(2)} | ${(medians[0] / medians[index]).toFixed(2)}× |`);
}
