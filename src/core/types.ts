import type { AnswerLabel } from './answers/labels.js';

/**
 * Types shared by every layer: the shape of a scale definition, of answers and of results.
 * The scale definitions themselves are data (`djg6`, `djg11`); the engine in `scoring/` is generic.
 */

/** A text in every language the library ships. Adding a language is adding a key here and in the data. */
export interface LocalizedText {
  /** Dutch. */
  readonly nl: string;
  /** English. */
  readonly en: string;
}

/** A text in some of the shipped languages: those a source gives. */
export interface SomeLanguages {
  /** Dutch. */
  readonly nl?: string;
  /** English. */
  readonly en?: string;
}

/** A language the library ships texts for. */
export type Language = keyof LocalizedText;

/** The two subscales of the De Jong Gierveld scales. */
export type Subscale = 'emotional' | 'social';

/**
 * Wording direction of an item. Negative items (emotional) are lonely when agreed with;
 * positive items (social) are lonely when disagreed with (MANUAL).
 */
export type Wording = 'negative' | 'positive';

/**
 * Points of an item per answer, for an instrument not scored the De Jong Gierveld way: each
 * answer option offered on the item and its points (whole numbers 0–100). An answer it does not
 * list is not offered on the item: scoring it is an `unknown_answer` error.
 */
export type ItemPoints = { readonly [A in CanonicalAnswer]?: number };

/**
 * One item of a scale: for the De Jong Gierveld scales, an item of its item bank.
 * @typeParam K - the item key, a literal type.
 */
export interface Item<K extends string = string> {
  /** Stable public identifier of the item (reference §1). Data is mapped onto these keys. */
  readonly key: K;
  /** The item's number on the 11-item scale (1–11), as in the MANUAL's `lone1`..`lone11`; for another instrument, its own number. */
  readonly number: number;
  /** The subscale the item belongs to; absent on an item that counts in the total only. */
  readonly subscale?: Subscale | undefined;
  /**
   * Wording direction (De Jong Gierveld items): negative (agreeing = lonely) or positive (agreeing
   * = not lonely); it gives the item 0 or 1 point per answer (MANUAL §3). Absent when `points` does.
   */
  readonly wording?: Wording | undefined;
  /** The item's points per answer, for an instrument scored otherwise; when given, `wording` is not used. */
  readonly points?: ItemPoints | undefined;
  /** The item text as the respondent reads it (TG2020, CBS). */
  readonly text: LocalizedText;
}

/**
 * A canonical answer. The 3-point format uses `yes`, `more or less`, `no`; the 5-point format
 * adds the emphatic `yes!` and `no!` (MANUAL).
 */
export type CanonicalAnswer = 'yes!' | 'yes' | 'more or less' | 'no' | 'no!';

/** One answer option of an answer format, with its labels. */
export interface AnswerOption {
  /** The canonical answer this option stands for. */
  readonly answer: CanonicalAnswer;
  /** The label shown to respondents. */
  readonly label: LocalizedText;
}

/** An answer format: the options in the order they are presented. */
export interface AnswerFormat {
  /** `3-point` (interviews) or `5-point` (self-administered questionnaires, MANUAL). */
  readonly name: '3-point' | '5-point';
  /** The options, from agreeing to disagreeing. */
  readonly options: readonly AnswerOption[];
}

/** One band of a categorisation, e.g. 2–4 "moderately lonely". */
export interface CategoryBand {
  /** Machine-readable id, e.g. `moderately_lonely`. */
  readonly id: string;
  /** Numeric code, as the MANUAL codes its categories (0, 1, 2, …). */
  readonly code: number;
  /** Lowest score in the band (inclusive). */
  readonly min: number;
  /** Highest score in the band (inclusive). */
  readonly max: number;
  /** The label in every shipped language. */
  readonly label: LocalizedText;
}

/** A named set of bands covering a score's whole range, with its source. */
export interface CategoryConvention {
  /** The convention's name, used to select it (e.g. `manual`, `cbs`). */
  readonly name: string;
  /** Where the bands come from. */
  readonly source: string;
  /** The bands, lowest first. */
  readonly bands: readonly CategoryBand[];
}

/** The category conventions of one score and the name of the default (`null`: none by default). */
export interface CategorySet<D extends string | null> {
  /** Name of the convention used when the caller names none. */
  readonly default: D;
  /** Every convention, selectable by name. */
  readonly conventions: readonly CategoryConvention[];
}

/**
 * Missing-answer rules: the most missing items with which each score is still computed (as the
 * plain count over the answered items, never prorated).
 */
export interface MissingRules {
  /** Most missing items the total tolerates. */
  readonly total: number;
  /** Most missing items each subscale tolerates. */
  readonly subscale: number;
}

/**
 * The instruction shown to respondents before the items, in the languages a source gives it
 * (only those: no translation is invented).
 */
