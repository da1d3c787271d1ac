import { _itemPoints as itemPoints, agreement, resolveRules } from '../index.js';
import type { AnswerFormat, AnswerOption, ItemKey, Language, ScaleDefinition, ScoreOptions } from '../index.js';

/** Options of the localised messages: the language, the answer format shown and the order of the questions. */
export interface MessageOptions<S extends ScaleDefinition> extends Pick<ScoreOptions<S>, 'coding'> {
  /** Language of the messages, question texts and answer labels. Default `en`. */
  readonly language?: Language;
  /** The answer format the form shows, whose labels an invalid-answer message lists. Default `3-point`. */
  readonly format?: AnswerFormat['name'];
  /**
   * The items in the order the form shows them: "question 3" is the third question shown.
   * Default: the scale's order.
   */
  readonly order?: readonly ItemKey<S>[];
}

/** What is wrong with an answer: none given, or one that cannot be read. */
export type AnswerProblem = 'unanswered' | 'invalid';

const templates = {
  nl: {
    unanswered: (number: number, text: string) => `Beantwoord vraag ${number}: ${text}`,
    invalid: (number: number, text: string, choices: string) => `Kies bij vraag ${number} ${choices}: ${text}`,
    or: 'of',
  },
  en: {
    unanswered: (number: number, text: string) => `Answer question ${number}: ${text}`,
    invalid: (number: number, text: string, choices: string) => `Choose ${choices} for question ${number}: ${text}`,
    or: 'or',
  },
} as const;

/**
 * The options of an answer format that an item offers, in the format's order: all of them on a
 * De Jong Gierveld item; on an item whose definition lists its `points`, the answers it lists
 * (the core's resolved rules, where any other answer is not offered: `unknown_answer`).
 * @internal
 */
export function offeredOptions(scale: ScaleDefinition, key: string, format: AnswerFormat | undefined): readonly AnswerOption[] {
  const rules = resolveRules(scale);
  const points = rules.points[rules.keys.indexOf(key)];
  if (format === undefined) return [];
  return points === undefined ? format.options : format.options.filter((option) => (points[agreement[option.answer] + 2] ?? -1) >= 0);
}

/**
 * The message a respondent reads for one item: it names the question as the form shows it
 * (its number in the form and its text) and, for an invalid answer, the answers to choose from
 * (those of the format the item offers).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { answerMessage } from 'loneliness-scales/zod';
 * answerMessage(djg6, 'trust', 'unanswered', { language: 'nl' }); // 'Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen'
 * answerMessage(djg6, 'trust', 'invalid');                        // 'Choose yes, more or less or no for question 3: There are many people I can trust completely'
 * ```
 */
export function answerMessage<S extends ScaleDefinition>(
  scale: S,
  key: ItemKey<S>,
  problem: AnswerProblem,
  options: MessageOptions<S> = {},
): string {
  const language = options.language ?? 'en';
  const template = templates[language];
  const keys: readonly string[] = options.order ?? scale.items.map((item) => item.key);
  const text = scale.items.find((item) => item.key === key)?.text[language] ?? key;
  const format = scale.answerFormats.find((candidate) => candidate.name === (options.format ?? '3-point')) ?? scale.answerFormats[0];
  const labels = offeredOptions(scale, key, format).map((option) => option.label[language]);
  const choices = `${labels.slice(0, -1).join(', ')} ${template.or} ${labels.at(-1)}`;
  return template[problem](keys.indexOf(key) + 1, text, choices);
}

/**
 * Per-item messages for a partial answer set, in the order of the form: one for each item that
 * is unanswered (absent, `null`, empty) or whose answer the scorer cannot read. An empty object
 * means every item is answered validly.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { answerMessages } from 'loneliness-scales/zod';
 * answerMessages(djg6, { emptiness: 'ja', leanOn: 'misschien', trust: 'ja', closeTo: 'nee', missPeople: 'ja' }, { language: 'nl' });
 * // { leanOn: 'Kies bij vraag 2 ja, min of meer of nee: Er zijn genoeg mensen …',
 * //   rejected: 'Beantwoord vraag 6: Vaak voel ik me in de steek gelaten' }
 * ```
 */
export function answerMessages<S extends ScaleDefinition>(
  scale: S,
  answers: unknown,
  options: MessageOptions<S> = {},
): Partial<Record<ItemKey<S>, string>> {
  const record = (typeof answers === 'object' && answers !== null ? answers : {}) as Record<string, unknown>;
  const messages: Partial<Record<ItemKey<S>, string>> = {};
  const keys = options.order ?? scale.items.map((item) => item.key as ItemKey<S>);
  const rules = resolveRules(scale, options.coding === undefined ? undefined : { coding: options.coding });
  for (const key of keys) {
    const points = itemPoints(rules, rules.keys.indexOf(key), Object.hasOwn(record, key) ? record[key] : undefined);
    if (typeof points === 'object' && points !== null) messages[key] = answerMessage(scale, key, 'invalid', options);
    else if (points === null) messages[key] = answerMessage(scale, key, 'unanswered', options);
  }
  return messages;
}
