import type { Questionnaire, QuestionnaireItem } from 'fhir/r4.js';
import { type AnswerFormat, type Language, type ScaleDefinition, ScoringError } from '../index.js';
import { fhirUrls } from './canonical.js';
import { scoreExpression } from './expressions.js';
import { answerPoints, rulesOf, scoresOf } from './points.js';
import { cautionText, scoreTexts, termsText, type ScoreName } from './texts.js';

/** Options of {@link toQuestionnaire}. */
export interface QuestionnaireOptions {
  /** Language of the texts and answer labels. Default `en`. */
  readonly language?: Language;
  /** Answer format: `3-point` (default) or `5-point` (self-administered, MANUAL). */
  readonly format?: AnswerFormat['name'];
  /**
   * Your own canonical base URL (`https://fhir.example.org`): the Questionnaire's `url` becomes
   * `${canonicalBase}/Questionnaire/${id}`. Default: under the package's own base
   * ({@link fhirUrls.questionnaire}). The answer, score and category code systems stay the
   * library's, as the response reader and Observations use them.
   */
  readonly canonicalBase?: string;
  /** The Questionnaire's business `version`. Default: none. */
  readonly version?: string;
  /** The Questionnaire's `publisher`. Default: none. */
  readonly publisher?: string;
  /** Ask renderers to show the answers as radio buttons (`questionnaire-itemControl` = `radio-button`). Default `false`. */
  readonly radioButtons?: boolean;
  /**
   * The calculated score items: `'shown'` (default; read-only), `'hidden'` (kept for calculation,
   * marked `questionnaire-hidden`, so respondents do not see an individual score) or `'omitted'`.
   */
  readonly scoreItems?: 'shown' | 'hidden' | 'omitted';
  /**
   * The instruction shown before the items, as a `display` item. Default: the scale's instruction
   * in the chosen language (the RIVM wording in Dutch, with its line naming the answers for the
   * 3-point format); none in English, where no source wording was retrieved. Pass your own text,
   * or `null` for none.
   */
  readonly instruction?: string | null;
}

const optionNames = ['language', 'format', 'canonicalBase', 'version', 'publisher', 'radioButtons', 'scoreItems', 'instruction'];

function invalidOption(name: string, value: unknown, problem: string): ScoringError {
  return new ScoringError('invalid_option', `Option ${name}: ${JSON.stringify(String(value)).slice(0, 60)} ${problem}.`, { path: name, value });
}

/** One line of text (no control characters), or `undefined` when not given. */
function line(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof value !== 'string' || value.trim() === '' || /[\u0000-\u001f\u007f]/.test(value)) throw invalidOption(name, value, 'must be a non-empty text on one line');
  return value;
}

/** The checked options beyond language and format. */
function checkOptions(options: QuestionnaireOptions | null): QuestionnaireOptions {
  // `null` was always read as no options.
  if (options === null) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw invalidOption('options', options, 'must be an object');
  for (const key of Object.keys(options)) {
    if (!optionNames.includes(key)) throw invalidOption(`options.${key}`, key, `is not an option; options: ${optionNames.join(', ')}`);
  }
  const canonicalBase = line('canonicalBase', options.canonicalBase);
  if (canonicalBase !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(canonicalBase)) {
    throw invalidOption('canonicalBase', canonicalBase, 'must be an http(s) URL without query or fragment');
  }
  if (options.radioButtons !== undefined && typeof options.radioButtons !== 'boolean') throw invalidOption('radioButtons', options.radioButtons, 'must be true or false');
  if (options.scoreItems !== undefined && !['shown', 'hidden', 'omitted'].includes(options.scoreItems)) {
    throw invalidOption('scoreItems', options.scoreItems, "must be 'shown', 'hidden' or 'omitted'");
  }
  if (options.instruction !== undefined && options.instruction !== null && typeof options.instruction !== 'string') {
    throw invalidOption('instruction', options.instruction, 'must be a text or null');
  }
  line('version', options.version);
  line('publisher', options.publisher);
  return { ...options, ...(canonicalBase === undefined ? {} : { canonicalBase: canonicalBase.replace(/\/+$/, '') }) };
}

/**
 * The instruction text shown before the items: the caller's, or the scale's in `language` (with
 * the line naming the 3-point answers for that format), or `undefined` for none.
 */
export function instructionText(scale: ScaleDefinition, language: Language, format: AnswerFormat['name'], given?: string | null): string | undefined {
  if (given === null) return undefined;
  if (given !== undefined) return given;
  const text = scale.instruction?.text[language];
  if (text === undefined) return undefined;
  const answers = format === '3-point' ? scale.instruction?.threePointAnswers?.[language] : undefined;
  return answers === undefined ? text : `${text} ${answers}`;
}

/** Finds an answer format of a scale by name; `invalid_option` for one the scale does not have. */
function findFormat(scale: ScaleDefinition, name: AnswerFormat['name'] = '3-point'): AnswerFormat {
  const format = scale.answerFormats.find((candidate) => candidate.name === name);
  if (format === undefined) throw new ScoringError('invalid_option', `Scale ${scale.id} has no ${String(name)} answer format.`, { value: name });
  return format;
}

