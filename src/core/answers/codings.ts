import { ScoringError, describeValue } from '../errors.js';
import { deepFreeze } from '../freeze.js';
import type { CanonicalAnswer } from '../types.js';
import { readAnswerLabel } from './labels.js';

/**
 * How a dataset codes answers as numbers. The library never guesses a coding: numeric answers
 * are read only through one of these.
 */
export interface Coding {
  /** Name of the coding, e.g. `manual`. */
  readonly name: string;
  /** Each code and the canonical answer it stands for. */
  readonly codes: Readonly<Record<number, CanonicalAnswer>>;
  /** Codes that mean "no answer" (besides negative codes when `negativeCodesMissing`). */
  readonly missingCodes: readonly number[];
  /** Whether every negative code is a missing answer (the MANUAL's SPSS convention). */
  readonly negativeCodesMissing: boolean;
}

/** What {@link defineCoding} takes: codes mapped to any answer label the library reads. */
export interface CodingSpec {
  /** Name of the coding. */
  readonly name: string;
  /** Each code and its answer label (`"yes"`, `"nee"`, `"min of meer"`, …). */
  readonly codes: Readonly<Record<number, string>>;
  /** Codes that mean "no answer". Default: none. */
  readonly missingCodes?: readonly number[];
  /** Whether every negative code is a missing answer. Default: `true`, as in the MANUAL. */
  readonly negativeCodesMissing?: boolean;
}

function invalid(message: string, path: string, value: unknown): never {
  throw new ScoringError('invalid_coding', message, { path, value });
}

const INTEGER_TEXT = /^-?\d+$/;
/** Codings known to be valid: the presets and those built by {@link defineCoding}. */
const checked = new WeakSet<Coding>();

/**
 * Defines a custom numeric coding, checking that every code is an integer, every label a known
 * answer, and no code both an answer and missing. Throws a {@link ScoringError} with code
 * `invalid_coding` otherwise.
 *
 * @example
 * ```ts
 * import { defineCoding, djg6, score } from 'loneliness-scales';
 * const coding = defineCoding({ name: 'survey-2024', codes: { 0: 'nee', 1: 'min of meer', 2: 'ja' }, missingCodes: [9] });
 * score(djg6, { emptiness: 2, leanOn: 0, trust: 0, closeTo: 1, missPeople: 9, rejected: 2 }, { coding }).total; // 5
 * ```
 */
export function defineCoding(spec: CodingSpec): Coding {
  if (!isRecord(spec)) invalid(`A coding must be an object, not ${describeValue(spec)}.`, 'coding', spec);
  const { name, codes: codeLabels, missingCodes: missing = [], negativeCodesMissing = true } = spec;
  // The name reaches messages and generated syntax: one printable line.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof name !== 'string' || name.trim() === '' || /[\u0000-\u001f\u007f]/.test(name)) {
    invalid(`A coding needs a name on one line, not ${describeValue(name)}.`, 'coding.name', name);
  }
  if (!isRecord(codeLabels)) invalid(`Coding "${name}": codes must be an object of code: label pairs.`, 'coding.codes', codeLabels);
  const codes: Record<number, CanonicalAnswer> = {};
  const entries = Object.entries(codeLabels);
  if (entries.length === 0) invalid(`Coding "${name}" defines no codes.`, 'coding.codes', codeLabels);
  for (const [code, label] of entries) {
    const number = Number(code);
    if (!INTEGER_TEXT.test(code) || !Number.isSafeInteger(number)) {
      invalid(`Coding "${name}": code ${describeValue(code)} is not an integer.`, `coding.codes.${code}`, code);
    }
    const answer = typeof label === 'string' ? readAnswerLabel(label) : undefined;
    if (answer === undefined) {
      invalid(`Coding "${name}": code ${code} maps to ${describeValue(label)}, which is not an answer label.`, `coding.codes.${code}`, label);
    }
    codes[number] = answer;
  }
  if (!Array.isArray(missing)) invalid(`Coding "${name}": missingCodes must be an array of integers.`, 'coding.missingCodes', missing);
  const missingCodes: number[] = [];
  for (const code of missing as readonly unknown[]) {
    if (typeof code !== 'number' || !Number.isSafeInteger(code)) {
      invalid(`Coding "${name}": missing code ${describeValue(code)} is not an integer.`, 'coding.missingCodes', code);
    }
    if (Object.hasOwn(codes, code)) invalid(`Coding "${name}": code ${code} is both an answer and missing.`, 'coding.missingCodes', code);
    missingCodes.push(code === 0 ? 0 : code);
  }
  if (typeof negativeCodesMissing !== 'boolean') {
    invalid(`Coding "${name}": negativeCodesMissing must be true or false.`, 'coding.negativeCodesMissing', negativeCodesMissing);
  }
  if (negativeCodesMissing) {
    for (const code of Object.keys(codes)) {
      if (Number(code) < 0) invalid(`Coding "${name}": code ${code} is an answer, but negative codes are missing.`, `coding.codes.${code}`, code);
    }
  }
  const coding = deepFreeze({ name, codes, missingCodes, negativeCodesMissing });
  checked.add(coding);
  return coding;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A preset coding: the answers of codes 1, 2, 3, …; negative codes missing (MANUAL). */
