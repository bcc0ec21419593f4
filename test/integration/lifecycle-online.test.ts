import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { SessionDto } from '@api/auth/auth.dto';
import { EditionChangeListDto, EditionChangeResultDto } from '@api/lifecycle/lifecycle.dto';
import { buildReport } from '@reports/build-report';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { Problem, Wire } from '@test/support/api-types';
import { expectProblem } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { Response, TEST_PASSWORD, TestApi, createEventWithOrganiser, startApi, testConfig } from '@test/support/harness';
import { ReportScratch } from '@test/support/report-scratch';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';

const NAME = 'Cloud Native Summit';
const SUBJECT = { en: `${NAME} moves online`, 'zh-CN': `${NAME} 改为线上举行` };
const BURST = 30;

interface Person {
  email: string;
  token: string;
  id: string;
}

/**
 * Moving an in-person edition online while attendees keep registering: the organisers map the corporate tickets
 * to the livestream and cancel the student ones; 30 people register for in-person seats at the same moment. After
 * it, no in-person registration stands, every registration made is accounted for (converted or cancelled with its
 * refund due), every refused one was refused with a problem, and each person with a registration is told once.
 */
describe('moving an edition online', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let edition: Awaited<ReturnType<typeof createEventWithOrganiser>>;
  let eventId: string;
  const types: Record<'corporate' | 'student' | 'livestream', string> = { corporate: '', student: '', livestream: '' };
  const early: Person[] = [];
  let applicantPerson: Person;
  let applicationId: string;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);
  const ok = (response: { status: number; text: string }, status = 201) => expect(response.status, response.text).toBe(status);
  const base = () => `/v1/events/${edition.slug}`;

  async function person(label: string, locale = 'en'): Promise<Person> {
    const email = `${label}-${randomBytes(4).toString('hex')}@online.test`;
    const response = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name: `P ${label}`, locale });
    expect(response.status, response.text).toBe(201);
    return { email, token: response.body.token, id: response.body.user.id };
  }
  const register = (who: Person, type: string) =>
    api.http.post<{ id: string }>(`${base()}/registrations`, { ticketTypeId: type, attendeeName: 'Attendee' }, { token: who.token });

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('online');
    sink = new SmtpSink();
    await sink.start();
    const overrides = env.overrides(sink);
    api = await startApi({ ...overrides, DATABASE_POOL_SIZE: '12' });
    worker = await createWorker(testConfig({ ...overrides, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();
    edition = await createEventWithOrganiser(api, { name: { en: NAME, 'zh-CN': NAME }, startsAt: '2030-04-07T13:00:00Z', endsAt: '2030-04-07T21:00:00Z', timezone: 'America/Los_Angeles' });
    eventId = edition.event.id;
    const token = edition.organiser.token;
    const type = async (key: keyof typeof types, body: Record<string, unknown>) => {
      const created = await api.http.post<{ id: string }>(`${base()}/ticket-types`, { name: { en: key }, currency: 'EUR', ...body }, { token });
      ok(created);
      types[key] = created.body.id;
    };
    await type('corporate', { category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 10_000 });
    await type('student', { category: 'ACADEMIC', attendance: 'IN_PERSON', priceCents: 0 });
    await type('livestream', { category: 'VIRTUAL', attendance: 'VIRTUAL', priceCents: 2_000 });
    ok(await api.http.post(`${base()}/rooms`, { slug: 'hall-a', name: { en: 'Hall A' }, capacity: 500 }, { token }));
    for (let i = 0; i < 6; i += 1) {
      const who = await person(`corporate${i}`, i % 2 ? 'zh-CN' : 'en');
      const registered = await register(who, types.corporate);
      ok(registered);
      if (i < 2) ok(await api.http.post(`${base()}/registrations/${registered.body.id}/mark-paid`, undefined, { token }), 200);
      early.push(who);
    }
    for (let i = 0; i < 3; i += 1) {
      const who = await person(`student${i}`);
      ok(await register(who, types.student));
      early.push(who);
    }
    // a scholarship whose free registration is an in-person student ticket; its applicant applied before the move
    const programme = await api.http.post<{ id: string }>(
      `${base()}/scholarships/programmes`,
      { key: 'diversity', name: { en: 'Diversity' }, kind: 'DIVERSITY', opensAt: '2000-01-01T00:00:00Z', closesAt: '2029-12-31T00:00:00Z', currency: 'EUR', budgetMinor: 1_000_000, travelCapMinor: 100_000, ticketTypeId: types.student },
      { token },
    );
    ok(programme);
    applicantPerson = await person('applicant', 'zh-CN');
    const applied = await api.http.post<{ id: string }>(
      `${base()}/scholarships/applications`,
      { programmeId: programme.body.id, statement: 'Please.', requestedTravelMinor: 1000, travelOrigin: 'ng', consent: true },
      { token: applicantPerson.token },
    );
    ok(applied);
    applicationId = applied.body.id;
    ok(await api.http.post(`${base()}/roles`, { email: edition.organiser.email, role: 'SCHOLARSHIP_COMMITTEE' }, { token }));
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  it('refuses a map that leaves an in-person type out, in the caller’s language, changing nothing', async () => {
    const before = await db('SELECT id, ticket_type_id, state::text FROM registrations WHERE event_id = $1 ORDER BY id', [eventId]);
    for (const lang of ['en', 'zh-CN']) {
      const refused = await api.http.request<Problem>('POST', `${base()}/move-online`, {
        token: edition.organiser.token,
        body: { ticketTypes: [{ from: types.corporate, to: types.livestream }] },
        lang,
      });
      expectProblem(refused, 400, 'MOVE_ONLINE_MAP_INCOMPLETE');
      expect(refused.body.detail).toContain(types.student);
      expect(refused.body.detail).toContain(lang === 'en' ? 'missing' : '缺少');
    }
    const toInPerson = await api.http.request<Problem>('POST', `${base()}/move-online`, {
      token: edition.organiser.token,
      body: { ticketTypes: [{ from: types.corporate, to: types.student }, { from: types.student, to: null }] },
    });
    expectProblem(toInPerson, 400, 'MOVE_ONLINE_MAP_INVALID');
    expect(await db('SELECT format::text FROM events WHERE id = $1', [eventId])).toEqual([{ format: 'IN_PERSON' }]);
    expect(await db('SELECT id, ticket_type_id, state::text FROM registrations WHERE event_id = $1 ORDER BY id', [eventId])).toEqual(before);
  });

  it('converts under a burst of in-person registrations: none left after, all accounted for, each person told once', async () => {
    // one attendee reads times in Berlin
    const zoned = await api.http.patch<Wire<SessionDto['user']>>('/v1/me', { timeZone: 'Europe/Berlin' }, { token: early[0].token });
    ok(zoned, 200);
    expect(zoned.body.timeZone).toBe('Europe/Berlin');
    expectProblem(await api.http.request('PATCH', '/v1/me', { token: early[0].token, body: { timeZone: 'Mars/Olympus_Mons' } }), 400, 'TIME_ZONE_INVALID');
    const crowd = await Promise.all(Array.from({ length: BURST }, (_, i) => person(`burst${i}`)));
    const burst: Promise<Response<{ id: string }>>[] = [];
    let moved: Response<Wire<EditionChangeResultDto>> | undefined;
    const conversion = (async () => {
      // let part of the crowd in first
      await new Promise((resolve) => setTimeout(resolve, 150));
      moved = await api.http.request<Wire<EditionChangeResultDto>>('POST', `${base()}/move-online`, {
        token: edition.organiser.token,
        body: { ticketTypes: [{ from: types.corporate, to: types.livestream }, { from: types.student, to: null }] },
      });
    })();
    // two thirds arrive around the conversion, the rest right after it (so some are surely refused)
    for (const who of crowd.slice(0, 20)) {
      burst.push(register(who, types.corporate));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await conversion;
    for (const who of crowd.slice(20)) burst.push(register(who, types.corporate));
    const answers = await Promise.all(burst);
    ok(moved!, 200);
    expect(moved!.body.event).toMatchObject({ format: 'VIRTUAL' });
    expect(moved!.body.change).toMatchObject({ kind: 'MOVED_ONLINE', from: { format: 'IN_PERSON' }, to: { format: 'VIRTUAL' }, registrationsCancelled: 3 });

    const landed = crowd.filter((_, i) => answers[i].status === 201);
    const refused = crowd.filter((_, i) => answers[i].status !== 201);
    for (const answer of answers.filter((a) => a.status !== 201)) expectProblem(answer, 409, 'IN_PERSON_CLOSED');
    expect(landed.length + refused.length).toBe(BURST);
    expect(refused.length).toBeGreaterThan(0);

    // nobody holds an in-person seat any more
    expect(
      await db(
        `SELECT count(*)::int AS n FROM registrations r JOIN ticket_types t ON t.id = r.ticket_type_id
          WHERE r.event_id = $1 AND t.attendance = 'IN_PERSON' AND r.state <> 'CANCELLED'`,
        [eventId],
      ),
    ).toEqual([{ n: 0 }]);
    // every registration made is there: converted to the livestream, or cancelled with its refund due
    const rows = await db<{ user_id: string; type: string; state: string; refund: number | null }>(
      `SELECT r.user_id, t.name->>'en' AS type, r.state::text AS state, r.refund_due_cents AS refund
         FROM registrations r JOIN ticket_types t ON t.id = r.ticket_type_id WHERE r.event_id = $1`,
      [eventId],
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual([...early, ...landed].map((p) => p.id).sort());
    const of = (who: Person) => rows.find((r) => r.user_id === who.id)!;
    expect(of(early[0])).toEqual({ user_id: early[0].id, type: 'livestream', state: 'CONFIRMED', refund: 8_000 });
    expect(of(early[2])).toEqual({ user_id: early[2].id, type: 'livestream', state: 'PENDING', refund: null });
    for (const student of early.slice(6)) expect(of(student)).toEqual({ user_id: student.id, type: 'student', state: 'CANCELLED', refund: 0 });
    for (const who of landed) expect(of(who)).toMatchObject({ type: 'livestream', state: 'PENDING' });

    // rooms are streams; a late in-person registration is refused, a virtual one is sold
    expect(await db('SELECT livestreamed FROM rooms WHERE event_id = $1', [eventId])).toEqual([{ livestreamed: true }]);
    const late = await api.http.request<Problem>('POST', `${base()}/registrations`, {
      token: refused[0].token,
      body: { ticketTypeId: types.corporate, attendeeName: 'Late' },
      lang: 'zh-CN',
    });
    expectProblem(late, 409, 'IN_PERSON_CLOSED');
    expect(late.body.detail).toContain('线上');
    ok(await register(refused[0], types.livestream));

    // one e-mail per person with a registration, the scholarship applicant and the organisers; none for those refused
    const toldTo = [...early, ...landed, applicantPerson].map((p) => p.email).concat(edition.organiser.email, api.adminEmail);
    const mailsOf = () => sink.received.filter((m) => Object.values(SUBJECT).includes(m.parsed.subject ?? ''));
    await waitUntil(() => Promise.resolve(mailsOf().length >= toldTo.length), 60_000, 'moved-online e-mails');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mailsOf().map((m) => m.to[0]).sort()).toEqual(toldTo.sort());
    expect(mailsOf().find((m) => m.to[0] === early[1].email)!.parsed.subject).toBe(SUBJECT['zh-CN']);
    // the summit's hours in Los Angeles and in Berlin, for the reader who gave Berlin; Los Angeles alone otherwise
    const spaced = (email: string) => (mailsOf().find((m) => m.to[0] === email)!.parsed.text ?? '').replace(/[\u202f\u2009\u00a0]/g, ' ');
    expect(spaced(early[0].email)).toContain('Apr 7, 2030, 6:00 AM – 2:00 PM PDT / Apr 7, 2030, 3:00 – 11:00 PM GMT+2');
    expect(spaced(early[2].email)).toContain('Apr 7, 2030, 6:00 AM – 2:00 PM PDT');
    expect(spaced(early[2].email)).not.toContain('GMT+2');

    const changes = await api.http.get<Wire<EditionChangeListDto>>(`${base()}/changes`, { token: edition.organiser.token });
    ok(changes, 200);
    expect(changes.body.items.map((c) => [c.kind, c.to.format])).toEqual([['MOVED_ONLINE', 'VIRTUAL']]);
    expectProblem(
      await api.http.request('POST', `${base()}/move-online`, { token: edition.organiser.token, body: { ticketTypes: [] } }),
      409,
      'EDITION_ALREADY_ONLINE',
    );

    // a scholarship's free in-person ticket is refused like any in-person seat, in the caller's language; nothing written
    for (const [lang, detail] of [['en', 'online'], ['zh-CN', '线上']]) {
      const awarded = await api.http.request<Problem>('POST', `${base()}/scholarships/awards`, {
        token: edition.organiser.token,
        body: { applicationId, includesRegistration: true },
        lang,
      });
      expectProblem(awarded, 409, 'IN_PERSON_CLOSED');
      expect(awarded.body.detail).toContain(detail);
    }
    expect(await db('SELECT count(*)::int AS n FROM scholarship_awards WHERE application_id = $1', [applicationId])).toEqual([{ n: 0 }]);
    expect(await db('SELECT count(*)::int AS n FROM registrations WHERE user_id = $1', [applicantPerson.id])).toEqual([{ n: 0 }]);

    // the report counts the registrations as they stand and says that, and when, the edition moved online
    const scratch = await ReportScratch.connect(env.databaseUrl);
    try {
      const report = buildReport(await collectReportInput(scratch.sql, eventId, { privacyThreshold: 1, generatedAt: new Date('2030-04-08T00:00:00Z') }));
      expect(report.changes).toEqual([
        {
          kind: 'MOVED_ONLINE',
          at: changes.body.items[0].createdAt,
          fromFormat: 'IN_PERSON',
          toFormat: 'VIRTUAL',
          fromStartsAt: '2030-04-07T13:00:00.000Z',
          fromEndsAt: '2030-04-07T21:00:00.000Z',
          toStartsAt: '2030-04-07T13:00:00.000Z',
          toEndsAt: '2030-04-07T21:00:00.000Z',
        },
      ]);
      // counted as they stand: the two paid corporate registrations, now on the livestream (the rest are pending or cancelled)
      expect(report.headline.registrations).toBe(2);
      expect(report.headline.virtualRegistrations).toBe(2);
    } finally {
      await scratch.close();
    }
  });

  it('becomes hybrid: the types it keeps stay on sale in person, the ones it converts are closed even to a burst, each person told once', async () => {
    const hybrid = await createEventWithOrganiser(api, { name: { en: 'Hybrid Forum', 'zh-CN': '混合论坛' }, startsAt: '2030-05-07T01:00:00Z', endsAt: '2030-05-07T10:00:00Z' });
    const token = hybrid.organiser.token;
    const at = `/v1/events/${hybrid.slug}`;
    const kinds: Record<'hall' | 'workshop' | 'stream', string> = { hall: '', workshop: '', stream: '' };
    for (const [key, attendance] of [['hall', 'IN_PERSON'], ['workshop', 'IN_PERSON'], ['stream', 'VIRTUAL']] as const) {
      const body = { name: { en: key }, category: attendance === 'VIRTUAL' ? 'VIRTUAL' : 'INDIVIDUAL', attendance };
      const created = await api.http.post<{ id: string }>(`${at}/ticket-types`, body, { token });
      ok(created);
      kinds[key] = created.body.id;
    }
    const take = (who: Person, type: string) =>
      api.http.post<{ id: string }>(`${at}/registrations`, { ticketTypeId: type, attendeeName: 'Attendee' }, { token: who.token });
    const moveTo = (body: Record<string, unknown>, lang = 'en') => api.http.request<Problem>('POST', `${at}/move-online`, { token, body, lang });
    const hall = await person('hall', 'zh-CN');
    const workshop = await person('workshop');
    ok(await take(hall, kinds.hall));
    ok(await take(workshop, kinds.workshop));

    // keeping a type is for a hybrid edition only; the refusal says so in the caller's language and changes nothing
    for (const [lang, word] of [['en', 'hybrid'], ['zh-CN', '线上线下结合']]) {
      const kept = await moveTo({ ticketTypes: [{ from: kinds.hall, to: kinds.hall }, { from: kinds.workshop, to: kinds.stream }] }, lang);
      expectProblem(kept, 400, 'MOVE_ONLINE_MAP_INVALID');
      expect(kept.body.detail).toContain(word);
    }
    expect(await db('SELECT format::text FROM events WHERE id = $1', [hybrid.event.id])).toEqual([{ format: 'IN_PERSON' }]);

    // the hall stays in person; the workshop moves to the stream while a crowd registers for it
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => person(`crowd${i}`)));
    const answers: Promise<Response<{ id: string }>>[] = [];
    const moving = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return moveTo({ format: 'HYBRID', ticketTypes: [{ from: kinds.hall, to: kinds.hall }, { from: kinds.workshop, to: kinds.stream }] });
    })();
    for (const who of crowd) {
      answers.push(take(who, kinds.workshop));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const moved = (await moving) as unknown as Response<Wire<EditionChangeResultDto>>;
    ok(moved, 200);
    expect(moved.body.event).toMatchObject({ format: 'HYBRID' });
    expect(moved.body.change).toMatchObject({ kind: 'MOVED_ONLINE', from: { format: 'IN_PERSON' }, to: { format: 'HYBRID' }, registrationsCancelled: 0 });
    const settled = await Promise.all(answers);
    const landed = crowd.filter((_, i) => settled[i].status === 201);
    for (const refused of settled.filter((a) => a.status !== 201)) expectProblem(refused, 409, 'IN_PERSON_CLOSED');

    // nobody holds a workshop seat; the hall's registration stands and the hall still sells; the workshop does not
    const standing = await db<{ user_id: string; type: string }>(
      `SELECT r.user_id, t.name->>'en' AS type FROM registrations r JOIN ticket_types t ON t.id = r.ticket_type_id
        WHERE r.event_id = $1 AND r.state <> 'CANCELLED'`,
      [hybrid.event.id],
    );
    expect(standing.filter((r) => r.type === 'workshop')).toEqual([]);
    expect(standing.find((r) => r.user_id === hall.id)?.type).toBe('hall');
    expect(standing.filter((r) => r.type === 'stream').map((r) => r.user_id).sort()).toEqual([workshop, ...landed].map((p) => p.id).sort());
    const late = crowd.find((who) => !landed.includes(who)) ?? (await person('late'));
    expectProblem(await take(late, kinds.workshop), 409, 'IN_PERSON_CLOSED');
    ok(await take(late, kinds.hall));

    // once hybrid with nothing left to close, it is "already online"; moving fully online maps only what is still on sale
    for (const lang of ['en', 'zh-CN']) {
      const again = await moveTo({ format: 'HYBRID', ticketTypes: [{ from: kinds.hall, to: kinds.hall }] }, lang);
      expectProblem(again, 409, 'EDITION_ALREADY_ONLINE');
      expect(again.body.detail).toContain(lang === 'en' ? 'hybrid' : '线上线下结合');
    }
    expectProblem(await moveTo({ ticketTypes: [{ from: kinds.hall, to: kinds.stream }, { from: kinds.workshop, to: null }] }), 400, 'MOVE_ONLINE_MAP_INVALID');
    const online = await moveTo({ ticketTypes: [{ from: kinds.hall, to: kinds.stream }] });
    ok(online, 200);
    const changes = await api.http.get<Wire<EditionChangeListDto>>(`${at}/changes`, { token });
    expect(changes.body.items.map((c) => [c.kind, c.from.format, c.to.format])).toEqual([
      ['MOVED_ONLINE', 'IN_PERSON', 'HYBRID'],
      ['MOVED_ONLINE', 'HYBRID', 'VIRTUAL'],
    ]);

    // everybody concerned when it became hybrid was told once, in their language, that it became hybrid
    const hybridSubjects = ['Hybrid Forum becomes hybrid', '混合论坛 改为线上线下结合举行'];
    const told = [hall, workshop, ...landed].map((p) => p.email).concat(hybrid.organiser.email, api.adminEmail);
    const mails = () => sink.received.filter((m) => hybridSubjects.includes(m.parsed.subject ?? ''));
    await waitUntil(() => Promise.resolve(mails().length >= told.length), 60_000, 'hybrid e-mails');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mails().map((m) => m.to[0]).sort()).toEqual(told.sort());
    expect(mails().find((m) => m.to[0] === hall.email)!.parsed.subject).toBe(hybridSubjects[1]);
  });
});
