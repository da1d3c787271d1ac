import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/cli.js';
import { generateRows, toCsv } from '../../helpers/dataset.js';
import { threePointPath, threePointReference } from '../../helpers/fixture-scale.js';

const directory = mkdtempSync(join(tmpdir(), 'djg-summary-'));
const input = join(directory, 'survey.csv');
writeFileSync(input, toCsv(generateRows(2000, 'manual', 5, 0.1)));
const byNumber = ['--coding', 'manual', '--columns', 'lone{n}'];

describe('loneliness-scales summary', () => {
  it('JSON: read = scored + not scored; prevalence with 95% Wilson intervals; mean, SD and KR-20', async () => {
    const { code, stdout } = await runCliCaptured(['summary', input, ...byNumber, '--format', 'json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.read).toBe(2000);
    expect(summary.scored + summary.notScored).toBe(summary.read);
    for (const category of summary.categories) {
      expect(category.interval.lower).toBeLessThanOrEqual(category.proportion);
      expect(category.interval.upper).toBeGreaterThanOrEqual(category.proportion);
    }
    expect(summary.scores.total.mean).toBeGreaterThan(0);
    expect(summary.reliability.total.items).toBe(6);
  });

  it('table, Markdown and SVG, and --chart writes the chart beside the report', async () => {
    const chart = join(directory, 'chart.svg');
    const table = await runCliCaptured(['summary', input, ...byNumber, '--lang', 'nl', '--chart', chart]);
    expect(table.stdout).toContain('niet eenzaam');
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg/);
    const markdown = await runCliCaptured(['summary', input, ...byNumber, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| category |');
    const svg = await runCliCaptured(['summary', input, ...byNumber, '--format', 'svg', '--title', 'Survey 2024']);
    expect(svg.stdout).toContain('Survey 2024');
  });

  it('--weights gives weighted prevalence; an absent weight column is an error', async () => {
    const weighted = join(directory, 'weighted.csv');
    writeFileSync(weighted, 'w,lone3,lone4,lone7,lone8,lone9,lone10\n2,3,1,1,1,3,3\n1,1,3,3,3,1,1\n1,1,3,3,3,1,1\n');
    const { stdout } = await runCliCaptured(['summary', weighted, ...byNumber, '--weights', 'w', '--format', 'json']);
    const summary = JSON.parse(stdout);
    expect(summary.categories[2].weightedProportion).toBeCloseTo(0.5, 10);
    const missing = await runCliCaptured(['summary', weighted, ...byNumber, '--weights', 'gewicht']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('gewicht');
  });
});

describe('loneliness-scales summary --by', () => {
  const grouped = join(directory, 'grouped.csv');
  const [first, ...lines] = toCsv(generateRows(400, 'manual', 9, 0.05)).trim().split('\n');
  writeFileSync(grouped, `${first},gemeente\n${lines.map((line, index) => `${line},${['Gent', 'Leuven', 'Brugge'][index % 3]}`).join('\n')}\n`);

  it('an unknown column exits 2 and lists the columns; malformed or overlapping bands exit 2', async () => {
    const unknown = await runCliCaptured(['summary', grouped, ...byNumber, '--by', 'regio']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"regio" is not in the data; its columns are');
    expect(unknown.stderr).toContain('"gemeente"');
    expect(unknown.stderr).not.toContain('--columns');
    for (const by of ['lone1:18-', 'lone1:18-30,25-49', 'lone1:65+,70-80', 'lone1:x']) {
      const run = await runCliCaptured(['summary', grouped, ...byNumber, '--by', by]);
      expect(run.code, by).toBe(2);
      expect(run.stderr, by).toMatch(/Grouping "lone1:/);
    }
    const minN = await runCliCaptured(['summary', grouped, ...byNumber, '--by', 'gemeente', '--min-n', '-3']);
    expect(minN.code).toBe(2);
    expect(minN.stderr).toContain('--min-n');
  });

  it('groups in JSON; --min-n marks small groups; --format html writes one page to --out', async () => {
    const json = JSON.parse((await runCliCaptured(['summary', grouped, ...byNumber, '--by', 'gemeente', '--min-n', '140', '--format', 'json'])).stdout);
    expect(json.groups.map((group: { by: Record<string, string> }) => group.by['gemeente'])).toEqual(['Brugge', 'Gent', 'Leuven']);
    expect(json.groups.reduce((sum: number, group: { read: number }) => sum + group.read, 0)).toBe(json.read);
    expect(json.groups.map((group: { suppressed: boolean; scored: number }) => group.suppressed === group.scored < 140)).toEqual([true, true, true]);
    const out = join(directory, 'rapport.html');
    const html = await runCliCaptured(['summary', grouped, ...byNumber, '--by', 'gemeente', '--lang', 'nl', '--format', 'html', '--out', out]);
    expect(html.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('Naar gemeente');
  });

  it('issue 9: --scale with the fixture instrument summarises from its definition alone: its bands, its total only, no indicators', async () => {
    const rows = [
      ['yes', 'yes', 'no'],
      ['no', 'more or less', 'yes'],
      ['more or less', '', 'no'],
      ['no', 'no', ''],
      ['', '', 'yes'],
      ['yes', 'no', 'more or less'],
    ];
    const file = join(directory, 'three-point.csv');
    writeFileSync(file, `feelAlone,lackCompany,feelIncluded\n${rows.map((row) => row.join(',')).join('\n')}\n`);
    const run = await runCliCaptured(['summary', file, '--scale', threePointPath, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const reference = rows.map(([feelAlone, lackCompany, feelIncluded]) => threePointReference({ feelAlone: feelAlone || null, lackCompany: lackCompany || null, feelIncluded: feelIncluded || null }));
    expect(summary.scale).toBe('three-point');
    expect(summary.categories.map((category: { band: { id: string }; count: number }) => [category.band.id, category.count])).toEqual(
      ['low', 'middle', 'high'].map((id) => [id, reference.filter((entry) => entry.band === id).length]),
    );
    expect(Object.keys(summary.scores)).toEqual(['total']);
    expect(summary.indicators).toEqual([]);
    const table = await runCliCaptured(['summary', file, '--scale', threePointPath]);
    expect(table.stdout).not.toMatch(/emotional|social/);
    expect(table.stdout).toContain("Cronbach's alpha");
  });
});
