import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { ColumnSpec, Language, ScaleDefinition, ScoreOptions } from '../../index.js';
import type { TextFormat } from '../../batch/index.js';
import { UsageError, readCodingOption, readColumnsOption, readLanguageOption, readScaleOption } from './command.js';
import { readFormatOption } from './io.js';

/** Options shared by `score` and `summary`, with their help lines. */
export const sharedOptions = {
  scale: { type: 'string' },
  coding: { type: 'string' },
  columns: { type: 'string' },
  lang: { type: 'string' },
  from: { type: 'string' },
  'missing-total': { type: 'string' },
  'missing-subscale': { type: 'string' },
  categories: { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Help text of the shared options. */
export const sharedOptionsHelp = `Input and scoring:
  --scale djg6|djg11        The scale to score (default djg6).
  --coding CODING           How numeric answers are coded: a preset (manual, rivm, manual5, rivm5)
                            or code=label pairs, e.g. '1=nee,2=min of meer,3=ja;missing=9'.
                            Without it, only answer labels (ja, nee, yes, more or less, …) are read.
  --columns SPEC            How columns map onto items: key (default: columns named emptiness,
                            leanOn, …), a pattern by 11-item number ('lone{n}', 'q{n}'), a dataset
                            order ('order:cbs:q{i}', 'order:seed:A,B,C,D,E,F'), or key=column pairs
                            ('emptiness=V3,leanOn=V4,…').
  --from csv|tsv|ndjson     Input format (default: by file extension; csv for stdin).
  --lang en|nl              Language of category labels (default en).
  --missing-total N         Missing items the total tolerates (default: the scale's rule; djg6 1, djg11 0).
  --missing-subscale N      Missing items each subscale tolerates (default 0).
  --categories NAME         Category convention of the total (default: the scale's).
  --strict                  Stop at the first bad row (malformed, or an invalid answer), exit code 3.
  -q, --quiet               No progress bar and no per-row messages on stderr.
  -h, --help                This help.`;

/** The shared options, read and checked. */
export interface BatchCliOptions {
  readonly scale: ScaleDefinition;
  readonly scoring: ScoreOptions;
  readonly columns: ColumnSpec;
  readonly language: Language;
  readonly from: TextFormat | undefined;
  readonly strict: boolean;
  readonly quiet: boolean;
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
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...sharedOptions, ...own }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads the shared options from parsed values. */
export function readBatchOptions(values: Record<string, string | boolean | undefined>): BatchCliOptions {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const total = readCount(text('missing-total'), '--missing-total');
  const subscale = readCount(text('missing-subscale'), '--missing-subscale');
  const categories = text('categories');
  const scoring: ScoreOptions = {
    coding: readCodingOption(text('coding')),
    ...(total !== undefined || subscale !== undefined ? { missing: { total, subscale } } : {}),
    ...(categories !== undefined ? { categories: { total: categories } } : {}),
  };
  return {
    scale: readScaleOption(text('scale')),
    scoring,
    columns: readColumnsOption(text('columns')),
    language: readLanguageOption(text('lang')),
    from: readFormatOption(text('from'), '--from'),
    strict: values.strict === true,
    quiet: values.quiet === true,
  };
}
