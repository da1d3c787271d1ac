import { ScoringError, describeValue } from '../errors.js';
import { deepFreeze } from '../freeze.js';
import type {
  AnswerFormat,
  CanonicalAnswer,
  CategoryBand,
  CategoryConvention,
  CategorySet,
  Instruction,
  SomeLanguages,
  Item,
  ItemPoints,
  LocalizedText,
  ScaleDefinition,
  Subscale,
  Wording,
} from '../types.js';

const canonicalAnswers: readonly CanonicalAnswer[] = ['yes!', 'yes', 'more or less', 'no', 'no!'];
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ID = /^[a-z][a-z0-9_-]{0,63}$/;
/** Keys a plain object inherits or treats specially: never item keys. */
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

function invalid(path: string, value: unknown, problem: string): never {
  throw new ScoringError('invalid_scale', `Scale definition, ${path}: ${describeValue(value)} ${problem}.`, { path, value });
}

function record(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, value, 'must be an object');
  return value as Record<string, unknown>;
}

function list(path: string, value: unknown, least: number): readonly unknown[] {
  if (!Array.isArray(value) || value.length < least) invalid(path, value, `must be an array of at least ${least}`);
  return value;
}

function text(path: string, value: unknown): string {
  // Texts reach messages, forms and comments of generated syntax: no control characters.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof value !== 'string' || value.trim() === '' || /[\u0000-\u001f\u007f]/.test(value)) invalid(path, value, 'must be a non-empty text on one line');
  return value;
}

function localized(path: string, value: unknown): LocalizedText {
  const given = record(path, value);
  return { nl: text(`${path}.nl`, given['nl']), en: text(`${path}.en`, given['en']) };
}

/** Texts in some of the shipped languages (at least one). */
function someLanguages(path: string, value: unknown): SomeLanguages {
  const given = record(path, value);
  const texts: { nl?: string; en?: string } = {};
  for (const language of ['nl', 'en'] as const) {
    if (given[language] !== undefined) texts[language] = text(`${path}.${language}`, given[language]);
  }
  if (Object.keys(texts).length === 0) invalid(path, value, 'must give a text in nl or en');
  return texts;
}

function instruction(path: string, value: unknown): Instruction {
  const given = record(path, value);
  return {
    text: someLanguages(`${path}.text`, given['text']),
    ...(given['threePointAnswers'] === undefined ? {} : { threePointAnswers: someLanguages(`${path}.threePointAnswers`, given['threePointAnswers']) }),
    source: text(`${path}.source`, given['source']),
  };
}

function integer(path: string, value: unknown, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    invalid(path, value, `must be a whole number from ${minimum} to ${maximum}`);
  }
  return value;
}

function oneOf<T extends string>(path: string, value: unknown, choices: readonly T[]): T {
  if (!choices.includes(value as T)) invalid(path, value, `must be one of ${choices.join(', ')}`);
  return value as T;
}

/** An item's points per answer: at least one answer, each worth a whole number 0–100. */
function itemPoints(path: string, value: unknown): ItemPoints {
  const given = record(path, value);
  const answers = Object.keys(given);
  if (answers.length === 0) invalid(path, value, 'must give the points of at least one answer');
  const points: { [A in CanonicalAnswer]?: number } = {};
  for (const answer of answers) points[oneOf(`${path}.${answer}`, answer, canonicalAnswers)] = integer(`${path}.${answer}`, given[answer], 0, 100);
  return points;
}

function item(path: string, value: unknown): Item {
  const given = record(path, value);
  const key = given['key'];
  if (typeof key !== 'string' || !KEY.test(key) || reservedKeys.has(key)) invalid(`${path}.key`, key, 'must be an identifier (a letter, then letters, digits or _)');
  // An item is scored by its wording (De Jong Gierveld, MANUAL §3) or by its own points: one of the two.
  const byPoints = given['points'] !== undefined;
  if (byPoints === (given['wording'] !== undefined)) invalid(`${path}.wording`, given['wording'], byPoints ? 'must be left out when points are given' : "must be given (or the item's points)");
  return {
    key,
    number: integer(`${path}.number`, given['number'], 1, 999),
    ...(given['subscale'] === undefined ? {} : { subscale: oneOf<Subscale>(`${path}.subscale`, given['subscale'], ['emotional', 'social']) }),
    ...(byPoints ? { points: itemPoints(`${path}.points`, given['points']) } : { wording: oneOf<Wording>(`${path}.wording`, given['wording'], ['negative', 'positive']) }),
    text: localized(`${path}.text`, given['text']),
  };
}

/** An item's highest points: 1 for an item scored by wording (0 or 1, MANUAL §3). */
function highest(entry: Item): number {
  return entry.points === undefined ? 1 : Math.max(...Object.values(entry.points));
}

function answerFormat(path: string, value: unknown): AnswerFormat {
  const given = record(path, value);
  const name = oneOf(`${path}.name`, given['name'], ['3-point', '5-point']);
  const options = list(`${path}.options`, given['options'], 2).map((option, index) => {
    const entry = record(`${path}.options.${index}`, option);
    return { answer: oneOf(`${path}.options.${index}.answer`, entry['answer'], canonicalAnswers), label: localized(`${path}.options.${index}.label`, entry['label']) };
  });
  return { name, options };
}

