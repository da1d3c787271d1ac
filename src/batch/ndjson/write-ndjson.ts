import { ScoringError } from '../../index.js';
import type { RowScores } from '../scoring/row-scores.js';
import { addedColumnNames, scoreColumnNames, scoreValues } from '../scoring/output-columns.js';
import type { ByteSink } from '../streams/byte-sink.js';
import type { InputRow, ObjectRow, RecordView, RowWriter, WriterOptions } from '../streams/rows.js';
import { fieldText } from '../delimited/fields.js';

/**
 * The keys of delimited columns in JSON output: a name repeated in the header gets `_2`, `_3`, …
 * (the first suffix not already a column), so that no value is overwritten.
 */
function uniqueKeys(names: readonly string[], reserved: ReadonlySet<string>): string[] {
  const taken = new Set<string>([...names, ...reserved]);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let suffix = 2;
    while (taken.has(`${name}_${suffix}`)) suffix++;
    const key = `${name}_${suffix}`;
    taken.add(key);
    return key;
  });
}

function clash(name: string, line: number | null, prefix: string): ScoringError {
  const where = line === null ? 'The input has a column' : `Line ${line} has a key`;
  const hint = prefix === '' ? 'pass a prefix for the score columns (option prefix, --prefix), e.g. djg6_' : 'pass another prefix (option prefix, --prefix)';
  return new ScoringError('duplicate_column', `${where} "${name}", which is also a column the scorer adds: NDJSON output would overwrite one with the other; ${hint}.`, { value: name });
}

/**
 * Creates an NDJSON writer: one JSON object per row, the row's values first, then the scores.
 * Nothing is dropped or overwritten:
 * - from NDJSON, each line's text is written as it came (every key, in order, numbers as written)
 *   with the score keys added; a line that is not a JSON object is written as `_raw`;
 * - from CSV/TSV, a repeated column name gets `_2`, `_3`, … and the fields of a row beyond the
 *   header go to `_extra` (an array);
 * - an input key equal to a key the scorer adds (`total`, …, `_extra`) refuses the run with a
 *   `ScoringError` (`duplicate_column`) naming it and suggesting a prefix.
 * Keys are written as JSON text, never set on objects, so `__proto__` is a key like any other.
 */
export function createNdjsonWriter(sink: ByteSink, options: WriterOptions): RowWriter {
  const { prefix, language } = options;
  const scoreNames = scoreColumnNames(prefix);
  const added = addedColumnNames(prefix);
  const reserved = new Set([...scoreNames, added.extra]);
  const scoreKeys = scoreNames.map((name) => `${JSON.stringify(name)}:`);
  const extraKey = `,${JSON.stringify(added.extra)}:`;
  const rawKey = `{${JSON.stringify(added.raw)}:`;
  /** Per delimited column, its key as JSON text followed by a colon. */
  let columnKeys: string[] = [];

  function scoreText(scores: RowScores): string {
    const values = scoreValues(scores, language);
    let text = '';
    for (let index = 0; index < values.length; index++) text += `${index === 0 ? '' : ','}${scoreKeys[index] as string}${JSON.stringify(values[index])}`;
    return text;
  }

  function writeRecord(record: RecordView, scores: RowScores): void {
    let text = '{';
    for (let field = 0; field < columnKeys.length; field++) {
      text += `${columnKeys[field] as string}${JSON.stringify(field < record.fieldCount ? fieldText(record, field) : '')},`;
    }
    text += scoreText(scores);
    if (record.fieldCount > columnKeys.length) {
      const extra = Array.from({ length: record.fieldCount - columnKeys.length }, (_, offset) => fieldText(record, columnKeys.length + offset));
      text += `${extraKey}${JSON.stringify(extra)}`;
    }
    sink.writeText(`${text}}\n`);
  }

  function writeObject(row: ObjectRow, scores: RowScores): void {
    const { object } = row;
    if (object === null) {
      sink.writeText(`${rawKey}${JSON.stringify(row.raw)},${scoreText(scores)}}\n`);
      return;
    }
    for (const name of scoreNames) if (Object.hasOwn(object, name)) throw clash(name, row.line, prefix);
    // The line as it came, without its closing brace: keys, order and number spelling are kept.
    let body = row.raw.slice(0, row.raw.lastIndexOf('}')).trimEnd();
    body = body.endsWith('{') ? body : `${body},`;
    sink.writeText(`${body}${scoreText(scores)}}\n`);
  }

  return {
    header(names, kind) {
      for (const name of names) if (reserved.has(name) && (kind === 'delimited' || name !== added.extra)) throw clash(name, null, prefix);
      if (kind === 'delimited') columnKeys = uniqueKeys(names, reserved).map((name) => `${JSON.stringify(name)}:`);
    },
    row(row: InputRow, scores: RowScores) {
      if (row.kind === 'delimited') writeRecord(row, scores);
      else writeObject(row, scores);
    },
    end() {},
  };
}
