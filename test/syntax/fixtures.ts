/**
 * Cases and data for running generated code in the real engines: every preset coding and two
 * custom ones, both scales, the option variants, 10,000 respondents per coding with missing
 * answers (blanks, negative codes, declared missing codes) and codes outside the coding. The
 * expected results come from the library itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Coding, type ScaleDefinition, djg11, djg6, parseCoding, safeScore } from '../../src/index.js';
import { type SqlOptions, scoringPlan } from '../../src/syntax/index.js';
import { random } from '../helpers/dataset.js';

/** Respondents per coding. */
export const rowsPerCoding = 10_000;

/** A dataset coded one way; every case with that coding scores it. */
export interface Dataset {
  readonly name: string;
  readonly coding: Coding;
  /** Cells `lone1`..`lone11` per row: a code as text, '' for a blank. */
  readonly rows: readonly (readonly string[])[];
  /** The CSV file (header `id,lone1,…,lone11`). */
  readonly file: string;
}

/** One generated program: a scale, options and the dataset it runs on. */
export interface SyntaxCase {
  readonly name: string;
  readonly scale: ScaleDefinition;
  readonly dataset: Dataset;
  readonly options: SqlOptions;
}

const lone = Array.from({ length: 11 }, (_, index) => `lone${index + 1}`);
const byNumber = { by: 'number', pattern: 'lone{n}' } as const;

