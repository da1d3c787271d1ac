import type { Language } from '../../index.js';
import type { BatchSummary, ScoreStatistics } from './summarize.js';

const percent = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
const decimal = (value: number | null, digits = 2): string => {
  if (value === null) return '–';
  const text = value.toFixed(digits);
  // No "-0.00" for a value that rounds to zero.
  return Number(text) === 0 ? (0).toFixed(digits) : text;
};
const interval = (range: { lower: number; upper: number } | null | undefined): string =>
  range === null || range === undefined ? '–' : `${(range.lower * 100).toFixed(1)}–${(range.upper * 100).toFixed(1)}%`;

/** The summary as rows of cells: one table per section, for text and Markdown rendering. */
function sections(summary: BatchSummary, language: Language): { title: string; header: string[]; rows: string[][] }[] {
  const weighted = summary.weights !== null;
  const statistic = (name: string, stats: ScoreStatistics, missing: number) => [name, String(stats.n), String(missing), decimal(stats.mean), decimal(stats.sd)];
  return [
    {
      title: 'Rows',
      header: ['read', 'scored', 'not scored', 'of which bad rows'],
      rows: [[summary.read, summary.scored, summary.notScored, summary.bad].map(String)],
    },
    {
      title: 'Categories of the total (95% Wilson intervals)',
      header: ['category', 'scores', 'n', '%', '95% CI', ...(weighted ? ['weighted %', 'weighted 95% CI'] : [])],
      rows: summary.categories.map((category) => [
        category.band.label[language],
        category.band.min === category.band.max ? String(category.band.min) : `${category.band.min}–${category.band.max}`,
        String(category.count),
        percent(category.proportion),
        interval(category.interval),
        ...(weighted ? [percent(category.weightedProportion), interval(category.weightedInterval)] : []),
      ]),
    },
    {
      title: 'Scores',
      header: ['score', 'n', 'missing', 'mean', 'SD'],
      rows: [
        statistic('total', summary.scores.total, summary.missing.total),
        statistic('emotional', summary.scores.emotional, summary.missing.emotional),
        statistic('social', summary.scores.social, summary.missing.social),
      ],
    },
    {
      title: 'Reliability (KR-20, complete cases)',
      header: ['scale', 'items', 'n', 'KR-20'],
      rows: (['total', 'emotional', 'social'] as const).map((name) => {
        const { items, n, kr20 } = summary.reliability[name];
        return [name, String(items), String(n), decimal(kr20, 3)];
      }),
    },
  ];
}

function weightsNote(summary: BatchSummary): string {
  const { weights } = summary;
  if (weights === null) return '';
  return `Weights: column "${weights.column}", sum ${Number.isFinite(weights.sum) ? weights.sum.toFixed(2) : 'above the largest number (1.8e308)'}, effective n ${weights.effectiveN.toFixed(1)} (Kish), ${weights.missing} scored rows without a usable weight.`;
}

/**
 * The summary as a plain-text table for a terminal.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary, renderSummaryText } from 'loneliness-scales/batch';
 * const accumulator = createSummary(djg6);
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, onRow: accumulator.add }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n'));
 * scorer.end();
 * const summary = accumulator.finish();
 * renderSummaryText(summary, 'en').includes('moderately lonely'); // true
 * ```
 */
export function renderSummaryText(summary: BatchSummary, language: Language = 'en'): string {
  const blocks = sections(summary, language).map(({ title, header, rows }) => {
    const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
    return [title, line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
  });
  const note = weightsNote(summary);
  return `${summary.scale}\n\n${blocks.join('\n\n')}${note === '' ? '' : `\n\n${note}`}\n`;
}

/**
 * The summary as Markdown tables, for a report.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary, renderSummaryMarkdown } from 'loneliness-scales/batch';
 * const accumulator = createSummary(djg6);
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, onRow: accumulator.add }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n'));
 * scorer.end();
 * const summary = accumulator.finish();
 * renderSummaryMarkdown(summary, 'nl').includes('| matig eenzaam |'); // true
 * ```
 */
export function renderSummaryMarkdown(summary: BatchSummary, language: Language = 'en'): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const blocks = sections(summary, language).map(({ title, header, rows }) =>
    [
      `### ${title}`,
      '',
      `| ${header.map(escape).join(' | ')} |`,
      `|${header.map((_, column) => (column === 0 ? '---' : '---:')).join('|')}|`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
    ].join('\n'),
  );
  const note = weightsNote(summary);
  return `## Summary: ${summary.scale}\n\n${blocks.join('\n\n')}${note === '' ? '' : `\n\n${note}`}\n`;
}

/**
 * The summary as JSON text (band labels in both languages).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createBatchScorer, createSummary, renderSummaryJson } from 'loneliness-scales/batch';
 * const accumulator = createSummary(djg6);
 * const scorer = createBatchScorer('csv', { scale: djg6, output: null, onRow: accumulator.add }, () => {});
 * scorer.push(new TextEncoder().encode('emptiness,leanOn,trust,closeTo,missPeople,rejected\nja,ja,ja,nee,ja,ja\n'));
 * scorer.end();
 * const summary = accumulator.finish();
 * JSON.parse(renderSummaryJson(summary)).read; // 1
 * ```
 */
export function renderSummaryJson(summary: BatchSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
