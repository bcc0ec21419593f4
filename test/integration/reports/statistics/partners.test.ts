import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportScratch } from '@test/support/report-scratch';
import { collectPartners } from '@reports/statistics/partners';
import { collectScholarships } from '@reports/statistics/scholarships';

// Every expected figure below was counted by hand from the rows this file inserts.
describe('partner, media, co-located event and scholarship statistics', () => {
  let db: ReportScratch;
  let seriesId: string;
  let eventId: string;

  beforeAll(async () => {
    db = await ReportScratch.connect();
    seriesId = await db.series();
    eventId = (await db.event(seriesId)).id;
    await db.sponsor(eventId, 'Huawei', 'STRATEGIC');
    await db.sponsor(eventId, 'Google Cloud', 'PLATINUM');
    await db.sponsor(eventId, 'Alibaba Cloud', 'PLATINUM');
    await db.sponsor(eventId, '腾讯云', 'GOLD');
    await db.partner(eventId, 'OSChina');
    await db.partner(eventId, 'Kubernetes 中文社区');
    for (let i = 0; i < 3; i++) await db.media(eventId, 'MEDIA', 'zh');
    await db.media(eventId, 'MEDIA', 'en');
    await db.media(eventId, 'ANALYST', 'en');
    await db.media(eventId, 'ANALYST', 'en');
    // written in the opposite order to when they were entered, so the order can only come from created_at
    await db.fact(eventId, {
      kind: 'PRESS_CLIPPING', label: { en: 'Record crowd' }, source: 'InfoQ', url: 'https://example.org/a', published_on: '2019-06-27', language: 'zh',
      created_at: new Date('2019-07-02T09:30:00Z'),
    });
    await db.fact(eventId, {
      kind: 'FIGURE', label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' }, value: 184, created_at: new Date('2019-07-01T08:00:00Z'),
    });

    // co-located: one that took place with 2 confirmed registrations (and a cancelled one), a draft, a cancelled one
    const istio = await db.event(seriesId, { parent_event_id: eventId, name: { en: 'Istio Day', 'zh-CN': 'Istio 日' }, starts_at: new Date('2019-06-23T01:00:00Z') });
    const ticket = await db.ticketType(istio.id, 'Day pass', 'INDIVIDUAL', 'IN_PERSON');
    await db.registrations(2, istio.id, ticket);
    await db.registrations(1, istio.id, ticket, { state: 'CANCELLED' });
    await db.event(seriesId, { parent_event_id: eventId, name: { en: 'Draft day' }, status: 'DRAFT' });
    await db.event(seriesId, { parent_event_id: eventId, name: 'Called off', status: 'CANCELLED' });
  });
  afterAll(() => db.close());

  it('lists sponsors with tiers, community partners, and counts media per kind and language', async () => {
    const stats = await collectPartners(db.sql, eventId);
    expect([...stats.sponsors].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Alibaba Cloud', tier: 'PLATINUM' },
      { name: 'Google Cloud', tier: 'PLATINUM' },
      { name: 'Huawei', tier: 'STRATEGIC' },
      { name: '腾讯云', tier: 'GOLD' },
    ]);
    expect(stats.communityPartners.map((p) => p.name).sort()).toEqual(['Kubernetes 中文社区', 'OSChina']);
    const media = [...stats.media].sort((a, b) => `${a.kind}${a.language}`.localeCompare(`${b.kind}${b.language}`));
    expect(media).toEqual([
      { kind: 'ANALYST', language: 'en', count: 2 },
      { kind: 'MEDIA', language: 'en', count: 1 },
      { kind: 'MEDIA', language: 'zh', count: 3 },
    ]);
  });

  it('counts the registrations of co-located events that took place', async () => {
    const stats = await collectPartners(db.sql, eventId);
    expect(stats.colocatedEvents).toEqual([
      { slug: expect.any(String), name: { en: 'Istio Day', 'zh-CN': 'Istio 日' }, startsAt: '2019-06-23T01:00:00.000Z', registrations: 2 },
    ]);
  });

  it('passes organiser-entered facts on, in the order they were entered', async () => {
    const stats = await collectPartners(db.sql, eventId);
    expect(stats.organiserFacts).toEqual([
      {
        kind: 'FIGURE', label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' }, value: 184, source: null, url: null,
        publishedOn: null, language: null, unit: null, enteredAt: '2019-07-01T08:00:00.000Z',
      },
      {
        kind: 'PRESS_CLIPPING', label: { en: 'Record crowd' }, value: null, source: 'InfoQ', url: 'https://example.org/a',
        publishedOn: '2019-06-27', language: 'zh', unit: null, enteredAt: '2019-07-02T09:30:00.000Z',
      },
    ]);
  });

  it('gives empty lists for an edition without any', async () => {
    const empty = (await db.event(seriesId)).id;
    expect(await collectPartners(db.sql, empty)).toEqual({ sponsors: [], communityPartners: [], media: [], colocatedEvents: [], organiserFacts: [] });
    expect(await collectScholarships(db.sql, empty)).toEqual([]);
  });

  it('counts standing applications, standing awards and their travel grants per scholarship programme', async () => {
    const diversity = await db.programme(eventId, 'diversity', 'DIVERSITY');
    const student = await db.programme(eventId, 'student', 'STUDENT', 'CNY');
    await db.programme(eventId, 'unused', 'NEED_BASED');
    // diversity: 4 applications stand (a fifth was withdrawn); awards offered 1,000.00, accepted 2,500.00, declined
    // 4,000.00 and revoked 300.00: 2 awards stand, 3,500.00 granted
    const applications = [];
    for (let i = 0; i < 4; i++) applications.push(await db.application(diversity));
    await db.application(diversity, 'WITHDRAWN');
    await db.award(diversity, applications[0], 'OFFERED', 100_000);
    await db.award(diversity, applications[1], 'ACCEPTED', 250_000);
    await db.award(diversity, applications[2], 'DECLINED', 400_000);
    await db.award(diversity, applications[3], 'REVOKED', 30_000);
    // student: one application, a free registration without money
    await db.award(student, await db.application(student), 'ACCEPTED', 0);

    const rows = await collectScholarships(db.sql, eventId);
    expect(rows).toEqual([
      { key: 'diversity', name: { en: 'diversity scholarship', 'zh-CN': 'diversity 奖学金' }, kind: 'DIVERSITY', currency: 'USD', applications: 4, awards: 2, fundsGrantedMinor: 350_000 },
      { key: 'student', name: { en: 'student scholarship', 'zh-CN': 'student 奖学金' }, kind: 'STUDENT', currency: 'CNY', applications: 1, awards: 1, fundsGrantedMinor: 0 },
      { key: 'unused', name: { en: 'unused scholarship', 'zh-CN': 'unused 奖学金' }, kind: 'NEED_BASED', currency: 'USD', applications: 0, awards: 0, fundsGrantedMinor: 0 },
    ]);
  });
});
