import { _MISSING_LEVEL as MISSING_LEVEL, ScoringError, _readAnswer as readAnswer, mapColumns } from '../../index.js';
import { EMPTY_FIELD, NO_CODE, codeOfField, pointOfField } from '../delimited/fields.js';
import { INVALID_POINT, MISSING_POINT, UNREAD_POINT, compileScale } from '../scoring/compile.js';
import { missingMarkers } from '../scoring/missing-values.js';
import { type RowScores, emptyRowScores, malformedRow, scoreRowPoints } from '../scoring/row-scores.js';
import { createWeightReader } from '../summary/weights.js';
import { BadRowError, type BatchCounts, DEFAULT_MISSING_VALUES, type BatchOptions, type RowEvent } from './batch-options.js';
import { codingFromLabels } from './label-coding.js';
import { TextInterner } from './text-interner.js';
import type { HeaderContext, InputRow, RowTarget, RowWriter } from './rows.js';

/** The answer level of an invalid answer in {@link RowEvent.levels}. */
const INVALID_LEVEL = -128;
/**
 * Scales of up to this many items have their rows' scores kept by answer pattern (3^8 patterns: a
 * 26 kB table). The 11-item scale has 177,147 patterns, too many to keep for what it would save.
 */
const MAX_PATTERN_ITEMS = 8;
/**
 * The answer pattern of a row's items so far, extended by one item's points: base 3, the digit 0 or
 * 1 for those points and 2 for a missing answer; -1 once any item has other points (an invalid
 * answer, scored row by row for its message, or points above 1 on a scale that lists its own).
 */
function patternStep(pattern: number, point: number): number {
  if (pattern === -1) return -1;
  if (point === 0 || point === 1) return pattern * 3 + point;
  return point === MISSING_POINT ? pattern * 3 + 2 : -1;
}