function preset<N extends string>(name: N, answers: readonly CanonicalAnswer[]): Coding & { readonly name: N } {
  const codes: Record<number, CanonicalAnswer> = {};
  answers.forEach((answer, index) => (codes[index + 1] = answer));
  const coding = { name, codes, missingCodes: [], negativeCodesMissing: true };
  checked.add(coding);
  return coding;
}

/**
 * The named codings of the reference (§2). Negative codes are missing answers in each of them,
 * following the MANUAL's rule that any negative code is missing (reference §4).
 *
 * - `manual`: 1 = no, 2 = more or less, 3 = yes — the MANUAL's SPSS syntax, also the LASA study.
 * - `rivm`: 1 = ja, 2 = min of meer, 3 = nee — GGD/RIVM health-monitor surveys (the reverse).
 * - `manual5`: 5-point, 1 = no! … 5 = yes! (the MANUAL's direction).
 * - `rivm5`: 5-point, 1 = ja! … 5 = nee! (the RIVM direction).
 *
 * @example
 * ```ts
 * import { codings, djg6, score } from 'loneliness-scales';
 * codings.manual.codes[3]; // 'yes'
 * score(djg6, { emptiness: 3, leanOn: 3, trust: 3, closeTo: 2, missPeople: 3, rejected: 3 }, { coding: 'manual' }).total; // 4
 * ```
 */
export const codings = /* @__PURE__ */ deepFreeze({
  manual: preset('manual', ['no', 'more or less', 'yes']),
  rivm: preset('rivm', ['yes', 'more or less', 'no']),
  manual5: preset('manual5', ['no!', 'no', 'more or less', 'yes', 'yes!']),
  rivm5: preset('rivm5', ['yes!', 'yes', 'more or less', 'no', 'no!']),
});

/** The name of a preset coding. */
export type CodingPreset = keyof typeof codings;

/**
 * Looks up a preset by name, or checks a coding object (as it may arrive from a JSON
 * configuration) exactly as {@link defineCoding} does: integer codes, known labels, integer
 * missing codes. Throws `invalid_option` for an unknown preset, `invalid_coding` for a bad object.
 */
export function resolveCoding(coding: unknown): Coding {
  if (typeof coding === 'string') {
    if (Object.hasOwn(codings, coding)) return codings[coding as CodingPreset];
    throw new ScoringError(
      'invalid_option',
      `Option coding: unknown coding ${describeValue(coding)}; presets: ${Object.keys(codings).join(', ')}.`,
      { path: 'coding', value: coding },
    );
  }
  if (typeof coding === 'object' && coding !== null && checked.has(coding as Coding)) return coding as Coding;
  return defineCoding(coding as CodingSpec);
}

