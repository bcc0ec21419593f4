import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, createEventWithOrganiser, signUp, startApi } from './support/harness';
import { insertUsers } from './support/bulk-users';
import { sendAll } from './support/load';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => { api = await startApi({ DATABASE_POOL_SIZE: '10' }); });
  afterAll(() => api.close());

  it('works', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const tt = await api.http.post(`/v1/events/${slug}/ticket-types`, { name: 'Corp', category: 'CORPORATE', attendance: 'IN_PERSON' }, { token: organiser.token });
    console.log(tt.status, tt.body);
    const q = await api.http.post(`/v1/events/${slug}/quotas`, { name: 'Q', size: 100, ticketTypeIds: [tt.body.id] }, { token: organiser.token });
    console.log(q.status, q.body);
    const a = await signUp(api.http, 'att');
    const r = await api.http.post(`/v1/events/${slug}/registrations`, { ticketTypeId: tt.body.id, attendeeName: 'A' }, { token: a.token });
    console.log(r.status, r.body);
    const again = await api.http.post(`/v1/events/${slug}/registrations`, { ticketTypeId: tt.body.id, attendeeName: 'A' }, { token: a.token });
    console.log(again.status, again.body);
    const users = await insertUsers(api, 3000);
    const phase = async (name: string, list: typeof users, waitlist: boolean) => {
      const t = Date.now();
      const rs = await sendAll(api.http.baseUrl, list.map((u) => ({ method: 'POST', path: `/v1/events/${slug}/registrations`, token: u.token, body: { ticketTypeId: tt.body.id, attendeeName: 'X', waitlist } })), 96);
      const c: Record<string, number> = {};
      for (const x of rs) { const k = `${x.status} ${x.body.state ?? x.body.code}`; c[k] = (c[k] ?? 0) + 1; }
      console.log(name, Date.now() - t, 'ms', c);
    };
    await phase('fill', users.slice(0, 200), false);
    await phase('soldout', users.slice(200, 1200), false);
    await phase('waitlist', users.slice(1200, 1700), true);
    const me = await api.http.get('/v1/me', { token: a.token });
    const t1 = Date.now();
    await sendAll(api.http.baseUrl, Array.from({ length: 1000 }, () => ({ method: 'GET', path: '/v1/me', token: a.token })), 96);
    console.log('GET /me x1000', Date.now() - t1, me.status);
    const t2 = Date.now();
    await sendAll(api.http.baseUrl, Array.from({ length: 1000 }, () => ({ method: 'GET', path: `/v1/events/${slug}/ticket-types` })), 96);
    console.log('GET ticket-types x1000', Date.now() - t2);
    const { Client } = await import('pg');
    const c = new Client({ connectionString: api.config.database.url }); await c.connect();
    const ev = (await c.query('select id from events where slug=$1', [slug])).rows[0].id;
    const sql = `EXPLAIN (ANALYZE, BUFFERS) WITH limits AS (
        SELECT 'quota' AS kind, q.id, q.size,
               ARRAY(SELECT x.ticket_type_id FROM ticket_type_quotas x WHERE x.quota_id = q.id) AS types
        FROM quotas q
        WHERE q.event_id = $1::uuid
          AND ($2::uuid IS NULL OR EXISTS (
            SELECT 1 FROM ticket_type_quotas x WHERE x.quota_id = q.id AND x.ticket_type_id = $2::uuid))
        UNION ALL
        SELECT 'capacity', e.id, e.capacity,
               ARRAY(SELECT t.id FROM ticket_types t WHERE t.event_id = e.id AND t.attendance = 'IN_PERSON')
        FROM events e
        WHERE e.id = $1::uuid AND e.capacity IS NOT NULL
          AND ($2::uuid IS NULL OR EXISTS (
            SELECT 1 FROM ticket_types t WHERE t.id = $2::uuid AND t.attendance = 'IN_PERSON'))
      )
      SELECT l.kind, l.id::text AS id, l.size, l.types::text[] AS types,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state IN ('PENDING', 'CONFIRMED')) AS taken,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED'
            AND r.offer_expires_at > $3::timestamptz) AS held,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED'
            AND r.offer_expires_at <= $3::timestamptz) AS expired,
        EXISTS (SELECT 1 FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED' AND r.offer_expires_at IS NULL) AS waiting
      FROM limits l`;
    const plan = await c.query(sql, [ev, tt.body.id, new Date()]);
    console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
    await c.end();
    return;
    const t0 = Date.now();
    const res = await sendAll(api.http.baseUrl, users.map((u, i) => ({ method: 'POST', path: `/v1/events/${slug}/registrations`, token: u.token, body: { ticketTypeId: tt.body.id, attendeeName: 'X', waitlist: i % 4 === 0 } })), 96);
    const dt = Date.now() - t0;
    const counts: Record<string, number> = {};
    for (const x of res) { const k = `${x.status} ${x.body.state ?? x.body.code}`; counts[k] = (counts[k] ?? 0) + 1; }
    console.log(dt, 'ms', counts);
    const bad = res.find((x) => x.status >= 500); if (bad) console.log(bad?.text);
    expect(true).toBe(true);
  });
});
