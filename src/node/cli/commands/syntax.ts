import { parseArgs } from 'node:util';
import { type ScaleDefinition, ScoringError } from '../../../index.js';
import { type OutputNames, type SqlOptions, type SyntaxTarget, syntaxTargets } from '../../../syntax/index.js';
import {
  type Command,
  type CommandIo,
  UsageError,
  exitCodes,
  readCodingOption,
  readColumnsOption,
  readLanguageOption,
  readScaleOption,
} from '../command.js';
import { openOutputPath } from '../io.js';

const help = `Usage: loneliness-scales syntax --target spss|r|sql --coding CODING [options]

Prints scoring code for SPSS (also GNU PSPP), R or SQL, generated from the same scale definition
the library scores with: item points, total, emotional and social scores, categories (value labels
in SPSS, factors in R), the same missing-answer rules, and invalid_items, the number of items with
a code outside the coding (such a row gets no scores).

Options:
  --target spss|r|sql   the language to generate (required)
  --scale djg6|djg11    the scale (default djg6)
  --coding CODING       how the items are coded (required): manual, rivm, manual5, rivm5, or
                        code=label pairs such as '0=nee,1=min of meer,2=ja;missing=9'
  --columns SPEC        where the items are: key (default), a pattern such as 'lone{n}',
                        order:NAME:COLUMNS or key=column pairs, as for 'score'
  --table NAME          the table the SQL reads (default responses)
  --names PAIRS         names of the added columns, e.g. 'total=djg_total,category=djg_cat';
                        keys: total, emotional, social, category, emotional_category,
                        social_category, invalid_items
  --missing PAIRS       missing items tolerated, e.g. 'total=1,subscale=0' (default: the scale's rules)
  --categories PAIRS    category conventions, e.g. 'total=manual,subscale=cbs' (subscale=none: none)
  --lang en|nl          language of the labels (default en)
  -o, --out FILE        write to FILE instead of standard output
  -h, --help            show this help

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

/** Reads `key=value` pairs separated by commas, allowing only the given keys. */
function readPairs(option: string, value: string, keys: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const pair of value.split(',')) {
    const [key = '', text = '', ...rest] = pair.split('=').map((part) => part.trim());
    if (!keys.includes(key) || text === '' || rest.length > 0) {
      throw new UsageError(`${option}: cannot read "${pair}"; use key=value pairs with keys ${keys.join(', ')}.`);
    }
    pairs.set(key, text);
  }
  return pairs;
}

function readCount(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${option}: "${text}" is not a whole number.`);
  return Number(text);
}

/** The command line, read: a request for help, or what to generate. */
type ParsedCommandLine =
  | { readonly help: true }
  | { readonly help: false; readonly target: SyntaxTarget; readonly scale: ScaleDefinition; readonly options: SqlOptions; readonly out: string | undefined };

/** Turns the command line into the generator's target and options; throws UsageError. */
function readOptions(args: readonly string[]): ParsedCommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' },
        scale: { type: 'string' },
        coding: { type: 'string' },
        columns: { type: 'string' },
        table: { type: 'string' },
        names: { type: 'string' },
        missing: { type: 'string' },
        categories: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const target = values.target;
  if (target !== 'spss' && target !== 'r' && target !== 'sql') {
    throw new UsageError(target === undefined ? '--target is required: spss, r or sql.' : `--target must be spss, r or sql, not "${target}".`);
  }
  const scale = readScaleOption(values.scale);
  const coding = readCodingOption(values.coding);
  if (coding === undefined) throw new UsageError('--coding is required: the generated code reads numeric codes, and codings are never guessed.');
  if (values.table !== undefined && target !== 'sql') throw new UsageError('--table applies to --target sql only.');

  const names: Partial<Record<keyof OutputNames, string>> = {};
  if (values.names !== undefined) {
    for (const [key, name] of readPairs('--names', values.names, Object.keys(nameKeys))) names[nameKeys[key] as keyof OutputNames] = name;
  }
  let missing: SqlOptions['missing'];
  if (values.missing !== undefined) {
    const pairs = readPairs('--missing', values.missing, ['total', 'subscale']);
    missing = { total: readCount('--missing', pairs.get('total')), subscale: readCount('--missing', pairs.get('subscale')) };
  }
  let categories: SqlOptions['categories'];
  if (values.categories !== undefined) {
    const pairs = readPairs('--categories', values.categories, ['total', 'subscale']);
    const subscale = pairs.get('subscale');
    categories = { total: pairs.get('total'), subscale: subscale === 'none' ? null : subscale };
  }
  return {
    help: false,
    target,
    scale,
    options: {
      coding,
      columns: readColumnsOption(values.columns),
      table: values.table,
      names,
      missing,
      categories,
      language: readLanguageOption(values.lang),
    },
    out: values.out,
  };
}

/**
 * `loneliness-scales syntax`: prints scoring code for SPSS, R or SQL, generated from the scale
 * definition with the same `--scale`, `--coding` and `--columns` options as `score`. Exit codes:
 * 0 done, 2 bad usage (unknown option, unreadable coding, columns or names).
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
    try {
      const parsed = readOptions(args);
      if (parsed.help) {
        io.stdout.write(help);
        return exitCodes.ok;
      }
      const { target, scale, options, out } = parsed;
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
    } catch (error) {
      if (error instanceof UsageError || error instanceof ScoringError) {
        io.stderr.write(`loneliness-scales syntax: ${error.message}\nRun 'loneliness-scales syntax --help' for the options.\n`);
        return exitCodes.usage;
      }
      throw error;
    }
  },
};
