import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '@lectern/database/prisma.service';
import { RegistrationState } from '@lectern/database/generated/enums';
import { newRegistrationRow } from '@lectern/domains/registrations/registration.policy';
import { RegistrationWriter } from '@lectern/domains/registrations/registration-writer.service';
import { seatRefusal } from '@lectern/domains/registrations/registrations.repository';
import { SeatRefusal } from '@lectern/domains/registrations/seat-rule.contract';
import { TestApi, createEventWithOrganiser, signUp, startApi, uniqueEmail } from '@test/support/harness';
import { query } from '@test/support/databases';
import { Problem, Wire } from '@test/support/api-types';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { expectProblem } from '@test/support/cfp';

/**
 * When every connection of the request pool is taken, a request waits DATABASE_POOL_WAIT_MS for one and is then
 * told to come back (503 DATABASE_BUSY with Retry-After), instead of failing with an internal error or waiting on.
 */
describe('an exhausted request pool', () => {
  let api: TestApi;
  let slug: string;
  const POOL_SIZE = 3;

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_POOL_WAIT_MS: '1000' });
    ({ slug } = await createEventWithOrganiser(api));
  });
  afterAll(() => api.close());

  /** Holds every connection of the API's own pool in an open transaction until `release` is called. */
  async function holdEveryConnection() {
    const prisma = api.app.get(PrismaService);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    const allHeld = new Promise<void>((resolve) => {
      for (let i = 0; i < POOL_SIZE; i++) {
        void prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT 1`;
            if (++holding === POOL_SIZE) resolve();
            await released;
          },
          { maxWait: 10_000, timeout: 60_000 },
        );
      }
    });
    await allHeld;
    return release;
  }

  it('answers 503 DATABASE_BUSY with Retry-After after the wait, writes nothing, and serves again once a connection frees', async () => {
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
    const release = await holdEveryConnection();
    let released = false;
    try {
      const started = Date.now();
      const busy = await api.http.get<Problem>(`/v1/events/${slug}`, { lang: 'zh-CN' });
      const waited = Date.now() - started;
      expectProblem(busy, 503, 'DATABASE_BUSY');
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(busy.body.detail).toBe('所有数据库连接都在使用中，请在 1 秒后重试。');
      expect(waited).toBeGreaterThanOrEqual(950);

      const email = uniqueEmail('busy');
      const signup = await api.http.post('/v1/auth/signup', { email, password: 'correct horse battery staple', name: 'Busy' });
      expectProblem(signup, 503, 'DATABASE_BUSY');
      release();
      released = true;
      expect(await query(api.config.database.url, 'SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    } finally {
      if (!released) release();
    }
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
  });
});

/**
 * A statement PostgreSQL refuses (a sold-out registration, refused by the seat trigger) leaves its connection in the
 * pool: closing it made each refusal cost a new connection, and a crowd of them ran the pool dry (DATABASE_BUSY).
 */
describe('a statement PostgreSQL refuses', () => {
  let api: TestApi;
  const POOL_SIZE = 3;

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: String(POOL_SIZE) });
  });
  afterAll(() => api.close());

  it('a run of sold-out registrations, each refused by the seat trigger, opens no connection', async () => {
    const { slug, organiser, event } = await createEventWithOrganiser(api);
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${slug}/ticket-types`,
      { name: { en: 'In-person' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: organiser.token },
    );
    expect(type.status, type.text).toBe(201);
    const quota = await api.http.post(`/v1/events/${slug}/quotas`, { name: 'Seats', size: 1, ticketTypeIds: [type.body.id] }, { token: organiser.token });
    expect(quota.status, quota.text).toBe(201);
    const first = await signUp(api.http, 'first');
    const seat = await api.http.post(`/v1/events/${slug}/registrations`, { ticketTypeId: type.body.id, attendeeName: 'First' }, { token: first.token });
    expect(seat.status, seat.text).toBe(201);

    // the statement a registration commits with, outside a transaction as the API sends it: the seat trigger refuses
    // each one, so the driver path (TransactionHost.runAsOne, PrismaService.driverQuery) sees PostgreSQL's error
    const late = await signUp(api.http, 'late');
    const writer = api.app.get(RegistrationWriter);
    const prisma = api.app.get(PrismaService);
    const opened = prisma.connectionCount;
    const ATTEMPTS = 4 * POOL_SIZE;
    for (let i = 0; i < ATTEMPTS; i++) {
      const row = newRegistrationRow(
        {
          eventId: event.id,
          userId: late.id,
          ticketTypeId: type.body.id,
          voucherId: null,
          state: RegistrationState.CONFIRMED,
          attendeeName: 'Late',
          attendeeEmail: late.email,
          priceCents: 0,
          currency: type.body.currency,
          consentToReport: false,
        },
        new Date(),
      );
      const refused = await writer.insert({ id: late.id, email: late.email, isAdmin: false, requestId: randomUUID() }, row).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(seatRefusal(refused), String(refused)).toBe(SeatRefusal.seatsExhausted);
    }
    // a pool that dropped the connection of each refusal would have opened one per attempt
    expect(prisma.connectionCount - opened).toBeLessThanOrEqual(POOL_SIZE);
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
  });
});
