import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { SessionDto } from '@api/auth/auth.dto';
import { EditionChangeListDto, EditionChangeResultDto } from '@api/lifecycle/lifecycle.dto';
import { Problem, Wire } from '@test/support/api-types';
import { expectProblem } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, createEventWithOrganiser, startApi, testConfig } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';

const LANGUAGES = ['en', 'zh-CN', 'ja', 'ko'] as const;
type Lang = (typeof LANGUAGES)[number];
const NAME = 'KubeCon Europe 2030';
/** Each kind's subject, as the recipient's language words it. */
const SUBJECT: Record<'POSTPONED' | 'RESCHEDULED' | 'CANCELLED', Record<Lang, string>> = {
  POSTPONED: { en: `${NAME} has been postponed`, 'zh-CN': `${NAME} 已延期`, ja: `${NAME} は延期されました`, ko: `${NAME} 행사가 연기되었습니다` },
  RESCHEDULED: { en: `New dates for ${NAME}`, 'zh-CN': `${NAME} 公布了新日期`, ja: `${NAME} の新しい日程`, ko: `${NAME} 새 일정 안내` },
  CANCELLED: { en: `${NAME} has been cancelled`, 'zh-CN': `${NAME} 已取消`, ja: `${NAME} は中止になりました`, ko: `${NAME} 행사가 취소되었습니다` },
};
const DAY = 86_400_000;

interface Person {
  email: string;
  token: string;
  id: string;
  locale: Lang;
}

/**
 * KubeCon Europe's spring of 2020 on a small scale: an Amsterdam edition with attendees (some paid), a speaker who
 * also registered, a scholarship applicant, a reviewer and its organisers, in four languages. It is postponed from
 * 30 March – 2 April to 13–16 August, published again, then cancelled; each time every person concerned gets one
 * e-mail in their language through the real worker and SMTP on loopback, and nothing is lost.
 */
