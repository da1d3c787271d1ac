import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type ColumnSpec, type DatasetOrder, type Language, type ScaleDefinition, type ScoreOptions, _nearest, datasetOrders } from '../../index.js';
import { type BatchOptions, type TextFormat, batchFormats } from '../../batch/index.js';
import { readDelimiter } from '../../batch/delimited/dialect.js';
import { readEncodingName } from '../../batch/streams/encoding.js';
import { UsageError, readCodingOption, readColumnsOption, readLanguageOption, readScaleOption } from './command.js';
import { readFormatOption } from './io.js';

/** The scoring options, spelled the same in every command (`score`, `summary`, `syntax`). */
export const scoringOptions = {
  scale: { type: 'string' },
  coding: { type: 'string' },
  columns: { type: 'string' },
  lang: { type: 'string' },
  'missing-total': { type: 'string' },
  'missing-subscale': { type: 'string' },
  missing: { type: 'string' },
  categories: { type: 'string' },
  'subscale-categories': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Options of the commands that read a data file (`score`, `summary`). */
export const sharedOptions = {
  ...scoringOptions,
  from: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  'missing-values': { type: 'string' },
  decimal: { type: 'string' },
  sheet: { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** What each dataset order is, in one line each (reference §7). */
const datasetOrderNotes: Readonly<Record<DatasetOrder, string>> = {
  seed: 'the Flemish webinar deck (SEED)',
  liss: 'the LISS panel (Centerdata)',
  cbs: 'Statistics Netherlands (CBS), from 2019',
  rivm: 'RIVM and the GGD health monitor',
  manual: "the MANUAL's lone1..lone11 (11-item scale)",
};

function datasetOrderHelp(): string {
  return (Object.keys(datasetOrders) as DatasetOrder[])
    .map((name) => `                              ${name.padEnd(7)} ${datasetOrders[name].join(',').padEnd(19)} ${datasetOrderNotes[name]}`)
    .join('\n');
}

/** Help text of the scoring options, the same in every command. */
export const scoringOptionsHelp = `Scoring:
  --scale NAME|FILE         The scale: djg6 (default, the 6-item scale) or djg11 (the 11-item
                            scale), or a scale definition file (my-scale.json; docs/scale-definitions.md).
  --coding CODING           How numeric answers are coded: a preset — manual (1 = no, 2 = more or
                            less, 3 = yes), rivm (1 = ja, 2 = min of meer, 3 = nee), manual5, rivm5 —
                            optionally with clauses ('rivm;missing=9'), or code=label pairs
                            ('1=nee,2=min of meer,3=ja;missing=9'). Without it, only answer labels
                            (ja, nee, yes, more or less, …) are read: codings are never guessed.
  --columns SPEC            How columns map onto items: key (default: columns named emptiness,
                            leanOn, …, or labelled with the item's question text in Dutch or English),
                            a pattern by 11-item number ('lone{n}', 'q{n}'; {nn} for two digits:
                            'GGEEB2{nn}' is GGEEB203 for item 3), a dataset order ('order:cbs:q{i}',
                            'order:seed:A,B,C,D,E,F'), or key=column pairs ('emptiness=V3,leanOn=V4,…').
                            Dataset orders (the items by 11-item number, in column order):
${datasetOrderHelp()}
  --missing-total N         Missing items the total tolerates (default: the scale's rule; djg6 1, djg11 0).
  --missing-subscale N      Missing items each subscale tolerates (default 0).
                            (Also accepted: --missing total=N,subscale=N.)
  --categories NAME         Category convention of the total (default: the scale's;
                            djg6: manual; djg11: van-tilburg-1999).
  --subscale-categories NAME|none
                            Category convention of the subscales (default: the scale's;
                            djg6: manual or cbs; djg11: none, ggd-2 or ggd-3).
                            (Also accepted: --categories total=NAME,subscale=NAME|none.)
  --lang en|nl              Language of category labels (default en).
  -h, --help                This help.`;

/** Help text of the options of the commands that read a data file. */
export const sharedOptionsHelp = `${scoringOptionsHelp}

Input:
${batchFormats
  .filter((format) => format.read !== undefined || format.name === 'xlsx')
  .map((format) => `  ${format.name.padEnd(10)} ${format.description}${format.extensions.length > 0 ? ` (.${format.extensions.join(', .')})` : ''}`)
  .join('\n')}
  --from ${batchFormats.map((format) => format.name).join('|')}
                            Input format (default: by file extension; csv for stdin).
  --delimiter CHAR          The field delimiter: , ; | or tab (default: tab for tsv; for csv, the
                            one of , ; tab | found most often in the header line).
  --encoding NAME           auto (default), utf-8 or windows-1252 (also cp1252, latin1). auto: a
                            UTF-8 BOM or valid UTF-8 is UTF-8, a UTF-16 BOM UTF-16, anything else
                            Windows-1252 (said once on stderr). A BOM is dropped; CRLF and CR line
                            ends are read. Output is UTF-8.
  --missing-values LIST     Cells that are missing answers besides the empty cell: labels or codes
                            separated by commas ('NA,.,weet niet,9'), in any case. Default: NA and .
                            (R and SAS/Stata write these for a missing value); a list replaces
                            them; none for no markers. A marker that is an answer is refused.
  --decimal .|,             Decimal separator of numbers read (the --weights column). Default auto:
                            . in comma-delimited text, otherwise the first one met in the column
                            (1,624 from Dutch Excel). A weight that cannot be read stops with exit 2.
  --sheet NAME|N            The sheet of an .xlsx workbook to read: its name, or its tab position
                            (1 = first; default: the first sheet). Its first row holds the names.
  --strict                  Stop at the first bad row (malformed, or an invalid answer), exit code 3.
  -q, --quiet               No progress bar and no per-row messages on stderr.
  --verbose                 Also print on stderr how the input was read: encoding, delimiter, and
                            which column each item was read from.`;

/** The scoring options, read and checked. */
export interface ScoringCliOptions {
  readonly scale: ScaleDefinition;
  readonly scoring: ScoreOptions;
  readonly columns: ColumnSpec;
  readonly language: Language;
}

/** The shared options of `score` and `summary`, read and checked. */
export interface BatchCliOptions extends ScoringCliOptions {
  readonly from: TextFormat | undefined;
  readonly sheet: string | undefined;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** How the input is read: spread into the batch options of either command. */
  readonly reading: Pick<BatchOptions, 'delimiter' | 'encoding' | 'missingValues' | 'decimalSeparator'>;
}

function readCount(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} must be a whole number, not "${value}".`);
  return Number(value);
}

/** Parses a command line with the shared options and the command's own; usage errors for anything unknown. */
export function parseCommandLine(
  args: readonly string[],
  own: NonNullable<ParseArgsConfig['options']>,
  shared: NonNullable<ParseArgsConfig['options']> = sharedOptions,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...shared, ...own }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError(parseArgsProblem(error, { ...shared, ...own }));
  }
}

/** The option as written, from Node's message (`Unknown option '--colour'`, `Option '-q, --quiet' …`). */
function quotedOption(message: string): string | undefined {
  return /'(?:-\w, )?(-{1,2}[^' ,]+)/.exec(message)?.[1];
}

/**
 * Our own message for what `parseArgs` refuses: its text tells about `--` and positionals in a
 * way that does not fit here (and quotes unevenly), so the problem is said again, with the
 * nearest option for a likely typo.
 */
function parseArgsProblem(error: unknown, options: NonNullable<ParseArgsConfig['options']>): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const names = Object.keys(options).map((name) => `--${name}`);
  const option = quotedOption(text);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const written = option ?? 'an option';
      const suggestion = option === undefined ? undefined : _nearest(option.split('=')[0] as string, names);
      return `unknown option ${written}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}. Options: ${names.join(', ')}.`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option?.split(' ')[0];
      if (name !== undefined && /argument missing/.test(text)) return `${name} needs a value.`;
      if (name !== undefined) return `${name} takes no value.`;
      return 'an option has a value it cannot take.';
    }
    default:
      return text;
  }
}

/** Reads `key=value` pairs separated by commas, allowing only the given keys. */
export function readPairs(option: string, value: string, keys: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const pair of value.split(',')) {
    const [key = '', text = '', ...rest] = pair.split('=').map((part) => part.trim());
    if (!keys.includes(key) || text === '' || rest.length > 0 || pairs.has(key)) {
      throw new UsageError(`${option}: cannot read "${pair}"; use key=value pairs with keys ${keys.join(', ')}, each once.`);
    }
    pairs.set(key, text);
  }
  return pairs;
}

type ParsedValues = Record<string, string | boolean | undefined>;

function textOf(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** One setting given twice (`--missing-total` and `--missing total=…`) must agree. */
function either(first: [string, string | undefined], second: [string, string | undefined]): string | undefined {
  if (first[1] !== undefined && second[1] !== undefined && first[1] !== second[1]) {
    throw new UsageError(`${first[0]} and ${second[0]} disagree ("${first[1]}" and "${second[1]}"): give one.`);
  }
  return first[1] ?? second[1];
}

/** A category convention named on the command line must be one of the scale's: a usage error listing them otherwise. */
function checkConvention(scale: ScaleDefinition, score: 'total' | 'subscale', name: string | undefined, option: string): void {
  if (name === undefined || (score === 'subscale' && name === 'none')) return;
  const names = scale.categories[score].conventions.map((convention) => convention.name);
  if (names.includes(name)) return;
  if (score === 'subscale') names.push('none');
  const suggestion = _nearest(name, names);
  throw new UsageError(
    `${option}: "${name}" is not a ${score === 'total' ? 'total-score' : 'subscale'} category convention of ${scale.id}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; valid names: ${names.join(', ')}.`,
  );
}

/** Reads the scoring options from parsed values: one reading for every command. */
export function readScoringOptions(values: ParsedValues, cwd: string): ScoringCliOptions {
  const text = (name: string) => textOf(values, name);
  const missingPairs = text('missing') === undefined ? new Map<string, string>() : readPairs('--missing', text('missing') as string, ['total', 'subscale']);
  const categoriesText = text('categories');
  const categoryPairs = categoriesText?.includes('=') ? readPairs('--categories', categoriesText, ['total', 'subscale']) : new Map<string, string>();
  const totalCategories = either(['--categories', categoriesText?.includes('=') ? undefined : categoriesText], ['--categories total=', categoryPairs.get('total')]);
  const subscaleCategories = either(['--subscale-categories', text('subscale-categories')], ['--categories subscale=', categoryPairs.get('subscale')]);
  const total = readCount(either(['--missing-total', text('missing-total')], ['--missing total=', missingPairs.get('total')]), '--missing-total');
  const subscale = readCount(either(['--missing-subscale', text('missing-subscale')], ['--missing subscale=', missingPairs.get('subscale')]), '--missing-subscale');
  const categories =
    totalCategories !== undefined || subscaleCategories !== undefined
      ? { total: totalCategories, ...(subscaleCategories !== undefined ? { subscale: subscaleCategories === 'none' ? null : subscaleCategories } : {}) }
      : undefined;
  const scale = readScaleOption(text('scale'), cwd);
  checkConvention(scale, 'total', totalCategories, categoriesText?.includes('=') ? '--categories total=' : '--categories');
  checkConvention(scale, 'subscale', subscaleCategories, text('subscale-categories') !== undefined ? '--subscale-categories' : '--categories subscale=');
  const scoring: ScoreOptions = {
    coding: readCodingOption(text('coding')),
    ...(total !== undefined || subscale !== undefined ? { missing: { total, subscale } } : {}),
    ...(categories !== undefined ? { categories } : {}),
  };
  return {
    scale,
    scoring,
    columns: readColumnsOption(text('columns')),
    language: readLanguageOption(text('lang')),
  };
}

/** Runs a reading of an option value, turning its `ScoringError` into a usage error naming the option. */
function option<T>(name: string, value: string | undefined, read: (value: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return read(value);
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}`);
  }
}

