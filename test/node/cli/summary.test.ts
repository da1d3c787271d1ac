import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../helpers/cli.js';
import { generateRows, toCsv } from '../../helpers/dataset.js';

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
