import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../src/batch/', import.meta.url).pathname;
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

describe('loneliness-scales/batch is browser-safe (STYLE: layers)', () => {
  it.each(files)('%s uses no Node modules or Node globals', (file) => {
    // The code without comments (TSDoc examples import the package by name).
    const text = readFileSync(join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b/);
    // Only the core barrel and files of this layer are imported.
    for (const [, path] of text.matchAll(/^(?:import|export) [^;]*? from '([^']+)';/gm)) expect(path === '../../index.js' || path === '../index.js' || path?.startsWith('./') || /^\.\.\/(columnar|delimited|ndjson|sav|scoring|streams|summary)\//.test(path ?? '')).toBe(true);
  });
});

describe('one copy of the core (STYLE: layers)', () => {
  const source = new URL('../../src/', import.meta.url).pathname;
  const adapters = readdirSync(source, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith('core/') && file !== 'index.ts');
  it.each(adapters)('%s reads the core only through its barrel (so every entry point shares one ScoringError class)', (file) => {
    const text = readFileSync(join(source, file), 'utf8');
    expect(text).not.toMatch(/from '(\.\.\/)+core\//);
  });
});
