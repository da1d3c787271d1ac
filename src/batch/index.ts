// The public surface of loneliness-scales/batch. Internals (the byte sink, readers, writers, the
// row pipeline) are imported from their files inside the package and are not exported here.
export { scoreColumns } from './columnar/score-columns.js';
export type { ArrowLikeColumn, CodeColumn, ColumnarOptions, ColumnarScores } from './columnar/score-columns.js';
export { encodeCell, isFormulaLike } from './delimited/cells.js';
export { createDelimitedTokenizer, fieldText } from './delimited/tokenizer.js';
export type { DelimitedTokenizer, RecordView, TokenizerOptions } from './delimited/tokenizer.js';
export { INVALID_POINT, MISSING_POINT, bandLabel, compileScale } from './scoring/compile.js';
export type { CompiledScale } from './scoring/compile.js';
export { emptyRowScores, malformedRow, scoreRowPoints } from './scoring/row-scores.js';
export type { RowScores } from './scoring/row-scores.js';
export { scoreCells, scoreColumnNames, scoreColumnKeys, scoreRecord, scoreValues } from './scoring/score-columns.js';
export type { ScoreColumn } from './scoring/score-columns.js';
export { createBatchScorer } from './streams/create-batch-scorer.js';
export { BadRowError } from './streams/options.js';
export type { BatchCounts, BatchOptions, BatchScorer, RowEvent, RowProblem, RowProblemCode, TextFormat } from './streams/options.js';
export { batchFormat, batchFormats } from './streams/formats.js';
export type { FormatDefinition } from './streams/formats.js';
export { scoreRecords, scoreRecordsAsync } from './streams/score-records.js';
export type { RecordOptions, ScoredRecord } from './streams/score-records.js';
export { scoreText, scoringTransform } from './streams/score-text.js';
export type { ByteSource } from './streams/score-text.js';
export { categoryChartSvg } from './summary/chart-svg.js';
export { renderSummaryJson, renderSummaryMarkdown, renderSummaryText } from './summary/render.js';
export { createSummary } from './summary/summarize.js';
export type { BatchSummary, CategoryPrevalence, Reliability, ScoreStatistics, SummaryAccumulator } from './summary/summarize.js';
export { parseWeight } from './summary/weights.js';
export { wilsonInterval } from './summary/wilson.js';
export type { Interval } from './summary/wilson.js';
