import { type Language, columnNames, mapColumns } from '../../index.js';
import { encodeCell } from '../delimited/cells.js';
import { parseWeight } from '../summary/weights.js';
import { MISSING_POINT, compileScale } from '../scoring/compile.js';
import { emptyRowScores, malformedRow, scoreRowPoints } from '../scoring/row-scores.js';
import { scoreCells, scoreColumnNames, scoreRecord } from '../scoring/score-columns.js';
import { createByteSink } from '../streams/byte-sink.js';
import { BadRowError, type BatchCounts, type BatchOptions, type BatchScorer } from '../streams/options.js';

const LF = 0x0a;
const decoder = /* @__PURE__ */ new TextDecoder();

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Creates a streaming scorer for NDJSON bytes (one JSON object per line). Items are read from
 * each object's properties by the column spec; the first object is checked against the spec
 * before it is scored (a missing column throws the core's `ScoringError`); a later object
 * without an item's property has a missing answer there. A line that is not a JSON object is a
 * malformed row: it is kept (as `_raw` in NDJSON output) with a reason.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { createNdjsonScorer } from 'loneliness-scales/batch';
 * let out = '';
 * const scorer = createNdjsonScorer({ scale: djg6 }, (bytes) => (out += new TextDecoder().decode(bytes)));
 * scorer.push(new TextEncoder().encode('{"emptiness":"yes","leanOn":"yes","trust":"yes","closeTo":"no","missPeople":"yes","rejected":"yes"}\n'));
 * scorer.end();
 * JSON.parse(out).total; // 4
 * ```
 */
export function createNdjsonScorer(options: BatchOptions, emit: (bytes: Uint8Array) => void): BatchScorer {
  const compiled = compileScale(options.scale, options.scoring);
  const names = [...columnNames(options.scale, options.columns).values()];
  const language: Language = options.language ?? 'en';
  const output = options.output === undefined ? 'ndjson' : options.output;
  const delimiter = output === 'tsv' ? '\t' : ',';
  const prefix = options.prefix ?? '';
  const sink = createByteSink(emit);
  const counts: BatchCounts = { read: 0, scored: 0, notScored: 0, bad: 0 };
  const points = new Int8Array(names.length);
  const scores = emptyRowScores();
  const event = { line: 0, index: 0, points, scores, weight: Number.NaN };
  let outputColumns: string[] | null = null;
  let checked = false;
  let line = 0;

  function onLine(text: string): void {
    line++;
    if (text.trim() === '') return;
    let record: Record<string, unknown> | null = null;
    let problem: string | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) record = parsed as Record<string, unknown>;
      else problem = 'not a JSON object';
    } catch (error) {
      problem = `not JSON: ${(error as Error).message}`;
    }
    if (!checked && record !== null) {
      mapColumns(options.scale, Object.keys(record), options.columns);
      checked = true;
    }
    counts.read++;
    if (record === null) {
      malformedRow(scores, problem ?? 'malformed');
      points.fill(MISSING_POINT);
    } else {
      for (let item = 0; item < names.length; item++) {
        const name = names[item] as string;
        points[item] = Object.hasOwn(record, name) ? compiled.pointOfValue(item, record[name]) : MISSING_POINT;
      }
      scoreRowPoints(compiled, points, scores);
    }
    if (scores.total === null) counts.notScored++;
    else counts.scored++;
    if (scores.errorCode !== null) {
      counts.bad++;
      if (options.strict === true) throw new BadRowError(line, scores.reason ?? '');
      options.onProblem?.(line, scores.reason ?? '');
    }
    if (options.onRow !== undefined) {
      event.line = line;
      event.index = counts.read - 1;
      event.weight = options.weightColumn !== undefined && record !== null ? parseWeight(cellText(record[options.weightColumn])) : Number.NaN;
      options.onRow(event);
    }
    if (output === null) return;
    if (output === 'ndjson') {
      sink.writeText(`${JSON.stringify({ ...(record ?? { _raw: text }), ...scoreRecord(scores, language, prefix) })}\n`);
      return;
    }
    if (outputColumns === null) {
      outputColumns = record === null ? ['_raw'] : Object.keys(record);
      const header = [...outputColumns, ...scoreColumnNames(prefix)];
      sink.writeText(`${header.map((name) => encodeCell(name, delimiter)).join(delimiter)}\n`);
    }
    const cells = record === null ? [text] : outputColumns.map((column) => cellText(record[column]));
    sink.writeText(`${[...cells, ...scoreCells(scores, language)].map((cell) => encodeCell(cell, delimiter)).join(delimiter)}\n`);
  }

  // The incomplete last line is carried to the next chunk; both buffers are reused, so memory
  // stays flat, and chunks pushed may be reused by the caller.
  let work = new Uint8Array(0);
  let carry = new Uint8Array(0);
  let carried = 0;

  function run(chunk: Uint8Array, final: boolean): void {
    let bytes = chunk;
    if (carried > 0) {
      const needed = carried + chunk.length;
      if (work.length < needed) work = new Uint8Array(Math.max(needed, work.length * 2));
      work.set(carry.subarray(0, carried));
      work.set(chunk, carried);
      bytes = work.subarray(0, needed);
      carried = 0;
    }
    let start = 0;
    // A byte order mark before the first line.
    if (line === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    for (let position = bytes.indexOf(LF, start); position !== -1; position = bytes.indexOf(LF, start)) {
      onLine(decoder.decode(bytes.subarray(start, position)));
      start = position + 1;
    }
    if (final) {
      if (start < bytes.length) onLine(decoder.decode(bytes.subarray(start)));
    } else if (start < bytes.length) {
      const rest = bytes.length - start;
      if (carry.length < rest) carry = new Uint8Array(Math.max(rest, carry.length * 2, 1 << 12));
      carry.set(bytes.subarray(start));
      carried = rest;
    }
  }

  return {
    push: (chunk) => run(chunk, false),
    end: () => {
      run(new Uint8Array(0), true);
      sink.flush();
    },
    counts,
  };
}
