import {
  type CanonicalAnswer,
  type Coding,
  type ColumnMapping,
  type ScoreOptions,
  ScoringError,
  _resolveCoding as resolveCoding,
  defineCoding,
  readAnswerLabel,
} from '../../index.js';
import type { ColumnInfo } from './rows.js';

/** One labelled code: the answer it names, the label as written, and the column it was read from. */
interface LabelledCode {
  readonly answer: CanonicalAnswer;
  readonly label: string;
  readonly column: string;
}

/** `1 "ja", 2 "min of meer", 3 "nee"`: labelled codes as people read them. */
function describeCodes(codes: ReadonlyMap<number, LabelledCode>): string {
  // eslint-disable-next-line no-control-regex -- a label's control characters must not reach a one-line name
  return [...codes].map(([code, { label }]) => `${code} = "${label.replace(/[\u0000-\u001f\u007f]/g, ' ')}"`).join(', ');
}

/**
 * The coding a file's value labels define for the scale's item columns, reconciled with the coding
 * the caller gave; `undefined` when the item columns carry no answer labels (then the caller's
 * coding, if any, is used as it is).
 *
 * Each value label of an item column that reads as an answer (`ja`, `min of meer`, `nee`, `yes!`,
 * …, as `readAnswerLabel` reads them) makes its code that answer; labels of values the file
 * declares missing are left out (those values are missing answers), and other labels (`weet
 * niet` not declared missing) make their code no answer, so a row holding it is reported, never
 * guessed. Negative codes stay missing (MANUAL §4) unless a label makes one an answer.
 *
 * Throws a `ScoringError` (`invalid_coding`): for a string item column with value labels (its
 * values are text, not codes); for two codes labelled with one answer in a column; for a code
 * labelled as different answers in two item columns; for a non-integer labelled code; and, when
 * the caller gave a coding, for any labelled code the coding reads otherwise — showing both, since
 * a reversed coding gives plausible wrong scores.
 */
export function codingFromLabels(
  mapping: readonly ColumnMapping[],
  columns: readonly (ColumnInfo | undefined)[],
  given: ScoreOptions['coding'],
): Coding | undefined {
  const merged = new Map<number, LabelledCode>();
  const labelled: string[] = [];
  for (const { key, index } of mapping) {
    const info = columns[index];
    if (info === undefined || info.valueLabels.length === 0) continue;
    if (info.type === 'string') {
      const example = info.valueLabels[0] as { value: number | string; label: string };
      throw new ScoringError(
        'invalid_coding',
        `Item "${key}": the variable "${info.name}" is a string variable with value labels (e.g. "${String(example.value)}" = "${example.label}"): ` +
          'string values are read as answer texts, never through labels. Convert it to a numeric variable (SPSS/PSPP: ALTER TYPE or RECODE … INTO) and label the numeric codes.',
        { item: key, value: info.name },
      );
    }
    const seen = new Map<CanonicalAnswer, number>();
    for (const { value, label } of info.valueLabels) {
      const code = value as number;
      if (info.isMissing(code)) continue;
      const answer = readAnswerLabel(label);
      if (answer === undefined) continue;
      if (!Number.isSafeInteger(code)) {
        throw new ScoringError('invalid_coding', `Item "${key}": the variable "${info.name}" labels ${String(code)} "${label}", but answer codes are whole numbers.`, {
          item: key,
          value: code,
        });
      }
      const twin = seen.get(answer);
      if (twin !== undefined && twin !== code) {
        throw new ScoringError(
          'invalid_coding',
          `Item "${key}": the value labels of "${info.name}" give the answer "${answer}" to both ${twin} and ${code} ("${label}"): one answer, one code — correct the labels.`,
          { item: key, value: label },
        );
      }
      seen.set(answer, code);
      if (!labelled.includes(info.name)) labelled.push(info.name);
      const other = merged.get(code);
      if (other !== undefined && other.answer !== answer) {
        throw new ScoringError(
          'invalid_coding',
          `Code ${code} is labelled "${other.label}" in "${other.column}" but "${label}" in "${info.name}": the item variables must share one coding.`,
          { item: key, value: code },
        );
      }
      if (other === undefined) merged.set(code, { answer, label, column: info.name });
    }
  }
  if (merged.size === 0) return undefined;
  const sorted = new Map([...merged].sort(([a], [b]) => a - b));
  const columnsLabelled = labelled.length > 3 ? `${labelled.slice(0, 2).join(', ')}, … ${labelled.at(-1) as string}` : labelled.join(', ');
  if (given !== undefined) {
    const coding = resolveCoding(given);
    const disagreements = [...sorted].filter(([code, { answer }]) => (Object.hasOwn(coding.codes, code) ? coding.codes[code] : undefined) !== answer);
    if (disagreements.length > 0) {
      const reads = disagreements
        .map(([code]) => `${code} as ${Object.hasOwn(coding.codes, code) ? `"${coding.codes[code] as string}"` : 'no answer'}`)
        .join(', ');
      throw new ScoringError(
        'invalid_coding',
        `The coding "${coding.name}" contradicts the file's value labels. The file (${columnsLabelled}) labels ${describeCodes(sorted)}; ` +
          `coding "${coding.name}" reads ${reads}. Leave the coding out to score by the file's labels, or correct the labels.`,
        { value: coding.name },
      );
    }
    return coding;
  }
  const codes: Record<number, string> = {};
  let negativeAnswer = false;
  for (const [code, { answer }] of sorted) {
    codes[code] = answer;
    if (code < 0) negativeAnswer = true;
  }
  return defineCoding({ name: `value labels (${describeCodes(sorted)})`, codes, negativeCodesMissing: !negativeAnswer });
}
