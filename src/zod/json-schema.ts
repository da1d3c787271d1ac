import { z } from 'zod';
import type { Language, ScaleDefinition } from '../index.js';

/** Options of {@link toJSONSchema}. */
export interface JSONSchemaOptions {
  /** Language of the item titles and answer labels. Default `en`. */
  readonly language?: Language;
  /** Answer format whose labels are listed. Default `3-point`. */
  readonly format?: '3-point' | '5-point';
  /** Whether items may be left out. Default `false`: every item is required. */
  readonly partial?: boolean;
}

/**
 * JSON Schema (draft 2020-12) of a scale's answers for form tools: one property per item key,
 * titled with the item text, whose values are the answer labels of the chosen format and
 * language.
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
  const labels = format.options.map((option) => option.label[language]) as [string, ...string[]];
  const shape: Record<string, z.ZodType> = {};
  for (const item of scale.items) {
    const answer = z.enum(labels).meta({ title: item.text[language], description: `${scale.id} item ${item.number} (${item.subscale})` });
    shape[item.key] = options.partial ? answer.optional() : answer;
  }
  const schema = z.strictObject(shape).meta({ title: scale.name[language], description: scale.citation });
  return z.toJSONSchema(schema) as ReturnType<typeof toJSONSchema>;
}
