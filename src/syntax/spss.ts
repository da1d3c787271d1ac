import { ScoringError, type ScaleDefinition } from '../index.js';
import { codeList, commentText, hasNotOffered, headerLines, itemPlace, pointsInWords, scoredByWording } from './describe.js';
import { checkedPlan } from './checks.js';
import type { PlannedItem, SyntaxOptions } from './plan.js';

/** Options of {@link toSpss}: those of every target. Column and output names must be SPSS variable names. */
export type SpssOptions<S extends ScaleDefinition = ScaleDefinition> = SyntaxOptions<S>;

/**
 * SPSS's reserved keywords: they cannot be variable names, and as names they would change what a
 * command means (`COMPUTE TO = …`, `ANY(VALUE(AND), …)`).
 */
const reservedWords = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/**
 * SPSS variable names: a letter or `@` first (`#` and `$` start scratch and system variables),
 * then letters, digits, `@`, `#`, `$`, `_` or `.`, up to 64 characters, no final period, not a
 * reserved keyword. Such a name holds no quote, space or line break, so it is written bare.
 */
function variableName(name: string, what: string): string {
  if (!/^[A-Za-z@][A-Za-z0-9@#$_.]{0,63}$/.test(name) || name.endsWith('.')) {
    throw new ScoringError('invalid_option', `${what} ${JSON.stringify(commentText(name))} is not an SPSS variable name.`, { value: name });
  }
  if (reservedWords.has(name.toUpperCase())) {
    throw new ScoringError('invalid_option', `${what} "${name}" is an SPSS reserved word (${[...reservedWords].join(' ')}).`, { value: name });
  }
  return name;
}

/** The words of the variable labels, in every shipped language. */
const variableLabelWords = {
  en: {
    total: 'total score',
    emotional: 'emotional loneliness',
    social: 'social loneliness',
    category: 'category of',
    invalidItems: 'items with a code outside the coding',
    invalidOrNotOffered: 'items with a code outside the coding or an answer not offered',
  },
  nl: {
    total: 'totaalscore',
    emotional: 'emotionele eenzaamheid',
    social: 'sociale eenzaamheid',
    category: 'categorie',
    invalidItems: 'items met een code buiten de codering',
    invalidOrNotOffered: 'items met een code buiten de codering of een antwoord dat niet wordt aangeboden',
  },
} as const;

/** A quoted SPSS string. */
function quoted(text: string): string {
  return `'${commentText(text).replace(/'/g, "''")}'`;
}

/** Longest line written. SPSS reads at most 256 bytes a line; shorter lines also read well. */
const lineWidth = 100;

/**
 * Breaks a long command or comment after one of its separators. Continuation lines are indented,
 * which continues the command in batch and interactive mode alike; no line but the last may end
 * with a period, which would end the command there.
 */
function wrap(text: string, separator: string): string {
  const parts = text.split(separator);
  const lines: string[] = [];
  let line = parts.shift() ?? '';
  for (const part of parts) {
    if (line.length + separator.length + part.length > lineWidth && !line.trimEnd().endsWith('.')) {
      lines.push(line + separator.trimEnd());
      line = `  ${part}`;
    } else {
      line += separator + part;
    }
  }
  return [...lines, line].join('\n');
}

/**
 * A comment ending with a period, so that it ends there in any syntax mode. A comment also ends
 * at a line ending with a period or at a blank line: the text is one line with single spaces, and
 * {@link wrap} never breaks after a period, so whatever a name or label holds stays inside it.
 */
function comment(text: string): string {
  const line = commentText(text).replace(/ {2,}/g, ' ').trim();
  return line === '' ? '*.' : wrap(`* ${line}${line.endsWith('.') ? '' : '.'}`, ' ');
}

/**
 * Generates SPSS syntax (also run by GNU PSPP) that scores a scale (De Jong Gierveld, or any
 * scale definition) on the active dataset: item points in scratch variables, then the total and
 * (on a scale with subscales) the emotional and social scores, their categories with value
 * labels, and `invalid_items`, the number of items holding a code outside the coding or an
 * answer the item does not offer (a row with one gets no scores). A scale without subscales gets
 * no emotional or social variables. The items' values are read with `VALUE()`, so user-
 * missing declarations in the dataset do not change the result; the coding's own missing codes
 * and (by default) negative codes are missing answers. Every command starts in column 1, so the
 * syntax runs in interactive and batch mode alike. Deterministic: the same input gives the same text.
 *
 * Throws a `ScoringError` for options the library would not accept, (`invalid_coding`) for a
 * coding object that is not a valid coding, and (`invalid_option`) for a column or output name
 * that is not an SPSS variable name or is a reserved word (`ALL`, `AND`, `BY`, `EQ`, `GE`, `GT`,
 * `LE`, `LT`, `NE`, `NOT`, `OR`, `TO`, `WITH`). Labels are quoted with the quote doubled; no text
 * can carry a line break into the syntax.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toSpss } from 'loneliness-scales/syntax';
 * const syntax = toSpss(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' } });
 * syntax.includes("RECODE total (0 THRU 1 = 0) (2 THRU 4 = 1) (5 THRU 6 = 2) (ELSE = SYSMIS) INTO category."); // true
 * syntax.includes(" category 0 'not lonely' 1 'moderately lonely' 2 'severely lonely'"); // true
 * ```
 */
export function toSpss<S extends ScaleDefinition>(scale: S, options: SpssOptions<S>): string {
  const plan = checkedPlan(scale, options);
  for (const { column } of plan.items) variableName(column, 'Column');
  for (const name of [plan.invalidItems, ...plan.scores.map((score) => score.output), ...plan.categories.map((category) => category.output)]) {
    variableName(name, 'Output name');
  }
  // Scratch variables named after the item keys, which the plan checked are plain identifiers.
  const scratch = (item: PlannedItem): string => `#${item.item.key}`;
  const invalidItems = plan.invalidItems;
  const lines: string[] = headerLines(plan, 'scoring syntax for SPSS and GNU PSPP, run on the active dataset', 'system-missing').map(comment);

  const byWording = scoredByWording(plan);
  lines.push(
    '',
    comment(
      byWording
        ? 'Item points in scratch variables: 1 = lonely answer, 0 = not lonely, system-missing = no answer'
        : 'Item points in scratch variables, as the scale definition lists them; system-missing = no answer',
    ),
  );
  lines.push(`COMPUTE ${invalidItems} = 0.`);
  for (const item of plan.items) {
    const { column } = item;
    const value = `VALUE(${column})`;
    const point = scratch(item);
    const listed = item.item.points === undefined ? '' : `; ${pointsInWords(item)}`;
    lines.push(
      '',
      comment(`Item ${item.item.number} (${itemPlace(item)}) in ${column}: ${item.item.text[plan.language]}${listed}`),
      `DO IF SYSMIS(${column}).`,
      `COMPUTE ${point} = $SYSMIS.`,
    );
    for (const { points, codes } of item.points) {
      if (codes.length > 0) lines.push(`ELSE IF ANY(${value}, ${codeList(codes)}).`, `COMPUTE ${point} = ${points}.`);
    }
    const missing = [];
    if (plan.coding.negativeCodesMissing) missing.push(`${value} < 0`);
    if (plan.missingCodes.length > 0) missing.push(`ANY(${value}, ${codeList(plan.missingCodes)})`);
    if (missing.length > 0) lines.push(`ELSE IF ${missing.join(' OR ')}.`, `COMPUTE ${point} = $SYSMIS.`);
    // A code outside the coding, or an answer the item does not offer: no points, and counted.
    lines.push('ELSE.', `COMPUTE ${point} = $SYSMIS.`, `COMPUTE ${invalidItems} = ${invalidItems} + 1.`, 'END IF.');
  }

  lines.push(
    '',
    comment(
      `Scores: plain ${byWording ? 'counts' : 'sums'} of the item points (SUM starts from 0, so that a score with every item tolerated missing is 0)`,
    ),
  );
  for (const score of plan.scores) {
    const points = score.items.map(scratch).join(', ');
    lines.push(
      `COMPUTE ${score.output} = $SYSMIS.`,
      wrap(`IF (${invalidItems} = 0 AND NMISS(${points}) <= ${score.tolerated}) ${score.output} = SUM(0, ${points}).`, ', '),
    );
  }

  lines.push('', comment('Categories'));
  for (const category of plan.categories) {
    const bands = category.convention.bands.map((band) => `(${band.min === band.max ? band.min : `${band.min} THRU ${band.max}`} = ${band.code})`);
    lines.push(wrap(`RECODE ${category.of.output} ${bands.join(' ')} (ELSE = SYSMIS) INTO ${category.output}.`, ' '));
  }

  const outputs = [...plan.scores.map((score) => score.output), ...plan.categories.map((category) => category.output), invalidItems];
  const scaleName = plan.scale.name[plan.language];
  const words = variableLabelWords[plan.language];
  // Wide enough for the highest score, band code and item count (two digits on De Jong Gierveld scales).
  const width = Math.max(
    2,
    ...[...plan.scores.map((score) => score.maximum), ...plan.categories.flatMap((category) => category.convention.bands.map((band) => band.code)), plan.items.length].map(
      (number) => String(number).length,
    ),
  );
  lines.push(
    '',
    comment('Formats and labels'),
    wrap(`FORMATS ${outputs.join(' ')} (F${width}.0).`, ' '),
    'VARIABLE LABELS',
    ...plan.scores.map((score, index) => ` ${index === 0 ? '' : '/'}${score.output} ${quoted(`${scaleName}: ${words[score.score]} (0-${score.maximum})`)}`),
    ...plan.categories.map(
      (category) => ` /${category.output} ${quoted(`${scaleName}: ${words.category} ${words[category.of.score]} (${category.convention.name})`)}`,
    ),
    ` /${invalidItems} ${quoted(`${scaleName}: ${hasNotOffered(plan) ? words.invalidOrNotOffered : words.invalidItems}`)}.`,
    ...(plan.categories.length > 0 ? ['VALUE LABELS'] : []),
    ...plan.categories.map(
      (category, index) =>
        ` ${index === 0 ? '' : '/'}${category.output} ${category.convention.bands.map((band) => `${band.code} ${quoted(band.label[plan.language])}`).join(' ')}` +
        (index === plan.categories.length - 1 ? '.' : ''),
    ),
    'EXECUTE.',
    '',
  );
  return lines.join('\n');
}
