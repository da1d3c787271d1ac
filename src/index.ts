/**
 * The core: the De Jong Gierveld scale definitions (`djg6`, `djg11`), scoring by the authors' rules
 * (`score`, `safeScore`, `createScorer`), codings, column mapping and `ScoringError`. No dependencies;
 * runs in Node, browsers, Deno and workers.
 *
 * ```ts
 * import { djg6, score } from 'loneliness-scales';
 * ```
 *
 * @module loneliness-scales
 */
export { asAnswer, asAnswers } from './core/answers/as-answer.js';
export { codings, defineCoding, parseCoding } from './core/answers/codings.js';
export type { Coding, CodingPreset, CodingSpec } from './core/answers/codings.js';
export { fivePointFormat, threePointFormat } from './core/answers/formats.js';
export { agreement, answerLabels, readAnswerLabel } from './core/answers/labels.js';
export type { AnswerLabel } from './core/answers/labels.js';
export { ScoringError } from './core/errors.js';
export { columnNames, mapColumns, parseColumnSpec } from './core/mapping/columns.js';
export type { ColumnMapping, ColumnSpec } from './core/mapping/columns.js';
export { datasetOrders } from './core/mapping/orders.js';
export type { DatasetOrder } from './core/mapping/orders.js';
export type { ScoringErrorCode, ScoringErrorDetails } from './core/errors.js';
export { djg11 } from './core/scales/djg11.js';
export { djg6 } from './core/scales/djg6.js';
export { defineScale } from './core/scales/define-scale.js';
export { itemBank, itemTable } from './core/scales/items.js';
export type { ItemOf, ItemRow } from './core/scales/items.js';
export { itemVariants } from './core/scales/variants.js';
export { categorize } from './core/scoring/categorize.js';
export { configure } from './core/scoring/compiled.js';
export type { LibraryConfig } from './core/scoring/compiled.js';
export type { PointsOf, SafeScoreResult, ScoreResult } from './core/scoring/result.js';
export { resolveRules } from './core/scoring/rules.js';
export type { AppliedRules, ResolvedRules, ResolvedScore, ScoreName } from './core/scoring/rules.js';
export type { ScoreOptions, SubscaleConventionName, TotalConventionName } from './core/scoring/options.js';
export { createScorer, safeScore, score } from './core/scoring/score.js';
export type { Scorer } from './core/scoring/score.js';
export type * from './core/types.js';
export * from './core/internal.js';
