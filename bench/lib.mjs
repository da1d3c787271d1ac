// What the benchmark scripts share: the data folder, command-line options, timing a command
// under GNU time, and the median.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The checkout the benchmarks run in. */
export const root = new URL('..', import.meta.url).pathname;

/** bench/.data: generated inputs and outputs (git-ignored), created when missing. */
export const data = join(root, 'bench/.data');
mkdirSync(data, { recursive: true });

/** The value after `--name` on the command line, or `fallback`. */
export function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
}

/**
 * Runs a command under GNU time: its exit status, output, the lines it wrote to stderr before
 * time's own, wall seconds, CPU seconds (user + system) and peak RSS in MB.
 */
export function timed(command) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...command], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = run.stderr.trim().split('\n');
  const [seconds, user, system, kilobytes] = (lines.pop() ?? '').split(' ').map(Number);
  return { status: run.status, stdout: run.stdout, stderr: lines, seconds, cpu: user + system, rssMb: kilobytes / 1024 };
}

/** {@link timed}, failing unless the command exits with one of `statuses`. */
export function measure(command, statuses = [0]) {
  const run = timed(command);
  if (!statuses.includes(run.status)) throw new Error(`${command.join(' ')} failed (${run.status}): ${run.stderr.join('\n')}`);
  return run;
}

/** The median (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A deterministic generator of numbers in [0, 1) (mulberry32), for generated survey files. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 11 answer cells of a generated respondent, each after a comma, in the MANUAL's coding: 2% blank, 1% -1, else 1–3. */
export function answerCells(next) {
  let cells = '';
  for (let item = 0; item < 11; item++) {
    const draw = next();
    cells += draw < 0.02 ? ',' : draw < 0.03 ? ',-1' : `,${1 + Math.floor(next() * 3)}`;
  }
  return cells;
}
