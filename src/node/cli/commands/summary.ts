import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { categoryChartSvg, createSummary, renderSummaryJson, renderSummaryMarkdown, renderSummaryText } from '../../../batch/index.js';
import { type Command, UsageError, exitCodes } from '../command.js';
import { parseCommandLine, readBatchOptions, sharedOptionsHelp } from '../batch-options.js';
import { openInput } from '../io.js';
import { runBatch } from '../run-batch.js';

const help = `Usage: loneliness-scales summary <file|-> [options]

Scores every row and reports: rows read, scored and not scored (read = scored + not scored);
the rows missing each score; the prevalence of each category with a 95% Wilson interval
(weighted, with --weights); mean and SD of each score; reliability (KR-20, Cronbach's alpha
for dichotomous items) of the total and each subscale, on complete cases.

${sharedOptionsHelp}

Report:
  --format table|json|markdown|svg   The report's form (default table). svg: a bar chart of the
                            category distribution with its 95% intervals.
  --weights COLUMN          A column of survey weights: weighted prevalence, with intervals on the
                            Kish effective sample size.
  --chart FILE              Also write the SVG chart to FILE.
  --title TEXT              The chart's title.
  --out FILE                Write the report to FILE instead of stdout.

Exit codes as for score: 0, 1 (some bad rows), 2 (usage), 3 (--strict stop, unreadable input).

Examples:
  loneliness-scales summary examples/data/enquete-nl.csv --lang nl
  loneliness-scales summary survey.csv --coding manual --columns 'lone{n}' --format markdown
  loneliness-scales summary survey.csv --coding manual --columns 'lone{n}' --weights weight --chart categories.svg
  loneliness-scales summary survey.csv --coding manual --columns 'lone{n}' --format svg > categories.svg
`;

/** `summary`: a report of a scored file — counts, prevalence with intervals, means, reliability, chart. */
export const summaryCommand: Command = {
  name: 'summary',
  summary: 'Summarise a file: counts, category prevalence with 95% intervals, mean/SD, KR-20, SVG chart.',
  help,
  async run(args, io) {
    const { values: parsed, positionals } = parseCommandLine(args, {
      format: { type: 'string' },
      weights: { type: 'string' },
      chart: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string', short: 'o' },
    });
    const values = parsed as Record<string, string | undefined> & { help?: boolean };
    if (values.help === true) {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    const options = readBatchOptions(parsed);
    const format = values.format ?? 'table';
    if (!['table', 'json', 'markdown', 'svg'].includes(format)) throw new UsageError(`--format must be table, json, markdown or svg, not "${format}".`);
    const input = openInput(positionals[0], io, options.from);
    const accumulator = createSummary(options.scale, options.scoring, values.weights);
    const counts = await runBatch(
      input,
      null,
      {
        scale: options.scale,
        scoring: options.scoring,
        columns: options.columns,
        language: options.language,
        output: null,
        weightColumn: values.weights,
        strict: options.strict,
        onRow: accumulator.add,
      },
      io,
      options.quiet,
    );
    const summary = accumulator.finish();
    const chart = () => categoryChartSvg(summary, { language: options.language, ...(values.title === undefined ? {} : { title: values.title }) });
    const report =
      format === 'json'
        ? renderSummaryJson(summary)
        : format === 'markdown'
          ? renderSummaryMarkdown(summary, options.language)
          : format === 'svg'
            ? chart()
            : renderSummaryText(summary, options.language);
    if (values.chart !== undefined) writeFileSync(resolve(io.cwd, values.chart), chart());
    if (values.out !== undefined) writeFileSync(resolve(io.cwd, values.out), report);
    else io.stdout.write(report);
    return counts.bad > 0 ? exitCodes.rowsNotScored : exitCodes.ok;
  },
};