describe('postponing, rescheduling and cancelling an edition', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let edition: Awaited<ReturnType<typeof createEventWithOrganiser>>;
  let eventId: string;
  let paidType: string;
  const attendees: Person[] = [];
  const registrationOf = new Map<string, string>();
  let speakerPerson: Person;
  let applicant: Person;
  let reviewerPerson: Person;
  let everybody: { email: string; locale: Lang }[];
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);
  const ok = (response: { status: number; text: string }, status = 201) => expect(response.status, response.text).toBe(status);

  async function person(label: string, locale: Lang): Promise<Person> {
    const email = `${label}-${randomBytes(4).toString('hex')}@amsterdam.test`;
    const response = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name: `P ${label}`, locale });
    expect(response.status, response.text).toBe(201);
    return { email, token: response.body.token, id: response.body.user.id, locale };
  }

  /** Waits for every delivery of the edition's change messages to be sent, then counts them per address. */
  async function toldOnce(kind: keyof typeof SUBJECT, expected: { email: string; locale: Lang }[]) {
    const subjects = new Set(Object.values(SUBJECT[kind]));
    const mailsOf = () => sink.received.filter((mail) => subjects.has(mail.parsed.subject ?? ''));
    await waitUntil(() => Promise.resolve(mailsOf().length >= expected.length), 60_000, `${kind} e-mails`);
    // a little longer: a duplicate would arrive now
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mails = mailsOf();
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(expected.map((p) => p.email).sort());
    for (const { email, locale } of expected) {
      const mail = mails.find((m) => m.to[0] === email)!;
      expect(mail.parsed.subject, `${email} in ${locale}`).toBe(SUBJECT[kind][locale]);
      expect(mail.parsed.headers.get('content-language')).toBe(locale);
    }
    return mails;
  }

  const snapshot = async () => ({
    event: await db('SELECT status::text, starts_at, ends_at FROM events WHERE id = $1', [eventId]),
    changes: await db('SELECT count(*)::int AS n FROM edition_changes WHERE event_id = $1', [eventId]),
    registrations: await db('SELECT state::text, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY 1 ORDER BY 1', [eventId]),
    sales: await db('SELECT sales_end_at FROM ticket_types WHERE event_id = $1 ORDER BY sales_end_at', [eventId]),
  });

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('lifecycle');
    sink = new SmtpSink();
    await sink.start();
    const overrides = env.overrides(sink);
    api = await startApi(overrides);
    worker = await createWorker(testConfig({ ...overrides, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();

    edition = await createEventWithOrganiser(
      api,
      { name: { en: NAME }, city: { en: 'Amsterdam' }, country: 'NL', timezone: 'Europe/Amsterdam', startsAt: '2030-03-30T07:00:00Z', endsAt: '2030-04-02T16:00:00Z' },
      true,
      [...LANGUAGES],
    );
    eventId = edition.event.id;
    const token = edition.organiser.token;
    const base = `/v1/events/${edition.slug}`;
    ok(await api.http.request('PUT', `${base}/cfp`, { token, body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2029-12-31T23:00:00Z', maxSubmissionsPerSpeaker: 3 } }), 200);
    ok(await api.http.post(`${base}/cfp/tracks`, { slug: 'scheduling', name: { en: 'Scheduling' } }, { token }));
    const paid = await api.http.post<{ id: string }>(
      `${base}/ticket-types`,
      { name: { en: 'Corporate' }, category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 109_900, currency: 'EUR', salesStartAt: '2020-01-01T00:00:00Z', salesEndAt: '2030-03-27T00:00:00Z' },
      { token },
    );
    ok(paid);
    paidType = paid.body.id;
    ok(
      await api.http.post(
        `${base}/ticket-types`,
        { name: { en: 'Early bird' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON', priceCents: 59_900, currency: 'EUR', salesStartAt: '2020-01-01T00:00:00Z', salesEndAt: '2025-01-01T00:00:00Z' },
        { token },
      ),
    );
    const programme = await api.http.post<{ id: string }>(
      `${base}/scholarships/programmes`,
      { key: 'diversity', name: { en: 'Diversity' }, kind: 'DIVERSITY', opensAt: '2000-01-01T00:00:00Z', closesAt: '2029-12-31T00:00:00Z', currency: 'EUR', budgetMinor: 1_000_000, travelCapMinor: 100_000 },
      { token },
    );
    ok(programme);
    ok(await api.http.request('PUT', `${base}/schedule/days`, { token, body: { days: [{ date: '2030-03-31', opens: '09:00', closes: '18:00' }] } }), 200);

    for (let i = 0; i < 8; i += 1) {
      const attendee = await person(`attendee${i}`, LANGUAGES[i % 4]);
      const registered = await api.http.post<{ id: string }>(`${base}/registrations`, { ticketTypeId: paidType, attendeeName: `Attendee ${i}` }, { token: attendee.token });
      ok(registered);
      registrationOf.set(attendee.id, registered.body.id);
      // half of them paid
      if (i < 4) ok(await api.http.post(`${base}/registrations/${registered.body.id}/mark-paid`, undefined, { token }), 200);
      attendees.push(attendee);
    }
    speakerPerson = await person('speaker', 'ja');
    ok(await api.http.request('PUT', '/v1/me/speaker-profile', { token: speakerPerson.token, body: { name: 'S', bio: 'b', company: 'c', jobTitle: 'j', country: 'JP', firstTimeSpeaker: true } }), 200);
    const draft = await api.http.post<{ id: string }>(
      `${base}/submissions`,
      { title: 'Scheduling at scale', abstract: 'a', format: 'breakout', track: 'scheduling', level: 'BEGINNER', language: 'en' },
      { token: speakerPerson.token },
    );
    ok(draft);
    ok(await api.http.post(`${base}/submissions/${draft.body.id}/submit`, undefined, { token: speakerPerson.token }), 200);
    // the speaker registered too: still one message
    ok(await api.http.post(`${base}/registrations`, { ticketTypeId: paidType, attendeeName: 'Speaker' }, { token: speakerPerson.token }));
    applicant = await person('applicant', 'ko');
    ok(
      await api.http.post(
        `${base}/scholarships/applications`,
        { programmeId: programme.body.id, statement: 'Please.', requestedTravelMinor: 1000, travelOrigin: 'ng', consent: true },
        { token: applicant.token },
      ),
    );
    reviewerPerson = await person('reviewer', 'zh-CN');
    ok(await api.http.post(`${base}/roles`, { email: reviewerPerson.email, role: 'REVIEWER' }, { token }));
    everybody = [
      ...attendees,
      speakerPerson,
      applicant,
      reviewerPerson,
      { email: edition.organiser.email, locale: 'en' },
      { email: api.adminEmail, locale: 'en' },
    ];
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  it('refuses bad dates with a problem in the caller’s language and changes nothing', async () => {
    const before = await snapshot();
    const postpone = (body: Record<string, unknown>, lang: string) =>
      api.http.request<Problem>('POST', `/v1/events/${edition.slug}/postpone`, { token: edition.organiser.token, body, lang });
    const past = await postpone({ startsAt: '2020-08-13T07:00:00Z', endsAt: '2020-08-16T16:00:00Z' }, 'zh-CN');
    expectProblem(past, 400, 'EDITION_DATES_IN_PAST');
    expect(past.body.detail).toBe('新日期不能早于今天。');
    const pastEn = await postpone({ startsAt: '2020-08-13T07:00:00Z', endsAt: '2020-08-16T16:00:00Z' }, 'en');
    expect(pastEn.body.detail).toBe('The new dates must not start before today.');
    for (const [lang, detail] of [['en', 'The event must end after it starts.'], ['zh-CN', '活动的结束时间必须晚于开始时间。']]) {
      const backwards = await postpone({ startsAt: '2030-08-16T16:00:00Z', endsAt: '2030-08-13T07:00:00Z' }, lang);
      expectProblem(backwards, 400, 'EVENT_DATES_INVALID');
      expect(backwards.body.detail).toBe(detail);
    }
    expectProblem(await postpone({ startsAt: '2030-08-13T07:00:00Z' }, 'ko'), 400, 'EDITION_DATES_REQUIRED');
    expectProblem(await api.http.request('POST', `/v1/events/${edition.slug}/reschedule`, { token: edition.organiser.token, body: {} }), 409, 'EVENT_STATUS_TRANSITION');
    expectProblem(await api.http.request('POST', `/v1/events/${edition.slug}/postpone`, { token: reviewerPerson.token, body: {} }), 403, 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('postpones to 13–16 August: windows move, everything is kept, everyone is told once in their language', async () => {
    const postponed = await api.http.request<Wire<EditionChangeResultDto>>('POST', `/v1/events/${edition.slug}/postpone`, {
      token: edition.organiser.token,
      body: { startsAt: '2030-08-13T07:00:00Z', endsAt: '2030-08-16T16:00:00Z' },
    });
    ok(postponed, 200);
    expect(postponed.body.event).toMatchObject({ status: 'POSTPONED', startsAt: '2030-08-13T07:00:00.000Z', endsAt: '2030-08-16T16:00:00.000Z' });
    expect(postponed.body.change).toMatchObject({ kind: 'POSTPONED', windowsShifted: true, registrationsCancelled: 0, from: { startsAt: '2030-03-30T07:00:00.000Z' } });
    const shift = 136 * DAY;
    expect(await db('SELECT sales_end_at FROM ticket_types WHERE id = $1', [paidType])).toEqual([{ sales_end_at: new Date(Date.parse('2030-03-27T00:00:00Z') + shift) }]);
    expect(await db("SELECT to_char(date, 'YYYY-MM-DD') AS date FROM schedule_days WHERE event_id = $1", [eventId])).toEqual([{ date: '2030-08-14' }]);
    expect(await db('SELECT closes_at FROM scholarship_programmes WHERE event_id = $1', [eventId])).toEqual([{ closes_at: new Date(Date.parse('2029-12-31T00:00:00Z') + shift) }]);
    // a window already closed stays closed
    expect(await db("SELECT sales_end_at FROM ticket_types WHERE event_id = $1 AND category = 'INDIVIDUAL'", [eventId])).toEqual([{ sales_end_at: new Date('2025-01-01T00:00:00Z') }]);
    expect(await db('SELECT state::text, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY 1 ORDER BY 1', [eventId])).toEqual([
      { state: 'CONFIRMED', n: 4 },
      { state: 'PENDING', n: 5 },
    ]);

    const mails = await toldOnce('POSTPONED', everybody);
    const chinese = mails.find((m) => m.to[0] === attendees[1].email)!;
    expect(chinese.parsed.text).toContain('2030年8月13日');
    expect(chinese.parsed.text).toContain('2030年3月30日');
  });

  it('lets an attendee who paid cancel with the refund due; one who did not owes nothing back', async () => {
    const cancel = (who: Person) => api.http.post(`/v1/events/${edition.slug}/registrations/${registrationOf.get(who.id)}/cancel`, undefined, { token: who.token });
    ok(await cancel(attendees[0]), 200);
    ok(await cancel(attendees[5]), 200);
    expect(
      await db('SELECT user_id, refund_due_cents FROM registrations WHERE id = ANY($1::uuid[]) ORDER BY refund_due_cents DESC', [
        [registrationOf.get(attendees[0].id), registrationOf.get(attendees[5].id)],
      ]),
    ).toEqual([
      { user_id: attendees[0].id, refund_due_cents: 109_900 },
      { user_id: attendees[5].id, refund_due_cents: 0 },
    ]);
  });

  it('publishes it again and tells everyone still concerned once more', async () => {
    const rescheduled = await api.http.request<Wire<EditionChangeResultDto>>('POST', `/v1/events/${edition.slug}/reschedule`, { token: edition.organiser.token, body: {} });
    ok(rescheduled, 200);
    expect(rescheduled.body.event.status).toBe('PUBLISHED');
    expect(rescheduled.body.change).toMatchObject({ kind: 'RESCHEDULED', windowsShifted: false, to: { startsAt: '2030-08-13T07:00:00.000Z' } });
    const stillConcerned = everybody.filter((p) => p.email !== attendees[0].email && p.email !== attendees[5].email);
    await toldOnce('RESCHEDULED', stillConcerned);
  });

  it('cancels: every registration cancelled with its refund due, nothing deleted, everyone told; then refuses to postpone it', async () => {
    const cancelled = await api.http.request<Wire<EditionChangeResultDto>>('POST', `/v1/events/${edition.slug}/cancel`, { token: edition.organiser.token });
    ok(cancelled, 200);
    expect(cancelled.body.change).toMatchObject({ kind: 'CANCELLED', registrationsCancelled: 7 });
    expect(
      await db(
        `SELECT state::text, cancel_reason::text AS reason, refund_due_cents AS refund, count(*)::int AS n
           FROM registrations WHERE event_id = $1 GROUP BY 1, 2, 3 ORDER BY 2, 3`,
        [eventId],
      ),
    ).toEqual([
      { state: 'CANCELLED', reason: 'ATTENDEE', refund: 0, n: 1 },
      { state: 'CANCELLED', reason: 'ATTENDEE', refund: 109_900, n: 1 },
      { state: 'CANCELLED', reason: 'ORGANISER', refund: 0, n: 4 },
      { state: 'CANCELLED', reason: 'ORGANISER', refund: 109_900, n: 3 },
    ]);
    const stillConcerned = everybody.filter((p) => p.email !== attendees[0].email && p.email !== attendees[5].email);
    const mails = await toldOnce('CANCELLED', stillConcerned);
    const paidKorean = mails.find((m) => m.to[0] === attendees[3].email)!;
    expect(paidKorean.parsed.text).toContain('환불');
    expect(paidKorean.parsed.text).toContain('1,099');

    const before = await snapshot();
    for (const lang of ['en', 'zh-CN']) {
      const again = await api.http.request<Problem>('POST', `/v1/events/${edition.slug}/postpone`, {
        token: edition.organiser.token,
        body: { startsAt: '2031-08-13T07:00:00Z', endsAt: '2031-08-16T16:00:00Z' },
        lang,
      });
      expectProblem(again, 409, 'EVENT_STATUS_TRANSITION');
      expect(again.body.detail).toBe(lang === 'en' ? 'An event cannot go from CANCELLED to POSTPONED.' : '活动不能从 CANCELLED 变为 POSTPONED。');
    }
    expect(await snapshot()).toEqual(before);

    const changes = await api.http.get<Wire<EditionChangeListDto>>(`/v1/events/${edition.slug}/changes`, { token: edition.organiser.token });
    ok(changes, 200);
    expect(changes.body.items.map((c) => c.kind)).toEqual(['POSTPONED', 'RESCHEDULED', 'CANCELLED']);
    expect(changes.body.items[0].to.startsAt).toBe('2030-08-13T07:00:00.000Z');
  });
});
