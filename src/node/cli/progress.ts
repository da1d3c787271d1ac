import type { CommandIo } from './command.js';

/** Inputs smaller than this are scored without a progress bar. */
const LARGE_INPUT = 8 << 20;

/** A progress bar on stderr; does nothing unless stderr is a terminal and the input is large. */
export interface Progress {
  /** Reports bytes and rows read so far. */
  readonly update: (bytes: number, rows: number) => void;
  /** Clears the bar. */
  readonly done: () => void;
}

/** Creates a progress bar for an input of `size` bytes (unknown for stdin). */
export function createProgress(io: CommandIo, size: number | undefined, quiet: boolean): Progress {
  if (quiet || !io.stderrIsTTY || (size !== undefined && size < LARGE_INPUT)) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(bytes, rows) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const megabytes = (bytes / 1048576).toFixed(1);
      if (size === undefined || size === 0) {
        io.stderr.write(`\rscoring… ${megabytes} MB, ${rows.toLocaleString('en')} rows`);
        return;
      }
      const share = Math.min(1, bytes / size);
      const width = 30;
      const filled = Math.round(share * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${megabytes} MB, ${rows.toLocaleString('en')} rows`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
