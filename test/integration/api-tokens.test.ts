import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '@lectern/clock/clock';
import { promiseHooksRunning } from '@test/support/async-hooks';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { ApiTokenDto, CreatedApiTokenDto } from '@api/integrations/api-tokens.dto';
import { RegistrationDto, RegistrationPageDto } from '@api/registrations/registrations.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { RoleGrantDto } from '@api/events/events.dto';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('API tokens', () => {
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

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(api.config.database.url, sql, params);

  const createToken = async (token: string, body: Record<string, unknown>) => {
    const response = await api.http.post<Wire<CreatedApiTokenDto>>('/v1/me/api-tokens', { name: 'Integration', expiresAt: inDays(30), ...body }, { token });
    expect(response.status, response.text).toBe(201);
    return response.body;
  };

  /** An edition with a free ticket type and one confirmed registration. */
  async function editionWithAttendee() {
    const edition = await createEventWithOrganiser(api);
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${edition.slug}/ticket-types`,
      { name: { en: 'In-person Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: edition.organiser.token },
    );
    const attendee = await signUp(api.http, 'attendee');
    const registration = await api.http.post<Wire<RegistrationDto>>(
      `/v1/events/${edition.slug}/registrations`,
      { ticketTypeId: type.body.id, attendeeName: 'Grace Hopper' },
      { token: attendee.token },
    );
    expect(registration.status).toBe(201);
    return { ...edition, typeId: type.body.id, attendee, registration: registration.body };
  }

  it('with read-only registration scope lists registrations and cannot cancel one', async () => {
    const { slug, organiser, registration } = await editionWithAttendee();
    const other = await createEventWithOrganiser(api);
    const created = await createToken(organiser.token, { eventSlug: slug, scopes: ['registrations:read'] });
    expect(created.secret).toMatch(/^lct_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ kind: 'INTEGRATION', scopes: ['registrations:read'], eventSlug: slug, seriesSlug: null, lastUsedAt: null });

    const list = await api.http.get<Wire<RegistrationPageDto>>(`/v1/events/${slug}/registrations`, { token: created.secret });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.id)).toEqual([registration.id]);

    const cancel = await api.http.post<Problem>(`/v1/events/${slug}/registrations/${registration.id}/cancel`, undefined, { token: created.secret });
    expect(cancel.status).toBe(403);
    expect(cancel.body).toMatchObject({ code: 'API_TOKEN_SCOPE_MISSING', detail: expect.stringContaining('registrations:write') as string });
    expect(await db(`SELECT state FROM registrations WHERE id = $1`, [registration.id])).toEqual([{ state: 'CONFIRMED' }]);

    // another area, another edition, and the organiser's own pages are out of reach
    expect((await api.http.get<Problem>(`/v1/events/${slug}/submissions`, { token: created.secret })).body.code).toBe('API_TOKEN_SCOPE_MISSING');
    expect((await api.http.get<Problem>(`/v1/events/${other.slug}/registrations`, { token: created.secret })).body.code).toBe('API_TOKEN_WRONG_EVENT');
    expect((await api.http.get<Problem>('/v1/me/api-tokens', { token: created.secret })).body.code).toBe('API_TOKEN_ROUTE_NOT_ALLOWED');
    expect((await api.http.get<Problem>(`/v1/events/${slug}/roles`, { token: created.secret })).body.code).toBe('API_TOKEN_ROUTE_NOT_ALLOWED');

    // shown once, stored as its SHA-256 only, listed with its last use
    const [row] = await db<{ token_hash: string }>(`SELECT token_hash FROM api_tokens WHERE id = $1`, [created.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    const mine = await api.http.get<Wire<ApiTokenDto>[]>('/v1/me/api-tokens', { token: organiser.token });
    expect(mine.body).toEqual([expect.objectContaining({ id: created.id, displayPrefix: created.secret.slice(0, 10) })]);
    expect(mine.body[0].lastUsedAt).not.toBeNull();
    expect(mine.text).not.toContain(created.secret);
  });

  it('acts as its creator in the audit log, naming the token', async () => {
    const { slug, organiser, registration } = await editionWithAttendee();
    const created = await createToken(organiser.token, { eventSlug: slug, scopes: ['registrations:write'] });
    const cancel = await api.http.post(`/v1/events/${slug}/registrations/${registration.id}/cancel`, undefined, { token: created.secret });
    expect(cancel.status).toBe(200);
    const audit = await db<{ actor_id: string; api_token_id: string | null }>(
      `SELECT actor_id, api_token_id FROM audit_log WHERE action = 'registration.cancelled' AND entity_id = $1`,
      [registration.id],
    );
    expect(audit).toEqual([{ actor_id: organiser.id, api_token_id: created.id }]);
    const log = await api.http.get<{ items: { action: string; apiTokenId: string | null }[] }>(`/v1/events/${slug}/audit`, { token: organiser.token });
    expect(log.body.items.find((e) => e.action === 'registration.cancelled')).toMatchObject({ apiTokenId: created.id });
  });

  it('names the token in the audit of each of many concurrent token requests, and in none of the others', async () => {
    const { slug, organiser, typeId, registration } = await editionWithAttendee();
    const registrations = [registration.id];
    for (let i = 0; i < 7; i++) {
      const attendee = await signUp(api.http, 'attendee');
      const created = await api.http.post<Wire<RegistrationDto>>(
        `/v1/events/${slug}/registrations`,
        { ticketTypeId: typeId, attendeeName: `Attendee ${i}` },
        { token: attendee.token },
      );
      registrations.push(created.body.id);
    }
    const token = await createToken(organiser.token, { eventSlug: slug, scopes: ['registrations:write'] });
    // every other cancellation by the organiser's own session, all at once: token requests open and close their
    // attributions while the others run
    const byToken = (i: number) => i % 2 === 0;
    const answers = await Promise.all(
      registrations.map((id, i) =>
        api.http.post(`/v1/events/${slug}/registrations/${id}/cancel`, undefined, { token: byToken(i) ? token.secret : organiser.token }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(registrations.map(() => 200));
    const audit = await db<{ entity_id: string; actor_id: string; api_token_id: string | null }>(
      `SELECT entity_id, actor_id, api_token_id FROM audit_log WHERE action = 'registration.cancelled' AND entity_id = ANY($1::text[])`,
      [registrations],
    );
    expect(Object.fromEntries(audit.map((row) => [row.entity_id, [row.actor_id, row.api_token_id]]))).toEqual(
      Object.fromEntries(registrations.map((id, i) => [id, [organiser.id, byToken(i) ? token.id : null]])),
    );
    // with every request answered no context is open, and the process runs without Node's promise hooks again
    expect(await promiseHooksRunning()).toBe(false);
  });

  it('as a check-in device checks in at its edition and nothing else', async () => {
    const { slug, organiser, registration } = await editionWithAttendee();
    const other = await editionWithAttendee();
    const staff = await signUp(api.http, 'staff');
    await api.http.post(`/v1/events/${slug}/roles`, { email: staff.email, role: 'CHECKIN_STAFF' }, { token: organiser.token });
    await api.http.post(`/v1/events/${other.slug}/roles`, { email: staff.email, role: 'CHECKIN_STAFF' }, { token: other.organiser.token });
    const device = await createToken(staff.token, { kind: 'CHECKIN_DEVICE', eventSlug: slug, scopes: ['registrations:write'] });
    expect(device.scopes).toEqual(['checkin:read', 'checkin:write']);

    const scan = await api.http.post(`/v1/events/${slug}/check-ins`, { badgeToken: registration.badgeToken }, { token: device.secret });
    expect(scan.status).toBe(201);
    expect((await api.http.get(`/v1/events/${slug}/check-ins/summary`, { token: device.secret })).status).toBe(200);
    // the staff member works at the other edition too; the device does not
    const elsewhere = await api.http.post<Problem>(`/v1/events/${other.slug}/check-ins`, { badgeToken: other.registration.badgeToken }, { token: device.secret });
    expect(elsewhere.body.code).toBe('API_TOKEN_WRONG_EVENT');
    expect((await api.http.get<Problem>(`/v1/events/${slug}/registrations`, { token: device.secret })).body.code).toBe('API_TOKEN_SCOPE_MISSING');
    expect((await api.http.get<Problem>(`/v1/events/${slug}/registrations/${registration.id}`, { token: device.secret })).status).toBe(403);
    expect((await api.http.post<Problem>(`/v1/events/${slug}/registrations/${registration.id}/cancel`, undefined, { token: device.secret })).status).toBe(403);
    expect((await api.http.get<Problem>('/v1/me/registrations', { token: device.secret })).body.code).toBe('API_TOKEN_ROUTE_NOT_ALLOWED');

    // a device needs check-in staff or organiser; a mere attendee cannot make one
    const refused = await api.http.post<Problem>(
      '/v1/me/api-tokens',
      { name: 'Scanner', kind: 'CHECKIN_DEVICE', eventSlug: slug, expiresAt: inDays(3) },
      { token: (await signUp(api.http, 'nobody')).token },
    );
    expect(refused.status).toBe(404);
  });

  it('fails on the next request once revoked, by its creator or by an organiser', async () => {
    const { slug, organiser } = await editionWithAttendee();
    const staff = await signUp(api.http, 'staff');
    await api.http.post(`/v1/events/${slug}/roles`, { email: staff.email, role: 'CHECKIN_STAFF' }, { token: organiser.token });
    const own = await createToken(organiser.token, { eventSlug: slug, scopes: ['registrations:read'] });
    const device = await createToken(staff.token, { kind: 'CHECKIN_DEVICE', eventSlug: slug });
    expect((await api.http.get(`/v1/events/${slug}/registrations`, { token: own.secret })).status).toBe(200);
    expect((await api.http.get(`/v1/events/${slug}/check-ins/summary`, { token: device.secret })).status).toBe(200);

    expect((await api.http.delete(`/v1/me/api-tokens/${own.id}`, { token: organiser.token })).status).toBe(204);
    const after = await api.http.get<Problem>(`/v1/events/${slug}/registrations`, { token: own.secret });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_INVALID');

    // the staff member's device is revoked by the organiser; someone else's token is nobody else's to revoke
    expect((await api.http.delete(`/v1/me/api-tokens/${device.id}`, { token: organiser.token })).status).toBe(404);
    const listed = await api.http.get<Wire<ApiTokenDto>[]>(`/v1/events/${slug}/api-tokens`, { token: organiser.token });
    expect(listed.body.map((t) => t.id).sort()).toEqual([own.id, device.id].sort());
    expect((await api.http.delete(`/v1/events/${slug}/api-tokens/${device.id}`, { token: organiser.token })).status).toBe(204);
    expect((await api.http.get(`/v1/events/${slug}/check-ins/summary`, { token: device.secret })).status).toBe(401);
    const revocations = await db(`SELECT actor_id FROM audit_log WHERE action = 'api_token.revoked' AND entity_id = ANY($1::text[])`, [[own.id, device.id]]);
    expect(revocations).toHaveLength(2);
  });

  it('of an organiser who lost the role fails', async () => {
    const { slug, organiser, adminToken } = await editionWithAttendee();
    const second = await signUp(api.http, 'second-organiser');
    await api.http.post(`/v1/events/${slug}/roles`, { email: second.email, role: 'ORGANISER' }, { token: adminToken });
    const token = await createToken(second.token, { eventSlug: slug, scopes: ['registrations:write'] });
    expect((await api.http.get(`/v1/events/${slug}/registrations`, { token: token.secret })).status).toBe(200);

    const roles = await api.http.get<Wire<RoleGrantDto>[]>(`/v1/events/${slug}/roles`, { token: organiser.token });
    const grant = roles.body.find((g) => g.userId === second.id)!;
    expect((await api.http.delete(`/v1/events/${slug}/roles/${grant.id}`, { token: organiser.token })).status).toBe(204);
    const demoted = await api.http.get<Problem>(`/v1/events/${slug}/registrations`, { token: token.secret });
    expect(demoted.status).toBe(403);
    expect(demoted.body.code).toBe('FORBIDDEN');
  });

  it('of a series works in each of its editions; it expires', async () => {
    const first = await editionWithAttendee();
    const admin = first.adminToken;
    const secondSlug = `${first.slug}-b`;
    const second = await api.http.post(
      '/v1/events',
      {
        seriesSlug: first.seriesSlug,
        slug: secondSlug,
        name: { en: 'Second City' },
        city: { en: 'Tokyo' },
        country: 'JP',
        timezone: 'Asia/Tokyo',
        startsAt: '2031-06-24T01:00:00Z',
        endsAt: '2031-06-26T10:00:00Z',
        format: 'IN_PERSON',
      },
      { token: admin },
    );
    expect(second.status).toBe(201);
    await api.http.post(`/v1/events/${secondSlug}/roles`, { email: first.organiser.email, role: 'ORGANISER' }, { token: admin });
    const token = await createToken(first.organiser.token, { seriesSlug: first.seriesSlug, scopes: ['registrations:read'], expiresAt: inDays(2) });
    expect(token).toMatchObject({ seriesSlug: first.seriesSlug, eventSlug: null });
    expect((await api.http.get(`/v1/events/${first.slug}/registrations`, { token: token.secret })).status).toBe(200);
    expect((await api.http.get(`/v1/events/${secondSlug}/registrations`, { token: token.secret })).status).toBe(200);
    const unrelated = await createEventWithOrganiser(api);
    expect((await api.http.get(`/v1/events/${unrelated.slug}/registrations`, { token: token.secret })).status).toBe(403);

    clock.now = () => new Date(Date.now() + 3 * DAY);
    const expired = await api.http.get<Problem>(`/v1/events/${first.slug}/registrations`, { token: token.secret });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });

  it('refuses what it cannot honour at creation', async () => {
    const { slug, organiser } = await editionWithAttendee();
    const post = (body: Record<string, unknown>) =>
      api.http.post<Problem>('/v1/me/api-tokens', { name: 'x', eventSlug: slug, scopes: ['facts:read'], expiresAt: inDays(1), ...body }, { token: organiser.token });
    expect((await post({ scopes: ['payments:write'] })).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ scopes: [] })).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ expiresAt: inDays(400) })).body.code).toBe('API_TOKEN_EXPIRY_INVALID');
    expect((await post({ expiresAt: inDays(-1) })).body.code).toBe('API_TOKEN_EXPIRY_INVALID');
    expect((await post({ eventSlug: undefined })).body.code).toBe('API_TOKEN_TARGET_REQUIRED');
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`/v1/events/${slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: organiser.token });
    const device = await api.http.post<Problem>(
      '/v1/me/api-tokens',
      { name: 'Scanner', kind: 'CHECKIN_DEVICE', eventSlug: slug, expiresAt: inDays(1) },
      { token: reviewer.token },
    );
    expect(device.body.code).toBe('API_TOKEN_NO_ROLE');
  });

  it('documents the token scheme and the scope of each operation open to tokens', async () => {
    const document = (await (await fetch(`${api.http.baseUrl}/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const security = (path: string, method: string) => document.paths[path][method].security;
    expect(security('/v1/events/{slug}/registrations', 'get')).toContainEqual({ apiToken: ['registrations:read'] });
    expect(security('/v1/events/{slug}/registrations/{id}/cancel', 'post')).toContainEqual({ apiToken: ['registrations:write'] });
    expect(security('/v1/events/{slug}/check-ins', 'post')).toContainEqual({ apiToken: ['checkin:write'] });
    expect(security('/v1/me/registrations', 'get')).not.toContainEqual(expect.objectContaining({ apiToken: expect.anything() as unknown }));
    expect(security('/v1/me/api-tokens', 'post')).not.toContainEqual(expect.objectContaining({ apiToken: expect.anything() as unknown }));
  });
});
