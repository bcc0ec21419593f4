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

  it('refuses an event that does not exist', async () => {
    await expect(collectReportInput(db.sql, '00000000-0000-4000-8000-000000000000', { privacyThreshold: 5, generatedAt })).rejects.toBeInstanceOf(
      ReportEventNotFoundError,
    );
  });
});