/** Reads `--missing-values`: markers separated by commas, or `none`. */
function readMissingValuesOption(value: string): readonly string[] {
  if (value.trim().toLowerCase() === 'none') return [];
  const markers = value.split(',').map((marker) => marker.trim());
  if (markers.includes('')) throw new Error(`empty entry in "${value}" (a comma too many?); give markers separated by commas, or none.`);
  return markers;
}

/** Reads `--decimal`: `.`, `,` or `auto` (also spelled point, comma). */
function readDecimalOption(value: string): '.' | ',' | 'auto' {
  const names: Record<string, '.' | ',' | 'auto'> = { '.': '.', ',': ',', auto: 'auto', point: '.', comma: ',' };
  const separator = Object.hasOwn(names, value.trim().toLowerCase()) ? names[value.trim().toLowerCase()] : undefined;
  if (separator === undefined) throw new Error(`use . or , (or auto), not "${value}".`);
  return separator;
}

/** Reads the shared options of `score` and `summary` from parsed values. */
export function readBatchOptions(values: ParsedValues, cwd: string): BatchCliOptions {
  const from = readFormatOption(textOf(values, 'from'), '--from');
  const delimiter = option('--delimiter', textOf(values, 'delimiter'), readDelimiter);
  if (delimiter !== undefined && from !== undefined && !batchFormats.some((format) => format.name === from && format.delimited)) {
    throw new UsageError(`--delimiter applies to delimited input (csv, tsv), not to --from ${from}.`);
  }
  return {
    ...readScoringOptions(values, cwd),
    from,
    sheet: textOf(values, 'sheet'),
    strict: values['strict'] === true,
    quiet: values['quiet'] === true,
    verbose: values['verbose'] === true,
    reading: {
      delimiter,
      encoding: option('--encoding', textOf(values, 'encoding'), readEncodingName),
      missingValues: option('--missing-values', textOf(values, 'missing-values'), readMissingValuesOption),
      decimalSeparator: option('--decimal', textOf(values, 'decimal'), readDecimalOption),
    },
  };
}
