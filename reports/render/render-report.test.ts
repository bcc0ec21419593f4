import { inflateSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Language } from '@lectern/i18n/i18n';
import { PdfContent, readPdf } from '@test/support/pdf-text';
import { emptyEdition, firstEdition, smallEdition } from '@test/support/report-fixtures';
import { printedNumbers } from '@test/support/reports';
import { buildReport } from '@reports/build-report';
import { TransparencyReport } from '@reports/report.model';
import { renderReport } from './render-report';

const LANGUAGES: Language[] = ['en', 'zh-CN'];
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The decompressed content of every Flate stream in the file. */
function streams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const result: string[] = [];
  const pattern = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      result.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream
    }
    pattern.lastIndex = end;
  }
  return result;
}

describe('the report PDF', () => {
  const report = buildReport(smallEdition());
  const pdfs = {} as Record<Language, Buffer>;
  const texts = {} as Record<Language, PdfContent>;

  beforeAll(async () => {
    for (const language of LANGUAGES) {
      pdfs[language] = await renderReport(report, language);
      texts[language] = await readPdf(pdfs[language]);
    }
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('states every headline figure in each language edition', () => {
    const expected: Record<Language, string[]> = {
      en: [
        '200 registrations, up 40 (25%) from the previous edition',
        '63.2% first-time attendees',
        '7 countries on 4 continents, 77.3% from China',
        '50% from companies of 3,000+ employees',
        '6 sponsors',
        '3 community partners',
        '1 co-located event;',
        '14 media and analysts (8 working in Chinese and 6 working in English)',
        '50 CFP submissions, 20% accepted',
        'Breakout sessions: 7, Keynotes: 3, Lightning talks: 3, and Maintainer track sessions: 2',
        '20 livestream and virtual registrations',
        '17 scholarships awarded',
        'Checked in on site: 153 of 180 in-person registrations (85%)',
        'First-time speakers',
        '7 (38.9% of speakers)',
        'Other (3 groups)',
        'Privacy threshold: any group of fewer than 5 people',
        'Countries: 3 groups merged into "Other".',
        'Page 1 of',
      ],
      'zh-CN': [
        '注册人数 200，比上一届增加 40（25%）',
        '63.2% 为首次参会者',
        '来自 4 个大洲的 7 个国家和地区，77.3% 来自中国',
        '50% 来自3,000 名以上员工的公司',
        '赞助商 6 家',
        '社区合作伙伴 3 个',
        '同场活动 1 场',
        '媒体和分析师 14 位（使用中文的 8 位和使用英语的 6 位）',
        '议题投稿 50 份，接受率 20%',
        '分组会议 7 场、主论坛演讲 3 场、闪电演讲 3 场和维护者专场 2 场',
        '直播和线上注册 20 人',
        '发放奖学金 17 份',
        '现场签到：180 个现场注册中的 153 个（85%）',
        '首次演讲者',
        '7 位（占演讲者的 38.9%）',
        '其他（3 组）',
        '隐私阈值：人数少于 5 的任何组',
        '国家和地区：3 个组被合并到“其他”。',
        '第 1 页，共',
      ],
    };
    for (const language of LANGUAGES) {
      const missing = expected[language].filter((phrase) => !texts[language].compact.includes(squeeze(phrase)));
      expect(missing, language).toEqual([]);
    }
  });

  it('prints every number of the machine-readable JSON in both editions', () => {
    // the JSON as served, not the object in memory
    const json = JSON.parse(JSON.stringify(report)) as TransparencyReport;
    for (const language of LANGUAGES) {
      const numbers = printedNumbers(json, language);
      expect(numbers.length).toBeGreaterThan(150);
      expect(numbers.filter((n) => !texts[language].compact.includes(squeeze(n.text))), language).toEqual([]);
    }
  });

  it('keeps the Chinese text extractable, with Chinese labels, names and dates', () => {
    const zh = texts['zh-CN'].compact;
    for (const phrase of ['透明度报告', 'KubeCon+CloudNativeCon+开源峰会中国2019', '参会者', '国家和地区', '美国', '议题内容', '多样性与奖学金', '多样性奖学金', '腾讯云', '年度同比', '由组织者录入', '条媒体报道：184', '2019年6月24日至2019年6月26日', '中国上海']) {
      expect(zh, phrase).toContain(phrase);
    }
    // the English edition is complete on its own: no Chinese labels, only Chinese names
    expect(texts.en.compact).not.toContain('参会者');
    expect(texts.en.compact).toContain('June24,2019–June26,2019');
    expect(texts.en.compact).toContain('Shanghai,China');
    expect(texts.en.compact).not.toContain('上海');
  });

  it('embeds one subset Noto Sans SC font and no other font', () => {
    for (const language of LANGUAGES) {
      const raw = pdfs[language].toString('latin1');
      const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/(\S+)/g)].map((m) => m[1]);
      expect(baseFonts.length, language).toBeGreaterThan(0);
      // a subset font's name starts with a six-letter tag and "+"
      expect(baseFonts.filter((name) => !/^[A-Z]{6}\+NotoSansSC-Regular$/.test(name)), language).toEqual([]);
      expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length, language).toBe(1);
      expect(raw, language).toMatch(/\/ToUnicode \d+ 0 R/);
      // subset: the embedded program is a small part of the 10 MB font file
      expect(pdfs[language].length, language).toBeLessThan(400_000);
    }
  });

  it('draws charts as vector paths and contains no images', () => {
    for (const language of LANGUAGES) {
      const raw = pdfs[language].toString('latin1');
      expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
      const rectangles = streams(pdfs[language]).join('\n').match(/ re\b/g) ?? [];
      // four bar charts (countries, continents, company size, ticket mix, ...): a track and a bar per row
      expect(rectangles.length, language).toBeGreaterThan(40);
    }
  });

  it('carries the title, the language and the generation time as metadata', () => {
    expect(texts.en.info.Title).toBe('Transparency report: KubeCon + CloudNativeCon + Open Source Summit China 2019');
    expect(texts['zh-CN'].info.Title).toBe('透明度报告：KubeCon + CloudNativeCon + 开源峰会中国 2019');
    expect(texts.en.language).toBe('en');
    expect(texts['zh-CN'].language).toBe('zh-CN');
    for (const language of LANGUAGES) {
      expect(texts[language].info.CreationDate).toBe('D:20190715080000Z');
      expect(texts[language].info.ModDate).toBe('D:20190715080000Z');
      expect(texts[language].pages.length).toBeGreaterThan(4);
      expect(texts[language].pages.at(-1)).toContain(language === 'en' ? `Page ${texts[language].pages.length} of ${texts[language].pages.length}` : `第 ${texts[language].pages.length} 页`);
    }
  });

  it('gives the same bytes for the same report, whatever the clock and the random source say', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const language of LANGUAGES) {
      vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
      vi.spyOn(Math, 'random').mockReturnValue(0.123);
      const first = await renderReport(report, language);
      vi.setSystemTime(new Date('2042-12-31T23:59:59Z'));
      vi.spyOn(Math, 'random').mockReturnValue(0.987);
      const second = await renderReport(report, language);
      expect(first.equals(second), language).toBe(true);
      expect(first.equals(pdfs[language]), language).toBe(true);
    }
    vi.useRealTimers();
    // and the generation time does go into the file (document ID and dates), so the check above can fail
    const later = await renderReport({ ...report, generatedAt: '2019-07-16T08:00:00.000Z' }, 'en');
    expect(later.equals(pdfs.en)).toBe(false);
  });
});

