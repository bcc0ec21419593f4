import { Language, canonicalTag } from './languages';

/**
 * Text an organiser gives in the languages an edition publishes in, one shape for every translated field (names,
 * cities, venues, labels): a map from BCP 47 tag to text, stored as one jsonb value.
 */
export type LocalizedText = Readonly<Record<Language, string>>;

export type LocalizedTextProblem =
  /** a key that is not a well-formed BCP 47 tag */
  | { code: 'LANGUAGE_TAG_INVALID'; language: string }
  /** a well-formed tag the edition does not publish in */
  | { code: 'LANGUAGE_NOT_PUBLISHED'; language: string }
  /** a language the field must have (the edition's primary) */
  | { code: 'LANGUAGE_MISSING'; language: string };

/**
 * What is wrong with `text` for an edition publishing in `published` (its primary language first): every key a
 * published language, and `required` (the primary, for required fields) present. Empty when nothing is wrong.
 */
export function checkLocalizedText(
  text: LocalizedText,
  published: readonly Language[],
  required: readonly Language[] = published.slice(0, 1),
): LocalizedTextProblem[] {
  const problems: LocalizedTextProblem[] = [];
  for (const key of Object.keys(text)) {
    if (canonicalTag(key) !== key) problems.push({ code: 'LANGUAGE_TAG_INVALID', language: key });
    else if (!published.includes(key)) problems.push({ code: 'LANGUAGE_NOT_PUBLISHED', language: key });
  }
  for (const language of required) {
    if (!text[language]) problems.push({ code: 'LANGUAGE_MISSING', language });
  }
  return problems;
}

/**
 * The text in `language`, else in the first of `fallbacks` that has one (an edition's languages, primary first),
 * else any: a reader always gets a name, never nothing.
 */
export function textIn(text: LocalizedText | null | undefined, language: Language, fallbacks: readonly Language[] = []): string | undefined {
  if (!text) return undefined;
  if (text[language]) return text[language];
  for (const other of fallbacks) if (text[other]) return text[other];
  return Object.values(text).find((value) => value.length > 0);
}

/** Only the languages an edition publishes in, in its order: what readers are shown. */
export function publishedText(text: LocalizedText, published: readonly Language[]): LocalizedText {
  return Object.fromEntries(published.filter((language) => text[language]).map((language) => [language, text[language]]));
}

/**
 * A stored jsonb value read back as LocalizedText. The database's CHECK keeps every stored value an object of
 * non-empty strings; anything else here is a defect, not input, so it throws.
 */
export function localizedText(value: unknown): LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((text) => typeof text === 'string')) {
    throw new TypeError(`not a LocalizedText: ${JSON.stringify(value)}`);
  }
  return value as LocalizedText;
}

/** As localizedText, for an optional field. */
export function optionalLocalizedText(value: unknown): LocalizedText | null {
  return value === null || value === undefined ? null : localizedText(value);
}
