import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportScratch } from '@test/support/report-scratch';
import { buildReport } from '@reports/build-report';
import { ReportEventNotFoundError, collectReportInput } from '@reports/statistics/collect-report-input';
import { collectEarlierEditions } from '@reports/statistics/editions';

const at = (iso: string) => new Date(iso);
const generatedAt = at('2019-07-15T08:00:00Z');

// Every expected figure below was counted by hand from the rows this file inserts.
describe('collecting a whole report', () => {
  let db: ReportScratch;
  let seriesId: string;
  const editions = { y2017: '', y2018: '', y2019: '', y2020: '' };

  beforeAll(async () => {
    db = await ReportScratch.connect();
    seriesId = await db.series();
    // 2017: registrations only (no CFP, no sponsors in Lectern)
    editions.y2017 = (await db.event(seriesId, { name: 'KubeCon China 2017', starts_at: at('2017-11-14T01:00:00Z'), ends_at: at('2017-11-15T01:00:00Z') })).id;
    const t17 = await db.ticketType(editions.y2017, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(3, editions.y2017, t17);
    // 2018: 4 registrations (and a cancellation), a CFP with 2 proposals (a draft does not count), 1 sponsor
    editions.y2018 = (await db.event(seriesId, { name: 'KubeCon China 2018', starts_at: at('2018-11-13T01:00:00Z'), ends_at: at('2018-11-15T01:00:00Z') })).id;
    const t18 = await db.ticketType(editions.y2018, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(4, editions.y2018, t18);
    await db.registrations(1, editions.y2018, t18, { state: 'CANCELLED' });
    await db.cfpSettings(editions.y2018);
    const f18 = await db.format(editions.y2018, 'breakout', 'Breakout');
    await db.submission(editions.y2018, { state: 'SUBMITTED', formatId: f18 });
    await db.submission(editions.y2018, { state: 'REJECTED', formatId: f18 });
    await db.submission(editions.y2018, { state: 'DRAFT', formatId: null });
    await db.sponsor(editions.y2018, 'Huawei', 'GOLD');
    // a draft and a cancelled edition in between are not editions that took place
    await db.event(seriesId, { status: 'DRAFT', starts_at: at('2019-01-10T01:00:00Z'), ends_at: at('2019-01-11T01:00:00Z') });
    await db.event(seriesId, { status: 'CANCELLED', starts_at: at('2019-02-10T01:00:00Z'), ends_at: at('2019-02-11T01:00:00Z') });
    // 2019, the edition reported on: 6 registrations
    editions.y2019 = (await db.event(seriesId)).id;
    const t19 = await db.ticketType(editions.y2019, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(6, editions.y2019, t19, { country: 'CN', first_time_attendee: true });
    // 2020 starts after 2019: not an earlier edition
    editions.y2020 = (await db.event(seriesId, { starts_at: at('2020-07-01T01:00:00Z'), ends_at: at('2020-07-02T01:00:00Z') })).id;
  });
  afterAll(() => db.close());

  it('compares with the earlier editions of the series, the latest one as "previous"', async () => {
    const earlier = await collectEarlierEditions(db.sql, editions.y2019);
    expect(earlier.map((e) => [e.name, e.startsAt, e.registrations, e.cfpSubmissions, e.sponsors])).toEqual([
      [{ en: 'KubeCon China 2017' }, '2017-11-14T01:00:00.000Z', 3, null, null],
      [{ en: 'KubeCon China 2018' }, '2018-11-13T01:00:00.000Z', 4, 2, 1],
    ]);
    const report = buildReport(await collectReportInput(db.sql, editions.y2019, { privacyThreshold: 5, generatedAt }));
    // 6 - 4 = 2 more, 2 / 4 = 50%
    expect(report.headline.registrationsChange).toMatchObject({ previousName: { en: 'KubeCon China 2018' }, previousRegistrations: 4, delta: 2, deltaPercent: 50 });
    expect(report.yearOverYear.map((row) => [row.name, row.registrations, row.current])).toEqual([
      [{ en: 'KubeCon China 2017' }, 3, false],
      [{ en: 'KubeCon China 2018' }, 4, false],
      [{ en: 'KubeCon China 2019', 'zh-CN': 'KubeCon 中国 2019' }, 6, true],
    ]);
  });

  it('shows every figure of the earlier editions in the trends, and null where an edition has no such data', async () => {
    const series = await db.series('Trends');
    // 2016: in Lectern, but no ticket type, CFP, sponsor or programme: every figure unknown
    await db.event(series, { name: 'Trends 2016', starts_at: at('2016-06-01T01:00:00Z'), ends_at: at('2016-06-02T01:00:00Z') });
    // 2017: 6 first-timers from China and 6 returning from the US; 4 CFP proposals, 3 accepted (2 held with a
    // format, 1 declined by its speaker), a scholarship programme with one standing award and one revoked
    const y2017 = (await db.event(series, { name: 'Trends 2017', starts_at: at('2017-06-01T01:00:00Z'), ends_at: at('2017-06-02T01:00:00Z') })).id;
    const ticket = await db.ticketType(y2017, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(6, y2017, ticket, { country: 'CN', first_time_attendee: true });
    await db.registrations(6, y2017, ticket, { country: 'US', first_time_attendee: false });
    await db.cfpSettings(y2017);
    const format = await db.format(y2017, 'breakout', 'Breakout');
    for (const state of ['ACCEPTED', 'CONFIRMED', 'DECLINED', 'REJECTED']) await db.submission(y2017, { state, formatId: format });
    const programme = await db.programme(y2017, 'diversity', 'DIVERSITY');
    await db.award(programme, await db.application(programme), 'ACCEPTED', 0);
    await db.award(programme, await db.application(programme), 'REVOKED', 0);
    // 2018, the edition reported on, with the organisers' choices and a figure with its unit
    const y2018 = (await db.event(series, { name: 'Trends 2018', starts_at: at('2018-06-01T01:00:00Z'), ends_at: at('2018-06-02T01:00:00Z') })).id;
    await db.registrations(5, y2018, await db.ticketType(y2018, 'All access', 'CORPORATE', 'IN_PERSON'), { country: 'CN' });
    await db.sql(`INSERT INTO report_choices (event_id, introduction, omitted_sections, top_countries) VALUES ($1, $2, $3, 3)`, [
      y2018,
      { en: 'Hello', 'zh-CN': '你好' },
      ['gender'],
    ]);
    await db.fact(y2018, { kind: 'FIGURE', label: { en: 'Livestream' }, value: 1200, unit: { en: 'viewers', 'zh-CN': '人次' } });

    const before = db.statements;
    const report = buildReport(await collectReportInput(db.sql, y2018, { privacyThreshold: 5, generatedAt }));
    expect(db.statements - before).toBe(13);
    const row = (name: string) => report.yearOverYear.find((r) => r.name.en === name);
    expect(row('Trends 2016')).toMatchObject({
      registrations: null, firstTimePercent: null, countries: null, cfpSubmissions: null, acceptanceRatePercent: null,
      sessions: null, sponsors: null, scholarshipsAwarded: null,
    });
    // 6 of 12 first-timers; 3 of 4 accepted; ACCEPTED and CONFIRMED are held
    expect(row('Trends 2017')).toMatchObject({
      registrations: 12, firstTimePercent: 50, countries: 2, cfpSubmissions: 4, acceptanceRatePercent: 75, sessions: 2, sponsors: null, scholarshipsAwarded: 1,
    });
    // this edition held no CFP: its figures are missing, as an earlier edition's would be, never 0
    expect(row('Trends 2018')).toMatchObject({ current: true, registrations: 5, countries: 1, cfpSubmissions: null, acceptanceRatePercent: null, scholarshipsAwarded: null });
    expect(report.choices).toEqual({ introduction: { en: 'Hello', 'zh-CN': '你好' }, omittedSections: ['gender'], topCountries: 3 });
    expect(report.diversity.gender).toBeNull();
    expect(report.organiserFacts[0]).toMatchObject({ value: 1200, unit: { en: 'viewers', 'zh-CN': '人次' } });
  });

  it('reports the first edition of a series without a previous one', async () => {
    const first = (await db.event(await db.series('Brand new'))).id;
    const ticket = await db.ticketType(first, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(5, first, ticket, { country: 'DE' });
    expect(await collectEarlierEditions(db.sql, first)).toEqual([]);
    const report = buildReport(await collectReportInput(db.sql, first, { privacyThreshold: 5, generatedAt }));
    expect(report.headline.registrationsChange).toBeNull();
    expect(report.headline.registrations).toBe(5);
    expect(report.yearOverYear).toHaveLength(1);
    // the very first edition of 2017 has none either
    expect(buildReport(await collectReportInput(db.sql, editions.y2017, { privacyThreshold: 5, generatedAt })).headline.registrationsChange).toBeNull();
  });

  it('hands over the event, the threshold and the generation time', async () => {
    const input = await collectReportInput(db.sql, editions.y2019, { privacyThreshold: 7, generatedAt });
    expect(input).toMatchObject({
      generatedAt,
      privacyThreshold: 7,
      event: {
        name: { en: 'KubeCon China 2019', 'zh-CN': 'KubeCon 中国 2019' }, seriesName: { en: 'KubeCon China', 'zh-CN': 'KubeCon China 中文' },
        city: { en: 'Shanghai', 'zh-CN': '上海' }, country: 'CN', venue: { en: 'Expo Centre' }, timezone: 'Asia/Shanghai',
        startsAt: '2019-06-24T01:00:00.000Z', endsAt: '2019-06-26T10:00:00.000Z', format: 'HYBRID',
      },
    });
  });

  it('costs the same number of statements for a small and a larger edition', async () => {
    const before = db.statements;
    await collectReportInput(db.sql, editions.y2020, { privacyThreshold: 5, generatedAt });
    const empty = db.statements - before;
    const start = db.statements;
    await collectReportInput(db.sql, editions.y2019, { privacyThreshold: 5, generatedAt });
    expect(db.statements - start).toBe(empty);
    expect(empty).toBe(13);
  });

  it('takes the trends on the second connection from the same snapshot as the rest', async () => {
    const series = await db.series();
    const earlier = (await db.event(series, { name: 'Earlier', starts_at: at('2018-11-13T01:00:00Z'), ends_at: at('2018-11-15T01:00:00Z') })).id;
    const earlierTicket = await db.ticketType(earlier, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(4, earlier, earlierTicket);
    await db.sponsor(earlier, 'Huawei', 'GOLD');
    const edition = (await db.event(series)).id;
    await db.registrations(6, edition, await db.ticketType(edition, 'All access', 'CORPORATE', 'IN_PERSON'), { country: 'CN' });
    const alone = await collectReportInput(db.sql, edition, { privacyThreshold: 5, generatedAt });
    expect(alone.previousEditions.map((e) => [e.registrations, e.sponsors])).toEqual([[4, 1]]);

    const second = await ReportScratch.connect();
    const writer = await ReportScratch.connect();
    const { beside, runs } = second.besideRunner();
    try {
      await db.db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // the statistics' snapshot is taken here; what the writer adds below commits after it
      await db.sql('SELECT 1');
      await writer.registrations(1, earlier, earlierTicket);
      await writer.sponsor(earlier, 'Alibaba', 'GOLD');
      const together = await collectReportInput(db.sql, edition, { privacyThreshold: 5, generatedAt, beside });
      await db.db.query('COMMIT');
      // the registrations' part and the trends each ran there
      expect(runs()).toBe(2);
      expect(together.previousEditions).toEqual(alone.previousEditions);
      const after = await collectReportInput(db.sql, edition, { privacyThreshold: 5, generatedAt });
      expect(after.previousEditions.map((e) => [e.registrations, e.sponsors])).toEqual([[5, 2]]);
    } finally {
      await db.db.query('ROLLBACK').catch(() => undefined);
      await second.close();
      await writer.close();
    }
  });

  it('refuses an event that does not exist', async () => {
    await expect(collectReportInput(db.sql, '00000000-0000-4000-8000-000000000000', { privacyThreshold: 5, generatedAt })).rejects.toBeInstanceOf(
      ReportEventNotFoundError,
    );
  });
});
