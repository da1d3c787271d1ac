// Installs the packed tarball into an empty folder, as a new user would, and uses it from ESM,
// CommonJS and TypeScript. Runs after `npm run build` (npm test does both).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let folder;

function run(command, args, cwd = folder) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'loneliness-scales-consumer-'));
  run(npm, ['pack', '--silent', '--pack-destination', folder], root);
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack produced a tarball');
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // zod is an optional peer dependency: the user installs it when using loneliness-scales/zod.
  run(npm, ['install', '--no-audit', '--no-fund', '--offline', join(folder, tarball), join(root, 'node_modules', 'zod')]);
});

after(() => rmSync(folder, { recursive: true, force: true }));

const answers = "{ emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' }";

test('ESM: import { djg6, score } and the zod adapter', () => {
  writeFileSync(
    join(folder, 'esm.mjs'),
    `import { djg6, score, ScoringError } from 'loneliness-scales';
import { answersSchema } from 'loneliness-scales/zod';
const result = score(djg6, ${answers});
const parsed = answersSchema(djg6).safeParse({ emptiness: 'perhaps' });
let code;
try { score(djg6, { emptiness: 'perhaps' }); } catch (error) { code = error instanceof ScoringError && error.code; }
console.log(JSON.stringify([result.total, result.category.label.nl, parsed.success, code]));`,
  );
  assert.equal(run('node', ['esm.mjs']).trim(), '[4,"matig eenzaam",false,"unknown_answer"]');
});

test('CommonJS: require("loneliness-scales") and the zod adapter', () => {
  writeFileSync(
    join(folder, 'cjs.cjs'),
    `const { djg6, score, ScoringError } = require('loneliness-scales');
const { answersSchema } = require('loneliness-scales/zod');
const result = score(djg6, ${answers});
let same = false;
try { answersSchema(djg6); score(djg6, { x: 1 }); } catch (error) { same = error instanceof ScoringError; }
console.log(JSON.stringify([result.total, result.emotional, result.social, same]));`,
  );
  assert.equal(run('node', ['cjs.cjs']).trim(), '[4,3,1,true]');
});

test('TypeScript: types resolve, and a misspelt item key is a compile error', () => {
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] } }),
  );
  writeFileSync(
    join(folder, 'good.mts'),
    `import { djg6, score, type ScoreResult } from 'loneliness-scales';
import { answersSchema } from 'loneliness-scales/zod';
const result: ScoreResult<typeof djg6> = score(djg6, ${answers});
const total: number | null = result.total;
const point: 0 | 1 | null = result.points.emptiness;
const parsed = answersSchema(djg6).parse({});
const keys: string | number = parsed.trust;
export { total, point, keys };
`,
  );
  writeFileSync(join(folder, 'good.cts'), `import { djg11, score } from 'loneliness-scales';\nexport const total = score(djg11, { talkTo: 'ja' }).total;\n`);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  run('node', [tsc, '-p', 'tsconfig.json']);
  writeFileSync(join(folder, 'bad.mts'), `import { djg6, score } from 'loneliness-scales';\nscore(djg6, { emptyness: 'yes' });\n`);
  assert.throws(() => run('node', [tsc, '-p', 'tsconfig.json']), (error) => /emptyness/.test(String(error.stdout)));
});
