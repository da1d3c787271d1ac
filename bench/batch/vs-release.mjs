// The CLI against the previous release, built in the same run: the same 1,000,000-row file,
// the same command, run in turn; medians of wall time and peak RSS (GNU time), and the ratio.
// Usage: npm run build && node bench/batch/vs-release.mjs [--release v0.1.0|COMMIT] [--rounds 9] [--rows 1000000]
//        [--to file|pipe|null] [--without-extra-ca]
// --to: where the output goes: a file (--out, replaced each run), a shell pipe (| cat > file) or
// /dev/null (--out /dev/null). --without-extra-ca runs both builds without NODE_EXTRA_CA_CERTS
// (where set, Node reads those certificates at every start: about 45 ms on the benchmark machine).
// The release is exported with `git archive` into bench/.data/release-<ref>/ and built with this
// checkout's node_modules (tsup); outputs of both are compared byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { argument, data, measure, median, root } from '../lib.mjs';

const release = argument('--release', 'f1ccc6a');
const rounds = Number(argument('--rounds', 9));
const rows = Number(argument('--rows', 1_000_000));

const input = join(data, `survey-${rows}.csv`);
if (!existsSync(input)) execFileSync(process.execPath, [join(root, 'bench/generate-survey.mjs'), String(rows), input], { stdio: 'inherit' });

const old = join(data, `release-${release}`);
if (!existsSync(join(old, 'dist/cli.js'))) {
  mkdirSync(old, { recursive: true });
  execFileSync('sh', ['-c', `git -C '${root}' archive '${release}' | tar -x -C '${old}'`]);
  if (!existsSync(join(old, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'));
  execFileSync('npx', ['tsup', '--silent'], { cwd: old, stdio: 'inherit' });
}

const to = argument('--to', 'file');
if (!['file', 'pipe', 'null'].includes(to)) throw new Error(`--to must be file, pipe or null, not ${to}`);
if (process.argv.includes('--without-extra-ca')) delete process.env.NODE_EXTRA_CA_CERTS;
const score = (cli) => [process.execPath, cli, 'score', input, '--coding', 'manual', '--columns', 'lone{n}', '--quiet'];
const command = (cli, out) => {
  if (to === 'null') return [...score(cli), '--out', '/dev/null'];
  if (to === 'pipe') return ['sh', '-c', '"$@" | cat > "$0"', out, ...score(cli)];
  return [...score(cli), '--out', out];
};
const builds = [
  { name: `release ${release}`, cli: join(old, 'dist/cli.js'), out: join(data, 'out-release.csv') },
  { name: 'this checkout', cli: join(root, 'dist/cli.js'), out: join(data, 'out-current.csv') },
];


const results = builds.map(() => []);
for (let round = 0; round < rounds; round++) {
  // Alternate the order, so that neither build always runs on a warmer cache.
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  for (const index of order) results[index].push(measure(command(builds[index].cli, builds[index].out)));
}
const same = to === 'null' ? 'not compared (/dev/null)' : readFileSync(builds[0].out).equals(readFileSync(builds[1].out));
const rowsOf = builds.map((build, index) => ({
  name: build.name,
  wall: median(results[index].map((run) => run.seconds)),
  cpu: median(results[index].map((run) => run.cpu)),
  rss: median(results[index].map((run) => run.rssMb)),
  min: Math.min(...results[index].map((run) => run.seconds)),
  max: Math.max(...results[index].map((run) => run.seconds)),
}));
console.log(`${rows.toLocaleString('en')} rows, output to ${to === 'file' ? 'a file (--out)' : to === 'pipe' ? 'a pipe (| cat > file)' : '/dev/null'}, ${rounds} rounds each, alternating; NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS === undefined ? 'not set' : 'set'}; outputs identical: ${same}`);
console.log('| build | median wall | range | median CPU | median peak RSS | wall vs release |');
console.log('|---|---|---|---|---|---|');
for (const row of rowsOf) {
  console.log(`| ${row.name} | ${row.wall.toFixed(2)} s | ${row.min.toFixed(2)}–${row.max.toFixed(2)} s | ${row.cpu.toFixed(2)} s | ${row.rss.toFixed(1)} MB | ${(row.wall / rowsOf[0].wall).toFixed(2)} |`);
}
