// Batch scoring of a coded survey file (examples/data/survey-coded.csv: the 11-item scale, coded
// as in the MANUAL, blanks and -1 missing), with the CLI and with the streaming API. Checks that
// every row comes back scored or with a reason, and that the summary reconciles.
// Run: npm run build && node examples/batch-survey.mjs
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { djg6 } from 'loneliness-scales';
import { createSummary, scoreText } from 'loneliness-scales/batch';

const file = fileURLToPath(new URL('./data/survey-coded.csv', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const options = ['--coding', 'manual', '--columns', 'lone{n}'];

// 1. The CLI: `loneliness-scales score` writes each row with its scores.
const scored = spawnSync(process.execPath, [cli, 'score', file, ...options, '--quiet'], { encoding: 'utf8' });
assert.equal(scored.status, 0, scored.stderr);
const lines = scored.stdout.trimEnd().split('\n');
console.log(lines.slice(0, 4).join('\n'), '\n…');
assert.equal(lines.length, 41, 'a header and one line per respondent');
assert.ok(lines[0].endsWith('total,emotional,social,category,category_label,missing_items,reason'));

// 2. `loneliness-scales summary`, as Markdown for a report, with survey weights.
const summary = spawnSync(process.execPath, [cli, 'summary', file, ...options, '--weights', 'weight', '--format', 'json', '--quiet'], { encoding: 'utf8' });
const report = JSON.parse(summary.stdout);
assert.equal(report.read, report.scored + report.notScored, 'read = scored + not scored');
console.log(`\n${report.read} read, ${report.scored} scored; categories:`, report.categories.map((category) => `${category.band.label.en} ${(category.proportion * 100).toFixed(1)}%`).join(', '));

// 3. The same in process: stream the file through the batch API, summarising as it goes.
const accumulator = createSummary(djg6, { coding: 'manual' });
const counts = { read: 0, scored: 0, notScored: 0, bad: 0 };
let bytes = 0;
for await (const chunk of scoreText(createReadStream(file), 'csv', { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' }, onRow: accumulator.add }, counts)) {
  bytes += chunk.length;
}
assert.equal(bytes, Buffer.byteLength(scored.stdout));
assert.deepEqual(accumulator.finish().categories.map((category) => category.count), report.categories.map((category) => category.count));
console.log('streaming API:', counts);
