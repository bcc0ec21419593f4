import pino from 'pino';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MaintenanceService } from '@worker/maintenance/maintenance.service';
import { createWorker } from '@worker/worker.factory';
import { Clock } from '@lectern/clock/clock';
import { PrismaService } from '@lectern/database/prisma.service';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi, testConfig } from '@test/support/harness';
import { OrProblem, Problem, Wire } from '@test/support/api-types';
import { RegistrationDto, RegistrationPageDto, RegistrationSummaryDto } from '@api/registrations/registrations.dto';
import { QuotaDto, TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { CheckInResultDto } from '@api/registrations/checkin.dto';
import { VoucherDto } from '@api/registrations/vouchers.dto';

const DAY = 86_400_000;

describe('registration', () => {
  let api: TestApi;
  let clock: Clock;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back onto the prototype it came from
  const realNow = Clock.prototype.now;
  beforeAll(async () => {
    api = await startApi();
    clock = api.app.get(Clock);
  });
  afterEach(() => {
    clock.now = realNow;
  });
  afterAll(() => api.close());

  /** Moves the API's "now" by `ms` from the real time, for every rule that depends on time. */
  const travel = (ms: number) => {
    clock.now = () => new Date(Date.now() + ms);
  };
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    query<T>(api.config.database.url, sql, params);

  async function ticketType(slug: string, token: string, body: Record<string, unknown> = {}) {
    const response = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${slug}/ticket-types`,
      { name: { en: 'In-person Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON', ...body },
      { token },
    );
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function quota(slug: string, token: string, size: number | null, ticketTypeIds: string[]) {
    const response = await api.http.post<Wire<QuotaDto>>(`/v1/events/${slug}/quotas`, { name: 'Seats', size, ticketTypeIds }, { token });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const register = <T = Wire<RegistrationDto>>(slug: string, token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
    api.http.post<T>(`/v1/events/${slug}/registrations`, { attendeeName: 'Test Attendee', ...body }, { token, headers });

  const outbox = (registrationId: string) =>
    db<{ type: string; payload: Record<string, string> }>(
      `SELECT type, payload FROM outbox WHERE payload->>'registrationId' = $1 ORDER BY id`,
      [registrationId],
    );

  it('shows attendees their own registration and nobody else’s, even by id', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const ada = await signUp(api.http, 'ada');
    const created = await register(slug, ada.token, {
      ticketTypeId: typeId,
      attendeeName: 'Ada Lovelace',
      consentToReport: true,
      country: 'cn',
      companyName: 'Analytical Engines Ltd',
      companySize: 'SIZE_3000_PLUS',
      jobFunction: 'DEVELOPER',
      industry: 'INFORMATION_TECHNOLOGY',
      firstTimeAttendee: true,
      gender: 'PREFER_NOT_TO_SAY',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'CONFIRMED',
      attendeeName: 'Ada Lovelace',
      attendeeEmail: ada.email,
      priceCents: 0,
      selfDescribed: { country: 'CN', companyName: 'Analytical Engines Ltd', companySize: 'SIZE_3000_PLUS', gender: 'PREFER_NOT_TO_SAY' },
    });
    // 24 random bytes: 192 bits, base64url
    expect(created.body.badgeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const id = created.body.id;

    const mine = await api.http.get(`/v1/events/${slug}/registrations/me`, { token: ada.token });
    expect(mine.body).toEqual(created.body);
    expect((await api.http.get(`/v1/events/${slug}/registrations/${id}`, { token: ada.token })).body).toEqual(created.body);
    const everywhere = await api.http.get('/v1/me/registrations', { token: ada.token });
    expect(everywhere.body).toEqual([expect.objectContaining({ id, event: expect.objectContaining({ slug }) })]);

    const bob = await signUp(api.http, 'bob');
    const path = `/v1/events/${slug}/registrations/${id}`;
    for (const response of [
      await api.http.get<Problem>(path, { token: bob.token }),
      await api.http.patch<Problem>(path, { attendeeName: 'Mallory' }, { token: bob.token }),
      await api.http.post<Problem>(`${path}/cancel`, undefined, { token: bob.token }),
      await api.http.post<Problem>(`${path}/accept-offer`, undefined, { token: bob.token }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('REGISTRATION_NOT_FOUND');
    }
    expect((await api.http.get(`/v1/events/${slug}/registrations/me`, { token: bob.token })).status).toBe(404);
    expect((await api.http.get(`/v1/events/${slug}/registrations`, { token: bob.token })).status).toBe(403);
    expect((await api.http.get(`/v1/events/${slug}/registrations/export.csv`, { token: bob.token })).status).toBe(403);
    expect((await api.http.get(path)).status).toBe(401);
    const after = await api.http.get(path, { token: ada.token });
    expect(after.body).toMatchObject({ attendeeName: 'Ada Lovelace', state: 'CONFIRMED' });
  });

  it('checks the account and its roles on every attempt, though the account is read in the route\'s own statement', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, {}, false);
    const typeId = await ticketType(slug, organiser.token);
    // a draft is visible to its organiser only: closed to registration, but not hidden
    const closed = await register<Problem>(slug, organiser.token, { ticketTypeId: typeId });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('REGISTRATION_CLOSED');
    await db('DELETE FROM role_grants WHERE user_id = $1', [organiser.id]);
    const hidden = await register<Problem>(slug, organiser.token, { ticketTypeId: typeId });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('EVENT_NOT_FOUND');

    const gone = await signUp(api.http, 'gone');
    await db('DELETE FROM users WHERE id = $1', [gone.id]);
    for (const target of [slug, 'no-such-edition']) {
      const refused = await register<Problem>(target, gone.token, { ticketTypeId: typeId }, { 'accept-language': 'ja' });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'TOKEN_INVALID', title: '無効なトークン' });
      expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    }
    const tampered = await register<Problem>(slug, `${organiser.token.slice(0, -2)}xx`, { ticketTypeId: typeId });
    expect(tampered.status).toBe(401);
    expect(await db('SELECT id FROM registrations WHERE event_id = (SELECT id FROM events WHERE slug = $1)', [slug])).toEqual([]);
  });

  it('registers in one statement, with the same row, audit entry, event and response as a registration the service decides', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const prisma = api.app.get(PrismaService);
    for (const priceCents of [0, 2500]) {
      const typeId = await ticketType(slug, organiser.token, { priceCents, currency: 'EUR' });
      const [eager, decided] = [await signUp(api.http, 'eager'), await signUp(api.http, 'decided')];
      const before = prisma.statementCount;
      const one = await register(slug, eager.token, { ticketTypeId: typeId, attendeeName: 'Ada' });
      expect(one.status).toBe(201);
      expect(prisma.statementCount - before).toBe(1);
      // an Idempotency-Key takes the service's path: claim, context, write
      const other = await register(slug, decided.token, { ticketTypeId: typeId, attendeeName: 'Ada' }, { 'idempotency-key': `k-${priceCents}` });
      expect(other.status).toBe(201);
      const rest = (body: Record<string, unknown>) => ({ ...body, id: undefined, attendeeEmail: undefined, badgeToken: typeof body.badgeToken, createdAt: undefined, confirmedAt: typeof body.confirmedAt });
      expect(rest(one.body)).toEqual(rest(other.body));
      expect(one.body).toMatchObject({ state: priceCents === 0 ? 'CONFIRMED' : 'PENDING', priceCents, currency: 'EUR', attendeeEmail: eager.email });
      const written = async (id: string) => {
        const [row] = await db(
          `SELECT r.state, r.price_cents, r.currency, r.attendee_email, r.badge_token, r.confirmed_at = r.created_at AS confirmed_now,
                  a.actor_id, a.after, a.request_id IS NOT NULL AS has_request
             FROM registrations r JOIN audit_log a ON a.entity_id = r.id::text AND a.action = 'registration.created' WHERE r.id = $1`,
          [id],
        );
        const events = (await outbox(id)).map((e) => ({ type: e.type, keys: Object.keys(e.payload).sort() }));
        return { ...row, actor_id: row.actor_id !== null, attendee_email: undefined, badge_token: typeof row.badge_token, events };
      };
      expect(await written(one.body.id)).toEqual(await written(other.body.id));
      expect((await written(one.body.id)).events).toEqual(priceCents === 0 ? [{ type: 'registration.confirmed', keys: ['eventId', 'registrationId'] }] : []);
      const [stored] = await db('SELECT attendee_email, badge_token FROM registrations WHERE id = $1', [one.body.id]);
      expect(stored.attendee_email).toBe(eager.email);
      expect(one.body.badgeToken).toBe(priceCents === 0 ? stored.badge_token : null);
    }
  });

  it('skips counting seats while plenty are left; a wrong guess costs a second statement, never a seat', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const quotaId = await quota(slug, organiser.token, 1000, [typeId]);
    const prisma = api.app.get(PrismaService);
    const people = await Promise.all(['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].map((name) => signUp(api.http, name)));
    let now = Date.now();
    clock.now = () => new Date(now);
    const attempt = async (token: string, statements: number | null, body: Record<string, unknown> = {}) => {
      const before = prisma.statementCount;
      const response = await register<OrProblem<RegistrationDto>>(slug, token, { ticketTypeId: typeId, ...body });
      if (statements !== null) expect(prisma.statementCount - before).toBe(statements);
      return response;
    };
    const active = async () =>
      (await db<{ n: number }>(`SELECT count(*)::int AS n FROM registrations WHERE ticket_type_id = $1 AND state <> 'CANCELLED'`, [typeId]))[0].n;

    // counted, 999 left: the next registration is written without the count
    expect((await attempt(people[0].token, 1)).status).toBe(201);
    expect((await attempt(people[1].token, 1)).status).toBe(201);
    // another process took every seat meanwhile (here: the quota shrank under the hint)
    await db('UPDATE quotas SET size = 2 WHERE id = $1', [quotaId]);
    const guessed = await attempt(people[2].token, 2);
    expect(guessed.status).toBe(409);
    expect(guessed.body).toMatchObject({ code: 'SOLD_OUT' });
    // the refusal dropped the hint: counted again, one statement, and the waiting list still works
    expect((await attempt(people[3].token, 1)).body).toMatchObject({ code: 'SOLD_OUT' });
    expect((await attempt(people[3].token, null, { waitlist: true })).body).toMatchObject({ state: 'WAITLISTED' });
    expect(await active()).toBe(3);

    // a hint lasts a second: after it, the count comes back
    await db('UPDATE quotas SET size = 1000 WHERE id = $1', [quotaId]);
    expect((await attempt(people[4].token, 1)).status).toBe(201);
    await db('UPDATE quotas SET size = 3 WHERE id = $1', [quotaId]);
    now += 1_000;
    expect((await attempt(people[5].token, 1)).body).toMatchObject({ code: 'SOLD_OUT' });
    expect(await db(`SELECT state::text, count(*)::int AS n FROM registrations WHERE ticket_type_id = $1 GROUP BY 1 ORDER BY 1`, [typeId])).toEqual([
      { state: 'CONFIRMED', n: 3 },
      { state: 'WAITLISTED', n: 1 },
    ]);
  });

  it('keeps self-described data from organisers and stores it only with consent', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const grace = await signUp(api.http, 'grace');

    const refused = await register<Problem>(slug, grace.token, { ticketTypeId: typeId, country: 'US', gender: 'WOMAN' }, { 'accept-language': 'zh-CN' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('SELF_DESCRIBED_NEEDS_CONSENT');
    expect(refused.body.detail).toContain('country, gender');
    expect(refused.body.detail).toContain('同意');
    expect((await api.http.get(`/v1/events/${slug}/registrations/me`, { token: grace.token })).status).toBe(404);

    const created = await register(slug, grace.token, { ticketTypeId: typeId, attendeeName: 'Grace Hopper' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ consentToReport: false, selfDescribed: null });
    const id = created.body.id;
    const path = `/v1/events/${slug}/registrations/${id}`;
    const noConsent = await api.http.patch<Problem>(path, { industry: 'GOVERNMENT' }, { token: grace.token });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.code).toBe('SELF_DESCRIBED_NEEDS_CONSENT');

    const given = await api.http.patch<Wire<RegistrationDto>>(
      path,
      { consentToReport: true, industry: 'GOVERNMENT', companyName: 'US Navy', country: 'us', companySize: 'SIZE_3000_PLUS' },
      { token: grace.token },
    );
    expect(given.status).toBe(200);
    expect(given.body.selfDescribed).toMatchObject({ industry: 'GOVERNMENT', companyName: 'US Navy', country: 'US' });

    // organisers see the registration, never the self-described fields or the badge
    const asOrganiser = await api.http.get<Wire<RegistrationSummaryDto>>(path, { token: organiser.token });
    expect(asOrganiser.status).toBe(200);
    expect(asOrganiser.body.attendeeName).toBe('Grace Hopper');
    for (const hidden of ['selfDescribed', 'consentToReport', 'badgeToken', 'country', 'companyName', 'industry', 'gender']) {
      expect(asOrganiser.body).not.toHaveProperty(hidden);
    }
    const list = await api.http.get<Wire<RegistrationPageDto>>(`/v1/events/${slug}/registrations`, { token: organiser.token });
    expect(list.body.items).toHaveLength(1);
    expect((await api.http.get<Wire<RegistrationPageDto>>(`/v1/events/${slug}/registrations?q=hopper`, { token: organiser.token })).body.items).toHaveLength(1);
    expect((await api.http.get<Wire<RegistrationPageDto>>(`/v1/events/${slug}/registrations?q=lovelace`, { token: organiser.token })).body.items).toHaveLength(0);
    expect(list.text).not.toContain('US Navy');
    expect(list.text).not.toContain('GOVERNMENT');
    const csv = await api.http.get(`/v1/events/${slug}/registrations/export.csv`, { token: organiser.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('"Grace Hopper"');
    expect(csv.text).not.toContain('US Navy');
    expect(csv.text).not.toContain('GOVERNMENT');
    expect(JSON.stringify((await api.http.get(`/v1/events/${slug}/audit`, { token: organiser.token })).body)).not.toContain('US Navy');

    // withdrawing consent erases what was given
    const withdrawn = await api.http.patch(path, { consentToReport: false }, { token: grace.token });
    expect(withdrawn.body).toMatchObject({ consentToReport: false, selfDescribed: null });
    const [row] = await db(`SELECT country, company_name, industry, company_size FROM registrations WHERE id = $1`, [id]);
    expect(row).toEqual({ country: null, company_name: null, industry: null, company_size: null });
  });

  it('pages the organiser list with a cursor and defuses spreadsheet formulas in the CSV export', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const people = await Promise.all(['eve', 'fay', 'gus'].map((l) => signUp(api.http, l)));
    for (const [i, person] of people.entries()) {
      await register(slug, person.token, { ticketTypeId: typeId, attendeeName: i === 0 ? '=HYPERLINK("http://evil")' : `Person ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.http.get(
        `/v1/events/${slug}/registrations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: organiser.token },
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(3);
    const csv = await api.http.get(`/v1/events/${slug}/registrations/export.csv`, { token: organiser.token });
    expect(csv.text.trim().split('\r\n')).toHaveLength(4);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('allows one active registration per attendee and event, even when both are sent at once', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const first = await ticketType(slug, organiser.token);
    const second = await ticketType(slug, organiser.token, { name: { en: 'Virtual' }, attendance: 'VIRTUAL', category: 'VIRTUAL' });
    const alan = await signUp(api.http, 'alan');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register<OrProblem<Wire<RegistrationDto>>>(slug, alan.token, { ticketTypeId: i % 2 ? first : second })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_REGISTERED')).toBe(true);
    const id = results.find((r) => r.status === 201)!.body.id as string;
    expect((await api.http.post(`/v1/events/${slug}/registrations/${id}/cancel`, undefined, { token: alan.token })).status).toBe(200);
    const again = await register(slug, alan.token, { ticketTypeId: first });
    expect(again.status).toBe(201);
    const rows = await db<{ state: string }>(
      `SELECT r.state FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 ORDER BY r.created_at`,
      [slug],
    );
    expect(rows.map((r) => r.state)).toEqual(['CANCELLED', 'CONFIRMED']);
  });

  it('replays an Idempotency-Key: same body, same response; other body 422; in flight 409; failures not kept', async () => {
    const { slug, organiser, event } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const user = await signUp(api.http, 'idem');
    const body = { ticketTypeId: typeId, attendeeName: 'Idem Potent' };
    const first = await register(slug, user.token, body, { 'idempotency-key': 'key-1' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const replay = await register(slug, user.token, { attendeeName: 'Idem Potent', ticketTypeId: typeId }, { 'idempotency-key': 'key-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);

    const other = await register<Problem>(slug, user.token, { ...body, attendeeName: 'Someone Else' }, { 'idempotency-key': 'key-1' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await register(slug, user.token, body, { 'idempotency-key': 'bad key with spaces' })).status).toBe(400);
    // without the key the same body is a second attempt, refused as such
    expect((await register<Problem>(slug, user.token, body)).body.code).toBe('ALREADY_REGISTERED');

    // another user's identical key is a different key
    const other2 = await signUp(api.http, 'idem2');
    const theirs = await register(slug, other2.token, body, { 'idempotency-key': 'key-1' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);

    // while the first request with a key is still running (held here on its event's lock), its twin is a 409;
    // once the first is done, the twin gets the first one's response
    const waiter = await signUp(api.http, 'idem3');
    const blocker = new Client({ connectionString: api.config.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    // the event's structure lock, the seat check's own key: every registration of the event waits for it
    await blocker.query(`SELECT pg_advisory_xact_lock(lectern_lock_key('structure', $1::uuid))`, [event.id]);
    const held = register(slug, waiter.token, body, { 'idempotency-key': 'busy' });
    const waitFor = Date.now() + 10_000;
    while ((await db(`SELECT 1 FROM idempotency_keys WHERE user_id = $1`, [waiter.id])).length === 0 && Date.now() < waitFor) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const twin = await register<Problem>(slug, waiter.token, body, { 'idempotency-key': 'busy' });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(twin.headers.get('retry-after')).toBe('1');
    await blocker.query('COMMIT');
    await blocker.end();
    const done = await held;
    expect(done.status).toBe(201);
    const after = await register(slug, waiter.token, body, { 'idempotency-key': 'busy' });
    expect(after.text).toBe(done.text);

    // a refused request leaves its key free, so the retry runs again
    const missing = { ticketTypeId: '00000000-0000-4000-8000-000000000000', attendeeName: 'Nobody' };
    expect((await register(slug, waiter.token, missing, { 'idempotency-key': 'failing' })).status).toBe(404);
    expect(await db(`SELECT key FROM idempotency_keys WHERE user_id = $1 AND key = 'failing'`, [waiter.id])).toEqual([]);

    // the stored response expires with its record: past the TTL the key is free again
    travel(2 * DAY);
    const later = await register<Problem>(slug, user.token, body, { 'idempotency-key': 'key-1' });
    expect(later.status).toBe(409);
    expect(later.body.code).toBe('ALREADY_REGISTERED');
  });

  it('sells out with 409 SOLD_OUT, or puts the attendee on the waiting list when asked', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    await quota(slug, organiser.token, 1, [typeId]);
    const [a, b, c] = await Promise.all([signUp(api.http, 'a'), signUp(api.http, 'b'), signUp(api.http, 'c')]);
    expect((await register(slug, a.token, { ticketTypeId: typeId })).body.state).toBe('CONFIRMED');
    const soldOut = await register(slug, b.token, { ticketTypeId: typeId }, { 'accept-language': 'zh-CN' });
    expect(soldOut.status).toBe(409);
    expect(soldOut.headers.get('content-type')).toContain('application/problem+json');
    expect(soldOut.body).toMatchObject({ code: 'SOLD_OUT', title: '已售罄' });
    const waiting = await register(slug, c.token, { ticketTypeId: typeId, waitlist: true });
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ state: 'WAITLISTED', badgeToken: null, offerExpiresAt: null });
    expect(waiting.body.waitlistedAt).toBeTruthy();
    const types = await api.http.get(`/v1/events/${slug}/ticket-types`);
    expect(types.body).toEqual([expect.objectContaining({ id: typeId, available: 0, onSale: true })]);
  });

  it('offers a freed seat to the next person for a limited time, then to the one after', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    await quota(slug, organiser.token, 2, [typeId]);
    const people = await Promise.all(['p1', 'p2', 'w1', 'w2', 'w3', 'late'].map((label) => signUp(api.http, label)));
    const [p1, p2, w1, w2, w3, late] = people;
    const seat1 = (await register(slug, p1.token, { ticketTypeId: typeId })).body;
    const seat2 = (await register(slug, p2.token, { ticketTypeId: typeId })).body;
    const entries = [];
    for (const person of [w1, w2, w3]) entries.push((await register(slug, person.token, { ticketTypeId: typeId, waitlist: true })).body);
    expect(entries.map((e) => e.state)).toEqual(['WAITLISTED', 'WAITLISTED', 'WAITLISTED']);

    // p1 cancels: the seat is offered to w1, who is first in line, and held for w1
    const cancelled = await api.http.post(`/v1/events/${slug}/registrations/${seat1.id}/cancel`, undefined, { token: p1.token });
    expect(cancelled.body).toMatchObject({ state: 'CANCELLED', cancelReason: 'ATTENDEE' });
    const offer = (await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/me`, { token: w1.token })).body;
    expect(offer.state).toBe('WAITLISTED');
    const ttl = new Date(offer.offerExpiresAt!).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(47 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(48 * 3600_000);
    expect((await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/me`, { token: w2.token })).body.offerExpiresAt).toBeNull();
    expect((await outbox(seat1.id)).map((e) => e.type)).toEqual(['registration.confirmed', 'registration.cancelled']);
    expect((await outbox(entries[0].id)).map((e) => e.type)).toEqual(['waitlist.offered']);
    expect((await register<Problem>(slug, late.token, { ticketTypeId: typeId })).body.code).toBe('SOLD_OUT');

    const accepted = await api.http.post<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/${entries[0].id}/accept-offer`, undefined, { token: w1.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'CONFIRMED', offerExpiresAt: null });
    expect(accepted.body.badgeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await outbox(entries[0].id)).map((e) => e.type)).toEqual(['waitlist.offered', 'registration.confirmed']);

    // p2 cancels: w2 gets the offer but lets it expire
    await api.http.post(`/v1/events/${slug}/registrations/${seat2.id}/cancel`, undefined, { token: organiser.token });
    expect((await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/${seat2.id}`, { token: p2.token })).body.cancelReason).toBe('ORGANISER');
    expect((await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/me`, { token: w2.token })).body.offerExpiresAt).not.toBeNull();
    travel(2 * DAY + 60_000);
    const tooLate = await api.http.post<Problem>(`/v1/events/${slug}/registrations/${entries[1].id}/accept-offer`, undefined, { token: w2.token });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('NO_WAITLIST_OFFER');

    // the next registration meets the expired offer and passes the seat to w3 before counting: late waits behind
    const behind = await register(slug, late.token, { ticketTypeId: typeId, waitlist: true });
    expect(behind.body.state).toBe('WAITLISTED');
    const w2Now = (await api.http.get(`/v1/events/${slug}/registrations/me`, { token: w2.token })).body;
    expect(w2Now).toMatchObject({ state: 'CANCELLED', cancelReason: 'OFFER_EXPIRED' });
    const w3Now = (await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/me`, { token: w3.token })).body;
    expect(w3Now.state).toBe('WAITLISTED');
    expect(new Date(w3Now.offerExpiresAt!).getTime()).toBeGreaterThan(Date.now() + 3 * DAY);
    expect((await outbox(entries[1].id)).map((e) => e.type)).toEqual(['waitlist.offered', 'registration.cancelled']);
    const [{ confirmed }] = await db<{ confirmed: number }>(
      `SELECT count(*)::int AS confirmed FROM registrations WHERE ticket_type_id = $1 AND state IN ('CONFIRMED', 'PENDING')`,
      [typeId],
    );
    expect(confirmed).toBe(1);
  });

  it('expires offers on the worker’s schedule, with no request involved', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    await quota(slug, organiser.token, 1, [typeId]);
    const [holder, first, second] = await Promise.all(['holder', 'first', 'second'].map((l) => signUp(api.http, l)));
    const seat = (await register(slug, holder.token, { ticketTypeId: typeId })).body;
    const firstEntry = (await register(slug, first.token, { ticketTypeId: typeId, waitlist: true })).body;
    const secondEntry = (await register(slug, second.token, { ticketTypeId: typeId, waitlist: true })).body;
    await api.http.post(`/v1/events/${slug}/registrations/${seat.id}/cancel`, undefined, { token: holder.token });

    const worker = await createWorker(testConfig({ WAITLIST_SWEEP_EVERY_SECONDS: '1' }), pino({ level: 'silent' }));
    try {
      worker.get(Clock).now = () => new Date(Date.now() + 3 * DAY);
      const state = async (id: string) =>
        (await db<{ state: string; offer: Date | null }>(`SELECT state, offer_expires_at AS offer FROM registrations WHERE id = $1`, [id]))[0];
      const deadline = Date.now() + 20_000;
      while ((await state(firstEntry.id)).state !== 'CANCELLED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await state(firstEntry.id)).toEqual({ state: 'CANCELLED', offer: null });
      expect((await state(secondEntry.id)).offer).not.toBeNull();

      // the maintenance sweep drops stored Idempotency-Key responses past their expiry, and only those
      await db(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, expires_at)
         VALUES ($1, 'old', 'h', 201, '{}', now() - interval '1 second'), ($1, 'new', 'h', 201, '{}', now() + interval '1 hour')`,
        [holder.id],
      );
      const swept = await worker.get(MaintenanceService).sweep();
      expect(swept.idempotencyKeysDeleted).toBeGreaterThanOrEqual(1);
      expect(await db(`SELECT key FROM idempotency_keys WHERE user_id = $1`, [holder.id])).toEqual([{ key: 'new' }]);
    } finally {
      await worker.close();
    }
  });

  it('offers seats to the waiting list when an organiser enlarges the quota, and refuses shrinking it below use', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const quotaId = await quota(slug, organiser.token, 1, [typeId]);
    const [x, y] = await Promise.all([signUp(api.http, 'x'), signUp(api.http, 'y')]);
    await register(slug, x.token, { ticketTypeId: typeId });
    const entry = (await register(slug, y.token, { ticketTypeId: typeId, waitlist: true })).body;
    const shrink = await api.http.patch(`/v1/events/${slug}/quotas/${quotaId}`, { size: 0 }, { token: organiser.token });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toMatchObject({ code: 'QUOTA_BELOW_USAGE' });
    const grow = await api.http.patch(`/v1/events/${slug}/quotas/${quotaId}`, { size: 2 }, { token: organiser.token });
    expect(grow.status).toBe(200);
    expect(grow.body).toMatchObject({ size: 2, taken: 1, held: 1, available: 0 });
    expect((await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/${entry.id}`, { token: y.token })).body.offerExpiresAt).not.toBeNull();
    const quotas = await api.http.get(`/v1/events/${slug}/quotas`, { token: organiser.token });
    expect(quotas.body).toEqual([expect.objectContaining({ id: quotaId, ticketTypeIds: [typeId], taken: 1, held: 1 })]);
  });

  it('binds in-person tickets by the event capacity, not virtual ones', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, { capacity: 1 });
    const inPerson = await ticketType(slug, organiser.token);
    const virtual = await ticketType(slug, organiser.token, { name: { en: 'Livestream' }, attendance: 'VIRTUAL', category: 'VIRTUAL' });
    const [a, b, c] = await Promise.all(['cap-a', 'cap-b', 'cap-c'].map((l) => signUp(api.http, l)));
    expect((await register(slug, a.token, { ticketTypeId: inPerson })).body.state).toBe('CONFIRMED');
    expect((await register<Problem>(slug, b.token, { ticketTypeId: inPerson })).body.code).toBe('SOLD_OUT');
    expect((await register(slug, c.token, { ticketTypeId: virtual })).body.state).toBe('CONFIRMED');
  });

  it('sells hidden types only with a voucher, applies discounts and counts uses', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const corporate = await ticketType(slug, organiser.token, { name: { en: 'Corporate' }, category: 'CORPORATE', priceCents: 120_000, currency: 'cny' });
    const speaker = await ticketType(slug, organiser.token, { name: { en: 'Speaker' }, category: 'SPEAKER', hidden: true });
    const voucher = async (body: Record<string, unknown>) => api.http.post<Wire<VoucherDto>>(`/v1/events/${slug}/vouchers`, body, { token: organiser.token });
    const free = await voucher({ code: 'speaker-2019', ticketTypeId: speaker, discount: 'FREE', maxUses: 2 });
    expect(free.status).toBe(201);
    expect(free.body).toMatchObject({ code: 'SPEAKER-2019', uses: 0, maxUses: 2 });
    expect((await voucher({ code: 'SPEAKER-2019', ticketTypeId: speaker, discount: 'FREE', maxUses: 1 })).body.code).toBe('VOUCHER_CODE_TAKEN');
    expect((await voucher({ code: 'HALF-OFF', ticketTypeId: corporate, discount: 'PERCENT', discountValue: 150, maxUses: 5 })).status).toBe(400);
    expect((await voucher({ code: 'HALF-OFF', ticketTypeId: corporate, discount: 'PERCENT', discountValue: 50, maxUses: 5 })).status).toBe(201);

    const publicList = await api.http.get<Wire<TicketTypeDto>[]>(`/v1/events/${slug}/ticket-types`);
    expect(publicList.body.map((t: { id: string }) => t.id)).toEqual([corporate]);
    expect((await api.http.get(`/v1/events/${slug}/ticket-types`, { token: organiser.token })).body).toHaveLength(2);

    const users = await Promise.all(['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((l) => signUp(api.http, l)));
    const [u1, u2, u3, u4, u5, u6] = users;
    expect((await register<Problem>(slug, u1.token, { ticketTypeId: speaker })).body.code).toBe('TICKET_TYPE_NOT_FOUND');
    expect((await register<Problem>(slug, u1.token, { ticketTypeId: corporate, voucherCode: 'speaker-2019' })).body.code).toBe('VOUCHER_WRONG_TICKET_TYPE');
    expect((await register<Problem>(slug, u1.token, { ticketTypeId: speaker, voucherCode: 'NOPE-NOPE' })).body.code).toBe('VOUCHER_NOT_FOUND');
    const s1 = await register(slug, u1.token, { ticketTypeId: speaker, voucherCode: 'speaker-2019' });
    expect(s1.body).toMatchObject({ state: 'CONFIRMED', priceCents: 0, ticketType: { name: { en: 'Speaker' }, category: 'SPEAKER' } });
    expect((await register(slug, u2.token, { ticketTypeId: speaker, voucherCode: 'SPEAKER-2019' })).status).toBe(201);
    const exhausted = await register<Problem>(slug, u3.token, { ticketTypeId: speaker, voucherCode: 'SPEAKER-2019' });
    expect(exhausted.status).toBe(409);
    expect(exhausted.body.code).toBe('VOUCHER_EXHAUSTED');
    const lower = await api.http.patch<Problem>(`/v1/events/${slug}/vouchers/${free.body.id}`, { maxUses: 1 }, { token: organiser.token });
    expect(lower.body.code).toBe('VOUCHER_MAX_USES_BELOW_USES');
    // a cancellation gives the use back
    await api.http.post(`/v1/events/${slug}/registrations/${s1.body.id}/cancel`, undefined, { token: u1.token });
    expect((await api.http.get<Wire<VoucherDto>>(`/v1/events/${slug}/vouchers/${free.body.id}`, { token: organiser.token })).body.uses).toBe(1);
    expect((await register(slug, u3.token, { ticketTypeId: speaker, voucherCode: 'SPEAKER-2019' })).status).toBe(201);

    // a paid ticket is pending until an organiser marks it paid; no badge before that
    const full = await register(slug, u4.token, { ticketTypeId: corporate });
    expect(full.body).toMatchObject({ state: 'PENDING', priceCents: 120_000, currency: 'CNY', badgeToken: null });
    const half = await register(slug, u5.token, { ticketTypeId: corporate, voucherCode: 'half-off' });
    expect(half.body).toMatchObject({ state: 'PENDING', priceCents: 60_000 });
    expect((await api.http.post(`/v1/events/${slug}/registrations/${full.body.id}/mark-paid`, undefined, { token: u4.token })).status).toBe(403);
    const paid = await api.http.post<Wire<RegistrationSummaryDto>>(`/v1/events/${slug}/registrations/${full.body.id}/mark-paid`, undefined, { token: organiser.token });
    expect(paid.status).toBe(200);
    expect(paid.body.state).toBe('CONFIRMED');
    expect(paid.body.paidAt).toBeTruthy();
    expect((await outbox(full.body.id)).map((e) => e.type)).toEqual(['registration.confirmed']);
    const twice = await api.http.post<Problem>(`/v1/events/${slug}/registrations/${full.body.id}/mark-paid`, undefined, { token: organiser.token });
    expect(twice.body.code).toBe('REGISTRATION_NOT_PENDING');
    expect((await api.http.get<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations/me`, { token: u4.token })).body.badgeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // a voucher outside its validity is refused
    const later = await voucher({ code: 'EARLY-BIRD', ticketTypeId: corporate, discount: 'FIXED', discountValue: 20_000, maxUses: 5, validUntil: new Date(Date.now() + DAY).toISOString() });
    expect(later.status).toBe(201);
    travel(2 * DAY);
    expect((await register<Problem>(slug, u6.token, { ticketTypeId: corporate, voucherCode: 'early-bird' })).body.code).toBe('VOUCHER_NOT_VALID_NOW');
  });

  it('checks in a confirmed badge once per day, refuses cancelled badges and staff of other events', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const other = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const paidType = await ticketType(slug, organiser.token, { name: { en: 'Paid' }, priceCents: 1000 });
    const otherType = await ticketType(other.slug, other.organiser.token);
    const [staff, foreignStaff, guest, leaver, payer, stranger] = await Promise.all(
      ['staff', 'foreign-staff', 'guest', 'leaver', 'payer', 'stranger'].map((l) => signUp(api.http, l)),
    );
    await api.http.post(`/v1/events/${slug}/roles`, { email: staff.email, role: 'CHECKIN_STAFF' }, { token: organiser.token });
    await api.http.post(`/v1/events/${other.slug}/roles`, { email: foreignStaff.email, role: 'CHECKIN_STAFF' }, { token: other.organiser.token });
    const badge = (await register(slug, guest.token, { ticketTypeId: typeId, attendeeName: 'Guest One' })).body;
    const leaving = (await register(slug, leaver.token, { ticketTypeId: typeId })).body;
    const pending = (await register(slug, payer.token, { ticketTypeId: paidType })).body;
    const foreignBadge = (await register(other.slug, stranger.token, { ticketTypeId: otherType })).body;
    const scan = <T = Wire<CheckInResultDto>>(token: string, badgeToken: string | null, eventSlug = slug) =>
      api.http.post<T>(`/v1/events/${eventSlug}/check-ins`, { badgeToken }, { token });

    const firstScan = await scan(staff.token, badge.badgeToken);
    expect(firstScan.status).toBe(201);
    expect(firstScan.body).toMatchObject({ registrationId: badge.id, attendeeName: 'Guest One', alreadyCheckedIn: false });
    const secondScan = await scan(staff.token, badge.badgeToken);
    expect(secondScan.status).toBe(200);
    expect(secondScan.body).toMatchObject({ alreadyCheckedIn: true, day: firstScan.body.day, checkedInAt: firstScan.body.checkedInAt });
    // the organiser may scan too; many scans at once still record one check-in
    const burst = await Promise.all(Array.from({ length: 6 }, () => scan(organiser.token, badge.badgeToken)));
    expect(burst.every((r) => r.status === 200 && r.body.alreadyCheckedIn)).toBe(true);
    expect(await db(`SELECT day FROM check_ins WHERE registration_id = $1`, [badge.id])).toHaveLength(1);

    await api.http.post(`/v1/events/${slug}/registrations/${leaving.id}/cancel`, undefined, { token: leaver.token });
    const cancelledScan = await scan<Problem>(staff.token, leaving.badgeToken);
    expect(cancelledScan.status).toBe(409);
    expect(cancelledScan.body.code).toBe('CHECKIN_REGISTRATION_CANCELLED');
    expect(pending.badgeToken).toBeNull();
    expect((await scan<Problem>(staff.token, 'a'.repeat(32))).body.code).toBe('BADGE_NOT_FOUND');
    const [{ badge_token: pendingToken }] = await db<{ badge_token: string }>(`SELECT badge_token FROM registrations WHERE id = $1`, [pending.id]);
    const pendingScan = await scan(staff.token, pendingToken);
    expect(pendingScan.body).toMatchObject({ code: 'CHECKIN_NOT_CONFIRMED' });

    expect((await scan(foreignStaff.token, badge.badgeToken)).status).toBe(403);
    expect((await scan(guest.token, badge.badgeToken)).status).toBe(403);
    expect((await scan<Problem>(staff.token, foreignBadge.badgeToken)).body.code).toBe('BADGE_NOT_FOUND');
    expect((await scan(staff.token, badge.badgeToken, other.slug)).status).toBe(403);

    travel(DAY);
    const nextDay = await scan(staff.token, badge.badgeToken);
    expect(nextDay.status).toBe(201);
    expect(nextDay.body.day).not.toBe(firstScan.body.day);
    const summary = await api.http.get(`/v1/events/${slug}/check-ins/summary`, { token: staff.token });
    expect(summary.body).toEqual({
      confirmed: 1,
      days: [
        { day: firstScan.body.day, checkedIn: 1 },
        { day: nextDay.body.day, checkedIn: 1 },
      ],
    });
    const list = await api.http.get<Wire<RegistrationPageDto>>(`/v1/events/${slug}/registrations?state=CONFIRMED`, { token: organiser.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: badge.id, checkIns: 2 })]);
    // the report counts "checked in" from the first check-in the database keeps on the registration
    const firstCheckIns = await db<{ id: string; first: Date | null }>(
      `SELECT id, first_checked_in_at AS first FROM registrations WHERE id = ANY($1::uuid[]) ORDER BY first NULLS LAST`,
      [[badge.id, leaving.id]],
    );
    expect(firstCheckIns).toEqual([
      { id: badge.id, first: new Date(firstScan.body.checkedInAt) },
      { id: leaving.id, first: null },
    ]);
  });

  it('refuses drafts, closed events, sales outside their window and malformed input with 4xx problems', async () => {
    const draft = await createEventWithOrganiser(api, {}, false);
    const draftType = await ticketType(draft.slug, draft.organiser.token);
    const user = await signUp(api.http, 'closed');
    expect((await register<Problem>(draft.slug, user.token, { ticketTypeId: draftType })).body.code).toBe('EVENT_NOT_FOUND');
    expect((await api.http.get(`/v1/events/${draft.slug}/ticket-types`)).status).toBe(404);
    // the organiser sees the draft, but it does not sell yet
    expect((await register<Problem>(draft.slug, draft.organiser.token, { ticketTypeId: draftType })).body.code).toBe('REGISTRATION_CLOSED');

    const { slug, organiser } = await createEventWithOrganiser(api);
    const later = await ticketType(slug, organiser.token, { salesStartAt: new Date(Date.now() + DAY).toISOString() });
    const notYet = await register<Problem>(slug, user.token, { ticketTypeId: later });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('TICKET_TYPE_NOT_ON_SALE');
    const window = await api.http.post<Problem>(
      `/v1/events/${slug}/ticket-types`,
      { name: { en: 'Bad' }, category: 'OTHER', attendance: 'VIRTUAL', salesStartAt: '2030-01-02T00:00:00Z', salesEndAt: '2030-01-01T00:00:00Z' },
      { token: organiser.token },
    );
    expect(window.body.code).toBe('SALES_WINDOW_INVALID');

    const invalid = await api.http.post<Problem>(`/v1/events/${slug}/registrations`, { ticketTypeId: 'nope', gender: 'ROBOT', extra: 1 }, { token: user.token });
    expect(invalid.status).toBe(400);
    expect([...new Set(invalid.body.errors!.map((e) => e.field))].sort()).toEqual(['attendeeName', 'extra', 'gender', 'ticketTypeId']);
    expect((await api.http.get(`/v1/events/${slug}/registrations/not-a-uuid`, { token: user.token })).status).toBe(400);
    const quotaForeign = await api.http.post<Problem>(
      `/v1/events/${slug}/quotas`,
      { name: 'Q', size: 1, ticketTypeIds: [draftType] },
      { token: organiser.token },
    );
    expect(quotaForeign.body.code).toBe('QUOTA_TICKET_TYPES_INVALID');

    await api.http.patch(`/v1/events/${slug}`, { status: 'CANCELLED' }, { token: organiser.token });
    const open = await ticketType(slug, organiser.token);
    const closed = await register<Problem>(slug, user.token, { ticketTypeId: open });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('REGISTRATION_CLOSED');
  });
});
