import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkUser, insertUsers } from '@test/support/bulk-users';
import { query } from '@test/support/databases';
import { sample } from '@test/support/prometheus';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { LoadResponse, sendAll } from '@test/support/load';
import { OrProblem, Wire } from '@test/support/api-types';
import { RegistrationDto } from '@api/registrations/registrations.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { VoucherDto } from '@api/registrations/vouchers.dto';

/** What a registration request answers: the registration, or a problem. */
type Registration = OrProblem<Wire<RegistrationDto>>;

const ATTEMPTS = 10_000;
const CONNECTIONS = 96;

/**
 * Real HTTP, many connections, every attempt a different attendee, all at once: the quota must hold exactly,
 * every refusal must be a 409 problem, and nothing may fail with a 5xx.
 */
describe('registration under concurrency', () => {
  let api: TestApi;
  let users: BulkUser[];
  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '10' });
    users = await insertUsers(api, ATTEMPTS, 'crowd');
  }, 120_000);
  afterAll(() => api.close());

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    query<T>(api.config.database.url, sql, params);

  async function ticketType(slug: string, token: string, body: Record<string, unknown> = {}) {
    const response = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${slug}/ticket-types`,
      { name: { en: 'In-person' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON', ...body },
      { token },
    );
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function quota(slug: string, token: string, size: number, ticketTypeIds: string[]) {
    const response = await api.http.post(`/v1/events/${slug}/quotas`, { name: 'Seats', size, ticketTypeIds }, { token });
    expect(response.status).toBe(201);
  }

  /** Outcome label per response: "201 CONFIRMED", "409 SOLD_OUT", ... */
  function tally(responses: LoadResponse<Registration>[]) {
    const counts: Record<string, number> = {};
    for (const r of responses) {
      const label = `${r.status} ${r.body?.state ?? r.body?.code ?? r.text.slice(0, 40)}`;
      counts[label] = (counts[label] ?? 0) + 1;
    }
    return counts;
  }

  const states = (slug: string) =>
    db<{ state: string; attendance: string; n: number }>(
      `SELECT r.state, t.attendance, count(*)::int AS n FROM registrations r
         JOIN events e ON e.id = r.event_id JOIN ticket_types t ON t.id = r.ticket_type_id
        WHERE e.slug = $1 GROUP BY r.state, t.attendance ORDER BY 1, 2`,
      [slug],
    );

  it('10,000 attempts on a quota of 100: exactly 100 confirmed, the rest 409 or on the waiting list', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    await quota(slug, organiser.token, 100, [typeId]);
    const responses = await sendAll<Registration>(
      api.http.baseUrl,
      users.map((user, i) => ({
        method: 'POST',
        path: `/v1/events/${slug}/registrations`,
        token: user.token,
        // one attempt in fifty asks for the waiting list when sold out
        body: { ticketTypeId: typeId, attendeeName: 'Crowd', waitlist: i % 50 === 0 },
      })),
      CONNECTIONS,
    );
    const counts = tally(responses);
    expect(Object.keys(counts).sort()).toEqual(['201 CONFIRMED', '201 WAITLISTED', '409 SOLD_OUT']);
    expect(counts['201 CONFIRMED']).toBe(100);
    expect(await states(slug)).toEqual([
      { state: 'CONFIRMED', attendance: 'IN_PERSON', n: 100 },
      { state: 'WAITLISTED', attendance: 'IN_PERSON', n: counts['201 WAITLISTED'] },
    ]);
    const soldOut = responses.find((r) => r.status === 409)!;
    expect(soldOut.headers['content-type']).toContain('application/problem+json');
    // each registration was written with its audit entry and, once confirmed, its outbox event; no refused attempt
    // (some are refused only by the seat check as they commit) left either behind
    const [written] = await db<{ audited: number; announced: number }>(
      `SELECT (SELECT count(*)::int FROM audit_log a JOIN events e ON e.id = a.event_id
                WHERE e.slug = $1 AND a.action = 'registration.created') AS audited,
              (SELECT count(*)::int FROM outbox o JOIN events e ON e.id = o.event_id
                WHERE e.slug = $1 AND o.type = 'registration.confirmed') AS announced`,
      [slug],
    );
    expect(written).toEqual({ audited: 100 + counts['201 WAITLISTED'], announced: 100 });
  }, 120_000);

  it('10,000 attempts on two ticket types sharing a quota of 100: 100 confirmed between them', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const corporate = await ticketType(slug, organiser.token, { name: { en: 'Corporate' }, category: 'CORPORATE' });
    const individual = await ticketType(slug, organiser.token, { name: { en: 'Individual' } });
    await quota(slug, organiser.token, 100, [corporate, individual]);
    const responses = await sendAll<Registration>(
      api.http.baseUrl,
      users.map((user, i) => ({
        method: 'POST',
        path: `/v1/events/${slug}/registrations`,
        token: user.token,
        body: { ticketTypeId: i % 2 ? corporate : individual, attendeeName: 'Crowd' },
      })),
      CONNECTIONS,
    );
    expect(tally(responses)).toEqual({ '201 CONFIRMED': 100, '409 SOLD_OUT': ATTEMPTS - 100 });
    const [{ n }] = await db<{ n: number }>(
      `SELECT count(*)::int AS n FROM registrations WHERE ticket_type_id = ANY($1::uuid[]) AND state = 'CONFIRMED'`,
      [[corporate, individual]],
    );
    expect(n).toBe(100);
  }, 120_000);

  it('10,000 attempts over two APIs on two ticket types sharing a quota of 1,000: both skip counting while seats are plenty, still exactly 1,000', async () => {
    // a second application on the same database: its own SeatHints, which never see the first one's registrations
    const second = await startApi({ DATABASE_POOL_SIZE: '10' });
    try {
      const { slug, organiser } = await createEventWithOrganiser(api);
      const corporate = await ticketType(slug, organiser.token, { name: { en: 'Corporate' }, category: 'CORPORATE' });
      const individual = await ticketType(slug, organiser.token, { name: { en: 'Individual' } });
      await quota(slug, organiser.token, 1_000, [corporate, individual]);
      const attempts = users.map((user, i) => ({
        method: 'POST',
        path: `/v1/events/${slug}/registrations`,
        token: user.token,
        body: { ticketTypeId: i % 2 ? corporate : individual, attendeeName: 'Crowd' },
      }));
      const targets = [api, second];
      const responses = (
        await Promise.all(
          targets.map((target, t) => sendAll<Registration>(target.http.baseUrl, attempts.filter((_, i) => (i >> 1) % 2 === t), CONNECTIONS / 2)),
        )
      ).flat();
      expect(tally(responses)).toEqual({ '201 CONFIRMED': 1_000, '409 SOLD_OUT': ATTEMPTS - 1_000 });
      expect(await states(slug)).toEqual([{ state: 'CONFIRMED', attendance: 'IN_PERSON', n: 1_000 }]);
      for (const target of targets) {
        const metrics = await (await fetch(`${target.http.baseUrl}/metrics`)).text();
        expect(sample(metrics, 'lectern_registration_seat_count_skips_total', { outcome: 'skipped' })).toBeGreaterThan(0);
      }
    } finally {
      await second.close();
    }
  }, 120_000);

  it('10,000 attempts where the event capacity of 100 binds: 100 in person, virtual tickets unaffected', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, { capacity: 100 });
    const withQuota = await ticketType(slug, organiser.token, { name: { en: 'Corporate' }, category: 'CORPORATE' });
    const withoutQuota = await ticketType(slug, organiser.token, { name: { en: 'Individual' } });
    const virtual = await ticketType(slug, organiser.token, { name: { en: 'Livestream' }, category: 'VIRTUAL', attendance: 'VIRTUAL' });
    // a quota far larger than the capacity: the capacity is what binds
    await quota(slug, organiser.token, 5_000, [withQuota]);
    const responses = await sendAll<Registration>(
      api.http.baseUrl,
      users.map((user, i) => ({
        method: 'POST',
        path: `/v1/events/${slug}/registrations`,
        token: user.token,
        body: { ticketTypeId: i % 10 === 0 ? virtual : i % 2 ? withQuota : withoutQuota, attendeeName: 'Crowd' },
      })),
      CONNECTIONS,
    );
    const virtualAttempts = ATTEMPTS / 10;
    expect(tally(responses)).toEqual({ '201 CONFIRMED': 100 + virtualAttempts, '409 SOLD_OUT': ATTEMPTS - 100 - virtualAttempts });
    expect(await states(slug)).toEqual([
      { state: 'CONFIRMED', attendance: 'IN_PERSON', n: 100 },
      { state: 'CONFIRMED', attendance: 'VIRTUAL', n: virtualAttempts },
    ]);
  }, 120_000);

  it('1,000 concurrent replays of one Idempotency-Key: one registration, one response', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const typeId = await ticketType(slug, organiser.token);
    const [user] = users;
    const request = {
      method: 'POST',
      path: `/v1/events/${slug}/registrations`,
      token: user.token,
      headers: { 'idempotency-key': 'checkout-7f3a' },
      body: { ticketTypeId: typeId, attendeeName: 'Same Person' },
    };
    const responses = await sendAll<Registration>(api.http.baseUrl, Array.from({ length: 1_000 }, () => request), CONNECTIONS);
    const created = responses.filter((r) => r.status === 201);
    const inFlight = responses.filter((r) => r.status === 409);
    expect(created.length + inFlight.length).toBe(1_000);
    expect(created.length).toBeGreaterThan(0);
    // every success is byte for byte the same response; every refusal says the first request was still running
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    expect(inFlight.every((r) => r.body.code === 'IDEMPOTENCY_KEY_IN_FLIGHT')).toBe(true);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    // the refused ones, retried now, get that same response too
    const retried = await sendAll<Registration>(api.http.baseUrl, [request, ...inFlight.map(() => request)], CONNECTIONS);
    expect(new Set(retried.map((r) => `${r.status} ${r.text}`))).toEqual(new Set([`201 ${created[0].text}`]));
    const rows = await db(`SELECT id FROM registrations WHERE user_id = $1 AND ticket_type_id = $2`, [user.id, typeId]);
    expect(rows).toEqual([{ id: created[0].body.id }]);
  });

  it('a voucher with 10 uses redeemed by 50 attendees at once: exactly 10 succeed', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const speaker = await ticketType(slug, organiser.token, { name: { en: 'Speaker' }, category: 'SPEAKER', hidden: true });
    const voucher = await api.http.post<Wire<VoucherDto>>(
      `/v1/events/${slug}/vouchers`,
      { code: 'KEYNOTE-10', ticketTypeId: speaker, discount: 'FREE', maxUses: 10 },
      { token: organiser.token },
    );
    expect(voucher.status).toBe(201);
    const responses = await sendAll<Registration>(
      api.http.baseUrl,
      users.slice(0, 50).map((user) => ({
        method: 'POST',
        path: `/v1/events/${slug}/registrations`,
        token: user.token,
        body: { ticketTypeId: speaker, attendeeName: 'Speaker', voucherCode: 'keynote-10' },
      })),
      50,
    );
    expect(tally(responses)).toEqual({ '201 CONFIRMED': 10, '409 VOUCHER_EXHAUSTED': 40 });
    const view = await api.http.get<Wire<VoucherDto>>(`/v1/events/${slug}/vouchers/${voucher.body.id}`, { token: organiser.token });
    expect(view.body.uses).toBe(10);
  });
});
