import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { WorkerProcess, ensureBuilt, killableWorkerEnv } from '@test/support/worker-process';

describe('a worker killed mid-delivery', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let stallsLeft = 0;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('kill');
    sink = new SmtpSink({
      // the server reads the message and never answers: the client is stuck in DATA when it is killed
      data: () => {
        if (stallsLeft === 0) return null;
        stallsLeft -= 1;
        return 'stall';
      },
    });
    await sink.start();
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    workerEnv = killableWorkerEnv(env, api.config.redis.url, sink.port);
  }, 300_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  const deliveries = () =>
    query<{ id: string; status: string; attempts: number; generation: number; recipient_email: string }>(
      env.databaseUrl,
      'SELECT id, status, attempts, generation, recipient_email FROM notification_deliveries ORDER BY created_at',
    );

  it('delivers each message exactly once after a SIGKILL during SMTP DATA and a restart', async () => {
    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();

    // the edition's own messages go out normally first: role for the organiser, "published" for two people
    const { slug } = await createEventWithOrganiser(api);
    await waitUntil(async () => {
      const rows = await deliveries();
      return rows.length === 3 && rows.every((r) => r.status === 'SENT');
    }, 20_000, 'the first three messages');
    expect(sink.received).toHaveLength(3);

    // a burst of six role grants; the first two messages of it hang in DATA
    stallsLeft = 2;
    const adminToken = await logIn(api.http, api.adminEmail);
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signUp(api.http, 'kill')));
    const grants = await Promise.all(
      people.map((p) => api.http.post(`/v1/events/${slug}/roles`, { email: p.email, role: 'REVIEWER' }, { token: adminToken })),
    );
    expect(grants.map((g) => g.status)).toEqual([201, 201, 201, 201, 201, 201]);

    // kill it while exactly the two stalled messages are in flight, the other four already sent
    await waitUntil(async () => {
      const rows = await deliveries();
      return (
        rows.length === 9 &&
        rows.filter((r) => r.status === 'SENDING').length === 2 &&
        rows.filter((r) => r.status === 'SENT').length === 7 &&
        sink.dataStarted.length === 9
      );
    }, 20_000, 'two messages stuck in DATA');
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const stuck = (await deliveries()).filter((r) => r.status === 'SENDING');
    expect(stuck).toHaveLength(2);
    for (const row of stuck) expect(sink.to(row.recipient_email)).toHaveLength(0);

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    await waitUntil(async () => (await deliveries()).every((r) => r.status === 'SENT'), 45_000, 'every delivery SENT');
    // long enough for any duplicate run to have shown up
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const rows = await deliveries();
    expect(rows).toHaveLength(9);
    expect(sink.received).toHaveLength(9);
    for (const row of rows) {
      const copies = sink.received.filter((m) => m.parsed.messageId === `<delivery-${row.id}-1@lectern.test>`);
      expect(copies, row.recipient_email).toHaveLength(1);
    }
    for (const row of stuck) expect(rows.find((r) => r.id === row.id)?.attempts).toBe(2);
    for (const person of people) expect(sink.to(person.email)).toHaveLength(1);

    // and SIGTERM lets the restarted worker shut down cleanly
    const stopped = await second.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(second.log.join('')).not.toMatch(/"level":(50|60)/);
  }, 120_000);
});
