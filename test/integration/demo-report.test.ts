import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppModule } from '@api/app.module';
import { Language, translator } from '@lectern/i18n/i18n';
import { DemoBuildResult, buildDemoData, demoDatabaseUrl, produceDemoReport } from '../../prisma/demo-data';
import { PUBLISHED_FIGURES } from '../../prisma/demo-plan';
import { demoFeeds } from '../../prisma/demo-programme';
import { AMSTERDAM_2020 } from '../../prisma/demo-amsterdam';
import { query } from '@test/support/databases';
import { AMSTERDAM_2020_POSTPONEMENT } from '@test/support/report-fixtures';
import { ProducedReport, reportJson } from '@reports/produce-report';
import { ReportFormat } from '@reports/render/format';
import { c3vocJsonValidator, validateScheduleXml } from '@test/support/feeds';
import { testConfig } from '@test/support/harness';
import { PdfContent, readPdf } from '@test/support/pdf-text';
import { layoutProblems, readRuns } from '@test/support/pdf-layout';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { REPORT_SCHEMA } from '@reports/report.schema';

/**
 * The demo end to end: the KubeCon + CloudNativeCon + Open Source Summit China 2019 edition built through the
 * services, its report produced from this run's database, and both PDFs read back as a reader's viewer would.
 */
