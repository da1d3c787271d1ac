/**
 * Runs one example the way a reader runs it: imports resolved to the package's sources, types
 * stripped, and every line `expression; // value` (a statement followed by a comment holding a
 * JavaScript value, optionally followed by ` — ` and prose) checked against that value. Comments
 * that are prose are not checked, but their statements still run. Examples may use top-level
 * `await`. Shared by the TSDoc `@example` test and the guides test.
 */
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const root = join(import.meta.dirname, '../../src');

/**
 * The source module behind a package specifier: `loneliness-scales/zod` → src/zod/index.ts.
 * Examples of internals import `loneliness-scales/batch/internal` (src/batch/internal.ts), which
 * is not a package entry point: public examples cannot reach a name users cannot import.
 */
export async function load(specifier: string): Promise<unknown> {
  if (!specifier.startsWith('loneliness-scales')) return import(specifier);
  const subpath = specifier.slice('loneliness-scales'.length).replace(/^\//, '');
  return import(subpath.endsWith('/internal') ? join(root, `${subpath}.ts`) : join(root, subpath, 'index.ts'));
}

/** The value a comment states: the whole comment, or the part before a dash that starts prose (`4 — moderately lonely`). */
function literal(comment: string): { value: unknown } | undefined {
  for (const text of [comment, comment.split(' — ')[0] ?? '']) {
    try {
      return { value: new Function(`return (${text});`)() };
    } catch {
      // prose, not a value
    }
  }
  return undefined;
}

/** One checked line of an example: its expression, the value its comment states, the value it had. */
export interface Check {
  readonly expression: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * Runs an example; resolves to its checks. Import lines (`import { a } from 'x';`,
 * `import x from 'x';`, `import * as x from 'x';`) load the module; `import type` lines are dropped.
 * A name imported twice (examples of one guide run as one program) is bound once.
 */
export async function runExample(example: string): Promise<Check[]> {
  const modules: Record<string, unknown> = {};
  for (const [, specifier] of example.matchAll(/^import (?!type ).* from '([^']+)';$/gm)) {
    if (specifier !== undefined && !(specifier in modules)) modules[specifier] = await load(specifier);
  }
  const bound = new Set<string>();
  const bindOnce = (names: string[]) => names.filter((name) => name !== '' && !bound.has(name) && bound.add(name));
  const checks: { expression: string; expected: unknown }[] = [];
  const lines = example.split('\n').map((line) => {
    const trimmed = line.trim();
    if (/^import type /.test(trimmed)) return '';
    const named = /^import \{([^}]*)\} from '([^']+)';$/.exec(trimmed);
    if (named) {
      const names = bindOnce((named[1] ?? '').split(',').map((name) => name.trim().replace(/^type\s+.*$/, '')));
      return names.length === 0 ? '' : `const {${names.join(', ')}} = __modules[${JSON.stringify(named[2])}];`;
    }
    const namespace = /^import \* as (\w+) from '([^']+)';$/.exec(trimmed);
    if (namespace) return bindOnce([namespace[1] ?? '']).length === 0 ? '' : `const ${namespace[1]} = __modules[${JSON.stringify(namespace[2])}];`;
    const defaulted = /^import (\w+) from '([^']+)';$/.exec(trimmed);
    if (defaulted) {
      return bindOnce([defaulted[1] ?? '']).length === 0 ? '' : `const ${defaulted[1]} = __modules[${JSON.stringify(defaulted[2])}].default;`;
    }
    const checked = /^(.*?);\s*\/\/ (.+)$/.exec(line);
    if (checked && !/^\s*(const|let|for|if|try|await using|\})/.test(line)) {
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
