import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@lectern/project-root';

/**
 * A BCP 47 language tag Lectern can speak: it has a folder under `locales/`. Adding a language to Lectern is
 * adding that folder (and, for a new script, a report font); nothing else names the set.
 */
export type Language = string;

/** The language of last resort: every message exists in it, and a series publishes in it unless told otherwise. */
export const DEFAULT_LANGUAGE: Language = 'en';

let cached: readonly Language[] | undefined;

/** The languages Lectern speaks, read once from `locales/`: the default first, then in tag order. */
export function supportedLanguages(dir = join(projectRoot(), 'locales')): readonly Language[] {
  if (dir !== join(projectRoot(), 'locales')) return readLanguages(dir);
  cached ??= readLanguages(dir);
  return cached;
}

function readLanguages(dir: string): readonly Language[] {
  const tags = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
  for (const tag of tags) {
    if (canonicalTag(tag) !== tag) throw new Error(`locales/${tag} is not named by a canonical BCP 47 tag (${canonicalTag(tag) ?? 'invalid'})`);
  }
  if (!tags.includes(DEFAULT_LANGUAGE)) throw new Error(`locales/${DEFAULT_LANGUAGE} is missing: it is every message's fallback`);
  return Object.freeze([DEFAULT_LANGUAGE, ...tags.filter((tag) => tag !== DEFAULT_LANGUAGE).sort()]);
}

/** The canonical form of a well-formed BCP 47 tag (`zh-cn` → `zh-CN`), or null for anything else. */
export function canonicalTag(tag: string): string | null {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

export function isSupportedLanguage(tag: unknown): tag is Language {
  return typeof tag === 'string' && supportedLanguages().includes(tag);
}

/** Language and script of a tag with its likely subtags filled in: `zh-TW` → zh/Hant, `ja` → ja/Jpan. */
function languageAndScript(tag: string): { language: string; script: string | undefined; region: string | undefined } | null {
  const canonical = canonicalTag(tag);
  if (!canonical) return null;
  const locale = new Intl.Locale(canonical).maximize();
  return { language: locale.language, script: locale.script, region: locale.region };
}

/**
 * The language among `among` that a reader asking for `tag` can read: the same language in the same script
 * (`zh`, `zh-Hans`, `zh-SG` read `zh-CN`; `zh-TW` and `zh-Hant` do not), the same region preferred. Undefined when
 * none fits.
 */
export function matchLanguage(tag: string, among: readonly Language[]): Language | undefined {
  const wanted = languageAndScript(tag);
  if (!wanted) return undefined;
  let sameScript: Language | undefined;
  for (const candidate of among) {
    const offered = languageAndScript(candidate);
    if (!offered || offered.language !== wanted.language || offered.script !== wanted.script) continue;
    if (offered.region === wanted.region) return candidate;
    sameScript ??= candidate;
  }
  return sameScript;
}

/**
 * The best of `among` for an Accept-Language header (RFC 9110 q-values, ties in header order); when nothing fits,
 * the default language if offered, else the first offered.
 */
export function negotiateLanguage(header: string | undefined, among: readonly Language[] = supportedLanguages()): Language {
  const fallback = among.includes(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : among[0];
  if (!header) return fallback;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const match = matchLanguage(tag, among);
    if (match) return match;
  }
  return fallback;
}

/**
 * The language to write to a person in, among those an edition publishes in (`among`, its primary first): their own
 * choice if the edition speaks it, else the edition's primary language.
 */
export function languageFor(preferred: string | null | undefined, among: readonly Language[]): Language {
  return (preferred ? matchLanguage(preferred, among) : undefined) ?? among[0] ?? DEFAULT_LANGUAGE;
}

/**
 * The ISO 15924 script a language is written in, its likely one when the tag does not say (`ja` → Jpan, `ko` →
 * Kore, `zh-CN` → Hans, `zh-TW` → Hant, `en` → Latn): what picks fonts for reports and e-mail. Latn for a tag
 * Intl cannot read.
 */
export function scriptOf(tag: string): string {
  return languageAndScript(tag)?.script ?? 'Latn';
}