export interface Instruction {
  /** The instruction per language. */
  readonly text: SomeLanguages;
  /** The closing line naming the 3-point format's answers, per language, as the source prints it. */
  readonly threePointAnswers?: SomeLanguages;
  /** Where the wording comes from. */
  readonly source: string;
}

/**
 * A scale definition: everything the engine, the schemas and the other adapters need.
 * @typeParam K - the union of the scale's item keys.
 */
export interface ScaleDefinition<K extends string = string> {
  /** Identifier: `djg6` or `djg11`. */
  readonly id: string;
  /** Name of the scale. */
  readonly name: LocalizedText;
  /** The items, in the order of the 11-item numbering. */
  readonly items: readonly Item<K>[];
  /** The answer formats the scale is administered with. */
  readonly answerFormats: readonly AnswerFormat[];
  /**
   * The highest score of the total and of each subscale: the sum of its items' highest points
   * (the item count when items score 0 or 1); 0 for a subscale without items.
   */
  readonly range: { readonly total: number; readonly emotional: number; readonly social: number };
  /** Default missing-answer rules. */
  readonly missing: MissingRules;
  /** Category conventions, selectable by name, with the default used when none is named. */
  readonly categories: {
    /** Conventions for the total score. */
    readonly total: CategorySet<string>;
    /** Conventions for each subscale (the same bands apply to emotional and social). */
    readonly subscale: CategorySet<string | null>;
  };
  /** The citation users must give (MANUAL, preliminary remarks). */
  readonly citation: string;
  /** The respondent instruction shown before the items, where a source gives one. */
  readonly instruction?: Instruction | undefined;
}

/** The union of the item keys of a scale definition. */
export type ItemKey<S extends ScaleDefinition> = S['items'][number]['key'];

/**
 * An answer label as code spells it: a label exactly as listed in `answerLabels`, or capitalised
 * (`'Ja'`, `'Min of meer'`). Editors complete these, and a misspelt literal (`'yess'`) does not
 * compile. At run time labels are read ignoring case and white space; strings known only at run
 * time go through {@link asAnswer}.
 */
export type AnswerLiteral = AnswerLabel | Capitalize<AnswerLabel>;

/**
 * A string that is read as an answer only when scored: a label from a file, a form or a
 * database (checked then, with a `ScoringError` for one that is no answer), or a numeric code
 * held as text (`"3"`, read with a coding). Made by {@link asAnswer}; the brand exists in the
 * types only.
 */
export type RuntimeAnswer = string & { readonly __runtimeAnswer: true };

/**
 * One answer as `score` takes it: a label literal ({@link AnswerLiteral}), a numeric code (read
 * only with an explicit coding), or a string known only at run time, marked by {@link asAnswer}.
 */
export type AnswerValue = AnswerLiteral | number | RuntimeAnswer;

/**
 * A respondent's answers as `score` takes them, keyed by item key. Absent keys, `null` and
 * `undefined` are missing answers. Every key of the 11-item bank is allowed; keys of items that
 * are not on the scale are ignored, so 11-item data scores on the 6-item scale. A record whose
 * values are known only at run time (a database row, parsed JSON) goes through
 * {@link asAnswers}, or straight to `safeScore`, which takes `unknown`.
 */
export type Answers = { [P in BankKey]?: AnswerValue | null | undefined };

/**
 * `A`, when every key it names is an item key of the bank. A key outside the bank (a misspelt
 * item) or a string index signature (`Record<string, string>`: values known only at run time)
 * does not compile: such a record goes through {@link asAnswers}, or straight to `safeScore`.
 */
export type OnlyItemKeys<A, S extends ScaleDefinition = ScaleDefinition<BankKey>> = A & { readonly [K in Exclude<keyof A, BankKey | ItemKey<S>>]: never };

/**
 * The answers `score` takes on scale `S`: {@link Answers}, and the keys of `S`'s own items (a
 * scale from `defineScale`, whose keys are known only at run time, takes any key).
 */
export type AnswersFor<S extends ScaleDefinition> = { [P in BankKey | ItemKey<S>]?: AnswerValue | null | undefined };

/** A partial answer set of one scale: only that scale's items, each optional. */
export type PartialAnswers<S extends ScaleDefinition> = {
  [P in ItemKey<S>]?: AnswerValue | null | undefined;
};

/** A complete answer set: every item of the scale answered. */
export type CompleteAnswers<S extends ScaleDefinition> = {
  [P in ItemKey<S>]: AnswerValue;
};

/** The keys of all 11 items of the De Jong Gierveld item bank (reference §1). */
export type BankKey =
  | 'talkTo'
  | 'missCloseFriend'
  | 'emptiness'
  | 'leanOn'
  | 'missCompany'
  | 'circleTooSmall'
  | 'trust'
  | 'closeTo'
  | 'missPeople'
  | 'rejected'
  | 'callOnFriends';
