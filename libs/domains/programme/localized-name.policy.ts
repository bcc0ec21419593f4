import { FieldError } from '@lectern/errors/domain.error';
import { Language } from '@lectern/i18n/languages';
import { LocalizedText, checkLocalizedText } from '@lectern/i18n/localized-text';
import { NameInput } from './programme.types';

export const NAME_MAX = 200;

/**
 * The languages a programme name (room, block) may be given in, and which one it must have: the edition's own
 * (its series' languages, primary first), the primary required, as for every translated field; the database
 * checks the same on write.
 */
export function nameLanguages(languages: readonly Language[]): { published: readonly Language[]; required: readonly Language[] } {
  return { published: languages, required: languages.slice(0, 1) };
}

/** Field errors for a translated name (empty when it is fine); `field` is its path in the request. */
export function checkName(field: string, value: NameInput, languages: readonly Language[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const [language, text] of Object.entries(value)) {
    if (typeof text !== 'string') errors.push({ field: `${field}.${language}`, code: 'isString' });
    else if (text.trim().length === 0) errors.push({ field: `${field}.${language}`, code: 'isNotEmpty' });
    else if (text.length > NAME_MAX) errors.push({ field: `${field}.${language}`, code: 'maxLength', params: { max: NAME_MAX } });
  }
  const { published, required } = nameLanguages(languages);
  for (const problem of checkLocalizedText(value, published, required)) {
    errors.push({ field: `${field}.${problem.language}`, code: problem.code, params: { languages: published.join(', ') } });
  }
  return errors;
}

/** The name as stored: trimmed texts, in the order given. */
export function normaliseName(value: NameInput): LocalizedText {
  return Object.fromEntries(Object.entries(value).map(([language, text]) => [language, text.trim()]));
}
