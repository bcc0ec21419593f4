import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '@lectern/database/prisma.service';
import { TransactionHost } from '@lectern/database/transaction.host';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi, uniqueSlug } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { MeDto } from '@api/auth/auth.dto';
import { AuditPageDto, EventDto, RoleGrantDto } from '@api/events/events.dto';

describe('events', () => {
  let api: TestApi;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi();
    adminToken = await logIn(api.http, api.adminEmail);
  });
  afterAll(() => api.close());

  const newEvent = (seriesSlug: string, slug: string, extra: Record<string, unknown> = {}) => ({
    seriesSlug,
    slug,
    name: { en: 'KubeCon + CloudNativeCon China', 'zh-CN': 'KubeCon + CloudNativeCon 中国' },
    city: { en: 'Shanghai', 'zh-CN': '上海' },
    country: 'cn',
    venue: { en: 'Shanghai Expo Centre' },
    timezone: 'Asia/Shanghai',
    startsAt: '2019-06-24T01:00:00Z',
    endsAt: '2019-06-26T10:00:00Z',
    format: 'IN_PERSON',
    capacity: 3500,
    ...extra,
  });

  it('lets an administrator create a series and a draft edition that only people with a role can see', async () => {
    const seriesSlug = uniqueSlug('series');
    expect((await api.http.post('/v1/series', { slug: seriesSlug, languages: ['en', 'zh-CN'], name: { en: 'KubeCon China' } }, { token: adminToken })).status).toBe(201);
    const slug = uniqueSlug('kcc');
    const created = await api.http.post('/v1/events', newEvent(seriesSlug, slug), { token: adminToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug, city: { en: 'Shanghai', 'zh-CN': '上海' }, country: 'CN', status: 'DRAFT', series: { slug: seriesSlug }, timezone: 'Asia/Shanghai' });

    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(404);
    const stranger = await signUp(api.http, 'stranger');
    expect((await api.http.get(`/v1/events/${slug}`, { token: stranger.token })).status).toBe(404);
    expect((await api.http.get(`/v1/events/${slug}`, { token: adminToken })).status).toBe(200);

    const published = await api.http.patch(`/v1/events/${slug}`, { status: 'PUBLISHED' }, { token: adminToken });
    expect(published.status).toBe(200);
    const anonymous = await api.http.get<Problem>(`/v1/events/${slug}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.status).toBe('PUBLISHED');
  });

  it('serves a published edition to anonymous callers with one database statement', async () => {
    const { slug } = await createEventWithOrganiser(api);
    const prisma = api.app.get(PrismaService);
    const before = prisma.statementCount;
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
    expect(prisma.statementCount - before).toBe(1);
  });

  it('reads an edition and the caller’s roles in SQL exactly as Prisma reads them, outside a transaction and inside one', async () => {
    const parent = await createEventWithOrganiser(api);
    const slug = uniqueSlug('colocated');
    const colocated = newEvent(parent.seriesSlug, slug, {
      venue: undefined,
      startsAt: '2030-06-24T01:00:00Z',
      endsAt: '2030-06-24T09:00:00Z',
      capacity: undefined,
      parentEventSlug: parent.slug,
    });
    expect((await api.http.post('/v1/events', colocated, { token: adminToken })).status).toBe(201);
    const events = api.app.get(EventsRepository);
    const tx = api.app.get(TransactionHost);
    const prisma = api.app.get(PrismaService);
    const asPrismaReadsIt = (eventSlug: string, userId: string) =>
      prisma.event.findUnique({
        where: { slug: eventSlug },
        select: {
          id: true, slug: true, name: true, city: true, country: true, venue: true, timezone: true, startsAt: true, endsAt: true,
          format: true, capacity: true, status: true, seriesId: true, parentEventId: true,
          series: { select: { id: true, slug: true, languages: true, name: true } },
          parentEvent: { select: { slug: true } },
          roleGrants: { where: { userId }, select: { role: true } },
        },
      });
    for (const [eventSlug, userId] of [[parent.slug, parent.organiser.id], [slug, parent.organiser.id]]) {
      const expected = await asPrismaReadsIt(eventSlug, userId);
      expect(expected).not.toBeNull();
      expect(await events.findWithRoles(eventSlug, userId)).toEqual(expected);
      expect(await tx.run(() => events.findWithRoles(eventSlug, userId))).toEqual(expected);
      const { roleGrants: _roles, ...event } = expected!;
      expect(await events.findBySlug(eventSlug)).toEqual(event);
      expect(await tx.run(() => events.findBySlug(eventSlug))).toEqual(event);
    }
    expect((await events.findWithRoles(parent.slug, parent.organiser.id))?.roleGrants).toEqual([{ role: 'ORGANISER' }]);
    expect(await events.findBySlug(uniqueSlug('missing'))).toBeNull();
  });

  it('refuses series and editions from non-administrators, duplicate slugs, bad zones and reversed dates', async () => {
    const user = await signUp(api.http, 'plain');
    const seriesSlug = uniqueSlug('series');
    expect((await api.http.post('/v1/series', { slug: seriesSlug, languages: ['en', 'zh-CN'], name: { en: 'X' } }, { token: user.token })).status).toBe(403);
    await api.http.post('/v1/series', { slug: seriesSlug, languages: ['en', 'zh-CN'], name: { en: 'X' } }, { token: adminToken });
    const dup = await api.http.post<Problem>('/v1/series', { slug: seriesSlug, languages: ['en', 'zh-CN'], name: { en: 'X' } }, { token: adminToken });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SERIES_SLUG_TAKEN');

    expect((await api.http.post('/v1/events', newEvent(seriesSlug, uniqueSlug()), { token: user.token })).status).toBe(403);
    const zone = await api.http.post<Problem>('/v1/events', newEvent(seriesSlug, uniqueSlug(), { timezone: 'Mars/Olympus' }), { token: adminToken });
    expect(zone.status).toBe(400);
    expect(zone.body.code).toBe('EVENT_TIMEZONE_INVALID');
    const dates = await api.http.post<Problem>(
      '/v1/events',
      newEvent(seriesSlug, uniqueSlug(), { startsAt: '2019-06-26T00:00:00Z', endsAt: '2019-06-24T00:00:00Z' }),
      { token: adminToken, lang: 'zh-CN' },
    );
    expect(dates.status).toBe(400);
    expect(dates.body.detail).toBe('活动的结束时间必须晚于开始时间。');
    const slug = uniqueSlug();
    expect((await api.http.post('/v1/events', newEvent(seriesSlug, slug), { token: adminToken })).status).toBe(201);
    const again = await api.http.post<Problem>('/v1/events', newEvent(seriesSlug, slug), { token: adminToken });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVENT_SLUG_TAKEN');
  });

  it('enforces the status machine with a 409', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, {}, false);
    const toCompleted = await api.http.patch(`/v1/events/${slug}`, { status: 'COMPLETED' }, { token: organiser.token });
    expect(toCompleted.status).toBe(409);
    expect(toCompleted.body).toMatchObject({ code: 'EVENT_STATUS_TRANSITION' });
    for (const status of ['PUBLISHED', 'POSTPONED', 'PUBLISHED', 'COMPLETED']) {
      expect((await api.http.patch(`/v1/events/${slug}`, { status }, { token: organiser.token })).status).toBe(200);
    }
    expect((await api.http.patch(`/v1/events/${slug}`, { status: 'PUBLISHED' }, { token: organiser.token })).status).toBe(409);
  });

  it('lets organisers of one edition create the next edition of the same series, not of another', async () => {
    const first = await createEventWithOrganiser(api);
    const next = await api.http.post('/v1/events', newEvent(first.seriesSlug, uniqueSlug('next')), { token: first.organiser.token });
    expect(next.status).toBe(201);
    const otherSeries = uniqueSlug('series');
    await api.http.post('/v1/series', { slug: otherSeries, languages: ['en', 'zh-CN'], name: { en: 'Other' } }, { token: adminToken });
    const foreign = await api.http.post('/v1/events', newEvent(otherSeries, uniqueSlug()), { token: first.organiser.token });
    expect(foreign.status).toBe(403);
  });

  it('keeps organisers of event A out of event B, and users without roles out of role management', async () => {
    const a = await createEventWithOrganiser(api);
    const b = await createEventWithOrganiser(api);
    const patch = await api.http.patch<Problem>(`/v1/events/${b.slug}`, { city: { en: 'Beijing' } }, { token: a.organiser.token });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('FORBIDDEN');
    expect((await api.http.get<Wire<EventDto>>(`/v1/events/${b.slug}`, { token: adminToken })).body.city).toEqual({ en: 'Shanghai' });

    const nobody = await signUp(api.http, 'nobody');
    const grant = await api.http.post(`/v1/events/${a.slug}/roles`, { email: nobody.email, role: 'ORGANISER' }, { token: nobody.token });
    expect(grant.status).toBe(403);
    expect((await api.http.get(`/v1/events/${a.slug}/roles`, { token: nobody.token })).status).toBe(403);
  });

  it('lets organisers grant roles by e-mail, and a reviewer still cannot edit the event', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const reviewer = await signUp(api.http, 'reviewer');
    const granted = await api.http.post<Wire<RoleGrantDto>>(`/v1/events/${slug}/roles`, { email: reviewer.email.toUpperCase(), role: 'REVIEWER' }, { token: organiser.token });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ role: 'REVIEWER', email: reviewer.email });
    const again = await api.http.post<Wire<RoleGrantDto>>(`/v1/events/${slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: organiser.token });
    expect(again.body.id).toBe(granted.body.id);

    const me = await api.http.get<Wire<MeDto>>('/v1/me', { token: reviewer.token });
    expect(me.body.roles).toEqual([expect.objectContaining({ eventSlug: slug, role: 'REVIEWER' })]);

    const edit = await api.http.patch(`/v1/events/${slug}`, { name: { en: 'Hijacked' } }, { token: reviewer.token });
    expect(edit.status).toBe(403);
    const unknownUser = await api.http.post<Problem>(`/v1/events/${slug}/roles`, { email: 'ghost@test.lectern', role: 'REVIEWER' }, { token: organiser.token });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.code).toBe('USER_NOT_FOUND');
  });

  it('never lets concurrent revocations leave an event without an organiser', async () => {
    const { slug, organiser, adminToken: admin } = await createEventWithOrganiser(api);
    const roles = await api.http.get<Wire<RoleGrantDto>[]>(`/v1/events/${slug}/roles`, { token: organiser.token });
    const organiserGrants = roles.body.filter((g: { role: string }) => g.role === 'ORGANISER');
    expect(organiserGrants).toHaveLength(2);
    const results = await Promise.all(
      organiserGrants.map((g: { id: string }) => api.http.delete(`/v1/events/${slug}/roles/${g.id}`, { token: admin })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    const left = await api.http.get<Wire<RoleGrantDto>[]>(`/v1/events/${slug}/roles`, { token: admin });
    expect(left.body.filter((g: { role: string }) => g.role === 'ORGANISER')).toHaveLength(1);
  });

  it('writes every change to the audit log with who, what, before and after', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    await api.http.patch(`/v1/events/${slug}`, { city: { en: 'Beijing', 'zh-CN': '北京' }, capacity: 4000 }, { token: organiser.token, headers: { 'x-request-id': 'audit-check-1' } });
    const log = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${slug}/audit`, { token: organiser.token });
    expect(log.status).toBe(200);
    const update = log.body.items.find((e: { action: string }) => e.action === 'event.updated');
    expect(update).toMatchObject({
      before: { city: { en: 'Shanghai' }, capacity: 3500 },
      after: { city: { en: 'Beijing', 'zh-CN': '北京' }, capacity: 4000 },
      requestId: 'audit-check-1',
      actor: { email: organiser.email },
    });
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['event.created', 'role.granted', 'event.updated']),
    );
  });

  it('lists published editions with cursor pagination and no duplicates', async () => {
    const seriesSlug = uniqueSlug('series');
    await api.http.post('/v1/series', { slug: seriesSlug, languages: ['en', 'zh-CN'], name: { en: 'Paged' } }, { token: adminToken });
    const slugs: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const slug = uniqueSlug(`ed${i}`);
      slugs.push(slug);
      await api.http.post('/v1/events', newEvent(seriesSlug, slug, { startsAt: `201${i}-06-24T01:00:00Z`, endsAt: `201${i}-06-26T01:00:00Z` }), { token: adminToken });
      await api.http.patch(`/v1/events/${slug}`, { status: 'PUBLISHED' }, { token: adminToken });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { slug: string }[]; nextCursor: string | null } } = await api.http.get(
        `/v1/events?series=${seriesSlug}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e) => e.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...slugs].reverse());
    const bad = await api.http.get<Problem>('/v1/events?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CURSOR_INVALID');
  });

  it('lets each series choose its languages, and checks every translated field against them', async () => {
    const seriesSlug = uniqueSlug('seoul');
    const bad = async (body: Record<string, unknown>, lang = 'en') =>
      api.http.post<Problem>('/v1/series', { slug: uniqueSlug('bad'), name: { en: 'Forum' }, ...body }, { token: adminToken, lang });
    const unknown = await bad({ languages: ['en', 'tlh'] }, 'ko');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'SERIES_LANGUAGES_INVALID', errors: [{ field: 'languages.1', code: 'languageUnsupported' }] });
    expect(unknown.body.errors?.[0].message).toContain('tlh');
    expect(unknown.body.title).toBe('사용할 수 없는 언어');
    expect((await bad({ languages: ['en', 'not a tag'] })).body).toMatchObject({ code: 'SERIES_LANGUAGES_INVALID', errors: [{ field: 'languages.1', code: 'languageTagInvalid' }] });
    expect((await bad({ languages: ['ko', 'ko'] })).body).toMatchObject({ errors: [{ field: 'languages.1', code: 'languageRepeated' }] });
    expect((await bad({ languages: [] })).status).toBe(400);

    const series = await api.http.post('/v1/series', { slug: seriesSlug, languages: ['en', 'ko'], name: { en: 'Kubernetes Forum', ko: '쿠버네티스 포럼' } }, { token: adminToken });
    expect(series.status).toBe(201);
    expect(series.body).toMatchObject({ languages: ['en', 'ko'], name: { en: 'Kubernetes Forum', ko: '쿠버네티스 포럼' } });
    const edition = (extra: Record<string, unknown>) => ({
      seriesSlug, slug: uniqueSlug('seoul'), country: 'KR', timezone: 'Asia/Seoul', startsAt: '2030-12-09T00:00:00Z', endsAt: '2030-12-10T09:00:00Z',
      format: 'IN_PERSON', name: { en: 'Kubernetes Forum Seoul', ko: '쿠버네티스 포럼 서울' }, city: { en: 'Seoul', ko: '서울' }, ...extra,
    });
    const notPublished = await api.http.post<Problem>('/v1/events', edition({ city: { en: 'Seoul', ja: 'ソウル' } }), { token: adminToken, lang: 'ja' });
    expect(notPublished.status).toBe(400);
    expect(notPublished.body).toMatchObject({ code: 'LOCALIZED_TEXT_INVALID', errors: [{ field: 'city.ja', code: 'languageNotPublished' }] });
    expect(notPublished.body.title).toBe('テキストの言語が正しくありません');
    const missing = await api.http.post<Problem>('/v1/events', edition({ name: { ko: '쿠버네티스 포럼 서울' } }), { token: adminToken });
    expect(missing.body).toMatchObject({ code: 'LOCALIZED_TEXT_INVALID', errors: [{ field: 'name.en', code: 'languageMissing' }] });
    const malformed = await api.http.post<Problem>('/v1/events', edition({ name: { en: 'Forum', 'en_GB!': 'Forum' } }), { token: adminToken });
    expect(malformed.body).toMatchObject({ code: 'LOCALIZED_TEXT_INVALID', errors: [{ field: 'name.en_GB!', code: 'languageTagInvalid' }] });
    const notAMap = await api.http.post<Problem>('/v1/events', edition({ name: 'Kubernetes Forum Seoul' }), { token: adminToken });
    expect(notAMap.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name', code: 'isLocalizedText' }] });

    const created = await api.http.post<Wire<EventDto>>('/v1/events', edition({}), { token: adminToken });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: { en: 'Kubernetes Forum Seoul', ko: '쿠버네티스 포럼 서울' }, series: { languages: ['en', 'ko'] } });

    // adding Japanese later needs no migration; a new primary language must already be in every text
    const widened = await api.http.patch('/v1/series/' + seriesSlug, { languages: ['en', 'ko', 'ja'] }, { token: adminToken });
    expect(widened.body).toMatchObject({ languages: ['en', 'ko', 'ja'] });
    const renamed = await api.http.patch(`/v1/events/${created.body.slug}`, { city: { en: 'Seoul', ko: '서울', ja: 'ソウル' } }, { token: adminToken });
    expect(renamed.body).toMatchObject({ city: { en: 'Seoul', ko: '서울', ja: 'ソウル' } });
    const noKoreanName = await api.http.patch<Problem>('/v1/series/' + seriesSlug, { languages: ['ja'] }, { token: adminToken });
    expect(noKoreanName.status).toBe(409);
    expect(noKoreanName.body).toMatchObject({ code: 'SERIES_PRIMARY_LANGUAGE_MISSING' });
    expect(noKoreanName.body.languageUses).toEqual(expect.arrayContaining([{ event: null, field: 'series.name', language: 'ja', uses: 1 }]));
  });
});
