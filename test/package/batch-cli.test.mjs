// Consumer test of the batch and Node entry points and the CLI: packs the package, installs the
// tarball into an empty project, and uses it as a user would (`npx loneliness-scales`, import and
// require of loneliness-scales/batch). Run after `npm run build` (npm test does).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;
let consumer;

before(() => {
  consumer = mkdtempSync(join(tmpdir(), 'djg-consumer-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(consumer, tarball)], { cwd: consumer, stdio: 'pipe' });
  writeFileSync(join(consumer, 'survey.csv'), 'id,lone3,lone4,lone7,lone8,lone9,lone10\nr1,3,3,3,2,3,3\n');
});

after(() => rmSync(consumer, { recursive: true, force: true }));

test('npx loneliness-scales score reads an .xlsx workbook with nothing else installed', () => {
  // examples/data/enquete-nl.xlsx was written by openpyxl; the reader ships inside the package.
  writeFileSync(join(consumer, 'enquete.xlsx'), readFileSync(join(root, 'examples', 'data', 'enquete-nl.xlsx')));
  const installed = JSON.parse(readFileSync(join(consumer, 'node_modules', 'loneliness-scales', 'package.json'), 'utf8'));
  assert.equal(installed.dependencies, undefined);
  const run = spawnSync('npx', ['--no-install', 'loneliness-scales', 'score', 'enquete.xlsx', '--sheet', 'Antwoorden', '--quiet'], { cwd: consumer, encoding: 'utf8' });
  // Exit 1: the sample holds one answer that is not a label (respondent r010), reported in its row.
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 13);
  assert.match(lines[1], /^r001,Gent,ja,ja,ja,min of meer,ja,ja,4,3,1,1,moderately lonely,0,/);
});

test('npx loneliness-scales score works in a project that installed the tarball', () => {
  const out = execFileSync('npx', ['--no-install', 'loneliness-scales', 'score', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}', '--quiet'], { cwd: consumer, encoding: 'utf8' });
  assert.equal(out.split('\n')[1], 'r1,3,3,3,2,3,3,4,3,1,1,moderately lonely,0,');
});

test('npx loneliness-scales summary and --help work', () => {
  const summary = JSON.parse(execFileSync('npx', ['--no-install', 'loneliness-scales', 'summary', 'survey.csv', '--coding', 'manual', '--columns', 'lone{n}', '--format', 'json'], { cwd: consumer, encoding: 'utf8' }));
  assert.equal(summary.scored, 1);
  assert.match(execFileSync('npx', ['--no-install', 'loneliness-scales', '--help'], { cwd: consumer, encoding: 'utf8' }), /score/);
});

test('npx loneliness-scales --version prints the package version, not a development placeholder', () => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const flag of ['--version', '-v']) {
    assert.equal(execFileSync('npx', ['--no-install', 'loneliness-scales', flag], { cwd: consumer, encoding: 'utf8' }).trim(), version);
  }
  assert.match(execFileSync('npx', ['--no-install', 'loneliness-scales', '--help'], { cwd: consumer, encoding: 'utf8' }), /--version/);
});

test('loneliness-scales/batch loads in ESM and CommonJS with one core (one ScoringError class)', () => {
  writeFileSync(
    join(consumer, 'esm.mjs'),
    `import { djg6, ScoringError } from 'loneliness-scales';
import { scoreColumns } from 'loneliness-scales/batch';
const scores = scoreColumns(djg6, { emptiness: [3], leanOn: [3], trust: [3], closeTo: [2], missPeople: [3], rejected: [3] }, { scoring: { coding: 'manual' } });
let sameClass = false;
try { scoreColumns(djg6, {}); } catch (error) { sameClass = error instanceof ScoringError; }
console.log(scores.total[0], sameClass);`,
  );
  writeFileSync(
    join(consumer, 'cjs.cjs'),
    `const { djg6 } = require('loneliness-scales');
const { scoreColumns } = require('loneliness-scales/batch');
const { runCli } = require('loneliness-scales/node');
console.log(scoreColumns(djg6, { emptiness: [3], leanOn: [3], trust: [3], closeTo: [2], missPeople: [3], rejected: [3] }, { scoring: { coding: 'manual' } }).total[0], typeof runCli);`,
  );
  assert.equal(execFileSync(process.execPath, ['esm.mjs'], { cwd: consumer, encoding: 'utf8' }).trim(), '4 true');
  assert.equal(execFileSync(process.execPath, ['cjs.cjs'], { cwd: consumer, encoding: 'utf8' }).trim(), '4 function');
  assert.ok(readFileSync(join(consumer, 'node_modules/loneliness-scales/dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node'));
});
