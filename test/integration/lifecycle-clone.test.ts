import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClonedEditionDto } from '@api/lifecycle/lifecycle.dto';
import { Problem, Wire } from '@test/support/api-types';
import { User, complete, expectProblem, openCfp, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, signUp, startApi } from '@test/support/harness';
import { openReview, reviewer } from '@test/support/reviews';

const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(inject('databaseUrl'), sql, params);
const DAY = 86_400_000;

/**
 * Next year's edition from this year's with one call: a 2019 edition configured like the demo's (formats, tracks,
 * questions, CFP and review windows, criteria, ticket types with a quota, a scholarship programme, rooms, days, a
 * lunch block, a co-located event) and lived in (a reviewer, a speaker, an attendee, a voucher, an applicant) is
 * cloned into 2020; the configuration comes along, 400 days later, and none of the people.
 */
describe('cloning an edition', () => {
  let api: TestApi;
  let source: Awaited<ReturnType<typeof openCfp>>;
  let sourceId: string;
  let organiser: User;
  let reviewerUser: User;
  const newSlug = `clone-2020-${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startApi();
    source = await openCfp(
      api,
      { opensAt: '2019-01-10T00:00:00Z', closesAt: '2099-12-31T23:59:59Z' },
      { name: { en: 'KubeCon China 2019', 'zh-CN': 'KubeCon 中国 2019' }, startsAt: '2019-06-24T01:00:00Z', endsAt: '2019-06-26T10:00:00Z' },
    );
    organiser = source.organiser;
    const token = organiser.token;
    const base = `/v1/events/${source.slug}`;
    sourceId = (await db<{ id: string }>('SELECT id FROM events WHERE slug = $1', [source.slug]))[0].id;
    const ok = (response: { status: number; text: string }, status = 201) => expect(response.status, response.text).toBe(status);

    ok(await api.http.post(`${base}/cfp/questions`, { scope: 'SUBMISSION', type: 'BOOLEAN', label: { en: 'Given before?' } }, { token }));
    const old = await api.http.post<{ id: string }>(`${base}/cfp/questions`, { scope: 'SPEAKER', type: 'TEXT', label: { en: 'Old question' } }, { token });
    ok(old);
    ok(await api.http.request('DELETE', `${base}/cfp/questions/${old.body.id}`, { token }), 204);
    await openReview(api, source.slug, token, { opensAt: '2019-03-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z' });

    const inPerson = await api.http.post<{ id: string }>(
      `${base}/ticket-types`,
      { name: { en: 'Corporate' }, category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 19_900, salesStartAt: '2019-01-15T00:00:00Z', salesEndAt: '2019-06-20T00:00:00Z' },
      { token },
    );
    ok(inPerson);
    const open = await api.http.post<{ id: string }>(`${base}/ticket-types`, { name: { en: 'Livestream' }, category: 'VIRTUAL', attendance: 'VIRTUAL' }, { token });
    ok(open);
    ok(await api.http.post(`${base}/quotas`, { name: 'Hall seats', size: 3500, ticketTypeIds: [inPerson.body.id] }, { token }));
    ok(await api.http.post(`${base}/vouchers`, { code: 'SPEAKER2019', ticketTypeId: inPerson.body.id, discount: 'FREE', maxUses: 10 }, { token }));
    const programme = await api.http.post<{ id: string }>(
      `${base}/scholarships/programmes`,
      {
        key: 'diversity',
        name: { en: 'Diversity scholarship' },
        kind: 'DIVERSITY',
        opensAt: '2019-02-01T00:00:00Z',
        closesAt: '2099-12-31T23:59:59Z',
        currency: 'USD',
        budgetMinor: 3_000_000,
        travelCapMinor: 150_000,
        ticketTypeId: inPerson.body.id,
      },
      { token },
    );
    ok(programme);
    ok(await api.http.post(`${base}/rooms`, { slug: 'hall-a', name: { en: 'Hall A' }, capacity: 1200, livestreamed: true }, { token }));
    ok(await api.http.request('PUT', `${base}/schedule/days`, { token, body: { days: [{ date: '2019-06-24', opens: '09:00', closes: '18:00' }] } }), 200);
    ok(await api.http.post(`${base}/schedule/blocks`, { kind: 'LUNCH', name: { en: 'Lunch' }, room: 'hall-a', startsAt: '2019-06-24T12:00', endsAt: '2019-06-24T13:00' }, { token }));
    ok(
      await api.http.post(
        '/v1/events',
        {
          seriesSlug: source.seriesSlug,
          slug: `${source.slug}-cloud-native-day`,
          name: { en: 'Cloud Native Day' },
          city: { en: 'Shanghai' },
          country: 'CN',
          timezone: 'Asia/Shanghai',
          startsAt: '2019-06-23T01:00:00Z',
          endsAt: '2019-06-23T09:00:00Z',
          format: 'IN_PERSON',
          parentEventSlug: source.slug,
        },
        { token: source.adminToken },
      ),
    );

    reviewerUser = await reviewer(api, source.slug, token, 'clone-reviewer');
    const speakerUser = await signUp(api.http, 'clone-speaker');
    ok(await api.http.request('PUT', '/v1/me/speaker-profile', { token: speakerUser.token, body: { name: 'S', bio: 'b', company: 'c', jobTitle: 'j', country: 'CN', firstTimeSpeaker: true } }), 200);
    await submitted(api, source.slug, speakerUser, complete());
    const attendee = await signUp(api.http, 'clone-attendee');
    ok(await api.http.post(`${base}/registrations`, { ticketTypeId: open.body.id, attendeeName: 'Attendee' }, { token: attendee.token }));
    const applicantUser = await signUp(api.http, 'clone-applicant');
    ok(
      await api.http.post(
        `${base}/scholarships/applications`,
        { programmeId: programme.body.id, statement: 'Please.', requestedTravelMinor: 1000, travelOrigin: 'ng', consent: true },
        { token: applicantUser.token },
      ),
    );
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('refuses anyone but its organisers, and a taken slug in the caller’s language, creating nothing', async () => {
    const body = { slug: newSlug, startsAt: '2020-07-28T01:00:00Z' };
    expectProblem(await api.http.post(`/v1/events/${source.slug}/clone`, body, { token: reviewerUser.token }), 403, 'FORBIDDEN');
    const before = await db<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const taken = await api.http.request<Problem>('POST', `/v1/events/${source.slug}/clone`, { token: organiser.token, body: { ...body, slug: source.slug }, lang: 'zh-CN' });
    expectProblem(taken, 409, 'EVENT_SLUG_TAKEN');
    expect(taken.body.detail).not.toMatch(/Another event/);
    const colocated = await api.http.request<Problem>('POST', `/v1/events/${source.slug}-cloud-native-day/clone`, { token: source.adminToken, body });
    expectProblem(colocated, 409, 'CLONE_SOURCE_COLOCATED');
    expect(await db<{ n: number }>('SELECT count(*)::int AS n FROM events')).toEqual(before);
  });

  it('copies the configuration 400 days later and none of the people, in one call', async () => {
    const cloned = await api.http.post<Wire<ClonedEditionDto>>(
      `/v1/events/${source.slug}/clone`,
      { slug: newSlug, startsAt: '2020-07-28T01:00:00Z', name: { en: 'KubeCon China 2020', 'zh-CN': 'KubeCon 中国 2020' } },
      { token: organiser.token },
    );
    expect(cloned.status, cloned.text).toBe(201);
    expect(cloned.body).toMatchObject({
      slug: newSlug,
      status: 'DRAFT',
      startsAt: '2020-07-28T01:00:00.000Z',
      endsAt: '2020-07-30T10:00:00.000Z',
      timezone: 'Asia/Shanghai',
      source: { id: sourceId, slug: source.slug },
      shiftMs: 400 * DAY,
      colocatedEventSlugs: [`${newSlug}-cloud-native-day`],
    });
    expect(cloned.body.copied).toEqual({
      sessionFormats: expect.any(Number),
      tracks: 1,
      cfpQuestions: 1,
      cfpSettings: 1,
      reviewSettings: 1,
      reviewCriteria: 4,
      ticketTypes: 2,
      quotas: 1,
      scholarshipProgrammes: 1,
      rooms: 1,
      scheduleDays: 1,
      scheduleBlocks: 1,
      colocatedEvents: 1,
    });
    const id = cloned.body.id;
    const one = async <T extends Record<string, unknown>>(sql: string) => (await db<T>(sql, [id]))[0];

    // the same formats and tracks by slug
    const slugs = (table: string, eventId: string) => db<{ slug: string }>(`SELECT slug FROM ${table} WHERE event_id = $1 ORDER BY slug`, [eventId]);
    expect(await slugs('session_formats', id)).toEqual(await slugs('session_formats', sourceId));
    expect(cloned.body.copied.sessionFormats).toBe((await slugs('session_formats', sourceId)).length);
    expect(await slugs('tracks', id)).toEqual([{ slug: 'scheduling' }]);
    // only the questions still asked; windows moved; codes numbered from the start
    expect(await db('SELECT label->>\'en\' AS label FROM cfp_questions WHERE event_id = $1', [id])).toEqual([{ label: 'Given before?' }]);
    expect(await one('SELECT opens_at, last_code_number FROM cfp_settings WHERE event_id = $1')).toEqual({
      opens_at: new Date('2020-02-14T00:00:00Z'),
      last_code_number: 0,
    });
    expect(await one('SELECT opens_at FROM review_settings WHERE event_id = $1')).toEqual({ opens_at: new Date('2020-04-04T00:00:00Z') });
    expect((await db('SELECT key FROM review_criteria WHERE event_id = $1 ORDER BY key', [id])).length).toBe(4);
    // ticket types with their sales windows moved, the quota linked to the new type, the programme to it too
    const types = await db<{ id: string; category: string; sales_start_at: Date | null; sales_end_at: Date | null }>(
      'SELECT id, category::text, sales_start_at, sales_end_at FROM ticket_types WHERE event_id = $1 ORDER BY category',
      [id],
    );
    expect(types.map(({ category, sales_start_at, sales_end_at }) => ({ category, sales_start_at, sales_end_at }))).toEqual([
      { category: 'CORPORATE', sales_start_at: new Date('2020-02-19T00:00:00Z'), sales_end_at: new Date('2020-07-24T00:00:00Z') },
      { category: 'VIRTUAL', sales_start_at: null, sales_end_at: null },
    ]);
    const corporate = types[0].id;
    expect(
      await db('SELECT q.size, l.ticket_type_id FROM quotas q JOIN ticket_type_quotas l ON l.quota_id = q.id WHERE q.event_id = $1', [id]),
    ).toEqual([{ size: 3500, ticket_type_id: corporate }]);
    expect(await one('SELECT key, ticket_type_id, opens_at, budget_minor FROM scholarship_programmes WHERE event_id = $1')).toEqual({
      key: 'diversity',
      ticket_type_id: corporate,
      opens_at: new Date('2020-03-07T00:00:00Z'),
      budget_minor: 3_000_000,
    });
    // rooms, days and blocks, the block still in its room
    const room = await one<{ id: string; slug: string; livestreamed: boolean }>('SELECT id, slug, livestreamed FROM rooms WHERE event_id = $1');
    expect(room).toMatchObject({ slug: 'hall-a', livestreamed: true });
    expect(await one("SELECT to_char(date, 'YYYY-MM-DD') AS date, opens_at FROM schedule_days WHERE event_id = $1")).toEqual({
      date: '2020-07-28',
      opens_at: new Date('2020-07-28T01:00:00Z'),
    });
    expect(await one('SELECT room_id, starts_at FROM schedule_blocks WHERE event_id = $1')).toEqual({ room_id: room.id, starts_at: new Date('2020-07-28T04:00:00Z') });
    // the co-located event as a shell of the new edition
    expect(await db('SELECT slug, status::text, starts_at FROM events WHERE parent_event_id = $1', [id])).toEqual([
      { slug: `${newSlug}-cloud-native-day`, status: 'DRAFT', starts_at: new Date('2020-07-27T01:00:00Z') },
    ]);

    // nobody came along but the caller, as organiser
    expect(await db('SELECT user_id, role::text FROM role_grants WHERE event_id = $1', [id])).toEqual([{ user_id: organiser.id, role: 'ORGANISER' }]);
    for (const table of ['submissions', 'registrations', 'vouchers', 'reviewer_tracks', 'review_assignments', 'sponsors', 'webhook_subscriptions']) {
      expect(await one(`SELECT count(*)::int AS n FROM ${table} WHERE event_id = $1`), table).toEqual({ n: 0 });
    }
    expect(await one('SELECT count(*)::int AS n FROM scholarship_applications a JOIN scholarship_programmes p ON p.id = a.programme_id WHERE p.event_id = $1')).toEqual({ n: 0 });
    // the source is untouched
    expect(await db('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1', [sourceId])).toEqual([{ n: 1 }]);

    // the audit entry names the source
    expect(await one("SELECT actor_id, after->'source'->>'slug' AS source FROM audit_log WHERE event_id = $1 AND action = 'event.cloned'")).toEqual({
      actor_id: organiser.id,
      source: source.slug,
    });
    // the organiser works on the draft at once
    expect((await api.http.get(`/v1/events/${newSlug}/cfp`, { token: organiser.token })).status).toBe(200);
  });
});
