// The first commands a user copies must work in an empty folder after `npm install
// loneliness-scales`: the README's shell blocks, those of the getting started guide and the first
// block of the command line guide are run, line by line, in a project that installed the packed tarball (a real
// shell, so `>` redirections work as they do for the user). Runs after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
let folder;

/** The `npx loneliness-scales …` lines of a page's ```sh blocks (the first block only, when asked). */
function commandsOf(file, { firstBlockOnly = false } = {}) {
  const blocks = [...readFileSync(join(root, file), 'utf8').matchAll(/```sh\n([\s\S]*?)\n```/g)].map((match) => match[1]);
  return (firstBlockOnly ? blocks.slice(0, 1) : blocks)
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx loneliness-scales '));
}

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'djg-first-commands-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: root, stdio: 'pipe' });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack produced a tarball');
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'first-steps', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(folder, tarball)], { cwd: folder, stdio: 'pipe' });
});

after(() => rmSync(folder, { recursive: true, force: true }));

function run(line) {
  // `npx --no-install`: the installed package, never a download.
  const command = line.replace(/^npx /, 'npx --no-install ');
  const result = spawnSync('sh', ['-c', command], { cwd: folder, encoding: 'utf8' });
  // 0 done; 1 done, some rows bad (the Dutch sample holds one invalid answer on purpose).
  assert.ok(result.status === 0 || result.status === 1, `${line}\nexit ${result.status}\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /ENOENT|no such file/i, line);
  return result;
}

test("the README's first commands work in an empty folder", () => {
  const commands = commandsOf('README.md', { firstBlockOnly: true });
  assert.ok(commands.length >= 2, 'the README starts with npx commands');
  let last;
  for (const line of commands) last = run(line);
  const rows = last.stdout.trim().split('\n');
  assert.equal(rows.length, 433, 'the sample has 432 respondents and a header');
  assert.match(rows[0], /,total,emotional,social,category,category_label,missing_items,reason$/);
  assert.match(rows[1], /^r001,Gent,34,ja,ja,ja,min of meer,ja,ja,4,3,1,1,/);
});

test("the command lines of getting started, the README and the command line guide's first block work in an empty folder", () => {
  const commands = [...commandsOf('docs/getting-started.md'), ...commandsOf('README.md'), ...commandsOf('docs/cli.md', { firstBlockOnly: true })];
  assert.ok(commands.length >= 5);
  for (const line of commands) run(line);
  assert.match(readFileSync(join(folder, 'scored.csv'), 'utf8').split('\n')[1], /^R001,/);
});
