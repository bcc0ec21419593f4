import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportScratch } from '@test/support/report-scratch';
import { buildReport } from '@reports/build-report';
import { OTHER_KEY } from '@reports/report.model';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { RegistrationStatistics, collectRegistrations } from '@reports/statistics/registrations';
import { SqlRunner } from '@reports/statistics/sql';

const byKey = <T extends { key: string }>(groups: T[]) => [...groups].sort((a, b) => (a.key < b.key ? -1 : 1));
/** The statistics with every list of groups in key order: the order groups come back in carries no meaning. */
const inKeyOrder = (stats: RegistrationStatistics) => ({
  ...stats,
  countries: { ...stats.countries, groups: byKey(stats.countries.groups) },
  companySize: { ...stats.companySize, groups: byKey(stats.companySize.groups) },
  jobFunction: { ...stats.jobFunction, groups: byKey(stats.jobFunction.groups) },
  industry: { ...stats.industry, groups: byKey(stats.industry.groups) },
  gender: { ...stats.gender, groups: byKey(stats.gender.groups) },
  ticketTypes: byKey(stats.ticketTypes),
});

// Every expected figure below was counted by hand from the rows this file inserts.
describe('registration statistics', () => {
  let db: ReportScratch;
  let eventId: string;
  const tickets = { allAccess: '', speaker: '', livestream: '' };

  beforeAll(async () => {
    db = await ReportScratch.connect();
    const series = await db.series();
    eventId = (await db.event(series)).id;
    tickets.allAccess = await db.ticketType(eventId, 'All access', 'CORPORATE', 'IN_PERSON', '全场通行票');
    tickets.speaker = await db.ticketType(eventId, 'Speaker', 'SPEAKER', 'IN_PERSON');
    tickets.livestream = await db.ticketType(eventId, 'Livestream', 'VIRTUAL', 'VIRTUAL', '直播');

    const chinese = await db.registrations(6, eventId, tickets.allAccess, {
      country: 'CN', company_size: 'SIZE_3000_PLUS', job_function: 'DEVELOPER', industry: 'INFORMATION_TECHNOLOGY', first_time_attendee: true, gender: 'MAN',
    });
    await db.registrations(2, eventId, tickets.allAccess, {
      country: 'US', company_size: 'SIZE_1_9', job_function: 'ARCHITECT', industry: 'FINANCIALS', first_time_attendee: false, gender: 'WOMAN',
    });
    // consented, but answered only the country
    await db.registrations(1, eventId, tickets.speaker, { country: 'CN' });
    // no consent: no self-described data at all
    const virtual = await db.registrations(2, eventId, tickets.livestream);
    // neither counts: a cancellation and an unpaid registration
    const [cancelled] = await db.registrations(1, eventId, tickets.allAccess, { state: 'CANCELLED', country: 'JP', first_time_attendee: true });
    await db.registrations(1, eventId, tickets.allAccess, { state: 'PENDING', country: 'CN', first_time_attendee: true });

    // five of the six checked in, one of them on two days; a cancelled and a virtual registration "checked in" too
    for (const id of chinese.slice(0, 5)) await db.checkIn(eventId, id);
    await db.checkIn(eventId, chinese[0], '2019-06-25');
    await db.checkIn(eventId, cancelled);
    await db.checkIn(eventId, virtual[0]);

    // another edition's registrations never leak into this one
    const other = (await db.event(series, { starts_at: new Date('2020-06-24T01:00:00Z'), ends_at: new Date('2020-06-26T01:00:00Z') })).id;
    const otherTicket = await db.ticketType(other, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(3, other, otherTicket, { country: 'CN', first_time_attendee: true });
  });
  afterAll(() => db.close());

  it('counts confirmed registrations, in person and virtual, and check-ins of in-person ones', async () => {
    const stats = await collectRegistrations(db.sql, eventId);
    // 6 + 2 + 1 in person, 2 virtual; the cancelled and the pending one are left out
    expect(stats.registrations).toEqual({ total: 11, inPerson: 9, virtual: 2, checkedIn: 5 });
  });

  it('has no check-in figure for an edition that recorded no check-in, and a real 0 for one that scanned only what does not count', async () => {
    // editions of their own, so that their rows change no other test's figures
    const series = await db.series();
    const never = (await db.event(series)).id;
    const inPerson = await db.ticketType(never, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(4, never, inPerson, { country: 'NL' });
    expect((await collectRegistrations(db.sql, never)).registrations).toEqual({ total: 4, inPerson: 4, virtual: 0, checkedIn: null });

    const scanned = (await db.event(series)).id;
    const hall = await db.ticketType(scanned, 'All access', 'CORPORATE', 'IN_PERSON');
    const stream = await db.ticketType(scanned, 'Livestream', 'VIRTUAL', 'VIRTUAL');
    await db.registrations(3, scanned, hall);
    const [streamed] = await db.registrations(1, scanned, stream);
    const [cancelled] = await db.registrations(1, scanned, hall, { state: 'CANCELLED' });
    // the badges scanned: a virtual registration's and one cancelled since; none of the three counted in person
    await db.checkIn(scanned, streamed);
    await db.checkIn(scanned, cancelled);
    expect((await collectRegistrations(db.sql, scanned)).registrations).toEqual({ total: 4, inPerson: 3, virtual: 1, checkedIn: 0 });
  });

  it('counts each self-described answer with the registrations that gave none', async () => {
    const stats = await collectRegistrations(db.sql, eventId);
    // 6 yes, 2 no; the speaker and the two virtual registrations did not answer
    expect(stats.firstTime).toEqual({ yes: 6, respondents: 8 });
    expect(byKey(stats.countries.groups)).toEqual([{ key: 'CN', count: 7 }, { key: 'US', count: 2 }]);
    expect(stats.countries.notAnswered).toBe(2);
    expect(byKey(stats.companySize.groups)).toEqual([{ key: 'SIZE_1_9', count: 2 }, { key: 'SIZE_3000_PLUS', count: 6 }]);
    expect(stats.companySize.notAnswered).toBe(3);
    expect(byKey(stats.jobFunction.groups)).toEqual([{ key: 'ARCHITECT', count: 2 }, { key: 'DEVELOPER', count: 6 }]);
    expect(byKey(stats.industry.groups)).toEqual([{ key: 'FINANCIALS', count: 2 }, { key: 'INFORMATION_TECHNOLOGY', count: 6 }]);
    expect(byKey(stats.gender.groups)).toEqual([{ key: 'MAN', count: 6 }, { key: 'WOMAN', count: 2 }]);
    expect(stats.gender.notAnswered).toBe(3);
  });

  it('counts the ticket mix per ticket type, with the organiser’s names', async () => {
    const stats = await collectRegistrations(db.sql, eventId);
    expect(byKey(stats.ticketTypes)).toEqual(
      byKey([
        { key: tickets.allAccess, count: 8, name: { en: 'All access', 'zh-CN': '全场通行票' } },
        { key: tickets.speaker, count: 1, name: { en: 'Speaker' } },
        { key: tickets.livestream, count: 2, name: { en: 'Livestream', 'zh-CN': '直播' } },
      ]),
    );
  });

  it('gives the same figures with the second scan on a second connection, which sees the first one’s snapshot', async () => {
    // an edition of its own, so that the registration this test adds changes no other test's figures
    const edition = (await db.event(await db.series())).id;
    const ticket = await db.ticketType(edition, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(3, edition, ticket, { country: 'CN', job_function: 'DEVELOPER', industry: 'INFORMATION_TECHNOLOGY', first_time_attendee: true });
    await db.registrations(2, edition, ticket, { country: 'US', gender: 'WOMAN' });
    const alone = await collectRegistrations(db.sql, edition);
    const second = await ReportScratch.connect();
    const writer = await ReportScratch.connect();
    const { beside, runs } = second.besideRunner();
    try {
      await db.db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // the statistics' snapshot is taken here; the registration below commits after it
      await db.sql('SELECT 1');
      await writer.registrations(1, edition, ticket, { country: 'JP', job_function: 'ARCHITECT', industry: 'FINANCIALS' });
      const together = await collectRegistrations(db.sql, edition, beside);
      await db.db.query('COMMIT');
      expect(runs()).toBe(1);
      // countries, job functions and industries come from the second connection: without the first one's snapshot
      // it would count the registration written after it (JP)
      expect(inKeyOrder(together)).toEqual(inKeyOrder(alone));
      const after = await collectRegistrations(db.sql, edition);
      expect(after.countries.groups.find((group) => group.key === 'JP')).toEqual({ key: 'JP', count: 1 });
    } finally {
      await db.db.query('ROLLBACK').catch(() => undefined);
      await second.close();
      await writer.close();
    }
  });

  it('splits the registrations between the two connections by page, each counting its own rows once', async () => {
    // enough rows for several pages (about 35 a page), so that each connection has a part to count
    const edition = (await db.event(await db.series())).id;
    const inPerson = await db.ticketType(edition, 'All access', 'CORPORATE', 'IN_PERSON');
    const virtual = await db.ticketType(edition, 'Livestream', 'VIRTUAL', 'VIRTUAL');
    const early = await db.registrations(120, edition, inPerson, { country: 'CN', gender: 'MAN', first_time_attendee: true });
    await db.registrations(60, edition, virtual, { country: 'US', industry: 'FINANCIALS' });
    await db.registrations(120, edition, inPerson, { country: 'JP', company_size: 'SIZE_1_9', first_time_attendee: false });
    for (const id of early.slice(0, 30)) await db.checkIn(edition, id);
    const alone = await collectRegistrations(db.sql, edition);
    expect(alone.registrations).toEqual({ total: 300, inPerson: 240, virtual: 60, checkedIn: 30 });

    /** The registrations each connection counted: the `total` row of its part of the scan. */
    const counted: number[] = [];
    const recording =
      (sql: SqlRunner): SqlRunner =>
      async <T,>(text: string, values?: unknown[]) => {
        const rows = await sql<T>(text, values);
        const total = (rows as { dimension?: string; count?: unknown }[]).find((row) => row.dimension === 'total');
        if (total) counted.push(Number(total.count));
        return rows;
      };
    const second = await ReportScratch.connect();
    const { beside } = second.besideRunner(recording);
    try {
      await db.db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const together = await collectRegistrations(recording(db.sql), edition, beside);
      await db.db.query('COMMIT');
      expect(inKeyOrder(together)).toEqual(inKeyOrder(alone));
      expect(counted).toHaveLength(2);
      expect(counted.every((part) => part > 0)).toBe(true);
      expect(counted[0] + counted[1]).toBe(300);
    } finally {
      await db.db.query('ROLLBACK').catch(() => undefined);
      await second.close();
    }
  });

  it('applies the privacy threshold to what it collected', async () => {
    const generatedAt = new Date('2019-07-01T00:00:00Z');
    const strict = buildReport(await collectReportInput(db.sql, eventId, { privacyThreshold: 5, generatedAt }));
    // US (2) is below 5; alone in "other" it would still show 2, so CN (7) joins it: only "other" (9) is left
    expect(strict.attendees.countries).toMatchObject({
      respondents: 9,
      notAnswered: 2,
      items: [{ key: OTHER_KEY, count: 9, percent: 100, groups: 2 }],
      privacy: { mergedGroups: 2, suppressed: false },
    });
    // 2 said no: below 5, so the first-time share is hidden
    expect(strict.attendees.firstTime).toEqual({ count: null, respondents: 8, percent: null, suppressed: true });
    // Speaker (1) and Livestream (2) are merged into a group of 3, still below 5, so All access (8) joins: 11
    expect(strict.attendees.ticketMix!.items).toEqual([{ key: OTHER_KEY, count: 11, percent: 100, groups: 3 }]);
    expect(strict.privacy.notes.map((n) => n.section)).toEqual(
      expect.arrayContaining(['attendees.countries', 'attendees.firstTime', 'attendees.ticketMix']),
    );

    const open = buildReport(await collectReportInput(db.sql, eventId, { privacyThreshold: 1, generatedAt }));
    // 7 of 9 = 77.8%, 2 of 9 = 22.2%
    expect(open.attendees.countries!.items.map((i) => [i.key, i.count, i.percent])).toEqual([['CN', 7, 77.8], ['US', 2, 22.2]]);
    // 6 of 8 = 75%
    expect(open.headline.firstTimeAttendees).toEqual({ count: 6, respondents: 8, percent: 75, suppressed: false });
    // 5 of 9 in-person registrations
    expect(open.attendees.checkIn).toEqual({ eligible: 9, checkedIn: 5, percent: 55.6 });
    expect(open.headline).toMatchObject({ registrations: 11, virtualRegistrations: 2, countries: 2, continents: 2 });
    expect(open.privacy).toEqual({ threshold: 1, notes: [] });
  });
});
