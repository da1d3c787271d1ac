import type { ReaderFactory } from '../../batch/internal.js';
import { createSheetReader } from './sheet-rows.js';
import { type SheetInfo, chooseSheet, openWorkbook } from './workbook.js';
import { bufferSource, fileSource } from './zip.js';

/** One sheet of an .xlsx file, opened for the batch scorer. */
export interface XlsxInput {
  /** The sheet read. */
  readonly sheet: SheetInfo;
  /** The sheet part's size, inflated, in bytes (the length of `chunks`, for progress). */
  readonly size: number;
  /** The sheet part's bytes, inflated; the file is closed when they end or the iteration stops. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The reader of those bytes (rows of `kind: 'object'`). */
  readonly read: ReaderFactory;
  /** Closes the file (also done when `chunks` ends); idempotent. */
  readonly close: () => void;
}

/**
 * Opens an .xlsx file (a path, read with positioned reads, or its bytes) and one of its sheets:
 * the first, or the one `sheet` names (a name, or a 1-based tab position). Memory: the workbook's
 * shared strings are held; the sheet is inflated and read in 512 KiB pieces. Throws a
 * `ScoringError`: `unreadable_input` for a file that is not a readable workbook (with the reason:
 * password-protected or legacy .xls, cut off, damaged), `invalid_option` for an unknown sheet
 * (listing the sheets).
 */
export function openXlsx(file: string | Uint8Array, fileName: string, sheet: string | number | undefined): XlsxInput {
  const source = typeof file === 'string' ? fileSource(file) : bufferSource(file);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    source.close();
  };
  try {
    const workbook = openWorkbook(source, fileName);
    const chosen = chooseSheet(workbook, sheet, fileName);
    const stream = workbook.stream(chosen);
    return {
      sheet: chosen,
      size: chosen.entry?.uncompressedSize ?? 0,
      chunks: (async function* () {
        try {
          yield* stream;
        } finally {
          close();
        }
      })(),
      read: (target, options) => createSheetReader(target, { ...options, sharedStrings: workbook.sharedStrings, sheetName: chosen.name, fileName }),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
