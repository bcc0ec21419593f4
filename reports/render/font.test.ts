import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '@lectern/i18n/languages';
import { projectRoot } from '@lectern/project-root';
import { ReportFontMissingError, ReportFonts, reportFont, reportFontFile } from './font';
import { ReportFormat } from './format';

/** Every string value of a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every region Intl names in `language` (CLDR's list: each two-letter code it knows). */
function regionNames(language: string): string[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  return letters.flatMap((a) => letters.map((b) => names.of(a + b))).filter((name): name is string => Boolean(name));
}

describe('the report fonts', () => {
  it('chooses the font by the script of the language', () => {
    expect(reportFontFile('en')).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(reportFontFile('zh-CN')).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(reportFontFile('zh-Hans-SG')).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(reportFontFile('ja')).toMatch(/NotoSansJP_400Regular\.ttf$/);
    expect(reportFontFile('ja-JP')).toMatch(/NotoSansJP_400Regular\.ttf$/);
    expect(reportFontFile('ko')).toMatch(/NotoSansKR_400Regular\.ttf$/);
    expect(reportFontFile('fr')).toBe(reportFontFile('en'));
    expect(reportFont('ja').postscriptName).toBe('NotoSansJP-Regular');
    expect(reportFont('ko').postscriptName).toBe('NotoSansKR-Regular');
    // parsed once per file: English and Chinese share one
    expect(reportFont('en')).toBe(reportFont('zh-CN'));
  });

  it('refuses a language whose script has no font rather than printing empty boxes', () => {
    expect(() => reportFontFile('ru')).toThrow(ReportFontMissingError);
    expect(() => reportFontFile('ar')).toThrow(/script Arab/);
  });

  it.each(supportedLanguages())('has a glyph for every character a %s report prints from its texts and Intl', (language) => {
    const font = reportFont(language);
    const fmt = new ReportFormat(language);
    const report = JSON.parse(readFileSync(join(projectRoot(), 'locales', language, 'report.json'), 'utf8')) as unknown;
    const texts = [
      ...strings(report),
      ...regionNames(language),
      ...['en', 'zh', 'ja', 'ko', 'es', 'de', 'fr'].map((code) => fmt.languageName(code)),
      fmt.date('2019-06-24T01:00:00Z', 'Asia/Shanghai'),
      fmt.date('2026-12-31T01:00:00Z', 'UTC'),
      fmt.number(1234567.89),
      fmt.percent(12.5, ''),
      ...['USD', 'EUR', 'CNY', 'JPY', 'KRW'].map((currency) => fmt.money({ currency, minor: 123456 })),
      fmt.join(['a', 'b', 'c']),
      fmt.names(['a', 'b', 'c']),
    ];
    const missing = new Set<string>();
    for (const text of texts) {
      for (const char of text.replace(/\{\{[^}]*\}\}/g, '')) {
        const codePoint = char.codePointAt(0)!;
        // spaces and joiners have no visible glyph of their own
        if (/\s|\p{Cf}/u.test(char)) continue;
        if (!font.hasGlyphForCodePoint(codePoint)) missing.add(char);
      }
    }
    expect([...missing].join(' ')).toBe('');
  });
});

describe('the fonts of one report', () => {
  it('sets each piece in the edition font unless only another report font has its glyphs', () => {
    const ja = new ReportFonts('ja');
    expect(ja.runs('ゴールド 1 Huawei').map((run) => run.text)).toEqual(['ゴールド 1 Huawei']);
    const runs = ja.runs('ゴールド 腾讯云、Google');
    // 云 is in both fonts: it stays with 腾讯 so the name is set in one face
    expect(runs.map((run) => [run.font.postscriptName, run.text])).toEqual([
      ['NotoSansJP-Regular', 'ゴールド '],
      ['NotoSansSC-Regular', '腾讯云'],
      ['NotoSansJP-Regular', '、Google'],
    ]);
    expect(new ReportFonts('en').runs('Seoul 서울').map((run) => [run.font.postscriptName, run.text])).toEqual([
      ['NotoSansSC-Regular', 'Seoul '],
      ['NotoSansKR-Regular', '서울'],
    ]);
  });
});
