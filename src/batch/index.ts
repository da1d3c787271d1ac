// The public surface of loneliness-scales/batch: what users call. Internals (tokenizer, compiled
// tables, row pipeline, writers, cells) are imported from their files inside the package; tests
// reach them through ./internal.ts, which is not a package entry point.
export { scoreColumns } from './columnar/score-columns.js';
export type { ArrowLikeColumn, CodeColumn, ColumnarOptions, ColumnarScores } from './columnar/score-columns.js';
export type { RowScores } from './scoring/row-scores.js';
export { scoreColumnKeys, scoreColumnNames } from './scoring/score-columns.js';
export type { ScoreColumn } from './scoring/score-columns.js';
export { createBatchScorer } from './streams/create-batch-scorer.js';
// For the Node layer's readers that need more than bytes (an .xlsx sheet): internal, no semver
// promise; exported here so that the Node layer shares this entry's one copy of the pipeline.
export { createReaderScorer as _createReaderScorer } from './streams/create-batch-scorer.js';
export { BadRowError } from './streams/options.js';
export type { BatchCounts, BatchOptions, BatchScorer, RowEvent, RowProblem, RowProblemCode, TextFormat } from './streams/options.js';
export { batchFormats } from './streams/formats.js';
export type { FormatDefinition } from './streams/formats.js';
export { scoreRecords, scoreRecordsAsync } from './streams/score-records.js';
export type { RecordOptions, ScoredRecord } from './streams/score-records.js';
export { scoreText, scoringTransform } from './streams/score-text.js';
export type { ByteSource } from './streams/score-text.js';
export { categoryChartSvg } from './summary/chart-svg.js';
export { renderSummaryJson, renderSummaryMarkdown, renderSummaryText } from './summary/render.js';
export { createSummary } from './summary/summarize.js';
export type { BatchSummary, CategoryPrevalence, Reliability, ScoreStatistics, SummaryAccumulator } from './summary/summarize.js';
export type { Interval } from './summary/wilson.js';