/** Where the engines' input and output files go. */
export function workFolder(name: string): string {
  const folder = join(tmpdir(), `loneliness-scales-syntax-${name}-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

function dataset(name: string, coding: Coding, seed: number, folder: string, invalidCodes: readonly number[]): Dataset {
  const next = random(seed);
  const answers = Object.keys(coding.codes);
  const missing = ['', ...(coding.negativeCodesMissing ? ['-1', '-3', '-4'] : []), ...coding.missingCodes.map(String)];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const rows: string[][] = [];
  for (let id = 1; id <= rowsPerCoding; id++) {
    // Every 500th respondent answered nothing at all.
    if (id % 500 === 0) {
      rows.push(lone.map(() => ''));
      continue;
    }
    rows.push(
      lone.map(() => {
        const draw = next();
        if (draw < 0.1) return pick(missing);
        if (draw < 0.104) return String(pick(invalidCodes));
        return pick(answers);
      }),
    );
  }
  const file = join(folder, `${name}.csv`);
  writeFileSync(file, `id,${lone.join(',')}\n${rows.map((cells, index) => `${index + 1},${cells.join(',')}`).join('\n')}\n`);
  return { name, coding, rows, file };
}

/** The datasets and cases; files are written to `folder`. */
export function syntaxCases(folder: string): SyntaxCase[] {
  const custom = parseCoding('0=nee,1=min of meer,2=ja;missing=8,9');
  const symmetric = parseCoding('-2=nee!,-1=nee,0=min of meer,1=ja,2=ja!;missing=9;negative=answers');
  const manual = dataset('manual', parseCoding('manual'), 11, folder, [0, 4, 7]);
  const rivm = dataset('rivm', parseCoding('rivm'), 12, folder, [0, 5]);
  const manual5 = dataset('manual5', parseCoding('manual5'), 13, folder, [0, 6, 9]);
  const rivm5 = dataset('rivm5', parseCoding('rivm5'), 14, folder, [0, 7]);
  const zeroBased = dataset('custom', custom, 15, folder, [3, 7]);
  const signed = dataset('signed', symmetric, 16, folder, [-3, 3, 5]);
  const cbsColumns = ['lone3', 'lone4', 'lone7', 'lone9', 'lone8', 'lone10'];
  const keyMap = Object.fromEntries(djg11.items.map((item) => [item.key, `lone${item.number}`]));
  return [
    { name: 'djg6-manual', scale: djg6, dataset: manual, options: { coding: 'manual', columns: byNumber } },
    { name: 'djg11-manual', scale: djg11, dataset: manual, options: { coding: 'manual', columns: byNumber } },
    { name: 'djg6-rivm-cbs-order', scale: djg6, dataset: rivm, options: { coding: 'rivm', columns: { by: 'order', order: 'cbs', columns: cbsColumns } } },
    {
      name: 'djg11-rivm-tolerant-ggd2',
      scale: djg11,
      dataset: rivm,
      options: { coding: 'rivm', columns: byNumber, missing: { total: 1, subscale: 1 }, categories: { subscale: 'ggd-2' } },
    },
    { name: 'djg6-manual5-cbs', scale: djg6, dataset: manual5, options: { coding: 'manual5', columns: byNumber, categories: { subscale: 'cbs' } } },
    { name: 'djg11-manual5', scale: djg11, dataset: manual5, options: { coding: 'manual5', columns: { by: 'map', map: keyMap } } },
    { name: 'djg6-rivm5-tolerant', scale: djg6, dataset: rivm5, options: { coding: 'rivm5', columns: byNumber, missing: { total: 2 }, categories: { subscale: null } } },
    { name: 'djg11-rivm5-ggd3', scale: djg11, dataset: rivm5, options: { coding: 'rivm5', columns: byNumber, categories: { subscale: 'ggd-3' } } },
    {
      name: 'djg6-custom-names-nl',
      scale: djg6,
      dataset: zeroBased,
      options: { coding: custom, columns: byNumber, language: 'nl', names: { total: 'tot', category: 'cat', invalidItems: 'ongeldig' } },
    },
    { name: 'djg11-custom-all-tolerated', scale: djg11, dataset: zeroBased, options: { coding: custom, columns: byNumber, missing: { total: 11, subscale: 5 } } },
    { name: 'djg6-signed', scale: djg6, dataset: signed, options: { coding: symmetric, columns: byNumber } },
    {
      name: 'djg11-signed-tolerant',
      scale: djg11,
      dataset: signed,
      options: { coding: symmetric, columns: byNumber, missing: { total: 2, subscale: 1 }, categories: { subscale: 'ggd-2' } },
    },
  ];
}

/** One row's results as every engine reports them: scores, categories as codes and labels, invalid items. */
export interface RowResult {
  readonly [output: string]: number | string | null;
}

/** The output columns of a case, in the order the generated code adds them. */
export function outputColumns(syntaxCase: SyntaxCase): { scores: string[]; categories: string[]; invalidItems: string } {
  const plan = scoringPlan(syntaxCase.scale, syntaxCase.options);
  return {
    scores: plan.scores.map((score) => score.output),
    categories: plan.categories.map((category) => category.output),
    invalidItems: plan.invalidItems,
  };
}

/**
 * What the library computes for each row of the case's dataset. A row holding a code outside the
 * coding (`unknown_code`) or an answer an item does not offer (`unknown_answer`) is an error in
 * the library; the generated code gives it no scores and counts the items: the expectation says
 * exactly that, counting with the library item by item. Only the scores the plan writes are
 * expected (a scale without subscales has no emotional or social column). Categories are given
 * as band code (`category`) and label (`category:label`).
 */
export function expectedResults(syntaxCase: SyntaxCase): RowResult[] {
  const { scale, dataset, options } = syntaxCase;
  const plan = scoringPlan(scale, options);
  const scoreOptions = { coding: options.coding, missing: options.missing, categories: options.categories };
  const refused = new Set(['unknown_code', 'unknown_answer']);
  const bandOf = { total: 'category', emotional: 'emotionalCategory', social: 'socialCategory' } as const;
  return dataset.rows.map((cells) => {
    const answers: Record<string, string> = {};
    for (const item of scale.items) answers[item.key] = cells[item.number - 1] as string;
    const outcome = safeScore(scale, answers, scoreOptions);
    const result: Record<string, number | string | null> = {};
    let invalidItems = 0;
    if (outcome.success) {
      const { data } = outcome;
      for (const score of plan.scores) result[score.output] = data[score.score];
      for (const category of plan.categories) {
        const band = data[bandOf[category.of.score]];
        result[category.output] = band?.code ?? null;
        result[`${category.output}:label`] = band?.label[plan.language] ?? null;
      }
    } else {
      if (!refused.has(outcome.error.code)) throw outcome.error;
      for (const item of scale.items) {
        const single = safeScore(scale, { [item.key]: answers[item.key] }, scoreOptions);
        if (!single.success && refused.has(single.error.code)) invalidItems++;
      }
      for (const score of plan.scores) result[score.output] = null;
      for (const category of plan.categories) {
        result[category.output] = null;
        result[`${category.output}:label`] = null;
      }
    }
    result[plan.invalidItems] = invalidItems;
    return result;
  });
}

/** Reads an engine's cell: numbers as numbers, blanks and NULL as null. */
export function cell(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  const text = String(value).trim();
  if (text === '' || text === 'NA') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * Compares an engine's rows (in id order) with the library's: returns the differences, at most
 * `limit`, each naming the row, the column and both values. `fields` are the columns the engine
 * reports (categories as codes, or as labels under `name:label`).
 */
export function differences(
  expected: readonly RowResult[],
  actual: readonly RowResult[],
  fields: readonly string[],
  limit = 10,
): string[] {
  const found: string[] = [];
  if (actual.length !== expected.length) found.push(`${actual.length} rows, expected ${expected.length}`);
  expected.forEach((row, index) => {
    for (const field of fields) {
      if (found.length >= limit) return;
      const engineValue = actual[index]?.[field] ?? null;
      const libraryValue = row[field] ?? null;
      if (engineValue !== libraryValue) {
        found.push(`row ${index + 1} ${field}: engine ${String(engineValue)}, library ${String(libraryValue)}`);
      }
    }
  });
  return found;
}

/**
 * Whether a command-line engine is installed. Without it the engine's test is skipped with a
 * message, except in CI (`CI` set), where every engine must run.
 */
export function engineAvailable(command: string, args: readonly string[]): { run: boolean; reason: string } {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return { run: true, reason: '' };
  if (process.env.CI) return { run: true, reason: '' };
  return { run: false, reason: `${command} is not installed (apt-get install -y ${command === 'pspp' ? 'pspp' : 'r-base-core'}); skipped outside CI` };
}

/** Reads the CSV files PSPP and R write (quoted or bare fields, no embedded commas in these files). */
export function readCsv(file: string): RowResult[] {
  const unquote = (value: string): string => value.replace(/^"|"$/g, '');
  const [header = '', ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',').map(unquote);
  return lines.map((line) => {
    const values = line.split(',').map(unquote);
    return Object.fromEntries(names.map((name, index) => [name, cell(values[index])]));
  });
}
