/**
 * Runs the `@example` of every export in the TSDoc of src/: a statement followed by a comment
 * holding a JavaScript value (`score(…).total; // 4`) must produce that value. Comments that are
 * prose are not checked, but their statements still run. Examples may use `await`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../src');

/**
 * The source module behind a package specifier: `loneliness-scales/zod` → src/zod/index.ts.
 * Examples of internals import `loneliness-scales/batch/internal` (src/batch/internal.ts), which
 * is not a package entry point: public examples cannot reach a name users cannot import.
 */
async function load(specifier: string): Promise<unknown> {
  if (!specifier.startsWith('loneliness-scales')) return import(specifier);
  const subpath = specifier.slice('loneliness-scales'.length).replace(/^\//, '');
  return import(subpath.endsWith('/internal') ? join(root, `${subpath}.ts`) : join(root, subpath, 'index.ts'));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

function examplesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const blocks: string[] = [];
  for (const match of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
    blocks.push((match[1] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'));
  }
  return blocks;
}

function literal(comment: string): { value: unknown } | undefined {
  try {
    return { value: new Function(`return (${comment});`)() };
  } catch {
    return undefined;
  }
}

async function run(example: string) {
  const modules: Record<string, unknown> = {};
  for (const [, specifier] of example.matchAll(/^import .* from '([^']+)';$/gm)) {
    if (specifier !== undefined) modules[specifier] = await load(specifier);
  }
  const checks: { expression: string; expected: unknown }[] = [];
  const lines = example.split('\n').map((line) => {
    const imported = /^import \{([^}]*)\} from '([^']+)';$/.exec(line.trim());
    if (imported) return `const {${imported[1]}} = __modules[${JSON.stringify(imported[2])}];`;
    const checked = /^(.*?);\s*\/\/ (.+)$/.exec(line);
    if (checked && !/^\s*(const|let|for|if|try|\})/.test(line)) {
      const expected = literal(checked[2] ?? '');
      if (expected) {
        checks.push({ expression: checked[1] ?? '', expected: expected.value });
        return `await __check(${checks.length - 1}, async () => (${checked[1]}));`;
      }
    }
    return line;
  });
  const code = transformSync(lines.join('\n'), { loader: 'ts', format: 'esm' }).code;
  const results: unknown[] = [];
  const log = console.log;
  console.log = () => undefined;
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as FunctionConstructor;
    await new AsyncFunction('__modules', '__check', code)(modules, async (index: number, compute: () => unknown) => {
      results[index] = await compute();
    });
  } finally {
    console.log = log;
  }
  return checks.map((check, index) => ({ ...check, actual: results[index] }));
}

const files = sourceFiles(root).filter((file) => examplesOf(file).length > 0);

describe('TSDoc examples run and show true values', () => {
  it.each(files.map((file) => [relative(root, file), file]))('%s', async (_name, file) => {
    for (const example of examplesOf(file)) {
      for (const check of await run(example)) {
        expect(check.actual, `${check.expression}`).toEqual(check.expected);
      }
    }
  });
});