/** A convention whose bands cover 0..maximum in order, without gaps or overlaps. */
function convention(path: string, value: unknown, maximum: number): CategoryConvention {
  const given = record(path, value);
  const name = given['name'];
  if (typeof name !== 'string' || !ID.test(name)) invalid(`${path}.name`, name, 'must be a lower-case name');
  let next = 0;
  const bands = list(`${path}.bands`, given['bands'], 1).map((entry, index): CategoryBand => {
    const bandPath = `${path}.bands.${index}`;
    const band = record(bandPath, entry);
    const id = band['id'];
    if (typeof id !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(id)) invalid(`${bandPath}.id`, id, 'must be a snake_case id');
    const min = integer(`${bandPath}.min`, band['min'], next, next);
    const max = integer(`${bandPath}.max`, band['max'], min, maximum);
    next = max + 1;
    return { id, code: integer(`${bandPath}.code`, band['code'], 0, 99), min, max, label: localized(`${bandPath}.label`, band['label']) };
  });
  if (next !== maximum + 1) invalid(`${path}.bands`, next - 1, `is where the bands end; they must cover 0 to ${maximum}`);
  return { name, source: text(`${path}.source`, given['source']), bands };
}

function categorySet<D extends string | null>(path: string, value: unknown, maximum: number, allowNone: boolean): CategorySet<D> {
  const given = record(path, value);
  const conventions = list(`${path}.conventions`, given['conventions'], allowNone ? 0 : 1).map((entry, index) => convention(`${path}.conventions.${index}`, entry, maximum));
  const names = conventions.map((entry) => entry.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) invalid(`${path}.conventions.${index}.name`, name, 'is used twice');
  });
  const fallback = given['default'];
  if (!(fallback === null && allowNone) && !names.includes(fallback as string)) {
    invalid(`${path}.default`, fallback, `must name one of the conventions (${names.join(', ')})${allowNone ? ' or be null' : ''}`);
  }
  return { default: fallback as D, conventions };
}

/**
 * Checks a scale definition, as it may come from a JSON file, and returns it frozen. Scores are
 * sums of item points: the total over all items, emotional and social over their items (a scale
 * may have neither). An item is scored by its wording, 0 or 1 (the De Jong Gierveld model, MANUAL
 * §3), or by the points it lists per answer. Everything is checked — identifiers, unique item
 * keys and numbers, texts in Dutch and English, points, score ranges that equal the sums of the
 * items' highest points, missing-answer tolerances within the item counts, category bands that
 * cover each score's range without gaps — and a `ScoringError` with code `invalid_scale` names the
 * first problem by its path. `djg6` and `djg11` are themselves such definitions:
 * `defineScale(JSON.parse(JSON.stringify(djg6)))` scores exactly like `djg6`.
 *
 * @example
 * ```ts
 * import { defineScale, djg6, score } from 'loneliness-scales';
 * const copy = defineScale(JSON.parse(JSON.stringify(djg6)));
 * score(copy, { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' }).total; // 4
 * ```
 */
export function defineScale(definition: unknown): ScaleDefinition {
  const given = record('definition', definition);
  const id = given['id'];
  if (typeof id !== 'string' || !ID.test(id)) invalid('id', id, 'must be a lower-case identifier');
  const items = list('items', given['items'], 1).map((entry, index) => item(`items.${index}`, entry));
  for (const [field, values] of [['key', items.map((entry) => entry.key)], ['number', items.map((entry) => entry.number)]] as const) {
    values.forEach((value, index) => {
      if ((values as readonly unknown[]).indexOf(value) !== index) invalid(`items.${index}.${field}`, value, 'is used by another item');
    });
  }
  const count = (subscale: string) => items.filter((entry) => entry.subscale === subscale).length;
  const most = (subscale?: string) => items.reduce((sum, entry) => (subscale === undefined || entry.subscale === subscale ? sum + highest(entry) : sum), 0);
  const rangeGiven = record('range', given['range']);
  // Each score's range is the sum of its items' highest points (the item count on 0/1 items).
  const range = {
    total: integer('range.total', rangeGiven['total'], most(), most()),
    emotional: integer('range.emotional', rangeGiven['emotional'], most('emotional'), most('emotional')),
    social: integer('range.social', rangeGiven['social'], most('social'), most('social')),
  };
  const missingGiven = record('missing', given['missing']);
  const subscaleMaximum = Math.max(range.emotional, range.social);
  const categories = record('categories', given['categories']);
  return deepFreeze({
    id,
    name: localized('name', given['name']),
    items,
    answerFormats: list('answerFormats', given['answerFormats'], 1).map((entry, index) => answerFormat(`answerFormats.${index}`, entry)),
    range,
    missing: {
      total: integer('missing.total', missingGiven['total'], 0, items.length),
      subscale: integer('missing.subscale', missingGiven['subscale'], 0, Math.min(count('emotional'), count('social'))),
    },
    categories: {
      total: categorySet<string>('categories.total', categories['total'], range.total, false),
      subscale: categorySet<string | null>('categories.subscale', categories['subscale'], subscaleMaximum, true),
    },
    citation: text('citation', given['citation']),
    ...(given['instruction'] === undefined ? {} : { instruction: instruction('instruction', given['instruction']) }),
  });
}
