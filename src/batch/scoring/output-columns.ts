import type { Language } from '../../index.js';
import type { RowScores } from './row-scores.js';

/**
 * The score columns appended to every row, in order, before any prefix.
 *
 * @example
 * ```ts
 * import { scoreColumnKeys } from 'loneliness-scales/batch/internal';
 * scoreColumnKeys.join(','); // 'total,emotional,social,category,category_label,missing_items,reason'
 * ```
 */
export const scoreColumnKeys = ['total', 'emotional', 'social', 'category', 'category_label', 'missing_items', 'reason'] as const;

/** The name of a score column. */
export type ScoreColumn = (typeof scoreColumnKeys)[number];

/**
 * The score columns' names with a prefix (`djg6_total`, …).
 *
 * @example
 * ```ts
 * import { scoreColumnNames } from 'loneliness-scales/batch';
 * scoreColumnNames('djg6_')[0]; // 'djg6_total'
 * ```
 */
export function scoreColumnNames(prefix = ''): string[] {
  return scoreColumnKeys.map((column) => prefix + column);
}

/**
 * The score values of a row, in the order of {@link scoreColumnKeys}: numbers, the category label,
 * the reason, `null` for a missing score. The one place the score columns' content is defined;
 * text cells and JSON output are written from it.
 *
 * @example
 * ```ts
 * import { emptyRowScores, scoreValues } from 'loneliness-scales/batch/internal';
 * scoreValues(emptyRowScores(), 'en'); // [null, null, null, null, null, null, null]
 * ```
 */
export function scoreValues(scores: RowScores, language: Language): (string | number | null)[] {
  return [
    scores.total,
    scores.emotional,
    scores.social,
    scores.category?.code ?? null,
    scores.category?.label[language] ?? null,
    scores.missingItems,
    scores.reason,
  ];
}

/**
 * The score cells of a row as text, in the order of {@link scoreColumnKeys}; empty for a missing score.
 *
 * @example
 * ```ts
 * import { emptyRowScores, scoreCells } from 'loneliness-scales/batch/internal';
 * scoreCells(emptyRowScores(), 'en'); // ['', '', '', '', '', '', '']
 * ```
 */
export function scoreCells(scores: RowScores, language: Language): string[] {
  return scoreValues(scores, language).map((value) => (value === null ? '' : String(value)));
}

/**
 * The scores of a row as a plain object for JSON output, keyed by (prefixed) score column.
 *
 * @example
 * ```ts
 * import { emptyRowScores, scoreRecord } from 'loneliness-scales/batch/internal';
 * scoreRecord(emptyRowScores(), 'en').total; // null
 * ```
 */
export function scoreRecord(scores: RowScores, language: Language, prefix = ''): Record<string, string | number | null> {
  const values = scoreValues(scores, language);
  return Object.fromEntries(scoreColumnKeys.map((key, index) => [prefix + key, values[index] ?? null]));
}

/**
 * The names of the two columns the scorer adds besides the scores, with a prefix: `_extra` holds
 * what a row has beyond its header (keys of an NDJSON line not in the first line, fields of a CSV
 * row beyond the header) and `_raw` the text of an NDJSON line that is not a JSON object.
 * Internal to the batch layer (`addedColumnNames('djg6_').extra` is `'djg6__extra'`).
 */
export function addedColumnNames(prefix = ''): { readonly extra: string; readonly raw: string } {
  return { extra: `${prefix}_extra`, raw: `${prefix}_raw` };
}

/** A value of a JSON row as a cell: text as is, numbers and booleans as written, `null` as empty, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
