// Internals of the batch layer, for the library's tests and benchmarks: not a package entry point,
// no semver promise.
export * from './index.js';
export { encodeCell, isFormulaLike } from './delimited/cells.js';
export { createDelimitedTokenizer, fieldText } from './delimited/tokenizer.js';
export type { DelimitedTokenizer, RecordView, TokenizerOptions } from './delimited/tokenizer.js';
export { INVALID_POINT, MISSING_POINT, bandLabel, compileScale } from './scoring/compile.js';
export type { CompiledScale } from './scoring/compile.js';
export { missingMarkers } from './scoring/missing-values.js';
export { emptyRowScores, malformedRow, scoreRowPoints } from './scoring/row-scores.js';
export { cellText, scoreCells, scoreRecord, scoreValues } from './scoring/output-columns.js';
export { batchFormat } from './streams/format-registry.js';
export { createWeightReader, parseWeight } from './summary/weights.js';
export { wilsonInterval } from './summary/wilson.js';
export { createReaderScorer } from './streams/create-batch-scorer.js';
export { TextInterner } from './streams/text-interner.js';
export type { ByteReader, ObjectRow, ReaderFactory, ReaderOptions, RowTarget } from './streams/rows.js';
