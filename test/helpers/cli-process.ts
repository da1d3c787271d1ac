/**
 * Runs the CLI as a real process (from the TypeScript source, through tsx), for what an in-process
 * run cannot show: signals, shell redirections, file descriptors, exit codes of the executable.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const bin = join(import.meta.dirname, '../../src/node/cli/bin.ts');

/** The command line that runs the CLI: node, the tsx loader, the executable's source. */
export const cliCommand: readonly string[] = [process.execPath, '--import', tsxLoader, bin];

/** What a CLI process printed and how it ended. */
export interface CliProcessRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Quotes a word for `sh -c`. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Starts the CLI with arguments; with `shellSuffix` (e.g. `>> input.csv`) through `sh -c`, so the shell sets up the redirection. */
export function startCli(args: readonly string[], options: { cwd: string; shellSuffix?: string; shell?: 'sh' | 'bash' }): ChildProcess {
  let child: ChildProcess;
  if (options.shellSuffix === undefined && options.shell === undefined) {
    const [command = '', ...rest] = cliCommand;
    child = spawn(command, [...rest, ...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  } else {
    const line = `exec ${[...cliCommand, ...args].map(shellQuote).join(' ')} ${options.shellSuffix ?? ''}`;
    child = spawn(options.shell ?? 'sh', ['-c', line], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  }
  // A run refused at once exits before reading its stdin: a closed pipe then is expected.
  child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return child;
}

/** Waits for a started CLI process to end; collects what it printed. */
export function finished(child: ChildProcess): Promise<CliProcessRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Runs the CLI to its end; `stdin` is written and closed (default: closed at once). */
export async function runCliProcess(
  args: readonly string[],
  options: { cwd: string; shellSuffix?: string; shell?: 'sh' | 'bash'; stdin?: string },
): Promise<CliProcessRun> {
  const child = startCli(args, options);
  const result = finished(child);
  child.stdin?.end(options.stdin ?? '');
  return result;
}
