import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalTag, languageFor, matchLanguage, negotiateLanguage, scriptOf, supportedLanguages } from '@lectern/i18n/languages';
import { checkLocalizedText, publishedText, textIn } from '@lectern/i18n/localized-text';

describe('languages', () => {
  it('are the folders under locales/, the default first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    for (const tag of ['zh-CN', 'en', 'ko', 'ja']) mkdirSync(join(dir, tag));
    expect(supportedLanguages(dir)).toEqual(['en', 'ja', 'ko', 'zh-CN']);
    mkdirSync(join(dir, 'zh_cn'));
    expect(() => supportedLanguages(dir)).toThrow(/canonical BCP 47/);
    expect(supportedLanguages()[0]).toBe('en');
  });

  it('canonicalises well-formed tags and refuses the rest', () => {
    expect(canonicalTag('zh-cn')).toBe('zh-CN');
    expect(canonicalTag('EN')).toBe('en');
    expect(canonicalTag('zh-hant-tw')).toBe('zh-Hant-TW');
    for (const bad of ['', 'e', 'en-', 'zh_CN', '12', 'x'.repeat(40)]) expect(canonicalTag(bad), bad).toBeNull();
  });

  it('matches a reader to a language in the same script, the same region preferred', () => {
    const among = ['en', 'ja', 'ko', 'zh-CN'];
    expect(matchLanguage('zh', among)).toBe('zh-CN');
    expect(matchLanguage('zh-Hans', among)).toBe('zh-CN');
    expect(matchLanguage('zh-SG', among)).toBe('zh-CN');
    expect(matchLanguage('zh-TW', among)).toBeUndefined();
    expect(matchLanguage('zh-Hant', among)).toBeUndefined();
    expect(matchLanguage('zh-HK', among)).toBeUndefined();
    expect(matchLanguage('ja-JP', among)).toBe('ja');
    expect(matchLanguage('ko-KR', among)).toBe('ko');
    expect(matchLanguage('en-GB', among)).toBe('en');
    expect(matchLanguage('en-GB', ['en-US', 'en-GB'])).toBe('en-GB');
    expect(matchLanguage('fr', among)).toBeUndefined();
  });

  it('negotiates Accept-Language by weight, then order, falling back to the default', () => {
    const among = ['en', 'ja', 'ko', 'zh-CN'];
    expect(negotiateLanguage(undefined, among)).toBe('en');
    expect(negotiateLanguage('fr-FR, zh-TW;q=0.9, ko;q=0.8', among)).toBe('ko');
    expect(negotiateLanguage('zh-Hant, zh-Hans;q=0.5', among)).toBe('zh-CN');
    expect(negotiateLanguage('ja;q=0.5, zh;q=0.9', among)).toBe('zh-CN');
    expect(negotiateLanguage('*, ko;q=0', among)).toBe('en');
    expect(negotiateLanguage('de', ['ko', 'ja'])).toBe('ko');
  });

  it('knows the script of each language, stated or likely', () => {
    expect(['en', 'zh-CN', 'zh-SG', 'zh-TW', 'zh-Hant', 'ja', 'ko', 'ru', 'sr-Latn', 'not a tag'].map(scriptOf)).toEqual([
      'Latn', 'Hans', 'Hans', 'Hant', 'Hant', 'Jpan', 'Kore', 'Cyrl', 'Latn', 'Latn',
    ]);
  });

  it('writes to a person in their language when the edition speaks it, else in its primary', () => {
    expect(languageFor('ko-KR', ['en', 'ko'])).toBe('ko');
    expect(languageFor('ja', ['ko', 'en'])).toBe('ko');
    expect(languageFor(null, ['en', 'ja'])).toBe('en');
  });
});

describe('localized text', () => {
  it('names each key that is malformed or not published, and each required language missing', () => {
    expect(checkLocalizedText({ en: 'Seoul', ko: '서울' }, ['en', 'ko'])).toEqual([]);
    expect(checkLocalizedText({ ko: '서울', ja: 'ソウル', 'zh cn': 'x' }, ['en', 'ko'])).toEqual([
      { code: 'LANGUAGE_NOT_PUBLISHED', language: 'ja' },
      { code: 'LANGUAGE_TAG_INVALID', language: 'zh cn' },
      { code: 'LANGUAGE_MISSING', language: 'en' },
    ]);
    expect(checkLocalizedText({}, ['en', 'ko'], [])).toEqual([]);
  });

  it('reads in the reader language, then the edition fallbacks, then any', () => {
    const name = { en: 'Expo Centre', 'zh-CN': '世博中心' };
    expect(textIn(name, 'zh-CN', ['en'])).toBe('世博中心');
    expect(textIn(name, 'ko', ['en'])).toBe('Expo Centre');
    expect(textIn({ ko: '코엑스' }, 'ja', ['en'])).toBe('코엑스');
    expect(textIn(null, 'en')).toBeUndefined();
    expect(publishedText({ ja: 'x', en: 'y', ko: 'z' }, ['ko', 'en'])).toEqual({ ko: 'z', en: 'y' });
  });
});
