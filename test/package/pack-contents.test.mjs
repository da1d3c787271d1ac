// What `npm publish` would upload: `npm pack --dry-run --json` lists the files, and every one must
// match the allow-list below — the built entry points, their declarations, the CLI and the
// package's documents. Test files, fixtures, sources, source maps and anything unexpected fail the
// test, naming the file. Runs after `npm run build` (npm test and npm run release:check do both).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

/** The entry points of the package (`exports`), as built by tsup. */
const entries = ['index', 'zod', 'fhir', 'syntax', 'batch', 'node'];

/** Every file the package may contain. */
export const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^CITATION\.cff$/,
  // The JSON Schema of summary --format json (exported as loneliness-scales/schemas/summary.schema.json).
  /^schemas\/summary\.schema\.json$/,
  /^LICENSE$/,
  new RegExp(`^dist/(${entries.join('|')})\\.(js|cjs|d\\.ts|d\\.cts)$`),
  /^dist\/cli\.js$/,
  // Declarations shared between entry points (tsup writes them as chunks with a content hash).
  /^dist\/[a-z]+(-[a-z]+)*-[A-Za-z0-9_-]{8}\.d\.c?ts$/,
];

/** Files that must never be published, named so that a failure says what went wrong. */
export const forbidden = [
  [/(^|\/)test(s)?\//, 'a test folder'],
  [/\.(test|spec)(-d)?\.[cm]?[jt]sx?$/, 'a test file'],
  [/(^|\/)(fixtures?|__fixtures__|examples?|bench)\//, 'fixtures, examples or benchmarks'],
  [/\.map$/, 'a source map'],
  [/^src\//, 'TypeScript sources'],
  [/(^|\/)\.[^/]+/, 'a dot file'],
  [/\.tgz$/, 'a packed tarball'],
];

/** Why a file must not be published, or undefined when it may be. */
export function refusal(path) {
  for (const [pattern, reason] of forbidden) if (pattern.test(path)) return reason;
  return allowed.some((pattern) => pattern.test(path)) ? undefined : 'not in the allow-list of test/package/pack-contents.test.mjs';
}

const packed = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))[0];
const paths = packed.files.map((file) => file.path);

test('the package holds only allowed files', () => {
  const refused = paths.map((path) => [path, refusal(path)]).filter(([, reason]) => reason !== undefined);
  assert.deepEqual(refused, [], `files that must not be published:\n${refused.map(([path, reason]) => `  ${path}: ${reason}`).join('\n')}`);
});

test('the package holds every file its manifest points at', () => {
  const targets = new Set([manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin)]);
  const walk = (value) => (typeof value === 'string' ? targets.add(value) : Object.values(value).forEach(walk));
  for (const [subpath, target] of Object.entries(manifest.exports)) if (subpath !== './package.json') walk(target);
  const missing = [...targets].map((target) => target.replace(/^\.\//, '')).filter((target) => !paths.includes(target));
  assert.deepEqual(missing, [], 'build first (npm run build): files named in package.json are missing');
  for (const document of ['README.md', 'LICENSE', 'CHANGELOG.md', 'CITATION.cff']) assert.ok(paths.includes(document), `${document} is packed`);
});

test('the allow-list refuses what it must (the check can fail)', () => {
  assert.equal(refusal('dist/index.js'), undefined);
  assert.equal(refusal('dist/options-CzppUTMk.d.ts'), undefined);
  assert.equal(refusal('dist/batch-options-BRihqDdt.d.cts'), undefined);
  assert.equal(refusal('test/core/errors.test.ts'), 'a test folder');
  assert.equal(refusal('dist/index.test.js'), 'a test file');
  assert.equal(refusal('dist/index.js.map'), 'a source map');
  assert.equal(refusal('examples/data/survey-coded.csv'), 'fixtures, examples or benchmarks');
  assert.equal(refusal('dist/fixtures/survey.csv'), 'fixtures, examples or benchmarks');
  assert.equal(refusal('src/index.ts'), 'TypeScript sources');
  assert.equal(refusal('dist/.DS_Store'), 'a dot file');
  assert.equal(refusal('dist/unexpected.txt'), 'not in the allow-list of test/package/pack-contents.test.mjs');
  assert.equal(refusal('docs/api/index.html'), 'not in the allow-list of test/package/pack-contents.test.mjs');
});

test('package.json carries the metadata a registry page shows', () => {
  assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/.+\.git$/);
  assert.match(manifest.homepage ?? '', /^https:\/\//);
  assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
  assert.equal(manifest.license, 'MIT');
  for (const keyword of ['de-jong-gierveld', 'eenzaamheid', 'loneliness', 'fhir']) assert.ok(manifest.keywords.includes(keyword), `keyword ${keyword}`);
});

test('CITATION.cff names this version and the scale to cite', () => {
  const citation = readFileSync(resolve(root, 'CITATION.cff'), 'utf8');
  assert.match(citation, /^cff-version: 1\.2\.0$/m);
  assert.equal(/^version: (.+)$/m.exec(citation)?.[1], manifest.version, 'run `npm run version-packages` (changeset version, then the citation) rather than `changeset version` alone');
  assert.match(citation, /^repository-code: "(.+)"$/m);
  assert.equal(/^repository-code: "(.+)"$/m.exec(citation)?.[1], manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  for (const title of ['Manual of the Loneliness Scale', 'A 6-item scale for overall, emotional, and social loneliness', 'The development of a Rasch-type loneliness scale']) {
    assert.ok(citation.includes(title), `CITATION.cff references "${title}"`);
  }
});
