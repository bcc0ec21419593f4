import { inflateSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Language, supportedLanguages, translator } from '@lectern/i18n/i18n';
import { PdfContent, readPdf } from '@test/support/pdf-text';
import { editionWithHistory, emptyEdition, firstEdition, postponedEdition, smallEdition } from '@test/support/report-fixtures';
import { printedNumbers } from '@test/support/reports';
import { buildReport } from '@reports/build-report';
import { TransparencyReport } from '@reports/report.model';
import { Edition, renderReport } from './render-report';

/** Every language Lectern speaks; the tests below name what each edition must say, so a new one needs its lines. */
const LANGUAGES = supportedLanguages();
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
      ja: [
        '参加登録200件、前回から40件（25%）増',
        '初参加者63.2%',
        '4大陸の7か国・地域から参加、中国からの参加が77.3%',
        '従業員3,000人以上の企業からの参加が50%',
        'スポンサー6社',
        'コミュニティパートナー3団体',
        '併催イベント1件',
        'メディア・アナリスト14名（中国語8名、英語6名）',
        'CFP応募50件、採択率20%',
        'ブレイクアウトセッション7件、基調講演3件、ライトニングトーク3件、メンテナートラックのセッション2件',
        'ライブ配信・オンライン参加登録20件',
        '奨学金支給17件',
        '会場でのチェックイン：現地参加の登録180件中153件（85%）',
        '初登壇者',
        '7名（登壇者の38.9%）',
        'その他（3グループ）',
        'プライバシーしきい値：5名未満のグループ',
        '国・地域：3グループを「その他」にまとめました。',
        '1 / 7 ページ',
      ],
      ko: [
        '등록 200건, 이전 회차 대비 40건(25%) 증가',
        '첫 참가자 63.2%',
        '4개 대륙의 7개 국가 및 지역에서 참가, 중국 참가자 77.3%',
        '직원 3,000명 이상 기업 소속 50%',
        '후원사 6곳',
        '커뮤니티 파트너 3곳',
        '동시 개최 행사 1개',
        '미디어 및 애널리스트 14명(중국어 8명 및 영어 6명)',
        '발표 제안 50건, 선정률 20%',
        '브레이크아웃 세션 7개, 기조연설 3개, 라이트닝 토크 3개 및 메인테이너 트랙 세션 2개',
        '라이브 스트리밍 및 온라인 등록 20건',
        '장학금 수여 17건',
        '현장 체크인: 현장 참가 등록 180건 중 153건(85%)',
        '첫 발표 연사',
        '7명(전체 연사의 38.9%)',
        '기타(3개 그룹)',
        '개인정보 보호 기준치: 5명 미만인 그룹',
        '국가 및 지역: 3개 그룹을 ‘기타’로 합쳤습니다.',
        '1 / 7 페이지',
      ],
    };
    expect(Object.keys(expected).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const missing = expected[language].filter((phrase) => !texts[language].compact.includes(squeeze(phrase)));
      expect(missing, language).toEqual([]);
    }
  });

  it('prints every number of the machine-readable JSON in every edition', () => {
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
    for (const phrase of ['透明度报告', 'KubeCon+CloudNativeCon+开源峰会中国2019', '参会者', '国家和地区', '美国', '议题内容', '多样性与奖学金', '多样性奖学金', '腾讯云', '历届趋势', '由组织者录入', '条媒体报道：184', '2019年6月24日至2019年6月26日', '中国上海']) {
      expect(zh, phrase).toContain(phrase);
    }
    // the English edition is complete on its own: no Chinese labels, only Chinese names
    expect(texts.en.compact).not.toContain('参会者');
    expect(texts.en.compact).toContain('June24,2019–June26,2019');
    expect(texts.en.compact).toContain('Shanghai,China');
    expect(texts.en.compact).not.toContain('上海');
  });

  it('keeps the Japanese and Korean text extractable, with their labels and Intl dates, countries, money and lists', () => {
    const ja = texts.ja.compact;
    for (const phrase of ['透明性レポート', '参加者', '国・地域', 'アメリカ合衆国', 'コンテンツ', '開催回ごとの推移', '2019年6月24日〜2019年6月26日', '中国・Shanghai', '$12,000', 'AlibabaCloud、GoogleCloud', '言語：中国語']) {
      expect(ja, phrase).toContain(squeeze(phrase));
    }
    const ko = texts.ko.compact;
    for (const phrase of ['투명성 보고서', '참가자', '국가 및 지역', '미국', '콘텐츠', '회차별 추이', '2019년 6월 24일 ~ 2019년 6월 26일', '중국 Shanghai', 'US$12,000', 'Alibaba Cloud 및 Google Cloud', '언어: 중국어']) {
      expect(ko, phrase).toContain(squeeze(phrase));
    }
    // names the organisers gave only in English and Chinese: the English one, and a Chinese-only name as it is
    for (const language of ['ja', 'ko']) {
      expect(texts[language].compact, language).toContain('KubeCon+CloudNativeCon+OpenSourceSummitChina2019');
      expect(texts[language].compact, language).toContain('腾讯云');
      expect(texts[language].compact, language).not.toContain('开源峰会');
    }
    // Korean lines break between words only: each word of the cover's two-line introduction stays on one line
    const intro = translator('ko')('report:cover.intro');
    const lines = texts.ko.pages[0].split('\n');
    expect(lines.filter((line) => intro.includes(line.trim())).length).toBeGreaterThan(1);
    expect(intro.split(' ').filter((word) => !lines.some((line) => line.includes(word)))).toEqual([]);
  });

  it('embeds the subset font of its script, and Noto Sans SC only for the Chinese name the others lack', () => {
    const fonts: Record<string, string[]> = {
      en: ['NotoSansSC-Regular'],
      'zh-CN': ['NotoSansSC-Regular'],
      ja: ['NotoSansJP-Regular', 'NotoSansSC-Regular'],
      ko: ['NotoSansKR-Regular', 'NotoSansSC-Regular'],
    };
    expect(Object.keys(fonts).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const raw = pdfs[language].toString('latin1');
      // a subset font's name starts with a six-letter tag and "+" (once for the Type0 font, once for its descendant)
      const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/(\S+)/g)].map((m) => m[1]);
      expect(baseFonts.every((name) => /^[A-Z]{6}\+/.test(name)), language).toBe(true);
      expect([...new Set(baseFonts.map((name) => name.slice(7)))].sort(), language).toEqual(fonts[language]);
      expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length, language).toBe(fonts[language].length);
      expect(raw.match(/\/ToUnicode \d+ 0 R/g)?.length, language).toBe(fonts[language].length);
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
    expect(texts.ja.info.Title).toBe('透明性レポート：KubeCon + CloudNativeCon + Open Source Summit China 2019');
    expect(texts.ko.info.Title).toBe('투명성 보고서: KubeCon + CloudNativeCon + Open Source Summit China 2019');
    const lastPage: Record<string, (pages: number) => string> = {
      en: (n) => `Page ${n} of ${n}`,
      'zh-CN': (n) => `第 ${n} 页，共 ${n} 页`,
      ja: (n) => `${n} / ${n} ページ`,
      ko: (n) => `${n} / ${n} 페이지`,
    };
    for (const language of LANGUAGES) {
      expect(texts[language].language).toBe(language);
      expect(texts[language].info.CreationDate).toBe('D:20190715080000Z');
      expect(texts[language].info.ModDate).toBe('D:20190715080000Z');
      expect(texts[language].pages.length).toBeGreaterThan(4);
      expect(texts[language].pages.at(-1)).toContain(lastPage[language](texts[language].pages.length));
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
      ja: {
        present: ['参加登録200件。', 'シリーズ初開催', '比較できる過去の開催回はありません', '回答は4件のみ（未回答の登録196件）で、プライバシーしきい値の5に満たない', '性別：非掲載（プライバシーしきい値未満）。'],
        absent: ['前回から'],
      },
      ko: {
        present: ['등록 200건.', '시리즈 첫 개최', '비교할 이전 회차가 없습니다', '응답이 4건뿐이며(무응답 등록 196건) 개인정보 보호 기준치 5에 미치지 못하므로', '성별: 표시하지 않음(개인정보 보호 기준치 미만).'],
        absent: ['이전 회차 대비'],
      },
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
  it('renders every edition, saying n/a where a share has no denominator', async () => {
    const report = buildReport(emptyEdition());
    expect(report.headline).toMatchObject({ registrations: 0, acceptanceRatePercent: null, topCountry: null, topCompanySize: null });
    const expected: Record<string, [string, string]> = {
      en: ['0registrations', 'n/a'],
      'zh-CN': ['注册人数0', '不适用'],
      ja: ['参加登録0件', '該当なし'],
      ko: ['등록0건', '해당없음'],
    };
    for (const language of LANGUAGES) {
      const text = (await readPdf(await renderReport(report, language))).compact;
      for (const phrase of expected[language]) expect(text, language).toContain(phrase);
    }
  });
});

