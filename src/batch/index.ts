// The public surface of loneliness-scales/batch: what users call. Internals (tokenizer, compiled
// tables, row pipeline, writers, cells) are imported from their files inside the package; tests
// reach them through ./internal.ts, which is not a package entry point.
/**
 * Batch scoring, browser-safe: CSV, TSV and NDJSON streams, records and typed-array columns, every
 * row kept with its scores or its reason; summaries with prevalence, intervals, KR-20 and a chart.
 *
 * ```ts
 * import { scoreText, scoreRecords, scoreColumns, createSummary } from 'loneliness-scales/batch';
 * ```
 *
 * @module loneliness-scales/batch
 */
export { scoreColumns } from './columnar/score-columns.js';
export type { ArrowLikeColumn, CodeColumn, ColumnarOptions, ColumnarScores } from './columnar/score-columns.js';
export type { RowScores } from './scoring/row-scores.js';
export { scoreColumnKeys, scoreColumnNames } from './scoring/output-columns.js';
export type { ScoreColumn } from './scoring/output-columns.js';
export { createBatchScorer } from './streams/create-batch-scorer.js';
// For the Node layer's readers that need more than bytes (an .xlsx sheet): internal, no semver
// promise; exported here so that the Node layer shares this entry's one copy of the pipeline.
export { createReaderScorer as _createReaderScorer } from './streams/create-batch-scorer.js';
export { BadRowError, DEFAULT_MISSING_VALUES } from './streams/batch-options.js';
export type { BatchCounts, BatchOptions, BatchScorer, DialectNote, InputEncoding, RowEvent, RowProblem, RowProblemCode, TextFormat } from './streams/batch-options.js';
export { batchFormats } from './streams/format-registry.js';
export type { FormatDefinition } from './streams/format-registry.js';
export { scoreRecords, scoreRecordsAsync } from './streams/score-records.js';
export type { RecordOptions, ScoredRecord } from './streams/score-records.js';
export { scoreText, scoringTransform } from './streams/score-text.js';
export type { ByteSource } from './streams/score-text.js';
export { categoryChartSvg } from './summary/chart-svg.js';
export { renderSummaryJson, renderSummaryMarkdown, renderSummaryText } from './summary/render.js';
export { renderSummaryHtml } from './summary/render-html.js';
export type { HtmlReportOptions } from './summary/render-html.js';
export { DEFAULT_MIN_N, createSummary } from './summary/summarize.js';
export type {
  AnswerFrequency,
  BatchSummary,
  CategoryPrevalence,
  Frequency,
  GroupSummary,
  IndicatorPrevalence,
  ItemFrequencies,
  PerScore,
  Prevalence,
  Reliability,
  ScoreStatistics,
  SummaryAccumulator,
  SummaryFigures,
  SummaryMethod,
  SummaryOptions,
  WeightsUsed,
} from './summary/summarize.js';
export { parseGroupBy } from './summary/group-by.js';
export type { GroupBy, GroupKind, NumericBand } from './summary/group-by.js';
export { indicatorsOf } from './summary/indicators.js';
export type { IndicatorDefinition } from './summary/indicators.js';
export type { Interval } from './summary/wilson.js';
