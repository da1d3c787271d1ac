// The grouped, weighted summary against an independent computation with pandas
// (test/node/summary-parity/summary_pandas.py) on a generated survey with groups, weights and
// missing answers: every proportion, Wilson interval (unweighted, and weighted on the Kish
// effective n), mean and weighted mean, overall and per group, for both scales. Skipped only
// outside CI when python3 with pandas is not installed (as the PSPP parity test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { random } from '../helpers/dataset.js';

const python = '/usr/bin/python3';
const pandasAvailable = spawnSync(python, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
const skip = !pandasAvailable && process.env.CI === undefined;
if (skip) console.warn('summary-parity: python3 with pandas is not installed; the parity test is skipped outside CI.');

const directory = mkdtempSync(join(tmpdir(), 'djg-summary-parity-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * A survey of 3000 rows: regions (one, "Leeg", with no answers at all, so no row is scorable;
 * blanks; padded spellings), ages (in bands, below them, unreadable, blank, with a decimal comma),
 * weights (positive, 0, blank; a weight that cannot be read stops the run, see test/node/cli/files.test.ts), answers coded as in the MANUAL with blanks,
 * negative codes and a few invalid codes.
 */
function survey(): string {
  const next = random(20261127);
  const regions = ['Noord', 'Zuid', ' Oost ', 'Oost', 'West', '', 'Leeg'];
  const lines = [`id,region,age,weight,${Array.from({ length: 11 }, (_, index) => `lone${index + 1}`).join(',')}`];
  for (let id = 1; id <= 3000; id++) {
    const region = regions[Math.floor(next() * regions.length)] as string;
    const draw = next();
    const age = draw < 0.03 ? '' : draw < 0.05 ? 'onbekend' : draw < 0.08 ? String(12 + Math.floor(next() * 6)) : draw < 0.1 ? `${70 + Math.floor(next() * 5)},5` : String(18 + Math.floor(next() * 80));
    const pick = next();
    const weight = pick < 0.03 ? '' : pick < 0.05 ? '0' : (0.1 + next() * 4).toFixed(4);
    const lean = 0.15 + next() * 0.5;
    const cells = Array.from({ length: 11 }, () => {
      if (region === 'Leeg') return '';
      const answer = next();
      if (answer < 0.04) return '';
      if (answer < 0.06) return '-1';
      if (answer < 0.063) return '7';
      const value = next();
      return String(value < lean ? 3 : value < lean + 0.25 ? 2 : 1);
    });
    lines.push(`${id},${region.includes(' ') ? `"${region}"` : region},${age.includes(',') ? `"${age}"` : age},${weight},${cells.join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from two programs, compared field by field
type Json = Record<string, any>;

function expectShare(actual: number | null | undefined, expected: number | null | undefined, where: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, where).toBeNull();
    return;
  }
  expect(actual, where).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${where}: ${actual} vs ${expected}`).toBeLessThan(1e-9);
}

function expectInterval(actual: Json | null, expected: Json | null, where: string): void {
  if (expected === null) {
    expect(actual, where).toBeNull();
    return;
  }
  expectShare(actual?.['lower'], expected['lower'], `${where}.lower`);
  expectShare(actual?.['upper'], expected['upper'], `${where}.upper`);
}

function expectPrevalence(actual: Json, expected: Json, where: string): void {
  expect(actual['count'], `${where}.count`).toBe(expected['count']);
  expectShare(actual['proportion'], expected['proportion'], `${where}.proportion`);
  expectInterval(actual['interval'], expected['interval'], `${where}.interval`);
  expectShare(actual['weightedProportion'], expected['weightedProportion'], `${where}.weightedProportion`);
  expectInterval(actual['weightedInterval'], expected['weightedInterval'], `${where}.weightedInterval`);
}

function compare(actual: Json, expected: Json, where: string): number {
  let checked = 0;
  expect(actual['read'], `${where}.read`).toBe(expected['read']);
  expect(actual['scored'], `${where}.scored`).toBe(expected['scored']);
  expect(actual['missing'], `${where}.missing`).toEqual(expected['missing']);
  expect(actual['categories']).toHaveLength(expected['categories'].length);
  expected['categories'].forEach((category: Json, index: number) => expectPrevalence(actual['categories'][index], category, `${where}.categories[${index}]`));
  for (const name of ['emotional', 'social']) {
    expect(actual['subscaleCategories'][name]).toHaveLength(expected['subscaleCategories'][name].length);
    expected['subscaleCategories'][name].forEach((category: Json, index: number) => expectPrevalence(actual['subscaleCategories'][name][index], category, `${where}.${name}[${index}]`));
  }
  expect(actual['indicators'].map((indicator: Json) => indicator['id'])).toEqual(expected['indicators'].map((indicator: Json) => indicator['id']));
  expected['indicators'].forEach((indicator: Json, index: number) => {
    expect(actual['indicators'][index]['n']).toBe(indicator['n']);
    expectPrevalence(actual['indicators'][index], indicator, `${where}.indicators.${indicator['id']}`);
  });
  for (const name of ['total', 'emotional', 'social']) {
    const stats = actual['scores'][name];
    const reference = expected['scores'][name];
    expect(stats['n'], `${where}.${name}.n`).toBe(reference['n']);
    for (const field of ['mean', 'sd', 'weightedMean']) {
      if (reference[field] === null) expect(stats[field], `${where}.${name}.${field}`).toBeNull();
      else expect(Math.abs(stats[field] - reference[field]), `${where}.${name}.${field}`).toBeLessThan(1e-9);
    }
  }
  expected['items'].forEach((item: Json, index: number) => {
    const actualItem = actual['items'][index];
    for (const slot of ['1', '0', '-1']) {
      const answer = actualItem['answers'].find((candidate: Json) => candidate['level'] === Number(slot));
      expectShare(answer['proportion'], item['answers'][slot], `${where}.items[${index}].${slot}`);
      expectShare(answer['weightedProportion'], item['weighted'][slot], `${where}.items[${index}].${slot} weighted`);
    }
    for (const slot of ['missing', 'invalid']) {
      expectShare(actualItem[slot]['proportion'], item['answers'][slot], `${where}.items[${index}].${slot}`);
      expectShare(actualItem[slot]['weightedProportion'], item['weighted'][slot], `${where}.items[${index}].${slot} weighted`);
    }
    checked++;
  });
  if (expected['weightSum'] > 0) expect(Math.abs(actual['weights']['sum'] - expected['weightSum']) / expected['weightSum']).toBeLessThan(1e-12);
  return checked;
}

describe.skipIf(skip)('grouped, weighted summary agrees with pandas', () => {
  const input = join(directory, 'survey.csv');
  writeFileSync(input, survey());

  for (const scale of ['djg6', 'djg11'] as const) {
    it(`${scale}: every proportion, interval and mean, overall and for each group of region and age bands`, async () => {
      const run = await runCliCaptured(['summary', input, '--scale', scale, '--coding', 'manual', '--columns', 'lone{n}', '--weights', 'weight', '--by', 'region,age:18-24,25-49,50-64,65-74,75+', '--format', 'json', '--quiet']);
      // Exit 1: rows with an invalid code are bad rows.
      expect(run.code).toBe(1);
      const actual = JSON.parse(run.stdout) as Json;
      const output = join(directory, `${scale}.json`);
      const pandas = spawnSync(python, [new URL('./summary-parity/summary_pandas.py', import.meta.url).pathname, input, scale, output], { encoding: 'utf8' });
      expect(pandas.status, pandas.stderr).toBe(0);
      const expected = JSON.parse(readFileSync(output, 'utf8')) as Json;
      compare(actual, expected['overall'], 'overall');
      const keyOf = (group: Json) => {
        const [column, value] = Object.entries(group['by'])[0] as [string, string];
        return `${column}=${group['kind'] === 'value' || group['kind'] === 'band' ? value : `(${group['kind']})`}`;
      };
      const groups = new Map((actual['groups'] as Json[]).map((group) => [keyOf(group), group]));
      expect([...groups.keys()].sort()).toEqual(Object.keys(expected['groups']).sort());
      for (const [key, reference] of Object.entries(expected['groups'] as Record<string, Json>)) compare(groups.get(key) as Json, reference, key);
      // The region whose rows have no answers: read, none scored, no shares, no intervals.
      const empty = groups.get('region=Leeg') as Json;
      expect(empty['read']).toBeGreaterThan(0);
      expect(empty['scored']).toBe(0);
      expect(empty['categories'].every((category: Json) => category['proportion'] === null && category['interval'] === null)).toBe(true);
      expect(empty['suppressed']).toBe(true);
    }, 60_000);
  }
});
