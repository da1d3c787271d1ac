import { BadRowError } from '../streams/options.js';
import type { ByteReader, ReaderOptions, RecordView, RowTarget } from '../streams/rows.js';
import { fieldText } from './fields.js';
import { createDelimitedTokenizer } from './tokenizer.js';

/**
 * Creates a reader of CSV (`,`, RFC 4180 quoting) or TSV (tab, no quoting): the first record is
 * the header, every later record a row. A row whose field count differs from the header's is
 * malformed (ragged); the fields beyond the header are named in the reason, so nothing is lost.
 * An input without a header throws a `BadRowError`.
 */
export function createDelimitedReader(delimiter: ',' | '\t', target: RowTarget, options: ReaderOptions): ByteReader {
  let columnCount = -1;

  function onRecord(record: RecordView): void {
    if (columnCount === -1) {
      const names = Array.from({ length: record.fieldCount }, (_, field) => fieldText(record, field));
      columnCount = names.length;
      target.header(names, 'delimited');
      return;
    }
    if (record.problem === null && record.fieldCount !== columnCount) {
      let reason = `ragged row: ${record.fieldCount} fields, the header has ${columnCount}`;
      if (record.fieldCount > columnCount) {
        const extra = Array.from({ length: record.fieldCount - columnCount }, (_, offset) => fieldText(record, columnCount + offset));
        reason += ` (extra: ${extra.join(delimiter)})`;
      }
      record.problem = reason;
    }
    target.row(record);
  }

  const tokenizer = createDelimitedTokenizer(onRecord, { delimiter, maxRecordBytes: options.maxRecordBytes });
  return {
    push: tokenizer.push,
    end: () => {
      tokenizer.end();
      if (columnCount === -1) throw new BadRowError(1, 'the input is empty: no header');
    },
  };
}
