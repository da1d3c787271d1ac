import type { ScaleDefinition } from '../index.js';
import { codeList, commentText, headerLines, pointsInWords, scoredByWording } from './describe.js';
import { checkedPlan } from './checks.js';
import type { PlannedItem, SyntaxOptions } from './plan.js';

/** Options of {@link toR}: those of every target. */
export type ROptions<S extends ScaleDefinition = ScaleDefinition> = SyntaxOptions<S>;

/**
 * An R string literal. JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`) are R's; the plan holds no
 * control character, so none is even escaped.
 */
function string(text: string): string {
  return JSON.stringify(text);
}

/** R's reserved words, which cannot stand bare as a name. */
const reservedWords = new Set(
  'if else repeat while function for next break in TRUE FALSE NULL Inf NaN NA NA_integer_ NA_real_ NA_character_ NA_complex_'.split(' '),
);

/** A name as R writes it: bare when syntactic, in backticks otherwise, with `\` and `` ` `` escaped. */
function name(text: string): string {
  return /^[A-Za-z][A-Za-z0-9._]*$/.test(text) && !reservedWords.has(text) ? text : `\`${text.replace(/[\\`]/g, (character) => `\\${character}`)}\``;
}

/** An R numeric vector literal: `c(2, 3)`, or `numeric(0)` when empty. */
function vector(codes: readonly number[]): string {
  return codes.length === 0 ? 'numeric(0)' : `c(${codeList(codes)})`;
}

/** The arguments of `read_item` for an item scored 0/1: the codes of each. */
function binaryArguments(item: PlannedItem): string {
  const codesOf = (points: number): readonly number[] => item.points.find((entry) => entry.points === points)?.codes ?? [];
  return `lonely = ${vector(codesOf(1))}, not_lonely = ${vector(codesOf(0))}`;
}

/** The arguments of `read_item` for an item with listed points: each answer code and its points. */
function pointArguments(item: PlannedItem): string {
  const pairs = item.points.flatMap(({ points, codes }) => codes.map((code) => [code, points] as const));
  return `codes = ${vector(pairs.map(([code]) => code))}, points = ${vector(pairs.map(([, points]) => points))}`;
}

/**
 * Generates base R code (no packages) defining `score_loneliness(data)`, which returns the data
 * frame with the total and (on a scale with subscales) the emotional and social scores, their
 * categories as factors labelled in the chosen language, and `invalid_items`, the number of items
 * holding a code outside the coding or an answer the item does not offer (a row with one gets no
 * scores). A scale without subscales gets no emotional or social columns. Works for any scale
 * definition: items scored by their wording or by points listed per answer. Item columns may be numeric, or text holding numbers; `NA`, `NaN`,
 * blanks, negative codes (unless the coding makes them answers) and the coding's missing codes
 * are missing answers. Deterministic: the same input gives the same text.
 *
 * Column and output names are written as R strings, so any name works. Throws a `ScoringError`
 * for options the library would not accept, (`invalid_coding`) for a coding object that is not a
 * valid coding, and (`invalid_option`) for a name holding a line break or control character.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toR } from 'loneliness-scales/syntax';
 * const code = toR(djg6, { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' } });
 * code.includes('score_loneliness <- function(data) {'); // true
 * ```
 */
