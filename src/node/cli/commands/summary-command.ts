import { resolve } from 'node:path';
import { categoryChartSvg, createSummary, renderSummaryHtml, renderSummaryJson, renderSummaryMarkdown, renderSummaryText } from '../../../batch/index.js';
import { type Command, type CommandIo, UsageError, exitCodes } from '../command.js';
import { type BatchCliOptions, parseCommandLine, readBatchOptions, sharedOptionsHelp } from '../shared-options.js';
import { type OpenedInput, type Output, openInput, openOutputPath, refuseStdoutOverInput } from '../io.js';
import { runBatch } from '../run-batch.js';

const help = `Usage: loneliness-scales summary <file|-> [options]

Scores every row and reports: rows read, scored and not scored (read = scored + not scored);
the rows missing each score; the headline indicators of the scale (djg6: "lonely" = 2–6 and the
manual's bands; djg11: the GGD/RIVM health monitor's "eenzaam" ≥ 3, "ernstig eenzaam" ≥ 9,
"emotioneel/sociaal eenzaam" ≥ 2 and the four bands); the prevalence of each category of the
total and the subscales with a 95% Wilson interval (weighted, with --weights); mean and SD of
each score; reliability (KR-20, Cronbach's alpha for dichotomous items) on complete cases; the
share of each answer per item. With --by, all of it per group as well.

${sharedOptionsHelp}

Report:
  --format table|json|markdown|html|svg
                            The report's form (default table). html: one self-contained page
                            (charts, tables, method; prints on A4). svg: a bar chart of the
                            category distribution with its 95% intervals. json: the shape of
                            schemas/summary.schema.json.
  --weights COLUMN          A column of survey weights: weighted prevalence and means, with
                            intervals on the Kish effective sample size.
  --by COLUMN[,COLUMN…]     Everything per group of each column too. Numeric columns can be
                            banded: --by 'age:18-24,25-49,50-64,65-74,75+' (bands inclusive;
                            75+ open-ended; values outside every band are the group "other",
                            blanks the group "missing"). Several groupings: --by 'gemeente,age:18-64,65+'.
  --min-n N                 Groups with fewer than N scored respondents keep their counts but
                            show no percentages (default 30; GGD/CBS do not publish small cells).
  --chart FILE              Also write the SVG chart to FILE.
  --title TEXT              The chart's (and the html report's) title; default the scale's name.
  --out FILE                Write the report to FILE instead of stdout. FILE (and the --chart file)
                            is replaced only by a complete result; a failed run leaves it as it was.

Exit codes as for score: 0, 1 (some bad rows), 2 (usage), 3 (--strict stop, unreadable input).

Examples:
  loneliness-scales example > enquete-nl.csv   # a sample file
  loneliness-scales summary enquete-nl.csv --lang nl
  loneliness-scales summary enquete-nl.csv --lang nl --by gemeente --format html --out rapport.html
  loneliness-scales summary enquete-nl.csv --lang nl --by 'leeftijd:18-24,25-49,50-64,65-74,75+'
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
      by: { type: 'string' },
      'min-n': { type: 'string' },
      chart: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string', short: 'o' },
    });
    const values = parsed as Record<string, string | undefined> & { help?: boolean };
    if (values.help === true) {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    const options = readBatchOptions(parsed, io.cwd);
    const format = values.format ?? 'table';
    if (!['table', 'json', 'markdown', 'html', 'svg'].includes(format)) throw new UsageError(`--format must be table, json, markdown, html or svg, not "${format}".`);
    const input = openInput(positionals[0], io, options.from, options.sheet);
    if (values.out !== undefined && values.chart !== undefined && resolve(io.cwd, values.out) === resolve(io.cwd, values.chart)) {
      throw new UsageError(`--out and --chart name the same file, ${values.out}: give each its own.`);
    }
    // Opened before the input is read: an unwritable location, or the input as output, stops here.
    const outputs: Output[] = [];
    try {
      const chartOutput = values.chart === undefined ? undefined : await openOutputPath(values.chart, io, input);
      if (chartOutput !== undefined) outputs.push(chartOutput);
      const reportOutput = values.out === undefined ? undefined : await openOutputPath(values.out, io, input);
      if (reportOutput !== undefined) outputs.push(reportOutput);
      if (reportOutput === undefined) refuseStdoutOverInput(io, input);
      return await summarize(input, options, values, io, chartOutput, reportOutput);
    } finally {
      for (const output of outputs) output.discard();
    }
  },
};

function readMinN(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--min-n must be a whole number, not "${text}".`);
  return Number(text);
}

/** Reads the input into a summary and writes the report (and chart); outputs are committed only when all are complete. */
async function summarize(
  input: OpenedInput,
  options: BatchCliOptions,
  values: Record<string, string | undefined>,
  io: CommandIo,
  chartOutput: Output | undefined,
  reportOutput: Output | undefined,
): Promise<number> {
  const format = values.format ?? 'table';
  const accumulator = createSummary(options.scale, options.scoring, { weights: values.weights, by: values.by, minN: readMinN(values['min-n']) });
  const counts = await runBatch(
    input,
    null,
    {
      scale: options.scale,
      scoring: options.scoring,
      columns: options.columns,
      language: options.language,
      output: null,
      ...accumulator.batchOptions,
      strict: options.strict,
      onRow: accumulator.add,
      ...options.reading,
    },
    io,
    options,
  );
  const summary = accumulator.finish();
  const chart = () => categoryChartSvg(summary, { language: options.language, ...(values.title === undefined ? {} : { title: values.title }) });
  const report =
    format === 'json'
      ? renderSummaryJson(summary)
      : format === 'markdown'
        ? renderSummaryMarkdown(summary, options.language)
        : format === 'html'
          ? renderSummaryHtml(summary, { language: options.language, title: values.title })
        : format === 'svg'
          ? chart()
          : renderSummaryText(summary, options.language);
  const encoder = new TextEncoder();
  if (chartOutput !== undefined) await chartOutput.write(encoder.encode(chart()));
  if (reportOutput !== undefined) await reportOutput.write(encoder.encode(report));
  // Both are complete before either replaces its file.
  await chartOutput?.commit();
  if (reportOutput !== undefined) await reportOutput.commit();
  else io.stdout.write(report);
  return counts.bad > 0 ? exitCodes.rowsNotScored : exitCodes.ok;
}
