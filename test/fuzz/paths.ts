import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4.js';
import { expect } from 'vitest';
import { type SafeScoreResult, type ScaleDefinition, type ScoreOptions, ScoringError, djg11, djg6 } from '../../src/index.js';
import { createBatchScorer, scoreColumns } from '../../src/batch/index.js';
import { fhirUrls, safeScoreQuestionnaireResponse } from '../../src/fhir/index.js';
import { ANSWERS, type ReferenceFailure, type ReferenceOutcome, type ReferenceScale } from './reference.js';

/** The library's scale for a reference scale. */
export const libraryScale = (scale: ReferenceScale): ScaleDefinition => (scale.id === 'djg6' ? djg6 : djg11);

/** What every scoring path can say about one respondent: the scores, or an error code and item. */
export type RowView =
  | { readonly kind: 'scored'; readonly total: number | null; readonly emotional: number | null; readonly social: number | null; readonly category: number | null; readonly missing: number }
  | { readonly kind: 'error'; readonly code: string; readonly item?: string | undefined };

/** Whether the library's error is one the reference allows (any of them when there are several). */
export function allowedError(expected: ReferenceFailure, code: string, item: string | undefined): boolean {
  return expected.errors.some((error) => (error.codes as readonly string[]).includes(code) && (error.item === undefined || error.item === item));
}

const describe = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' || typeof inner === 'symbol' || typeof inner === 'function' || (typeof inner === 'number' && !Number.isFinite(inner)) || Object.is(inner, -0) ? `<${typeof inner} ${String(inner)}>` : inner === undefined ? '<undefined>' : inner,
    );
  } catch {
    return String(value);
  }
};

/** Checks one respondent's row against the reference. */
export function expectRow(expected: ReferenceOutcome, actual: RowView, context: unknown): void {
  const where = `${describe(context)}\nreference: ${describe(expected)}\nlibrary: ${describe(actual)}`;
  if (expected.kind === 'error') {
    expect(actual.kind, where).toBe('error');
    if (actual.kind === 'error') expect(allowedError(expected, actual.code, actual.item), where).toBe(true);
    return;
  }
  expect(actual, where).toEqual({
    kind: 'scored',
    total: expected.total,
    emotional: expected.emotional,
    social: expected.social,
    category: expected.category,
    missing: expected.missingItems.length,
  });
}

/** Checks a full `safeScore` outcome against the reference: every score, point, band and missing item. */
export function expectOutcome(expected: ReferenceOutcome, actual: SafeScoreResult, context: unknown): void {
  const where = `${describe(context)}\nreference: ${describe(expected)}\nlibrary: ${describe(actual.success ? actual.data : { code: actual.error.code, item: actual.error.item, message: actual.error.message })}`;
  if (expected.kind === 'error') {
    expect(actual.success, where).toBe(false);
    if (!actual.success) {
      expect(actual.error, where).toBeInstanceOf(ScoringError);
      expect(allowedError(expected, actual.error.code, actual.error.item), where).toBe(true);
    }
    return;
  }
  expect(actual.success, where).toBe(true);
  if (!actual.success) return;
  const { data } = actual;
  expect(
    {
      kind: 'scored',
      points: { ...data.points },
      total: data.total,
      emotional: data.emotional,
      social: data.social,
      category: data.category?.code ?? null,
      emotionalCategory: data.emotionalCategory?.code ?? null,
      socialCategory: data.socialCategory?.code ?? null,
      missingItems: [...data.missingItems],
    },
    where,
  ).toEqual(expected);
}

/** Runs `fn` and returns what it threw (or `undefined`). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** A CSV cell, always quoted (RFC 4180), so any text survives. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Scores rows of text cells (one per scale item, `undefined` for an empty cell) as a CSV file
 * with an `id` column, through the streaming batch scorer, in chunks of `chunkSize` bytes.
 */
