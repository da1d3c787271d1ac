import { z } from 'zod';
import { type Item, type Language, type ScaleDefinition, itemBank } from '../index.js';
import { offeredOptions } from './messages.js';

/** Options of {@link toJSONSchema}. */
export interface JSONSchemaOptions {
  /** Language of the item titles and answer labels. Default `en`. */
  readonly language?: Language;
  /** Answer format whose labels are listed. Default `3-point`. */
  readonly format?: '3-point' | '5-point';
  /** Whether items may be left out. Default `false`: every item is required. */
  readonly partial?: boolean;
}

/** Whether an item is the De Jong Gierveld item of its key and number, so that its number is one of the 11-item scale. */
function isBankItem(item: Item): boolean {
  return itemBank.some((bank) => bank.key === item.key && bank.number === item.number);
}

/**
 * JSON Schema (draft 2020-12) of a scale's answers for form tools: one property per item key,
 * titled with the item text, whose values are the answer labels of the chosen format and
 * language that the item offers. Each property's description names both numberings: the
 * question's place in this scale's form and the item's number on the 11-item scale (`djg6
 * question 1 (item 3 of the 11-item scale; emotional)`); an item that is not one of the De Jong
 * Gierveld items has its own number, and its subscale only when it is on one
 * (`three-point question 1 (item 1)`).
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toJSONSchema } from 'loneliness-scales/zod';
 * const schema = toJSONSchema(djg6, { language: 'nl' });
 * schema.properties.emptiness; // { type: 'string', enum: ['ja', 'min of meer', 'nee'], title: 'Ik ervaar een leegte om me heen', … }
 * ```
 */
export function toJSONSchema(scale: ScaleDefinition, options: JSONSchemaOptions = {}): z.core.JSONSchema.ObjectSchema & {
  properties: Record<string, z.core.JSONSchema.JSONSchema>;
} {
  const language = options.language ?? 'en';
  const formatName = options.format ?? '3-point';
  const format = scale.answerFormats.find((candidate) => candidate.name === formatName);
  if (format === undefined) throw new RangeError(`Scale ${scale.id} has no ${formatName} answer format.`);
  const shape: Record<string, z.ZodType> = {};
  for (const [index, item] of scale.items.entries()) {
    // Both numberings, named: the question's place in this form and the item's 11-item number.
    const description = `${scale.id} question ${index + 1} (item ${item.number}${isBankItem(item) ? ' of the 11-item scale' : ''}${item.subscale === undefined ? '' : `; ${item.subscale}`})`;
    const labels = offeredOptions(scale, item.key, format).map((option) => option.label[language]) as [string, ...string[]];
    const answer = z.enum(labels).meta({ title: item.text[language], description });
    shape[item.key] = options.partial ? answer.optional() : answer;
  }
  const schema = z.strictObject(shape).meta({ title: scale.name[language], description: scale.citation });
  return z.toJSONSchema(schema) as ReturnType<typeof toJSONSchema>;
}