describe('the PDF of an edition with a history and the organisers’ choices', () => {
  const report = buildReport(editionWithHistory());

  it('prints the trends with n/a for missing figures, the introduction, units, and no scholarship figure', async () => {
    const expectations: Record<string, { present: string[]; absent: string[] }> = {
      en: {
        present: ['Trends across editions', 'Registrations per edition', 'Jun 2020', 'From the organisers', 'Our tenth edition in China', 'Livestream audience: 12,000 viewers', 'Source: Bilibili live statistics', 'The 15 countries with the most attendees are listed', 'Hong Kong Convention and Exhibition Centre'],
        absent: ['scholarships awarded', 'Scholarships awarded', 'Diversity scholarship'],
      },
      'zh-CN': {
        present: ['历届趋势', '历届注册人数', '2020年6月', '组织者的话', '我们在中国的第十届活动', '直播观看：12,000 人次', '来源：Bilibili live statistics', '列出参会者最多的 15 个国家和地区', '香港会议展览中心'],
        absent: ['发放奖学金', '发放的奖学金'],
      },
    };
    for (const language of ['en', 'zh-CN'] as const) {
      const text = (await readPdf(await renderReport(report, language))).compact;
      expect(expectations[language].present.filter((p) => !text.includes(squeeze(p))), language).toEqual([]);
      expect(expectations[language].absent.filter((p) => text.includes(squeeze(p))), language).toEqual([]);
      const missing = printedNumbers(JSON.parse(JSON.stringify(report)) as TransparencyReport, language).filter((n) => !text.includes(squeeze(n.text)));
      expect(missing, language).toEqual([]);
      // 2020 has no figure but its sponsors; 2021 no attendee figure: eleven n/a in the tables, one under the chart
      const na = translator(language)('report:common.notAvailable');
      expect(text.split(squeeze(na)).length - 1, language).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('the PDF of a postponed edition with nothing recorded but its registrations', () => {
  const report = buildReport(postponedEdition());

  it('prints no zero tile, clause or section for what it has no source for, and says what changed', async () => {
    const changes: Partial<Record<Language, string[]>> = {
      en: ['Postponed from March 30, 2020 – April 2, 2020 to August 13, 2020 – August 16, 2020 (announced March 4, 2020)', 'Moved online (announced April 23, 2020)'],
      'zh-CN': ['延期：原定2020年3月30日至2020年4月2日，改为2020年8月13日至2020年8月16日（2020年3月4日宣布）', '改为线上举办（2020年4月23日宣布）'],
    };
    for (const language of LANGUAGES) {
      const t = translator(language);
      const { compact, pages } = await readPdf(await renderReport(report, language));
      const absent = [
        ...['content.title', 'diversity.title', 'partners.title', 'kpi.colocated', 'kpi.communityPartners', 'kpi.media', 'kpi.cfp'].map((key) => t(`report:${key}`)),
        ...['summary.sponsors', 'summary.communityPartners', 'summary.colocated', 'summary.media', 'summary.cfp'].map((key) => t(`report:${key}`, { count: 0, n: '0' })),
      ];
      // the trends table heads its columns with the CFP and sponsors, printing this edition's as n/a
      const beforeTrends = squeeze(pages.join('\n')).split(squeeze(t('report:yoy.title')))[0];
      expect(absent.filter((phrase) => beforeTrends.includes(squeeze(phrase))), language).toEqual([]);
      expect(compact, language).toContain(squeeze(t('report:changes.title')));
      for (const sentence of changes[language] ?? []) expect(squeeze(pages[0]), language).toContain(squeeze(sentence));
      const missing = printedNumbers(JSON.parse(JSON.stringify(report)) as TransparencyReport, language).filter((n) => !compact.includes(squeeze(n.text)));
      expect(missing, language).toEqual([]);
    }
  });

  it('prints no livestream row and no check-in line when it had neither, and real zeros when it had them', async () => {
    const regs = postponedEdition().registrations;
    const used = buildReport({ ...postponedEdition(), event: { ...postponedEdition().event, format: 'HYBRID' }, registrations: { ...regs, checkedIn: 0 } });
    for (const language of LANGUAGES) {
      const t = translator(language);
      const e = new Edition(language, used);
      const row = (key: string, count: number) => `${t(`report:attendees.${key}`)}${e.n(count)}`;
      const checkIn = e.labelled(t('report:attendees.checkIn'), t('report:attendees.checkInDetail', { checkedIn: e.n(0), eligible: e.n(60), percent: e.pct(0) }));
      const { compact } = await readPdf(await renderReport(report, language));
      // the attendees' overview goes from in person straight to the total
      expect(compact, language).toContain(squeeze(`${row('inPerson', 60)}${row('registrations', 60)}`));
      expect(compact, language).not.toContain(squeeze(t('report:attendees.virtual')));
      expect(compact, language).not.toContain(squeeze(t('report:attendees.checkIn')));
      const shown = (await readPdf(await renderReport(used, language))).compact;
      expect(shown, language).toContain(squeeze(`${row('inPerson', 60)}${row('virtual', 0)}${row('registrations', 60)}`));
      expect(shown, language).toContain(squeeze(checkIn));
    }
  });
});
