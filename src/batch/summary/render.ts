import type { Language } from '../../index.js';
import type { IndicatorDefinition } from './indicators.js';
import { numberFormats, reportText } from './report-text.js';
import type { BatchSummary, CategoryPrevalence, Frequency, GroupSummary, Prevalence, Reliability, ScoreStatistics } from './summarize.js';

/** One table of a report: a title, a header, rows of cells, and notes below it. */
export interface ReportTable {
  /** A stable id (`rows`, `indicators`, `by-gemeente`, …). */
  readonly id: string;
  /** The table's heading. */
  readonly title: string;
  /** Column headings. */
  readonly header: readonly string[];
  /** Rows of cells, as text. */
  readonly rows: readonly (readonly string[])[];
  /** Notes printed below the table. */
  readonly notes: readonly string[];
}

/** A group's label in a language: its value or band, or the words for `other` and `missing`. */
export function groupLabel(group: GroupSummary, language: Language): string {
  const text = reportText[language];
  const value = Object.values(group.by)[0] ?? '';
  return group.kind === 'other' ? text.other : group.kind === 'missing' ? text.missingGroup : value;
}

/**
 * The scores a summary reports, in order: the total, and each subscale the scale has items on
 * (a scale without subscales has its total only).
 * @internal
 */
export function scoresOf(summary: BatchSummary): ('total' | 'emotional' | 'social')[] {
  return (['total', 'emotional', 'social'] as const).filter((name) => summary.scores[name] !== undefined);
}

/**
 * Whether every item scores 0 or 1, as the De Jong Gierveld items do (by their wording): the
 * reliability is then KR-20, otherwise Cronbach's alpha (of which KR-20 is that special case).
 * @internal
 */
export function dichotomousItems(summary: BatchSummary): boolean {
  return summary.method.items.every((item) => item.points === undefined || Object.values(item.points).every((points) => points === 0 || points === 1));
}

/** The indicators to chart and tabulate per group: the headline ones, or (for scales without) none. */
export function headlineIndicators(summary: BatchSummary): { definition: IndicatorDefinition; index: number }[] {
  return summary.method.indicators.flatMap((definition, index) => (definition.headline ? [{ definition, index }] : []));
}

/**
 * The summary as tables with every heading and number in the report's language: rows, headline
 * indicators, categories of the total and the subscales, scores, reliability, answers per item,
 * and a table per grouping. Groups below `minN` keep their counts and lose their percentages.
 * @internal
 */
export function reportTables(summary: BatchSummary, language: Language): ReportTable[] {
  const text = reportText[language];
  const format = numberFormats(language);
  const weighted = summary.weights !== null;
  const shareColumns = weighted ? [text.percent, text.interval, text.weightedPercent, text.weightedInterval] : [text.percent, text.interval];
  const shares = (prevalence: Prevalence) => [
    format.percent(prevalence.proportion),
    format.interval(prevalence.interval),
    ...(weighted ? [format.percent(prevalence.weightedProportion), format.interval(prevalence.weightedInterval)] : []),
  ];
  const range = (min: number, max: number) => (min === max ? String(min) : `${min}–${max}`);
  const scoreName = { total: text.total, emotional: text.emotional, social: text.social } as const;
  const categoryRows = (list: readonly CategoryPrevalence[]) =>
    list.map((category) => [category.band.label[language], range(category.band.min, category.band.max), format.count(category.count), ...shares(category)]);
  const tables: ReportTable[] = [
    {
      id: 'rows',
      title: text.rows,
      header: [text.read, text.scored, text.notScored, text.badRows],
      rows: [[summary.read, summary.scored, summary.notScored, summary.bad].map(format.count)],
      notes: [],
    },
  ];
  if (summary.indicators.length > 0) {
    tables.push({
      id: 'indicators',
      title: text.indicators,
      header: [text.indicator, text.score, text.n, text.count, ...shareColumns],
      rows: summary.indicators.map((indicator, index) => {
        const definition = summary.method.indicators[index] as IndicatorDefinition;
        return [definition.label[language], `${scoreName[definition.score]} ${range(definition.min, definition.max)}`, format.count(indicator.n), format.count(indicator.count), ...shares(indicator)];
      }),
      notes: [],
    });
  }
  tables.push({
    id: 'categories',
    title: text.categoriesTotal,
    header: [text.category, text.scoreRange, text.n, ...shareColumns],
    rows: categoryRows(summary.categories),
    notes: [],
  });
  for (const [name, title] of [
    ['emotional', text.categoriesEmotional],
    ['social', text.categoriesSocial],
  ] as const) {
    const list = summary.subscaleCategories[name];
    if (list !== undefined && list.length > 0) tables.push({ id: `categories-${name}`, title, header: [text.category, text.scoreRange, text.n, ...shareColumns], rows: categoryRows(list), notes: [] });
  }
  // Only the scores the scale has: a scale without subscales gets no empty subscale rows.
  const names = scoresOf(summary);
  tables.push({
    id: 'scores',
    title: text.scores,
    header: [text.score, text.n, text.missing, text.mean, text.sd, ...(weighted ? [text.weightedMean] : [])],
    rows: names.map((name) => {
      const stats = summary.scores[name] as ScoreStatistics;
      return [scoreName[name], format.count(stats.n), format.count(summary.missing[name] ?? 0), format.decimal(stats.mean), format.decimal(stats.sd), ...(weighted ? [format.decimal(stats.weightedMean)] : [])];
    }),
    notes: [],
  });
  const kr20 = dichotomousItems(summary);
  tables.push({
    id: 'reliability',
    title: kr20 ? text.reliability : text.reliabilityAlpha,
    header: [text.scale, text.items, text.n, kr20 ? 'KR-20' : text.alpha],
    rows: names.map((name) => {
      const { items, n, kr20: coefficient } = summary.reliability[name] as Reliability;
      return [scoreName[name], String(items), format.count(n), format.decimal(coefficient, 3)];
    }),
    notes: [],
  });
  if (summary.items !== null) {
    const levels = summary.method.answers.filter(({ level }) => summary.items?.some((item) => (item.answers.find((answer) => answer.level === level)?.count ?? 0) > 0));
    const anyInvalid = summary.items.some((item) => item.invalid.count > 0);
    const share = (frequency: Frequency) => format.percent(weighted ? frequency.weightedProportion : frequency.proportion);
    tables.push({
      id: 'items',
      title: weighted ? text.itemFrequenciesWeighted : text.itemFrequencies,
      header: [text.item, ...levels.map(({ label }) => label[language]), text.missing, ...(anyInvalid ? [text.invalid] : [])],
      rows: summary.items.map((item, index) => {
        const definition = summary.method.items[index];
        const answers = levels.map(({ level }) => {
          const answer = item.answers.find((candidate) => candidate.level === level);
          return answer === undefined ? '–' : share(answer);
        });
        return [`${definition?.number ?? ''}. ${definition?.text[language] ?? item.key}`, ...answers, share(item.missing), ...(anyInvalid ? [share(item.invalid)] : [])];
      }),
      notes: [],
    });
  }
  const headline = headlineIndicators(summary);
  for (const grouping of summary.groupings) {
    const groups = summary.groups.filter((group) => Object.hasOwn(group.by, grouping.column));
    const suppressedAny = groups.some((group) => group.suppressed);
    const columns =
      headline.length > 0
        ? headline.map(({ definition, index }) => ({ label: definition.label[language], of: (group: GroupSummary) => group.indicators[index] as Prevalence }))
        : summary.categories.map((category, index) => ({ label: category.band.label[language], of: (group: GroupSummary) => group.categories[index] as Prevalence }));
    tables.push({
      id: `by-${grouping.column}`,
      title: text.by(grouping.column),
      header: [text.group, text.n, ...columns.flatMap((column) => [`${column.label} %`, text.interval]), text.meanTotal],
      rows: groups.map((group) => {
        const cells = columns.flatMap((column) => {
          if (group.suppressed) return ['–', '–'];
          const prevalence = column.of(group);
          return weighted ? [format.percent(prevalence.weightedProportion), format.interval(prevalence.weightedInterval)] : [format.percent(prevalence.proportion), format.interval(prevalence.interval)];
        });
        const mean = group.suppressed ? '–' : format.decimal(weighted ? group.scores.total.weightedMean : group.scores.total.mean);
        return [`${groupLabel(group, language)}${group.suppressed ? ` ${text.suppressedMark}` : ''}`, format.count(group.scored), ...cells, mean];
      }),
      notes: [...(suppressedAny ? [text.suppressedNote(summary.minN)] : []), ...(weighted ? [text.weightedFigures] : [])],
    });
  }
  return tables;
}

