import { ScoringError, mapColumns } from '../../index.js';
import { MISSING_POINT, compileScale } from '../scoring/compile.js';
import { emptyRowScores, malformedRow, scoreRowPoints } from '../scoring/row-scores.js';
import { parseWeight } from '../summary/weights.js';
import { BadRowError, type BatchCounts, type BatchOptions, type RowEvent } from './options.js';
import { codingFromLabels } from './label-coding.js';
import type { HeaderContext, InputRow, RowTarget, RowWriter } from './rows.js';

/** A row event as the pipeline fills it in, row after row. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The row pipeline: a {@link RowTarget} for readers, with the counts it keeps. */
export interface RowPipeline extends RowTarget {
  /** Rows read, scored, not scored and bad so far. */
  readonly counts: BatchCounts;
}

/**
 * The one row scorer between every reader and every writer. It maps the header onto the scale's
 * items (a missing or duplicated item column, or a missing weight column, throws the core's
 * `ScoringError` before any row is scored), then for every row: reads the item points, scores
 * them, keeps the counts, stops at the first bad row in strict mode, reports problems with their
 * code, calls `onRow` with the row's weight, and hands the row and its scores to the writer.
 */
export function createRowPipeline(options: BatchOptions, writer: RowWriter | null): RowPipeline {
  let compiled = compileScale(options.scale, options.scoring);
  const itemCount = compiled.keys.length;
  const itemColumns = new Int32Array(itemCount);
  const points = new Int8Array(itemCount);
  const scores = emptyRowScores();
  const counts: BatchCounts = { read: 0, scored: 0, notScored: 0, bad: 0 };
  const event: Mutable<RowEvent> = { line: 0, index: 0, points, scores, weight: Number.NaN };
  const { strict, onProblem, onRow } = options;
  let weightColumn = -1;
  let mapped = false;

  function header(names: readonly string[], kind: InputRow['kind'], context?: HeaderContext): void {
    const mapping = mapColumns(compiled.scale, names, options.columns);
    mapping.forEach((column, item) => (itemColumns[item] = column.index));
    // A file that labels its codes (SPSS value labels) names its own coding: read it, and refuse
    // a given coding that contradicts it.
    if (context?.columns !== undefined) {
      const coding = codingFromLabels(mapping, context.columns, options.scoring?.coding);
      if (coding !== undefined) {
        compiled = compileScale(options.scale, { ...options.scoring, coding });
        if (options.scoring?.coding === undefined) options.onCoding?.(coding);
      }
    }
    if (options.weightColumn !== undefined) {
      weightColumn = names.indexOf(options.weightColumn);
      if (weightColumn === -1) {
        throw new ScoringError('missing_column', `The weight column "${options.weightColumn}" is not in the data.`, { value: options.weightColumn });
      }
    }
    mapped = true;
    writer?.header(names, kind, { ...context, categories: compiled.totalScore.convention?.bands ?? [] });
  }

  function row(input: InputRow): void {
    counts.read++;
    if (input.problem !== null || !mapped) {
      malformedRow(scores, input.problem ?? 'malformed row');
      points.fill(MISSING_POINT);
    } else {
      for (let item = 0; item < itemCount; item++) points[item] = input.pointOf(compiled, item, itemColumns[item] as number);
      scoreRowPoints(compiled, points, scores);
    }
    if (scores.total === null) counts.notScored++;
    else counts.scored++;
    if (scores.errorCode !== null) {
      counts.bad++;
      const message = scores.reason ?? '';
      if (strict === true) throw new BadRowError(input.line, message, scores.errorCode);
      onProblem?.({ line: input.line, code: scores.errorCode, message });
      // A malformed row has no item points.
      if (scores.errorCode === 'malformed_row') points.fill(MISSING_POINT);
    }
    if (onRow !== undefined) {
      event.line = input.line;
      event.index = counts.read - 1;
      event.weight = weightColumn !== -1 && input.problem === null ? parseWeight(input.textOf(weightColumn)) : Number.NaN;
      onRow(event);
    }
    writer?.row(input, scores);
    if (input.invalidText) {
      onProblem?.({ line: input.line, code: 'invalid_utf8', message: 'bytes that are not UTF-8, written as U+FFFD where the text is re-encoded' });
    }
  }

  return { header, row, counts };
}
