/**
 * Scoring code for SPSS (and GNU PSPP), R and SQL, generated from the scale definitions with the
 * library's rules.
 *
 * ```ts
 * import { toSpss, toR, toSql } from 'loneliness-scales/syntax';
 * ```
 *
 * @module loneliness-scales/syntax
 */
export { scoringPlan } from './plan.js';
export type { OutputNames, PlannedCategory, PlannedItem, PlannedPoints, PlannedScore, ScoringPlan, SyntaxOptions } from './plan.js';
export { toR } from './r.js';
export type { ROptions } from './r.js';
export { toSpss } from './spss.js';
export type { SpssOptions } from './spss.js';
export { toSql } from './sql.js';
export type { SqlOptions } from './sql.js';
export { syntaxTargets } from './targets.js';
export type { SyntaxTarget } from './targets.js';