/** The weights note of a summary in its language, or `''`. */
export function weightsNote(summary: BatchSummary, language: Language): string {
  const { weights } = summary;
  if (weights === null) return '';
  const text = reportText[language];
  const format = numberFormats(language);
  return text.weightsNote(weights.column, Number.isFinite(weights.sum) ? format.decimal(weights.sum, 2) : text.tooLarge, format.decimal(weights.effectiveN, 1), format.count(weights.missing));
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
  const blocks = reportTables(summary, language).map(({ title, header, rows, notes }) => {
    const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
    return [title, line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), ...notes].join('\n');
  });
  const note = weightsNote(summary, language);
  return `${summary.method.scaleName[language]}\n\n${blocks.join('\n\n')}${note === '' ? '' : `\n\n${note}`}\n`;
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
  const escape = (cell: string) => cell.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');
  const blocks = reportTables(summary, language).map(({ title, header, rows, notes }) =>
    [
      `### ${escape(title)}`,
      '',
      `| ${header.map(escape).join(' | ')} |`,
      `|${header.map((_, column) => (column === 0 ? '---' : '---:')).join('|')}|`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
      ...(notes.length > 0 ? ['', ...notes.map(escape)] : []),
    ].join('\n'),
  );
  const note = weightsNote(summary, language);
  return `## ${reportText[language].summary}: ${escape(summary.method.scaleName[language])}\n\n${blocks.join('\n\n')}${note === '' ? '' : `\n\n${escape(note)}`}\n`;
}

/**
 * The summary as JSON text (band labels in both languages): indented by two spaces, except that
 * each group is written on one line of its own. A summary of many groups is mostly its groups
 * (500 groups: about 4 MB on one line each, 7.9 MB indented); one line per group keeps the file
 * easy to read, grep and diff, and halves the text to write. Parsed, it is the same value.
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
  const { groups } = summary;
  if (groups.length === 0) return `${JSON.stringify(summary, null, 2)}\n`;
  const outline = JSON.stringify({ ...summary, groups: [] }, null, 2);
  // One text for all groups, broken after each: `},{"by":` is only ever between two groups (in a
  // string, a quote is escaped), and a line break after a comma changes no JSON value.
  const lines = JSON.stringify(groups).slice(1, -1).replaceAll('},{"by":', '},\n    {"by":');
  // The only top-level key indented by two spaces. Joined, not replaced: the large text is not copied again.
  const at = outline.indexOf('\n  "groups": []') + '\n  "groups": ['.length;
  return outline.slice(0, at) + '\n    ' + lines + '\n  ' + outline.slice(at) + '\n';
}
