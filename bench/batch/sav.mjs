// SPSS benchmark: the CLI scoring a GGD-style .sav file (djg11, items GGEEB201..GGEEB211 with
// value labels 1 ja / 2 min of meer / 3 nee, 8 and 9 user-missing, a weight, two strings), written
// by GNU PSPP, against the tools researchers read such files with: GNU PSPP (GET FILE), R's
// haven::read_sav and pandas.read_spss (which needs pyreadstat). Every peer reads the same file in
// the same rounds; CPU time (user + system; steadier than wall time on a shared machine), wall
// time and peak RSS come from GNU time. The CLI rows score the file end to
// end (read, coding from the labels, score, write CSV or SPSS); the peers only read it.
// Usage: npm run build && node bench/batch/sav.mjs [--rows 1000000] [--rounds 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { argument, data, measure, median, root } from '../lib.mjs';

const rows = Number(argument('--rows', 1_000_000));
const rounds = Number(argument('--rounds', 3));
const items = Array.from({ length: 11 }, (_, index) => `GGEEB2${String(index + 1).padStart(2, '0')}`);
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** A survey of `count` respondents written by PSPP (compressed, as PSPP and SPSS save by default). */
function survey(count) {
  const file = join(data, `ggd-${count}.sav`);
  if (existsSync(file)) return file;
  const syntax = join(data, `ggd-${count}.sps`);
  // About 2% of answers 9 (weet niet, user-missing), 1% system-missing; RIVM coding.
  writeFileSync(
    syntax,
    `SET SEED=20261127.
INPUT PROGRAM.
LOOP #i = 1 TO ${count}.
COMPUTE respondent_id = #i.
${items.map((item) => `COMPUTE #u = RV.UNIFORM(0, 1).\nCOMPUTE ${item} = TRUNC(RV.UNIFORM(1, 4)).\nIF (#u < 0.02) ${item} = 9.\nIF (#u > 0.99) ${item} = $SYSMIS.`).join('\n')}
COMPUTE Weegfactor = RND(RV.UNIFORM(0.2, 3) * 1000) / 1000.
STRING gemeente (A20).
COMPUTE gemeente = 'Utrecht'.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
FORMATS respondent_id (F8.0) ${items.join(' ')} (F1.0) Weegfactor (F8.3).
VALUE LABELS ${items.join(' ')} 1 'ja' 2 'min of meer' 3 'nee' 9 'weet niet'.
MISSING VALUES ${items.join(' ')} (8, 9).
VARIABLE LABELS Weegfactor 'Weegfactor'.
SAVE OUTFILE='${file}'.
`,
  );
  execFileSync('pspp', [syntax], { stdio: 'inherit' });
  return file;
}



const input = survey(rows);
const small = survey(Math.max(1, Math.round(rows / 10)));
const cli = (file, out) => [process.execPath, join(root, 'dist/cli.js'), 'score', file, '--scale', 'djg11', '--columns', `order:manual:${items.join(',')}`, '--quiet', '--out', out];
const pandasAvailable = spawnSync('/usr/bin/python3', ['-c', 'import pandas, pyreadstat']).status === 0;
const readPspp = join(data, 'read-sav.sps');
writeFileSync(readPspp, `GET FILE='${input}'.\nEXECUTE.\n`);
const peers = [
  { name: 'loneliness-scales CLI: score → CSV', command: cli(input, join(data, 'ggd-scored.csv')) },
  { name: 'loneliness-scales CLI: score → SPSS', command: cli(input, join(data, 'ggd-scored.sav')) },
  { name: 'GNU PSPP: GET FILE (read only)', command: ['pspp', readPspp], available: has('pspp') },
  { name: 'R haven::read_sav (read only)', command: ['Rscript', '-e', `invisible(haven::read_sav("${input}"))`], available: spawnSync('Rscript', ['-e', 'library(haven)']).status === 0 },
  { name: 'pandas.read_spss (read only)', command: ['/usr/bin/python3', '-c', `import pandas; pandas.read_spss("${input}")`], available: pandasAvailable },
].filter((peer) => peer.available !== false);

const times = new Map(peers.map((peer) => [peer.name, []]));
const cpuTimes = new Map(peers.map((peer) => [peer.name, []]));
const memory = new Map(peers.map((peer) => [peer.name, []]));
for (let round = 0; round < rounds; round++) {
  for (const peer of peers) {
    const { seconds, cpu, rssMb } = measure(peer.command, [0, 1]);
    times.get(peer.name).push(seconds);
    cpuTimes.get(peer.name).push(cpu);
    memory.get(peer.name).push(rssMb);
    console.error(`round ${round + 1}: ${peer.name}: ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ${rssMb.toFixed(0)} MB`);
  }
}
const flat = measure(cli(small, join(data, 'ggd-small-scored.csv')), [0, 1]);
const base = median(cpuTimes.get(peers[0].name));
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; ${rounds} round(s), medians; file: ${rows.toLocaleString('en')} cases, ${(statSync(input).size / 1e6).toFixed(1)} MB (compressed .sav written by PSPP).`,
  '',
  '| tool | median CPU time (user + system) | × CLI CPU (score → CSV) | median wall time | peak RSS | CPU runs (s) |',
  '|---|---:|---:|---:|---:|---|',
  ...peers.map((peer) => {
    const cpu = median(cpuTimes.get(peer.name));
    return `| ${peer.name} | ${cpu.toFixed(2)} s | ${(cpu / base).toFixed(2)}× | ${median(times.get(peer.name)).toFixed(2)} s | ${median(memory.get(peer.name)).toFixed(0)} MB | ${cpuTimes.get(peer.name).map((value) => value.toFixed(2)).join(', ')} |`;
  }),
  '',
  `CLI peak RSS at ${Math.round(rows / 10).toLocaleString('en')} cases: ${flat.rssMb.toFixed(0)} MB (at ${rows.toLocaleString('en')}: ${median(memory.get(peers[0].name)).toFixed(0)} MB).`,
  pandasAvailable ? '' : 'pandas.read_spss: not measured — it needs pyreadstat, which is not installed here (no Debian package).',
];
writeFileSync(join(data, 'sav-results.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
