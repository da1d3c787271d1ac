import type { ScaleDefinition } from '../../../index.js';
import type { OutputNames, SqlOptions, SyntaxTarget } from '../../../syntax/index.js';
import { parseCommandLine, readPairs, readScoringOptions, scoringOptions, scoringOptionsHelp } from '../shared-options.js';
import { type Command, type CommandIo, UsageError, exitCodes } from '../command.js';
import { openOutputPath } from '../io.js';

const help = `Usage: loneliness-scales syntax --target spss|r|sql --coding CODING [options]

Prints scoring code for SPSS (also GNU PSPP), R or SQL, generated from the same scale definition
the library scores with: item points, the total and (where the scale has them) the emotional and
social scores, categories (value labels
in SPSS, factors in R), the same missing-answer rules, and invalid_items, the number of items with
a code outside the coding (such a row gets no scores).

Options:
  --target spss|r|sql       The language to generate (required).
  --coding CODING           Required: the generated code reads numeric codes.
  --table NAME              The table the SQL reads (default responses).
  --names PAIRS             Names of the added columns, e.g. 'total=djg_total,category=djg_cat';
                            keys: total, emotional, social, category, emotional_category,
                            social_category, invalid_items.
  -o, --out FILE            Write to FILE instead of standard output (replaced only by the
                            complete code).

${scoringOptionsHelp}

Examples:
  loneliness-scales syntax --target spss --scale djg6 --coding manual --columns 'lone{n}'
  loneliness-scales syntax --target r --scale djg11 --coding rivm --columns 'lone{n}' --lang nl
  loneliness-scales syntax --target sql --scale djg6 --coding manual --columns 'lone{n}' --table survey
`;

const nameKeys: Readonly<Record<string, keyof OutputNames>> = {
  total: 'total',
  emotional: 'emotional',
  social: 'social',
  category: 'category',
  emotional_category: 'emotionalCategory',
  social_category: 'socialCategory',
  invalid_items: 'invalidItems',
};

/** The command line, read: a request for help, or what to generate. */
type ParsedCommandLine =
  | { readonly help: true }
  | { readonly help: false; readonly target: SyntaxTarget; readonly scale: ScaleDefinition; readonly options: SqlOptions; readonly out: string | undefined };

/** Turns the command line into the generator's target and options (the one CLI parser); throws UsageError. */
function readOptions(args: readonly string[], cwd: string): ParsedCommandLine {
  const { values, positionals } = parseCommandLine(
    args,
    { target: { type: 'string' }, table: { type: 'string' }, names: { type: 'string' }, out: { type: 'string', short: 'o' } },
    scoringOptions,
  );
  if (values['help'] === true) return { help: true };
  if (positionals.length > 0) throw new UsageError(`syntax takes no file argument, not "${positionals[0]}".`);
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const target = text('target');
  if (target !== 'spss' && target !== 'r' && target !== 'sql') {
    throw new UsageError(target === undefined ? '--target is required: spss, r or sql.' : `--target must be spss, r or sql, not "${target}".`);
  }
  const { scale, scoring, columns, language } = readScoringOptions(values, cwd);
  if (scoring.coding === undefined) throw new UsageError('--coding is required: the generated code reads numeric codes, and codings are never guessed.');
  if (text('table') !== undefined && target !== 'sql') throw new UsageError('--table applies to --target sql only.');
  const names: Partial<Record<keyof OutputNames, string>> = {};
  const namesText = text('names');
  if (namesText !== undefined) {
    for (const [key, name] of readPairs('--names', namesText, Object.keys(nameKeys))) names[nameKeys[key] as keyof OutputNames] = name;
  }
  return {
    help: false,
    target,
    scale,
    options: { coding: scoring.coding, columns, table: text('table'), names, missing: scoring.missing, categories: scoring.categories, language },
    out: text('out'),
  };
}

/**
 * `loneliness-scales syntax`: prints scoring code for SPSS, R or SQL, generated from the scale
 * definition with the scoring options spelled as in `score` and `summary`. Errors go through the
 * CLI's one error path: exit 2 for bad usage, 3 for an output that could not be written.
 *
 * @example
 * ```sh
 * loneliness-scales syntax --target spss --scale djg6 --coding manual --columns 'lone{n}' > score-djg6.sps
 * loneliness-scales syntax --target sql --scale djg11 --coding rivm --columns 'lone{n}' --table survey -o score.sql
 * ```
 *
 * In tests, call `syntaxCommand.run(args, io)` with in-memory streams; it resolves to the exit code.
 */
export const syntaxCommand: Command = {
  name: 'syntax',
  summary: 'Print scoring code for SPSS, R or SQL, generated from the scale definitions.',
  help,
  async run(args: readonly string[], io: CommandIo): Promise<number> {
    const parsed = readOptions(args, io.cwd);
    if (parsed.help) {
      io.stdout.write(help);
      return exitCodes.ok;
    }
    const { target, scale, options, out } = parsed;
    // Loaded by this command only: scoring a file does not pay for the generators.
    const { syntaxTargets } = await import('../../../syntax/index.js');
    const code = syntaxTargets[target](scale, options);
    if (out === undefined) io.stdout.write(code);
    else {
      // Replaced only by the complete code: a failed write leaves the old file as it was.
      const output = await openOutputPath(out, io, undefined);
      try {
        await output.write(new TextEncoder().encode(code));
        await output.commit();
      } finally {
        output.discard();
      }
    }
    return exitCodes.ok;
  },
};
