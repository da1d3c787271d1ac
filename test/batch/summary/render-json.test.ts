import { describe, expect, it } from 'vitest';
import { djg11 } from '../../../src/index.js';
import { type BatchSummary, createBatchScorer, createSummary, renderSummaryJson } from '../../../src/batch/index.js';

function grouped(labels: readonly string[]): BatchSummary {
  const keys = djg11.items.map((item) => item.key);
  const lines = [`gemeente,w,${keys.join(',')}`];
  for (let row = 0; row < 200; row++) {
    const answers = keys.map((_, item) => ['ja', 'nee', 'min of meer', '', 'x'][(row * 7 + item * 3) % 5]);
    const label = labels[row % labels.length] as string;
    lines.push(`"${label.replaceAll('"', '""')}",${row % 4 === 0 ? '' : ((row % 9) + 0.25).toFixed(2)},${answers.join(',')}`);
  }
  const summary = createSummary(djg11, undefined, { by: 'gemeente', weights: 'w', minN: 1 });
  const scorer = createBatchScorer('csv', { scale: djg11, output: null, ...summary.batchOptions, onRow: summary.add }, () => {});
  scorer.push(new TextEncoder().encode(`${lines.join('\n')}\n`));
  scorer.end();
  return summary.finish();
}

describe('renderSummaryJson: indented, one line per group', () => {
  it('parses to the same value as JSON.stringify, labels holding quotes, `$` replacement patterns, brackets and newlines included', () => {
    const labels = ['Gent', 'a "quoted", [bracketed] {name}: x', 'x},{"by":{"y":1}},{"by":', "$& $' $` $$ $1", 'line\nbreak', 'één 😀', ''];
    const summary = grouped(labels);
    expect(summary.groups.length).toBe(labels.length);
    const text = renderSummaryJson(summary);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(summary)));
    expect(text.endsWith('\n')).toBe(true);
    // One line per group, whatever its label holds.
    expect(text.split('\n').filter((line) => line.startsWith('    {"by":'))).toHaveLength(labels.length);
  });

  it('writes every group on one line of its own and everything else as JSON.stringify(value, null, 2)', () => {
    const summary = grouped(['Gent', 'Brugge', 'Aalst']);
    const lines = renderSummaryJson(summary).split('\n');
    const start = lines.indexOf('  "groups": [');
    expect(lines.slice(start + 1, start + 4).map((line) => JSON.parse(line.trim().replace(/,$/, '')))).toEqual(JSON.parse(JSON.stringify(summary.groups)));
    expect(lines[start + 4]).toBe('  ]');
    const outline = [...lines.slice(0, start), '  "groups": []', ...lines.slice(start + 5)].join('\n');
    expect(outline).toBe(`${JSON.stringify({ ...summary, groups: [] }, null, 2)}\n`);
  });

  it('writes a summary without groups as JSON.stringify(value, null, 2)', () => {
    const summary = createSummary(djg11);
    expect(renderSummaryJson(summary.finish())).toBe(`${JSON.stringify(summary.finish(), null, 2)}\n`);
  });
});