/**
 * Reads a coding written as text, as the CLI takes it: a preset name (`manual`, `rivm`,
 * `manual5`, `rivm5`) or `code=label` pairs separated by commas, optionally followed by
 * `;missing=c1,c2` (`1=nee,2=min of meer,3=ja;missing=8,9`). Negative codes are missing
 * unless the text ends with `;negative=answers`. A preset may be extended by the same clauses
 * (`rivm;missing=9`). Codes are plain decimal integers (`3`, `-1`; not `0x3`, `3.0`, `+3`,
 * `1e0`). Throws a {@link ScoringError} (`invalid_option`) naming the problem for text that
 * cannot be read unambiguously: a code given twice, an empty entry (as a trailing comma
 * leaves), a clause given twice or unknown; and (`invalid_coding`) for a label that is no answer.
 *
 * @example
 * ```ts
 * import { parseCoding } from 'loneliness-scales';
 * parseCoding('manual').name;                               // 'manual'
 * parseCoding('0=nee,1=min of meer,2=ja;missing=9').codes[2]; // 'yes'
 * parseCoding('rivm;missing=9').missingCodes;               // [9]
 * ```
 */
export function parseCoding(text: string): Coding {
  const refuse = (problem: string): never => {
    throw new ScoringError('invalid_option', `Coding ${describeValue(text)}: ${problem}.`, { value: text });
  };
  const split = (list: string, separator: string): string[] => list.split(separator).map((part) => part.trim());
  const entries = (list: string): string[] => {
    const parts = split(list, ',');
    if (parts.includes('')) refuse('empty entry (a comma too many?)');
    return parts;
  };
  // Only plain decimal integers, each once: Number() would also read `0x1`, `1e0`, ` +1`, `1.0`.
  const read = (code: string, seen: number[], what: string): number => {
    const number = /^-?\d+$/.test(code) ? Number(code) : Number.NaN;
    if (!Number.isSafeInteger(number)) refuse(`${what} ${describeValue(code)} is not a plain decimal integer`);
    if (seen.includes(number)) refuse(`${what} ${number} is given more than once`);
    seen.push(number);
    return number;
  };
  if (typeof text !== 'string') refuse('not text');
  const trimmed = text.trim();
  if (Object.hasOwn(codings, trimmed)) return codings[trimmed as CodingPreset];
  const [head = '', ...clauses] = split(trimmed, ';');
  const preset = Object.hasOwn(codings, head) ? codings[head as CodingPreset] : undefined;
  if (preset === undefined && !head.includes('=')) {
    throw new ScoringError('invalid_option', `Unknown coding "${head}"; presets: ${Object.keys(codings).join(', ')}, or code=label pairs.`, { value: text });
  }
  const codes: Record<number, string> = { ...preset?.codes };
  if (preset === undefined) {
    const seen: number[] = [];
    for (const pair of entries(head)) {
      const [code = '', label, extra] = split(pair, '=');
      if (label === undefined || extra !== undefined) refuse(`"${pair}" is not one code=label pair`);
      codes[read(code, seen, 'code')] = label as string;
    }
  }
  const missingCodes: number[] = [];
  let negativeCodesMissing = true;
  const given: string[] = [];
  for (const clause of clauses) {
    const [name = '', value, extra] = split(clause, '=');
    if (value === undefined || extra !== undefined || !(name === 'missing' || (name === 'negative' && value === 'answers'))) {
      refuse(`unknown clause "${clause}"; use ;missing=c1,c2 or ;negative=answers`);
    }
    if (given.includes(name)) refuse(`clause "${name}" is given more than once`);
    given.push(name);
    if (name === 'negative') negativeCodesMissing = false;
    else for (const code of entries(value as string)) read(code, missingCodes, 'missing code');
  }
  return defineCoding({ name: trimmed, codes, missingCodes, negativeCodesMissing });
}
