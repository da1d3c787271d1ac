import { ScoringError } from '../../index.js';
import { BadRowError } from '../../batch/index.js';
import { type Command, type CommandIo, UsageError, exitCodes } from './command.js';
import { scoreCommand } from './commands/score-command.js';
import { summaryCommand } from './commands/summary-command.js';
import { syntaxCommand } from './commands/syntax-command.js';
import { exampleCommand } from './commands/example-command.js';

/** The CLI's subcommands (internal). Adding a command is adding it here. */
export const commands: readonly Command[] = [scoreCommand, summaryCommand, syntaxCommand, exampleCommand];

/** The overview printed by `loneliness-scales --help`: every command and its full help (internal). */
export function overview(table: readonly Command[] = commands): string {
  const width = Math.max(...table.map((command) => command.name.length));
  return `Usage: loneliness-scales <command> [options]

Scores the De Jong Gierveld loneliness scales (6-item djg6, 11-item djg11) by the authors' rules.

Commands:
${table.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run 'loneliness-scales <command> --help' for every option of a command, with examples.

Options:
  -h, --help     This overview.
  -v, --version  The package version.

Examples (in an empty folder):
  loneliness-scales example > enquete-nl.csv
  loneliness-scales score enquete-nl.csv --lang nl
  loneliness-scales example survey-coded > survey.csv
  loneliness-scales score survey.csv --coding manual --columns 'lone{n}' --out scored.csv
  loneliness-scales summary survey.csv --coding manual --columns 'lone{n}' --format markdown

${table.map((command) => command.help.trimEnd()).join('\n\n' + '-'.repeat(72) + '\n\n')}
`;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and injected I/O; resolves to the
 * exit code. Usage errors and mapping errors print a message and exit 2; a strict stop exits 3.
 *
 * @example
 * ```ts
 * import { PassThrough } from 'node:stream';
 * import { runCli } from 'loneliness-scales/node';
 * // In a program: runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY, cwd: process.cwd() })
 * const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), stderrIsTTY: false, cwd: '.' };
 * await runCli(['score', '--help'], io); // 0
 * ```
 */
export async function runCli(args: readonly string[], io: CommandIo): Promise<number> {
  const table = commands;
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(table));
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return exitCodes.ok;
  }
  const command = table.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`Unknown command "${name}". Commands: ${table.map((candidate) => candidate.name).join(', ')}.\nRun 'loneliness-scales --help'.\n`);
    return exitCodes.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A file that failed mid-run (a full disk): the output was discarded; not a usage error.
    if (error instanceof ScoringError && (error.code === 'unwritable_output' || error.code === 'unreadable_input')) {
      io.stderr.write(`loneliness-scales ${name}: ${error.message}\n`);
      return exitCodes.failed;
    }
    if (error instanceof UsageError || error instanceof ScoringError) {
      const hint =
        error instanceof ScoringError && error.code === 'missing_column' && error.path !== 'by'
          ? "Map the data's columns onto the items with --columns SPEC: a spec suggested above, 'lone{n}' for columns named by item number (lone1..lone11; 'GGEEB2{nn}' for two digits), 'order:cbs:q{i}' for a dataset order, or 'emptiness=Q3,leanOn=Q4,…'. Run with --help for the dataset orders.\n"
          : '';
      io.stderr.write(`loneliness-scales ${name}: ${error.message}\n${hint}Run 'loneliness-scales ${name} --help' for the options.\n`);
      return exitCodes.usage;
    }
    if (error instanceof BadRowError) {
      io.stderr.write(`loneliness-scales ${name}: stopped. ${error.message}\n`);
      return exitCodes.failed;
    }
    // A closed pipe (`| head`) ends the output; that is not a failure.
    if ((error as { code?: unknown }).code === 'EPIPE') return exitCodes.ok;
    io.stderr.write(`loneliness-scales ${name}: ${(error as Error).message ?? String(error)}\n`);
    return exitCodes.failed;
  }
}

declare const __PACKAGE_VERSION__: string | undefined;
function version(): string {
  return typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : 'development';
}
