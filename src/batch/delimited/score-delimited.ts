import { type Language, ScoringError, mapColumns } from '../../index.js';
import { type CompiledScale, INVALID_POINT, MISSING_POINT, compileScale } from '../scoring/compile.js';
import { emptyRowScores, malformedRow, type RowScores, scoreRowPoints } from '../scoring/row-scores.js';
import { scoreCells, scoreColumnNames, scoreRecord } from '../scoring/score-columns.js';
import { createByteSink } from '../streams/byte-sink.js';
import { BadRowError, type BatchCounts, type BatchOptions, type BatchScorer, type RowEvent } from '../streams/options.js';
import { parseWeight } from '../summary/weights.js';
import { encodeCell, formulaStart } from './cells.js';
import { type RecordView, createDelimitedTokenizer, fieldText } from './tokenizer.js';

/** A row event as the scorer fills it in, row after row. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const MINUS = 0x2d;
const ZERO = 0x30;

/** Item points of one field: integer codes through the table, anything else through the core. */
function pointOfField(compiled: CompiledScale, item: number, record: RecordView, field: number): number {
  const start = record.starts[field] as number;
  const end = record.ends[field] as number;
  if (start === end) return record.quoting[field] === 0 ? MISSING_POINT : compiled.pointOfText(item, '');
  if (record.quoting[field] === 0 && end - start <= 4) {
    const { bytes } = record;
    let position = start;
    const negative = bytes[position] === MINUS;
    if (negative) position++;
    // Canonical integers only ("0", "12", "-1"); "01" or "+1" keep their text for the core's messages.
    if (position < end && (bytes[position] !== ZERO || position + 1 === end)) {
      let code = 0;
      for (; position < end; position++) {
        const digit = (bytes[position] as number) - ZERO;
        if (digit < 0 || digit > 9) break;
        code = code * 10 + digit;
      }
      if (position === end) {
        const slot = (negative ? -code : code) + 128;
        if (slot >= 0 && slot < 256) {
          const point = (compiled.codeTables[item] as Int8Array)[slot] as number;
          if (point !== INVALID_POINT) return point;
        }
      }
    }
  }
  return compiled.pointOfText(item, fieldText(record, field));
}

/** Whether a field would need neutralising: it starts like a formula (checked in full by encodeCell). */
function mayBeFormula(record: RecordView, field: number): boolean {
  const start = record.starts[field] as number;
  if (start === (record.ends[field] as number)) return false;
  const first = record.bytes[start] as number;
  if (first === 0x3d || first === 0x40 || first === 0x09 || first === 0x0d) return true;
  if (first !== MINUS && first !== 0x2b) return false;
  // "-1", "+2.5": numbers, not formulas.
  const end = record.ends[field] as number;
  if (start + 1 === end) return true;
  for (let position = start + 1; position < end; position++) {
    const byte = record.bytes[position] as number;
    if ((byte < ZERO || byte > 0x39) && byte !== 0x2e) return true;
  }
  return false;
}

/**
 * Creates a streaming scorer for CSV or TSV bytes. The header is mapped onto the scale's items
 * first: a missing or duplicated column, or a missing weight column, throws the core's
 * `ScoringError` before any row is scored. Then every row is written out once, in order, with the
 * score columns appended. A row that cannot be scored keeps its data, gets empty scores and a reason.
 *
 * Rows are copied byte for byte when they need no change, so identifiers, spacing and quoting
 * pass through; cells that a spreadsheet would read as formulas are neutralised.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createDelimitedScorer } from 'loneliness-scales/batch';
 * let out = '';
 * const scorer = createDelimitedScorer('csv', { scale: djg6, scoring: { coding: 'manual' }, columns: { by: 'number', pattern: 'lone{n}' } },
 *   (bytes) => (out += new TextDecoder().decode(bytes)));
 * scorer.push(new TextEncoder().encode('id,lone3,lone4,lone7,lone8,lone9,lone10\n7,3,3,3,2,3,3\n'));
 * scorer.end();
 * out.split('\n')[1]; // '7,3,3,3,2,3,3,4,3,1,1,moderately lonely,0,'
 * ```
 */