export function scoreCsvRows(scale: ReferenceScale, rows: readonly (readonly (string | undefined)[])[], scoring: ScoreOptions | undefined, chunkSize: number): RowView[] {
  const keys = scale.items.map((item) => item.key);
  const text = [['id', ...keys].join(','), ...rows.map((cells, index) => [String(index), ...cells.map((cell) => (cell === undefined ? '' : quote(cell)))].join(','))].join('\r\n') + '\n';
  return scoreBytes('csv', scale, new TextEncoder().encode(text), scoring, chunkSize);
}

/** Scores NDJSON lines through the streaming batch scorer. */
export function scoreNdjsonLines(scale: ReferenceScale, lines: readonly string[], scoring: ScoreOptions | undefined, chunkSize: number): RowView[] {
  return scoreBytes('ndjson', scale, new TextEncoder().encode(lines.join('\n') + '\n'), scoring, chunkSize);
}

function scoreBytes(format: 'csv' | 'ndjson', scale: ReferenceScale, bytes: Uint8Array, scoring: ScoreOptions | undefined, chunkSize: number): RowView[] {
  const views: RowView[] = [];
  const scorer = createBatchScorer(format, {
    scale: libraryScale(scale),
    scoring,
    output: null,
    onRow: ({ scores, points }) => {
      // The item of an invalid answer: the first with negative points, in the scale's order.
      const invalid = Array.prototype.findIndex.call(points, (point: number) => point < 0);
      views.push(
        scores.errorCode === null
          ? { kind: 'scored', total: scores.total, emotional: scores.emotional, social: scores.social, category: scores.category?.code ?? null, missing: scores.missingItems ?? -1 }
          : { kind: 'error', code: scores.errorCode, item: scale.items[invalid]?.key },
      );
    },
  }, () => {});
  for (let start = 0; start < bytes.length; start += chunkSize) scorer.push(bytes.subarray(start, start + chunkSize));
  scorer.end();
  return views;
}

/** Scores columns of values (plain arrays or typed arrays) with `scoreColumns`. */
export function scoreColumnRows(scale: ReferenceScale, columns: Readonly<Record<string, ArrayLike<unknown>>>, scoring: ScoreOptions | undefined): RowView[] {
  const scores = scoreColumns(libraryScale(scale), columns as never, { scoring });
  return Array.from({ length: scores.length }, (_, row): RowView => {
    const error = scores.invalid.get(row);
    if (error !== undefined) return { kind: 'error', code: error.code, item: error.item };
    const score = (value: number | undefined) => (value === undefined || value < 0 ? null : value);
    return {
      kind: 'scored',
      total: score(scores.total[row]),
      emotional: score(scores.emotional[row]),
      social: score(scores.social[row]),
      category: score(scores.category[row]),
      missing: scores.missingItems[row] as number,
    };
  });
}

/** How a value is given in a QuestionnaireResponse answer, and what the core is given for it. */
export type FhirAnswer = { readonly answer: QuestionnaireResponseItemAnswer; readonly value: unknown };

/** A FHIR answer for a value: a coding of the answer code system for a canonical answer, else valueString, valueInteger or valueDecimal. */
export function fhirAnswer(value: unknown, asCoding: boolean): FhirAnswer | undefined {
  if (typeof value === 'string' && asCoding && (ANSWERS as readonly string[]).includes(value)) {
    return { answer: { valueCoding: { system: fhirUrls.answers, code: value } }, value };
  }
  if (typeof value === 'string') return { answer: { valueString: value }, value };
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) return { answer: { valueInteger: value }, value };
  if (typeof value === 'number' && Number.isFinite(value)) return { answer: { valueDecimal: value }, value };
  return undefined;
}

/** Scores a QuestionnaireResponse holding the answers (items in a group, in any order) with the FHIR adapter. */
export function scoreFhir(scale: ReferenceScale, answers: readonly (readonly [string, FhirAnswer | null])[], scoring: ScoreOptions | undefined, nested: boolean): SafeScoreResult {
  const items: QuestionnaireResponseItem[] = answers.map(([linkId, given]) => (given === null ? { linkId } : { linkId, answer: [given.answer] }));
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: nested ? [{ linkId: 'group', item: items }, { linkId: 'total', answer: [{ valueInteger: 99 }] }] : items,
  };
  return safeScoreQuestionnaireResponse(libraryScale(scale), response, scoring);
}