/** A language of the texts; `invalid_option` for another, which would leave every text empty. */
export function checkedLanguage(language: unknown): Language {
  if (language === undefined) return 'en';
  if (language !== 'en' && language !== 'nl') throw new ScoringError('invalid_option', `Unknown language ${JSON.stringify(String(language))}; use en or nl.`, { value: language });
  return language;
}

/**
 * A FHIR R4 Questionnaire of a scale, generated from its definition: one required `choice`
 * item per scale item (`linkId` = item key, `prefix` = its position in the form), the answer
 * options as codings in {@link fhirUrls.answers} with their points (from the core's resolved
 * rules: 0 or 1 on De Jong Gierveld items, an item's own `points` where its definition lists
 * them, and only the answers the item offers) in both the R4 core `ordinalValue` extension and
 * its later name `itemWeight` (on each answerOption, as SDC advises, and on its Coding),
 * read-only calculated items `total`, `emotional` and `social` (those the scale has: a scale
 * without subscales has `total` only) with an SDC `calculatedExpression` (or hidden, or omitted), a `display` item with the respondent
 * instruction before the items (the RIVM wording in Dutch), and the citation. No LOINC code exists for the scale, so the
 * Questionnaire carries none. Throws a `ScoringError` (`invalid_option`) for a language or an
 * answer format the scale does not have.
 *
 * @example
 * ```ts
 * import { djg6 } from 'loneliness-scales';
 * import { toQuestionnaire } from 'loneliness-scales/fhir';
 * const questionnaire = toQuestionnaire(djg6, { language: 'nl', scoreItems: 'hidden', canonicalBase: 'https://fhir.example.org' });
 * questionnaire.url;                                          // 'https://fhir.example.org/Questionnaire/djg6-nl'
 * questionnaire.item?.[0]?.type;                              // 'display'
 * questionnaire.item?.[1]?.text;                              // 'Ik ervaar een leegte om me heen'
 * questionnaire.item?.[1]?.answerOption?.[1]?.valueCoding?.code; // 'more or less'
 * ```
 */
export function toQuestionnaire(scale: ScaleDefinition, options: QuestionnaireOptions = {}): Questionnaire {
  const checked = checkOptions(options);
  const language = checkedLanguage(checked.language);
  const format = findFormat(scale, checked.format);
  const radio = checked.radioButtons === true
    ? [{ url: fhirUrls.itemControl, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button', display: 'Radio Button' }] } }]
    : [];
  const id = `${scale.id}-${language}${format.name === '5-point' ? '-5' : ''}`;
  const rules = rulesOf(scale);
  const questions = scale.items.map(
    (item, index): QuestionnaireItem => ({
      linkId: item.key,
      prefix: `${index + 1}.`,
      text: item.text[language],
      type: 'choice',
      required: true,
      ...(radio.length > 0 ? { extension: radio } : {}),
      // The format's answers this item offers (an item listing its own points may offer fewer).
      answerOption: format.options.flatMap(({ answer, label }) => {
        const points = answerPoints(rules, index, answer);
        if (points === undefined) return [];
        // R4 core's ordinalValue (LHC-Forms reads it) and its later name itemWeight (SDC 4.0,
        // Extensions Pack), on the answerOption as SDC advises and on the Coding, the context R4
        // defines: every weight() / ordinal() implementation finds one.
        const weight = () => [
          { url: fhirUrls.ordinalValue, valueDecimal: points },
          { url: fhirUrls.itemWeight, valueDecimal: points },
        ];
        return [{ extension: weight(), valueCoding: { extension: weight(), system: fhirUrls.answers, code: answer, display: label[language] } }];
      }),
    }),
  );
  const scoreItems = checked.scoreItems ?? 'shown';
  // The scores the scale has: a scale without subscales gets a calculated total only.
  const scores = (scoreItems === 'omitted' ? [] : scoresOf(rules).map((score) => score.name)).map(
    (name: ScoreName): QuestionnaireItem => ({
      extension: [
        {
          url: fhirUrls.calculatedExpression,
          valueExpression: { language: 'text/fhirpath', expression: scoreExpression(scale, name) },
        },
        ...(scoreItems === 'hidden' ? [{ url: fhirUrls.hidden, valueBoolean: true }] : []),
      ],
      linkId: name,
      text: scoreTexts[name][language],
      type: 'integer',
      readOnly: true,
    }),
  );
  const instruction = instructionText(scale, language, format.name, checked.instruction);
  return {
    resourceType: 'Questionnaire',
    id,
    language,
    url: checked.canonicalBase === undefined ? `${fhirUrls.questionnaire}/${id}` : `${checked.canonicalBase}/Questionnaire/${id}`,
    ...(checked.version === undefined ? {} : { version: checked.version }),
    name: id.toUpperCase().replace(/-/g, '_'),
    title: scale.name[language],
    status: 'active',
    ...(checked.publisher === undefined ? {} : { publisher: checked.publisher }),
    description: `${scale.citation}\n\n${cautionText[language]}`,
    // The terms of use are the De Jong Gierveld MANUAL's: only for scales scored by its wording rule.
    ...(scale.items.every((item) => item.points === undefined) ? { copyright: `${termsText[language]} ${scale.citation}` } : {}),
    item: [
      ...(instruction === undefined ? [] : [{ linkId: 'instruction', type: 'display' as const, text: instruction }]),
      ...questions,
      ...scores,
      { linkId: 'citation', type: 'display', text: scale.citation },
    ],
  };
}