export function createDelimitedScorer(input: 'csv' | 'tsv', options: BatchOptions, emit: (bytes: Uint8Array) => void): BatchScorer {
  const compiled = compileScale(options.scale, options.scoring);
  const language: Language = options.language ?? 'en';
  const inputDelimiter = input === 'tsv' ? '\t' : ',';
  const output = options.output === undefined ? input : options.output;
  const outputDelimiter = output === 'tsv' ? '\t' : ',';
  const verbatim = output === input;
  const prefix = options.prefix ?? '';
  const sink = createByteSink(emit);
  const counts: BatchCounts = { read: 0, scored: 0, notScored: 0, bad: 0 };
  const itemCount = compiled.keys.length;
  const itemFields = new Int32Array(itemCount);
  const points = new Int8Array(itemCount);
  const scores: RowScores = emptyRowScores();
  const event: Mutable<RowEvent> = { line: 0, index: 0, points, scores, weight: Number.NaN };
  const suffixes: (Uint8Array | undefined)[] = [];
  const encoder = new TextEncoder();
  let header: string[] | null = null;
  let weightField = -1;

  function readHeader(record: RecordView): void {
    header = Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field));
    const mapping = mapColumns(compiled.scale, header, options.columns);
    mapping.forEach((column, item) => (itemFields[item] = column.index));
    if (options.weightColumn !== undefined) {
      weightField = header.indexOf(options.weightColumn);
      if (weightField === -1) {
        throw new ScoringError('missing_column', `The weight column "${options.weightColumn}" is not in the data.`, undefined, options.weightColumn);
      }
    }
    if (output === null) return;
    const names = [...header, ...scoreColumnNames(prefix)];
    if (output !== 'ndjson') sink.writeText(`${names.map((name) => encodeCell(name, outputDelimiter)).join(outputDelimiter)}\n`);
  }

  function suffixOf(): Uint8Array | null {
    if (scores.errorCode !== null) return null;
    const key = ((((scores.total ?? -1) + 1) * 16 + (scores.emotional ?? -1) + 1) * 16 + (scores.social ?? -1) + 1) * 16 + (scores.missingItems ?? 0);
    let suffix = suffixes[key];
    if (suffix === undefined) {
      const cells = scoreCells(scores, language).map((cell) => encodeCell(cell, outputDelimiter));
      suffix = encoder.encode(`${outputDelimiter}${cells.join(outputDelimiter)}\n`);
      suffixes[key] = suffix;
    }
    return suffix;
  }

  function writeRow(record: RecordView, columnCount: number): void {
    if (output === 'ndjson') {
      const object: Record<string, unknown> = {};
      const names = header as string[];
      for (let field = 0; field < columnCount; field++) object[names[field] as string] = field < record.fieldCount ? fieldText(record, field) : '';
      sink.writeText(`${JSON.stringify({ ...object, ...scoreRecord(scores, language, prefix) })}\n`);
      return;
    }
    const suffix = suffixOf();
    let plain = verbatim && record.fieldCount === columnCount && record.problem === null;
    if (plain && record.formulaCandidate) {
      const { bytes, starts, ends } = record;
      for (let field = 0; field < columnCount; field++) {
        const start = starts[field] as number;
        if (start < (ends[field] as number) && formulaStart[bytes[start] as number] === 1 && mayBeFormula(record, field)) {
          plain = false;
          break;
        }
      }
    }
    if (plain && suffix !== null) {
      sink.writeRanges(record.bytes, record.start, record.end, suffix);
      return;
    }
    if (plain) {
      sink.writeRange(record.bytes, record.start, record.end);
    } else {
      const cells: string[] = [];
      for (let field = 0; field < columnCount; field++) {
        cells.push(field < record.fieldCount ? encodeCell(fieldText(record, field), outputDelimiter) : '');
      }
      sink.writeText(cells.join(outputDelimiter));
    }
    if (suffix !== null) {
      sink.writeRange(suffix, 0, suffix.length);
    } else {
      const cells = scoreCells(scores, language).map((cell) => encodeCell(cell, outputDelimiter));
      sink.writeText(`${outputDelimiter}${cells.join(outputDelimiter)}\n`);
    }
  }

  function onRecord(record: RecordView): void {
    if (header === null) {
      readHeader(record);
      return;
    }
    const columnCount = header.length;
    counts.read++;
    if (record.problem !== null) {
      malformedRow(scores, record.problem);
    } else if (record.fieldCount !== columnCount) {
      let reason = `ragged row: ${record.fieldCount} fields, the header has ${columnCount}`;
      if (record.fieldCount > columnCount) {
        const extra = Array.from({ length: record.fieldCount - columnCount }, (_, offset) => fieldText(record, columnCount + offset));
        reason += ` (extra: ${extra.join(inputDelimiter)})`;
      }
      malformedRow(scores, reason);
    } else {
      for (let item = 0; item < itemCount; item++) points[item] = pointOfField(compiled, item, record, itemFields[item] as number);
      scoreRowPoints(compiled, points, scores);
    }
    if (scores.total === null) counts.notScored++;
    else counts.scored++;
    if (scores.errorCode !== null) {
      counts.bad++;
      if (options.strict === true) throw new BadRowError(record.line, scores.reason ?? '');
      options.onProblem?.(record.line, scores.reason ?? '');
      // A malformed row has no item points.
      if (scores.errorCode === 'malformed_row') points.fill(MISSING_POINT);
    }
    if (options.onRow !== undefined) {
      event.line = record.line;
      event.index = counts.read - 1;
      event.weight = weightField !== -1 && weightField < record.fieldCount ? parseWeight(fieldText(record, weightField)) : Number.NaN;
      options.onRow(event);
    }
    if (output !== null) writeRow(record, columnCount);
  }

  const tokenizer = createDelimitedTokenizer(onRecord, { delimiter: inputDelimiter });
  return {
    push: (chunk) => tokenizer.push(chunk),
    end: () => {
      tokenizer.end();
      if (header === null) throw new BadRowError(1, 'the input is empty: no header');
      sink.flush();
    },
    counts,
  };
}