/** The most answer patterns whose scores are kept (about 100 bytes each). */
const MAX_PATTERNS = 2048;
/** A code of a level table not read yet. */
const UNREAD_LEVEL = -127;

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
  const markers = missingMarkers(options.missingValues ?? DEFAULT_MISSING_VALUES);
  let compiled = compileScale(options.scale, options.scoring, markers);
  const itemCount = compiled.keys.length;
  const itemColumns = new Int32Array(itemCount);
  const points = new Int8Array(itemCount);
  const scores = emptyRowScores();
  const counts: BatchCounts = { read: 0, scored: 0, notScored: 0, bad: 0 };
  // The scores of a row depend on its item points alone: rows whose points are all 0, 1 or
  // missing are scored once per pattern (3^items of them, 729 for the 6-item scale) and copied
  // after that. The table holds each pattern's place in `known` (0: not scored yet, or not kept).
  const patterns = itemCount <= MAX_PATTERN_ITEMS ? new Int32Array(3 ** itemCount) : null;
  const known: RowScores[] = [emptyRowScores()];
  const groupNames = options.groupColumns ?? [];
  const groupColumns = new Int32Array(groupNames.length).fill(-1);
  const groups: string[] = groupNames.map(() => '');
  // Per grouping column, the texts met so far, kept by their bytes (bounded): a value read again
  // is the same string, neither decoded nor allocated again; its number is the row's group id.
  const groupTexts = groupNames.map(() => new TextInterner());
  const groupIds = new Int32Array(groupNames.length).fill(-1);
  const levels = new Int8Array(options.answerLevels === true ? itemCount : 0);
  const levelCaches = compiled.keys.map(() => new Map<string, number>());
  // Per item, the level of each integer code -128..127, read once when first met (as the code tables of points).
  const levelTables = compiled.keys.map(() => new Int8Array(256).fill(UNREAD_LEVEL));
  const event: Mutable<RowEvent> = { line: 0, index: 0, points, scores, weight: Number.NaN, groups, groupIds, levels };
  const { strict, onProblem, onRow } = options;
  let weightColumn = -1;
  const readWeight = options.weightColumn === undefined ? null : createWeightReader(options.weightColumn, options.decimalSeparator ?? 'auto');

  /** The text of a row's grouping column, interned by its bytes for delimited rows; sets the group's id (-1 when not interned). */
  function groupText(input: InputRow, group: number): string {
    const column = groupColumns[group] as number;
    groupIds[group] = -1;
    if (input.kind !== 'delimited' || column >= input.fieldCount || input.quoting[column] !== 0) return input.textOf(column);
    const start = input.starts[column] as number;
    const end = input.ends[column] as number;
    if (end - start > 64) return input.textOf(column);
    const { bytes } = input;
    const interner = groupTexts[group] as TextInterner;
    const known = interner.find(bytes, start, end);
    if (known !== -1) {
      groupIds[group] = known;
      return interner.texts[known] as string;
    }
    const invalidBefore = input.invalidText;
    input.invalidText = false;
    const text = input.textOf(column);
    const invalid = input.invalidText;
    input.invalidText = invalidBefore || invalid;
    if (!invalid) groupIds[group] = interner.add(bytes, start, end, text);
    return text;
  }

  /** The agreement level of a row's answer to an item: integer codes of delimited rows straight from the bytes, anything else by its text. */
  function levelOfRow(input: InputRow, item: number): number {
    const column = itemColumns[item] as number;
    if (input.kind === 'delimited') {
      const code = codeOfField(input, column);
      if (code === EMPTY_FIELD) return MISSING_LEVEL;
      if (code !== NO_CODE && code >= -128 && code < 128) {
        const table = levelTables[item] as Int8Array;
        let level = table[code + 128] as number;
        if (level === UNREAD_LEVEL) {
          const outcome = readAnswer(code, compiled.keys[item] as string, compiled.rules.coding);
          table[code + 128] = level = typeof outcome === 'number' ? outcome : INVALID_LEVEL;
        }
        return level;
      }
    }
    return levelOf(item, input.textOf(column));
  }

  /** The agreement level of a cell's text, read by the core's one answer reader (cached per item, bounded). */
  function levelOf(item: number, text: string): number {
    if (text === '') return MISSING_LEVEL;
    const cache = levelCaches[item] as Map<string, number>;
    let level = cache.get(text);
    if (level === undefined) {
      const outcome = readAnswer(text, compiled.keys[item] as string, compiled.rules.coding);
      level = typeof outcome === 'number' ? outcome : INVALID_LEVEL;
      if (cache.size < 4096) cache.set(text, level);
    }
    return level;
  }
  let mapped = false;

  function header(names: readonly string[], kind: InputRow['kind'], context?: HeaderContext): void {
    const mapping = mapColumns(compiled.scale, names, options.columns);
    mapping.forEach((column, item) => (itemColumns[item] = column.index));
    options.onDialect?.({ kind: 'columns', mapping });
    // A file that labels its codes (SPSS value labels) names its own coding: read it, and refuse
    // a given coding that contradicts it.
    if (context?.columns !== undefined) {
      const coding = codingFromLabels(mapping, context.columns, options.scoring?.coding);
      if (coding !== undefined) {
        compiled = compileScale(options.scale, { ...options.scoring, coding }, markers);
        // Scores kept by pattern were made with the coding given before: none yet, but say so.
        patterns?.fill(0);
        known.length = 1;
        if (options.scoring?.coding === undefined) options.onCoding?.(coding);
      }
    }
    if (options.weightColumn !== undefined) {
      weightColumn = names.indexOf(options.weightColumn);
      if (weightColumn === -1) {
        throw new ScoringError('missing_column', `The weight column "${options.weightColumn}" is not in the data.`, { value: options.weightColumn });
      }
    }
    groupNames.forEach((name, index) => {
      const column = names.indexOf(name);
      if (column === -1) {
        const listed = names.slice(0, 50).map((known) => `"${known}"`).join(', ');
        throw new ScoringError('missing_column', `The grouping column "${name}" is not in the data; its columns are ${listed}${names.length > 50 ? ', …' : ''}.`, { value: name, path: 'by' });
      }
      groupColumns[index] = column;
    });
    mapped = true;
    writer?.header(names, kind, { ...context, categories: compiled.totalScore.convention?.bands ?? [] });
  }

  function row(input: InputRow): void {
    counts.read++;
    if (input.problem !== null || !mapped) {
      malformedRow(scores, input.problem ?? 'malformed row');
      points.fill(MISSING_POINT);
    } else {
      // The row's answer pattern (see patternStep): its points in base 3 (0, 1, or 2 for missing); -1 when a point is
      // anything else (an invalid answer), which is scored row by row for its message.
      let pattern = 0;
      if (input.kind === 'delimited') {
        // The common case, called directly: a call through the row's `pointOf` per item costs ~7% of a CSV run.
        // A one-byte cell already read is looked up here, the record's arrays read once per row.
        const { starts, ends, quoting, bytes, fieldCount } = input;
        const { byteTable } = compiled;
        for (let item = 0; item < itemCount; item++) {
          const column = itemColumns[item] as number;
          let point = UNREAD_POINT;
          if (column < fieldCount) {
            const start = starts[column] as number;
            if (ends[column] === start + 1 && quoting[column] === 0) point = byteTable[(item << 8) | (bytes[start] as number)] as number;
          }
          if (point === UNREAD_POINT) point = pointOfField(compiled, item, input, column);
          points[item] = point;
          pattern = patternStep(pattern, point);
        }
      } else {
        for (let item = 0; item < itemCount; item++) {
          const point = input.pointOf(compiled, item, itemColumns[item] as number);
          points[item] = point;
          pattern = patternStep(pattern, point);
        }
      }
      if (patterns === null || pattern === -1) {
        scoreRowPoints(compiled, points, scores);
      } else {
        const place = patterns[pattern] as number;
        if (place === 0) {
          scoreRowPoints(compiled, points, scores);
          // Bounded: data with more patterns than this scores the others row by row.
          if (known.length <= MAX_PATTERNS) {
            patterns[pattern] = known.length;
            known.push({ ...scores });
          }
        } else {
          const kept = known[place] as RowScores;
          scores.total = kept.total;
          scores.emotional = kept.emotional;
          scores.social = kept.social;
          scores.category = kept.category;
          scores.missingItems = kept.missingItems;
          scores.reason = kept.reason;
          scores.errorCode = kept.errorCode;
        }
      }
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
      event.weight =
        readWeight !== null && weightColumn !== -1 && input.problem === null
          ? readWeight(input.textOf(weightColumn), input.line, input.kind === 'delimited' && input.delimiter === 0x2c)
          : Number.NaN;
      const readable = input.problem === null && mapped;
      for (let group = 0; group < groups.length; group++) {
        if (readable) groups[group] = groupText(input, group);
        else {
          groups[group] = '';
          groupIds[group] = -1;
        }
      }
      if (levels.length > 0) {
        if (!readable) levels.fill(INVALID_LEVEL);
        else {
          for (let item = 0; item < itemCount; item++) {
            const point = points[item] as number;
            // A missing point is a missing answer also when a missing-value marker (NA, .) made it so.
            levels[item] = point === INVALID_POINT ? INVALID_LEVEL : point === MISSING_POINT ? MISSING_LEVEL : levelOfRow(input, item);
          }
        }
      }
      onRow(event);
    }
    writer?.row(input, scores);
    if (input.invalidText) {
      onProblem?.({ line: input.line, code: 'invalid_utf8', message: 'bytes that are not UTF-8, written as U+FFFD where the text is re-encoded' });
    }
  }

  return { header, row, counts };
}
