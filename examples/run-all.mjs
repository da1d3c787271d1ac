// Runs every example in this folder (and each examples/*/run.mjs) against the built package;
// fails when one exits non-zero. Used by `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const folder = new URL('.', import.meta.url).pathname;
const scripts = readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
  if (entry.isFile() && /\.(mjs|cjs)$/.test(entry.name) && entry.name !== 'run-all.mjs') return [entry.name];
  if (entry.isDirectory() && existsSync(join(folder, entry.name, 'run.mjs'))) return [join(entry.name, 'run.mjs')];
  return [];
});

let failed = 0;
for (const script of scripts.sort()) {
  const run = spawnSync(process.execPath, [join(folder, script)], { encoding: 'utf8', timeout: 120_000 });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${script}`);
  if (!ok) console.log(run.stdout, run.stderr);
}
console.log(`${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
