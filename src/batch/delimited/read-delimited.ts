import { BadRowError } from '../streams/batch-options.js';
import type { ByteReader, ReaderOptions, RecordView, RowTarget } from '../streams/rows.js';
import { detectDelimiter } from './dialect.js';
import { fieldText } from './fields.js';
import { createDelimitedTokenizer } from './tokenizer.js';

/**
 * Creates a reader of delimited text: the first record is the header, every later record a row.
 * A row whose field count differs from the header's is malformed (ragged); the fields beyond the
 * header are named in the reason, so nothing is lost. An input without a header throws a
 * `BadRowError`.
 *
 * The delimiter is `options.delimiter` when given, otherwise `delimiter`; with `detect` (CSV) it
 * is found once from the header line (`,` `;` tab `|`, see `detectDelimiter`): the header's bytes
 * are held until its line break arrives, then the tokenizer runs with that delimiter, so the rows
 * pay nothing for the detection. `"` quotes fields unless the delimiter is a tab of TSV.
 */
export function createDelimitedReader(delimiter: string, target: RowTarget, options: ReaderOptions, detect = false): ByteReader {
  let columnCount = -1;
  let chosen = '';

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
        reason += ` (extra: ${extra.join(chosen)})`;
      }
      record.problem = reason;
    }
    target.row(record);
  }

  let tokenizer: ReturnType<typeof createDelimitedTokenizer> | null = null;
  function start(text: string, detected: boolean): ReturnType<typeof createDelimitedTokenizer> {
    chosen = text;
    options.onDialect?.({ kind: 'delimiter', delimiter: text, detected });
    // TSV (a tab given by the format) has no quoting; a tab found in a .csv file is quoted as spreadsheets write it.
    return createDelimitedTokenizer(onRecord, { delimiter: text, quotes: text !== '\t' || detected, maxRecordBytes: options.maxRecordBytes, allocate: options.allocate });
  }
  if (options.delimiter !== undefined || !detect) tokenizer = start(options.delimiter ?? delimiter, false);

  /** The start of the input, held until the header line is complete (bounded by maxRecordBytes); grown by doubling. */
  let held = new Uint8Array(0);
  let heldLength = 0;
  /** Where the search for the header's line break resumes, and whether it is inside quotes there. */
  let searched = 0;
  let quoted = false;
  function sniff(chunk: Uint8Array, final: boolean): void {
    // The header line is nearly always within the first chunk: it is searched there, and the
    // chunk is copied only when the line goes on (chunks are reused by their reader).
    let bytes = chunk;
    if (heldLength > 0) {
      hold(chunk);
      bytes = held.subarray(0, heldLength);
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let end = -1;
    if (bytes.length >= 3 || final) {
      for (let index = Math.max(searched, bom); index < bytes.length; index++) {
        const byte = bytes[index] as number;
        if (byte === 0x22) quoted = !quoted;
        else if (!quoted && (byte === 0x0a || byte === 0x0d)) {
          end = index;
          break;
        }
      }
      searched = bytes.length;
    }
    if (end === -1 && !final && (bytes.length < 3 || bytes.length <= options.maxRecordBytes + bom)) {
      if (bytes === chunk) hold(chunk);
      return;
    }
    if (end === -1) end = bytes.length;
    const ready = start(detectDelimiter(bytes.subarray(bom, end)), true);
    tokenizer = ready;
    held = new Uint8Array(0);
    heldLength = 0;
    ready.push(bytes);
  }

  /** Keeps a chunk of an incomplete header line (grown by doubling). */
  function hold(chunk: Uint8Array): void {
    if (heldLength + chunk.length > held.length) {
      const grown = new Uint8Array(Math.max(heldLength + chunk.length, held.length * 2, 4096));
      grown.set(held.subarray(0, heldLength));
      held = grown;
    }
    held.set(chunk, heldLength);
    heldLength += chunk.length;
  }

  return {
    push: (chunk) => (tokenizer === null ? sniff(chunk, false) : tokenizer.push(chunk)),
    end: () => {
      if (tokenizer === null) sniff(new Uint8Array(0), true);
      (tokenizer as ReturnType<typeof createDelimitedTokenizer>).end();
      if (columnCount === -1) throw new BadRowError(1, 'the input is empty: no header');
    },
  };
}
