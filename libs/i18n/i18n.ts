import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { i18n as I18n, TFunction } from 'i18next';
import { projectRoot } from '@lectern/project-root';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * Loads `locales/<lng>/<ns>.json` and `locales/<lng>/<ns>.<part>.json` as namespace `<ns>`, so each domain can
 * keep its own file of error messages without everyone editing one big file.
 */
export function loadResources(dir = join(projectRoot(), 'locales')) {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of LANGUAGES) {
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
      supportedLngs: [...LANGUAGES],
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

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 q-values). Any Chinese tag that is
 * not explicitly Traditional falls back to Simplified Chinese, the only Chinese edition Lectern has.
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || (tag.startsWith('zh-') && !/^zh-(hant|tw|hk|mo)/.test(tag))) return 'zh-CN';
  }
  return DEFAULT_LANGUAGE;
}
