import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/node/index.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process with captured output; `stdin` is fed as the standard input. */
export async function runCliCaptured(args: readonly string[], options: { stdin?: string; cwd?: string; stderrIsTTY?: boolean } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(args, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    stderrIsTTY: options.stderrIsTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * Parses CSV whose quoted fields may hold commas and doubled quotes, but no line breaks (as PSPP
 * and the CLI write it) into rows of cells; CR line ends are accepted.
 */
export function parseQuotedCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replaceAll('\r', '').trimEnd().split('\n')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
      const character = line[index] as string;
      if (quoted && character === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = !quoted;
      else if (character === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += character;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** {@link parseQuotedCsvRows}, as records keyed by the header. */
export function parseQuotedCsv(text: string): Record<string, string>[] {
  const [names = [], ...rows] = parseQuotedCsvRows(text);
  return rows.map((cells) => Object.fromEntries(names.map((name, index) => [name, cells[index] ?? ''])));
}

/** Parses simple CSV output (no quoted fields) into records keyed by header. */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']));
  });
}
