import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { i18n as I18n, TFunction } from 'i18next';
import { projectRoot } from '@lectern/project-root';
import { DEFAULT_LANGUAGE, Language, supportedLanguages } from './languages';

export { DEFAULT_LANGUAGE, Language, negotiateLanguage, supportedLanguages } from './languages';

/**
 * Loads `locales/<lng>/<ns>.json` and `locales/<lng>/<ns>.<part>.json` as namespace `<ns>`, so each domain can
 * keep its own file of error messages without everyone editing one big file.
 */
export function loadResources(dir = join(projectRoot(), 'locales')) {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of supportedLanguages(dir)) {
    resources[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json')).sort()) {
      const ns = file.split('.')[0];
      const content = JSON.parse(readFileSync(join(dir, lng, file), 'utf8')) as Record<string, unknown>;
      resources[lng][ns] = { ...(resources[lng][ns] ?? {}), ...content };
    }
  }
  return resources;
}

let shared: I18n | undefined;

/** The process-wide i18next instance, initialised synchronously on first use. */
export function i18n(): I18n {
  if (!shared) {
    const resources = loadResources();
    shared = i18next.createInstance();
    void shared.init({
      resources,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...supportedLanguages()],
      ns: Object.keys(resources[DEFAULT_LANGUAGE]),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return shared;
}

export function translator(language: Language): TFunction {
  return i18n().getFixedT(language);
}

/** A message in each of `languages`: Lectern's own defaults (format and criterion names) given as LocalizedText. */
export function messageIn(key: string, languages: readonly Language[]): Record<Language, string> {
  return Object.fromEntries(languages.map((language) => [language, translator(language)(key)]));
}
