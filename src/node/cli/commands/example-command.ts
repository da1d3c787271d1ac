import { parseCommandLine } from '../shared-options.js';
import { type Command, type CommandIo, UsageError, exitCodes } from '../command.js';
import { openOutputPath } from '../io.js';
import { sampleFiles } from '../sample-files.js';

const width = Math.max(...sampleFiles.map((file) => file.name.length));

const help = `Usage: loneliness-scales example [NAME] [--out FILE]

Prints a small sample survey file (CSV) to try the other commands with, in an empty folder.

Files:
${sampleFiles.map((file) => `  ${file.name.padEnd(width)}  ${file.description}`).join('\n')}

The first is the default.

Options:
  -o, --out FILE            Write to FILE instead of standard output (replaced only by the
                            complete file).

Examples:
${sampleFiles
  .map((file) => {
    const target = `${file.name}.csv`;
    return `  loneliness-scales example ${file.name} > ${target}\n  ${file.tryWith.replace('FILE', target)}`;
  })
  .join('\n')}
`;

/**
 * `loneliness-scales example`: prints one of the sample survey files, so that the commands in the
 * README work right after `npm install loneliness-scales`.
 */
export const exampleCommand: Command = {
  name: 'example',
  summary: 'Print a small sample survey file to try the other commands with.',
  help,
  async run(args: readonly string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseCommandLine(args, { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, {});
    if (values['help'] === true) {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    if (positionals.length > 1) throw new UsageError(`example takes one file name, not ${positionals.length}: ${positionals.join(' ')}.`);
    const name = positionals[0] ?? (sampleFiles[0] as (typeof sampleFiles)[number]).name;
    const file = sampleFiles.find((candidate) => candidate.name === name);
    if (file === undefined) throw new UsageError(`no sample file "${name}"; the files are ${sampleFiles.map((candidate) => candidate.name).join(', ')}.`);
    const out = typeof values['out'] === 'string' ? values['out'] : undefined;
    if (out === undefined || out === '-') {
      io.stdout.write(file.text);
      return exitCodes.ok;
    }
    const output = await openOutputPath(out, io, undefined);
    try {
      await output.write(new TextEncoder().encode(file.text));
      await output.commit();
    } finally {
      output.discard();
    }
    return exitCodes.ok;
  },
};