describe('the PDF of a first edition', () => {
  const report = buildReport(firstEdition());

  it('has no change line, says there is nothing to compare with, and says what it suppressed', async () => {
    const expectations: Record<Language, { present: string[]; absent: string[] }> = {
      en: {
        present: ['200 registrations;', 'First edition of the series', 'there is no earlier edition to compare with', 'Only 4 answers (196 registrations gave none): fewer than the privacy threshold of 5', 'Gender: not shown (below the privacy threshold).'],
        absent: ['from the previous edition', 'Co-located events\nEvent', 'Facts entered by the organisers'],
      },
      'zh-CN': {
        present: ['注册人数 200；', '该系列的第一届', '没有可以比较的往届数据', '仅有 4 份回答（196 个注册未作答），少于隐私阈值 5', '性别：不显示（低于隐私阈值）。'],
        absent: ['比上一届', '由组织者录入的事实'],
      },
    };
    for (const language of LANGUAGES) {
      const pdf = await renderReport(report, language);
      const text = (await readPdf(pdf)).compact;
      expect(expectations[language].present.filter((p) => !text.includes(squeeze(p))), language).toEqual([]);
      expect(expectations[language].absent.filter((p) => text.includes(squeeze(p))), language).toEqual([]);
      const missing = printedNumbers(JSON.parse(JSON.stringify(report)) as TransparencyReport, language).filter((n) => !text.includes(squeeze(n.text)));
      expect(missing, language).toEqual([]);
    }
  });
});

describe('the PDF of an edition without any data yet', () => {
  it('renders both editions, saying n/a where a share has no denominator', async () => {
    const report = buildReport(emptyEdition());
    expect(report.headline).toMatchObject({ registrations: 0, acceptanceRatePercent: null, topCountry: null, topCompanySize: null });
    for (const language of LANGUAGES) {
      const text = (await readPdf(await renderReport(report, language))).compact;
      expect(text).toContain(language === 'en' ? '0registrations' : '注册人数0');
      expect(text).toContain(language === 'en' ? 'n/a' : '不适用');
    }
  });
});
