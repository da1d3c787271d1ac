import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { djg11, djg6 } from '../../src/index.js';
import { toR, toSpss, toSql } from '../../src/syntax/index.js';

/**
 * The examples in docs/syntax/ are the generators' output byte for byte. After a deliberate
 * change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/syntax/golden.test.ts`.
 */
const folder = new URL('../../docs/syntax/', import.meta.url);
const lone = { by: 'number', pattern: 'lone{n}' } as const;
const golden = [
  ['djg6-manual-lone.sps', () => toSpss(djg6, { coding: 'manual', columns: lone })],
  ['djg6-manual-lone.R', () => toR(djg6, { coding: 'manual', columns: lone })],
  ['djg6-manual-lone.sql', () => toSql(djg6, { coding: 'manual', columns: lone })],
  ['djg11-rivm-lone.sps', () => toSpss(djg11, { coding: 'rivm', columns: lone, language: 'nl' })],
  ['djg11-rivm-lone.R', () => toR(djg11, { coding: 'rivm', columns: lone, language: 'nl' })],
  ['djg11-rivm-lone.sql', () => toSql(djg11, { coding: 'rivm', columns: lone, language: 'nl' })],
] as const;

describe('generated code is deterministic and matches the golden copies in docs/syntax/', () => {
  it.each(golden)('%s', (file, generate) => {
    const text = generate();
    expect(generate(), 'same input, same text').toBe(text);
    const url = new URL(file, folder);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(url, text);
    }
    expect(existsSync(url), `${file} exists`).toBe(true);
    expect(text).toBe(readFileSync(url, 'utf8'));
  });
});