describe('the KubeCon China 2019 demo report', () => {
  let app: INestApplicationContext;
  let built: DemoBuildResult;
  let report: ProducedReport;
  const pdf = {} as Record<Language, PdfContent>;

  beforeAll(async () => {
    const config = testConfig({ DATABASE_URL: demoDatabaseUrl(inject('databaseUrl')), DATABASE_POOL_SIZE: '17' });
    app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    built = await buildDemoData(app);
    report = await produceDemoReport(inject('databaseUrl'), built.eventId, 5);
    pdf.en = await readPdf(report.pdf.en);
    pdf['zh-CN'] = await readPdf(report.pdf['zh-CN']);
  }, 420_000);

  afterAll(async () => {
    await app?.close();
  });

  it('builds the data once: a second run finds it complete and writes nothing', async () => {
    expect(built.skipped).toBe(false);
    const again = await buildDemoData(app);
    expect(again).toMatchObject({ skipped: true, eventId: built.eventId, slug: 'kubecon-china-2019' });
  });

  it('releases a programme of its 252 sessions in 12 rooms over three days, its feeds valid against the published schemas', async () => {
    const { xml, json } = await demoFeeds(app, built.slug);
    const verdict = await validateScheduleXml(xml.toString('utf8'), 'kubecon-china-2019.schedule.xml');
    const validate = c3vocJsonValidator();
    const document = JSON.parse(json.toString('utf8')) as { schedule: { conference: { days: { rooms: Record<string, unknown[]> }[] } } };
    const jsonValid = validate(document);
    // the validators' own words, for whoever reads the test log
    console.log(`xmllint --schema schedule.xml.xsd: ${verdict.output}\najv (c3voc schema.json, draft-06): ${jsonValid ? 'valid' : JSON.stringify(validate.errors)}`);
    expect(verdict).toEqual({ valid: true, output: 'kubecon-china-2019.schedule.xml validates' });
    expect(jsonValid, JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(xml.toString('utf8').match(/<event guid=/g)).toHaveLength(252);
    const days = document.schedule.conference.days;
    expect(days).toHaveLength(3);
    expect(days.flatMap((day) => Object.values(day.rooms).flat())).toHaveLength(252);
    expect(Object.keys(days[0].rooms)).toHaveLength(12);
  });

  it('computes exactly the published figures from the data', () => {
    const { headline, content, partners, yearOverYear } = report.model;
    const f = PUBLISHED_FIGURES;
    expect(headline.registrations).toBe(f.registrations);
    expect(headline.registrationsChange).toMatchObject({
      previousSlug: 'kubecon-china-2018',
      previousRegistrations: f.previousRegistrations,
      delta: f.registrationsChange,
      deltaPercent: 40,
    });
    expect(headline.firstTimeAttendees).toMatchObject({ percent: f.firstTimePercent, suppressed: false });
    expect(headline.countries).toBe(f.countries);
    expect(headline.continents).toBe(f.continents);
    expect(headline.topCountry).toMatchObject({ key: f.topCountry, percent: f.topCountryPercent });
    expect(headline.topCompanySize).toMatchObject({ key: 'SIZE_3000_PLUS', percent: f.companySize3000PlusPercent });
    expect(headline.sponsors).toBe(f.sponsors);
    expect(headline.communityPartners).toBe(f.communityPartners);
    expect(headline.colocatedEvents).toBe(f.colocatedEvents);
    expect(headline.mediaAndAnalysts).toBe(f.mediaAndAnalysts);
    expect(headline.mediaLanguages.find((l) => l.key === 'en')?.count).toBe(f.englishSpeakingMedia);
    expect(headline.cfpSubmissions).toBe(f.cfpSubmissions);
    expect(headline.acceptanceRatePercent).toBe(f.acceptancePercent);
    expect(Object.fromEntries(headline.sessionsByFormat.map((s) => [s.key, s.count]))).toEqual({
      keynote: f.keynotes,
      breakout: f.breakouts,
      'maintainer-track': f.maintainerTrack,
      'lightning-talk': f.lightningTalks,
    });
    expect(headline.virtualRegistrations).toBeGreaterThanOrEqual(f.livestreamAtLeast);
    expect(headline.virtualRegistrations).toBeLessThan(f.livestreamAtLeast + 10);
    // what the figures rest on: every invited session counted as a session, never as a CFP submission
    expect(content!.accepted).toBe(187);
    expect(partners.colocatedEvents.every((e) => e.registrations > 0)).toBe(true);
    expect(yearOverYear.map((row) => [row.slug, row.registrations, row.sponsors])).toEqual([
      ['kubecon-china-2018', 2500, 38],
      ['kubecon-china-2019', 3500, 42],
    ]);
    expect(report.model.attendees.checkIn!.checkedIn).toBeGreaterThan(0.85 * report.model.attendees.inPerson);
  });

  // The published sentence, clause by clause, as each edition words and formats it.
  const figures: Record<Language, { country: string; english: string; formats: Record<string, string> }> = {
    en: {
      country: 'China',
      english: 'English',
      formats: { keynote: 'Keynote', breakout: 'Breakout session', 'maintainer-track': 'Maintainer track', 'lightning-talk': 'Lightning talk' },
    },
    'zh-CN': {
      country: '中国',
      english: '英语',
      formats: { keynote: '主题演讲', breakout: '分组会议', 'maintainer-track': '维护者专场', 'lightning-talk': '闪电演讲' },
    },
  };

  for (const language of ['en', 'zh-CN'] as const) {
    it(`prints every published figure in the ${language} edition`, () => {
      const t = translator(language);
      const say = (key: string, vars: Record<string, string | number> = {}) => t(`report:${key}`, vars).replace(/\s+/g, '');
      const counted = (key: string, count: number, n: string) => say(key, { count, n });
      const { country, english, formats } = figures[language];
      const size = t('report:values.companySize.SIZE_3000_PLUS');
      const livestream = report.model.headline.virtualRegistrations;
      const clauses = [
        say('summary.registrations', { count: '3,500' }),
        say('summary.changeUp', { delta: '1,000', percent: '40%' }),
        say('summary.firstTime', { percent: '60%' }),
        say('summary.places', { countries: '43', continents: '5' }),
        say('summary.topCountry', { percent: '83%', country }),
        say('summary.topCompanySize', { percent: '50%', size }),
        counted('summary.sponsors', 42, '42'),
        counted('summary.communityPartners', 9, '9'),
        counted('summary.colocated', 14, '14'),
        counted('summary.media', 54, '54'),
        say('summary.mediaLanguage', { count: '13', language: english }),
        counted('summary.cfp', 937, '937'),
        say('summary.acceptance', { percent: '20%' }),
        say('summary.session', { format: formats.keynote, count: '29' }),
        say('summary.session', { format: formats.breakout, count: '177' }),
        say('summary.session', { format: formats['maintainer-track'], count: '38' }),
        say('summary.session', { format: formats['lightning-talk'], count: '8' }),
        say('summary.virtual', { count: String(livestream) }),
      ];
      const missing = clauses.filter((clause) => !pdf[language].compact.includes(clause));
      expect(missing).toEqual([]);
      expect(clauses.every((clause) => !clause.includes('{{'))).toBe(true);
    });
  }

  it('keeps the Chinese text extractable and marks each edition’s language', () => {
    const zh = pdf['zh-CN'];
    expect(zh.language).toBe('zh-CN');
    expect(pdf.en.language).toBe('en');
    expect(zh.compact).toContain('KubeCon+CloudNativeCon+开源峰会中国2019');
    expect(zh.compact).toContain('透明度报告');
    expect(zh.compact.match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeGreaterThan(500);
    expect(pdf.en.compact).toContain('KubeCon+CloudNativeCon+OpenSourceSummitChina2019');
  });

  it('embeds every font it uses', () => {
    for (const bytes of [report.pdf.en, report.pdf['zh-CN']]) {
      const text = bytes.toString('latin1');
      const fonts = [...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]);
      expect(fonts.length).toBeGreaterThan(0);
      // a subset of an embedded font is named ABCDEF+Name; a font merely referenced (Helvetica) is not
      expect(fonts.every((name) => /^[A-Z]{6}\+/.test(name))).toBe(true);
      expect([...text.matchAll(/\/FontFile2\s/g)].length).toBeGreaterThanOrEqual(new Set(fonts).size);
    }
  });

  it('prints every number of the JSON in both editions, and the JSON is the model as served', () => {
    expect(report.json).toBe(reportJson(report.model));
    expect(JSON.parse(report.json)).toEqual(JSON.parse(JSON.stringify(report.model)));
    for (const language of ['en', 'zh-CN'] as const) {
      const fmt = new ReportFormat(language);
      const missing: string[] = [];
      const visit = (value: unknown, path: string) => {
        if (typeof value === 'number') {
          const text = (/percent$/i.test(path) ? fmt.percent(value, '') : fmt.number(value)).replace(/\s+/g, '');
          if (!pdf[language].compact.includes(text)) missing.push(`${path}=${text}`);
        } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
        else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
      };
      visit(JSON.parse(report.json), '');
      expect(missing, language).toEqual([]);
    }
  });

  it('is valid against the report’s JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(REPORT_SCHEMA);
    expect(validate(JSON.parse(report.json)) ? [] : validate.errors).toEqual([]);
  });

  it('names the venue in each edition’s language, and shows no scholarship figure for an edition without a programme', () => {
    expect(report.model.event.venue).toEqual({ en: 'Shanghai Expo Centre', 'zh-CN': '上海世博中心' });
    expect(pdf['zh-CN'].compact).toContain('上海世博中心');
    expect(pdf['zh-CN'].compact).not.toContain('ShanghaiExpoCentre');
    expect(pdf.en.compact).toContain('ShanghaiExpoCentre');
    expect(report.model.headline.scholarshipsAwarded).toBeNull();
    expect(report.model.diversity.scholarships).toBeNull();
    expect(pdf.en.compact).not.toMatch(/scholarshipsawarded/i);
    expect(pdf['zh-CN'].compact).not.toContain('发放奖学金');
  });

  it('keeps the page-break rules in both editions', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { pages, height } = await readRuns(report.pdf[language]);
      expect(layoutProblems(pages, height), language).toEqual([]);
    }
  });

  it('postpones the Amsterdam 2020 edition to 13–16 August through the lifecycle service, keeping the registrations made before', async () => {
    const db = <T extends Record<string, unknown>>(sql: string) => query<T>(inject('databaseUrl'), sql, [built.amsterdam.eventId]);
    expect(await db('SELECT status::text, starts_at, ends_at FROM events WHERE id = $1')).toEqual([
      { status: 'POSTPONED', starts_at: new Date('2020-08-13T07:00:00Z'), ends_at: new Date('2020-08-16T16:00:00Z') },
    ]);
    expect(await db('SELECT kind::text, created_at, from_starts_at, windows_shifted FROM edition_changes WHERE event_id = $1')).toEqual([
      { kind: 'POSTPONED', created_at: AMSTERDAM_2020.postponedAt, from_starts_at: new Date('2020-03-30T07:00:00Z'), windows_shifted: true },
    ]);
    // all 600 made before it, none cancelled; the sales window moved by the 136 days
    expect(
      await db(`SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'CANCELLED')::int AS cancelled, max(created_at) < '2020-03-04' AS before
                  FROM registrations WHERE event_id = $1`),
    ).toEqual([{ n: 600, cancelled: 0, before: true }]);
    expect(await db('SELECT DISTINCT sales_end_at FROM ticket_types WHERE event_id = $1')).toEqual([{ sales_end_at: new Date('2020-08-10T23:00:00Z') }]);
    const amsterdam = await produceDemoReport(inject('databaseUrl'), built.amsterdam.eventId, 5, AMSTERDAM_2020.reportGeneratedAt);
    expect(amsterdam.model.changes).toEqual([AMSTERDAM_2020_POSTPONEMENT]);
    // no CFP, sponsor, partner, media or co-located event recorded: no such tile, not a 0
    expect(Object.entries(amsterdam.model.headline).filter(([, value]) => value === 0)).toEqual([]);
    expect(amsterdam.model).toMatchObject({ content: null, partners: { sponsors: null, communityPartners: null, media: null, colocatedEvents: [] } });
    const amsterdamPdf = await readPdf(amsterdam.pdf.en);
    const first = amsterdamPdf.pages[0].replace(/\s+/g, '');
    expect(first).toContain('Postponedfrom March30,2020–April2,2020toAugust13,2020–August16,2020(announcedMarch4,2020)'.replace(/\s+/g, ''));
    // in person with no virtual ticket, and nobody ever checked in: no "Livestream and virtual 0", no "0 of 521 (0%)"
    expect(amsterdam.model.attendees).toMatchObject({ registrations: 521, inPerson: 521, virtual: null, checkIn: null });
    for (const language of amsterdam.model.languages) {
      const t = translator(language);
      const compact = language === 'en' ? amsterdamPdf.compact : (await readPdf(amsterdam.pdf[language])).compact;
      for (const key of ['attendees.virtual', 'attendees.checkIn']) {
        expect(compact, `${language} PDF ${key}`).not.toContain(t(`report:${key}`).replace(/\s+/g, ''));
        expect(amsterdam.html[language], `${language} HTML ${key}`).not.toContain(t(`report:${key}`));
      }
      expect(amsterdam.html[language], language).not.toMatch(/data-path="attendees\.(virtual|checkIn)/);
    }
  });

  it('renders the same bytes from the same data', async () => {
    const again = await produceDemoReport(inject('databaseUrl'), built.eventId, 5);
    expect(again.json).toBe(report.json);
    expect(again.pdf.en.equals(report.pdf.en)).toBe(true);
    expect(again.pdf['zh-CN'].equals(report.pdf['zh-CN'])).toBe(true);
  });
});