export function toR<S extends ScaleDefinition>(scale: S, options: ROptions<S>): string {
  const plan = checkedPlan(scale, options);
  const keyList = (items: readonly PlannedItem[]): string => `c(${items.map(({ item }) => string(item.key)).join(', ')})`;
  const missingTests = ['is.na(value)'];
  if (plan.coding.negativeCodesMissing) missingTests.push('(!is.na(code) & code < 0)');
  if (plan.missingCodes.length > 0) missingTests.push(`code %in% ${vector(plan.missingCodes)}`);
  const invalidItems = string(plan.invalidItems);
  // Items scored by their wording (0/1, MANUAL §3) are read as the manual's lonely and not-lonely
  // codes; items with listed points as a table of codes and points.
  const byWording = scoredByWording(plan);

  return [
    ...headerLines(plan, 'scoring in R (base R, no packages)', 'NA, NaN or a blank').map((line) => `# ${line}`.trimEnd()),
    '#',
    '# Usage: scored <- score_loneliness(data)',
    '',
    'score_loneliness <- function(data) {',
    ...(byWording
      ? [
          '  # One item: its points (1 = lonely answer, 0 = not lonely, NA = no answer) and whether its',
          '  # code is outside the coding.',
          '  read_item <- function(column, lonely, not_lonely) {',
        ]
      : [
          '  # One item: its points (as the scale definition lists them for its codes; NA = no answer) and',
          '  # whether its code is outside the coding or an answer the item does not offer.',
          '  read_item <- function(column, codes, points) {',
        ]),
    '    if (!column %in% names(data)) stop("Column \\"", column, "\\" is not in the data.", call. = FALSE)',
    '    value <- data[[column]]',
    '    if (is.factor(value)) value <- as.character(value)',
    '    if (is.character(value)) value[trimws(value) == ""] <- NA',
    '    code <- suppressWarnings(as.numeric(value))',
    byWording
      ? '    point <- ifelse(code %in% lonely, 1L, ifelse(code %in% not_lonely, 0L, NA_integer_))'
      : '    point <- points[match(code, codes)]',
    `    missing <- ${missingTests.join(' | ')}`,
    '    list(point = point, invalid = is.na(point) & !missing)',
    '  }',
    '  items <- list(',
    ...plan.items.map(
      (item, index) =>
        `    # item ${item.item.number}${item.item.subscale === undefined ? '' : `, ${item.item.subscale}`}: ${commentText(item.item.text[plan.language])}` +
        `${item.item.points === undefined ? '' : `; ${pointsInWords(item)}`}\n` +
        `    ${name(item.item.key)} = read_item(${string(item.column)}, ${byWording ? binaryArguments(item) : pointArguments(item)})` +
        (index < plan.items.length - 1 ? ',' : ''),
    ),
    '  )',
    '  points <- do.call(cbind, lapply(items, function(item) item$point))',
    '  invalid <- do.call(cbind, lapply(items, function(item) item$invalid))',
    `  data[[${invalidItems}]] <- as.integer(rowSums(invalid))`,
    `  invalid_row <- data[[${invalidItems}]] > 0`,
    `  # A plain ${byWording ? 'count' : 'sum'} of the points when no more items are missing than tolerated (no prorating).`,
    '  count <- function(keys, tolerated) {',
    '    answered <- points[, keys, drop = FALSE]',
    '    ok <- !invalid_row & rowSums(is.na(answered)) <= tolerated',
    '    as.integer(ifelse(ok, rowSums(answered, na.rm = TRUE), NA))',
    '  }',
    ...plan.scores.map((score) => `  data[[${string(score.output)}]] <- count(${keyList(score.items)}, tolerated = ${score.tolerated})`),
    ...(plan.categories.length === 0
      ? []
      : [
          plan.categories.every((category) => category.convention.bands.every((band, index) => band.code === index))
            ? '  # Categories: factors whose levels are the bands, in the order of their codes (0, 1, ...).'
            : '  # Categories: factors whose levels are the bands, lowest scores first.',
        ]),
    ...plan.categories.flatMap((category) => {
      const { bands } = category.convention;
      const breaks = [bands[0] === undefined ? -1 : bands[0].min - 1, ...bands.map((band) => band.max)];
      return [
        `  # ${commentText(category.output)}: ${bands.map((band) => `${band.min === band.max ? band.min : `${band.min}-${band.max}`} ${band.label[plan.language]}`).join(', ')}`,
        `  data[[${string(category.output)}]] <- cut(data[[${string(category.of.output)}]], breaks = ${vector(breaks)},`,
        `    labels = c(${bands.map((band) => string(band.label[plan.language])).join(', ')}))`,
      ];
    }),
    '  data',
    '}',
    '',
  ].join('\n');
}
