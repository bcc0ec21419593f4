import { Language } from '@lectern/i18n/languages';
import { LocalizedText, checkLocalizedText } from '@lectern/i18n/localized-text';
import { DomainError, FieldError } from './domain.error';

const FIELD_CODES = {
  LANGUAGE_TAG_INVALID: 'languageTagInvalid',
  LANGUAGE_NOT_PUBLISHED: 'languageNotPublished',
  LANGUAGE_MISSING: 'languageMissing',
} as const;

/**
 * Checks every translated field of one write against the languages the edition publishes in (its series'
 * languages, primary first): each given text (absent or null ones are not checked: optional fields, partial
 * updates) has the primary language and only published ones. Throws one LOCALIZED_TEXT_INVALID problem naming each
 * bad language at its field (`name.ko`).
 */
export function assertLocalizedTexts(
  published: readonly Language[],
  fields: Record<string, LocalizedText | null | undefined>,
): void {
  const errors: FieldError[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text === undefined || text === null) continue;
    for (const problem of checkLocalizedText(text, published)) {
      errors.push({
        field: `${field}.${problem.language}`,
        code: FIELD_CODES[problem.code],
        params: { language: problem.language, languages: published.join(', ') },
      });
    }
  }
  if (errors.length > 0) {
    throw new DomainError('LOCALIZED_TEXT_INVALID', 400, { languages: published.join(', ') }, { fieldErrors: errors });
  }
}
