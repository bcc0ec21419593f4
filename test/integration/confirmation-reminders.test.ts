import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaintenanceService } from '@worker/maintenance/maintenance.service';
import { createWorker } from '@worker/worker.factory';
import { User, complete, expectProblem, openCfp, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, startApi, testConfig } from '@test/support/harness';
import { openReview } from '@test/support/reviews';
import { ReceivedMail, SmtpSink, isolatedNotificationsEnvironment } from '@test/support/smtp-sink';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { Problem, Wire } from '@test/support/api-types';

const DAY = 86_400_000;
const SECOND = 1000;

/**
 * The confirmation window of accepted talks: its settings, the deadline the e-mails show, and the reminder the
 * worker's maintenance sweep publishes. Sweeps are called with the instant they judge by, so days pass at once. The
 * database is this file's own, so no other test's talks are swept, and two workers sweep it at the same time.
 */
describe('confirmation deadlines and reminders', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('confirm');
    sink = new SmtpSink();
    await sink.start();
    const overrides = env.overrides(sink, { MAINTENANCE_EVERY_SECONDS: '3600' });
    api = await startApi(overrides);
    workers = [
      await createWorker(testConfig(overrides), pino({ level: 'silent' })),
      await createWorker(testConfig(overrides), pino({ level: 'silent' })),
    ];
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);
  const sweep = (at: number, worker = workers[0]) => worker.get(MaintenanceService).sweep(new Date(at));

  async function reminders(submissionId: string) {
    return db<{ payload: unknown }>(
      `SELECT payload FROM outbox WHERE type = 'submission.confirmation_reminder' AND payload->>'submissionId' = $1`,
      [submissionId],
    );
  }

  /** As the e-mails show an instant: in the recipient's language, in the event's time zone (Asia/Shanghai). */
  function shown(at: number, language: 'en' | 'zh-CN') {
    const time = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(at));
    return language === 'en' ? `${time} (Asia/Shanghai)` : `${time}（Asia/Shanghai）`;
  }

  async function mail(address: string, subject: string): Promise<ReceivedMail> {
    const matches = () => sink.to(address).filter((m) => m.parsed.subject === subject);
    const subjects = () => JSON.stringify(sink.to(address).map((m) => m.parsed.subject));
    await sink.waitFor(() => matches().length > 0, 20_000, () => `"${subject}" to ${address}; it has ${subjects()}`);
    expect(matches()).toHaveLength(1);
    return matches()[0];
  }

  /**
   * An event with these review settings and one accepted proposal per title, released together; `releasedAt` is
   * the instant the speakers were told, where every window starts.
   */
  async function acceptedTalks(settings: Record<string, unknown>, titles: string[]) {
    const event = await openCfp(api);
    const token = event.organiser.token;
    await openReview(api, event.slug, token, settings);
    const talks: { id: string; title: string; owner: User }[] = [];
    for (const title of titles) {
      const owner = await speaker(api, 'accepted');
      const { id } = await submitted(api, event.slug, owner, complete(title));
      const decided = await api.http.request('PUT', `/v1/events/${event.slug}/submissions/${id}/decision`, { token, body: { decision: 'ACCEPTED' } });
      expect(decided.status, decided.text).toBe(200);
      talks.push({ id, title, owner });
    }
    const released = await api.http.post(`/v1/events/${event.slug}/decisions/release`, {}, { token });
    expect(released.body).toMatchObject({ accepted: titles.length });
    const [{ released_at }] = await db<{ released_at: Date }>(`SELECT released_at FROM submission_decisions WHERE submission_id = $1`, [talks[0].id]);
    return { event, talks, releasedAt: released_at.getTime() };
  }

  it('tells accepted speakers their deadline and reminds the owner once, in the window, however many workers sweep', async () => {
    const { event, talks: [talk], releasedAt } = await acceptedTalks({ confirmationDays: 10, confirmationReminderDays: 4 }, ['Ten days to answer']);
    const deadline = releasedAt + 10 * DAY;
    const remindFrom = deadline - 4 * DAY;

    const accepted = await mail(talk.owner.email, 'Your proposal “Ten days to answer” was accepted for Test Conference');
    expect(accepted.parsed.text).toContain(`Please confirm that you will present it by ${shown(deadline, 'en')}.`);
    const outcome = await api.http.get(`/v1/events/${event.slug}/submissions/${talk.id}/decision`, { token: talk.owner.token });
    expect(outcome.body).toMatchObject({ decision: 'ACCEPTED', awaitingConfirmation: true, confirmBy: new Date(deadline).toISOString() });

    expect((await sweep(remindFrom - SECOND)).confirmationReminders).toBe(0);
    expect(await reminders(talk.id)).toEqual([]);

    const count = async () => Number((await db<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE type = 'submission.confirmation_reminder'`))[0].n);
    const before = await count();
    const results = await Promise.all([sweep(remindFrom, workers[0]), sweep(remindFrom, workers[1]), sweep(remindFrom, workers[0]), sweep(remindFrom, workers[1])]);
    expect(await reminders(talk.id)).toEqual([{ payload: { eventId: expect.any(String), submissionId: talk.id } }]);
    // what the sweeps say they published is what the outbox holds: none of them published a talk twice
    expect(results.reduce((sum, r) => sum + r.confirmationReminders, 0)).toBe((await count()) - before);
    const [{ reminded }] = await db<{ reminded: Date }>(`SELECT confirmation_reminded_at AS reminded FROM submissions WHERE id = $1`, [talk.id]);
    expect(reminded.getTime()).toBe(remindFrom);

    expect((await sweep(deadline - SECOND)).confirmationReminders).toBe(0);
    expect(await reminders(talk.id)).toHaveLength(1);
    const reminder = await mail(talk.owner.email, 'Reminder: please confirm your talk “Ten days to answer”');
    expect(reminder.parsed.text).toContain(`Please confirm or decline by ${shown(deadline, 'en')}; after that the slot may be offered to another speaker.`);
  });

  it('reminds nobody who has confirmed or declined', async () => {
    const { event, talks: [kept, dropped], releasedAt } = await acceptedTalks({}, ['Kept', 'Dropped']);
    const base = `/v1/events/${event.slug}/submissions`;
    const confirmed = await api.http.post(`${base}/${kept.id}/confirm`, undefined, { token: kept.owner.token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'CONFIRMED', awaitingConfirmation: false, confirmBy: null });
    expect((await api.http.post(`${base}/${dropped.id}/decline`, undefined, { token: dropped.owner.token })).status).toBe(200);
    // the defaults: 14 days to answer, a reminder in the last 3
    await sweep(releasedAt + 11 * DAY);
    await sweep(releasedAt + 14 * DAY - SECOND);
    expect(await reminders(kept.id)).toEqual([]);
    expect(await reminders(dropped.id)).toEqual([]);
  });

  it('reminds nobody once the deadline has passed, nor in an event that asks for no reminder', async () => {
    const late = await acceptedTalks({ confirmationDays: 20, confirmationReminderDays: 5 }, ['Too late']);
    await sweep(late.releasedAt + 20 * DAY);
    await sweep(late.releasedAt + 25 * DAY);
    expect(await reminders(late.talks[0].id)).toEqual([]);

    const silent = await acceptedTalks({ confirmationDays: 30, confirmationReminderDays: 0 }, ['No reminders here']);
    for (const day of [0, 1, 15, 29]) await sweep(silent.releasedAt + day * DAY);
    expect(await reminders(silent.talks[0].id)).toEqual([]);
  });

  it('gives an invited session the default window from its creation when the event has no review settings', async () => {
    const event = await openCfp(api);
    const email = `keynoter-${randomBytes(4).toString('hex')}@test.lectern`;
    const signed = await api.http.post('/v1/auth/signup', { email, password: TEST_PASSWORD, name: '王芳', locale: 'zh-CN' });
    expect(signed.status, signed.text).toBe(201);
    const created = await api.http.post<Wire<SubmissionDto>>(
      `/v1/events/${event.slug}/invited-sessions`,
      { title: '下一个十年', abstract: 'Invited.', format: 'keynote', language: 'zh-CN', speakers: [{ email }] },
      { token: event.organiser.token },
    );
    expect(created.status, created.text).toBe(201);
    const [{ submitted_at }] = await db<{ submitted_at: Date }>(`SELECT submitted_at FROM submissions WHERE id = $1`, [created.body.id]);
    const deadline = submitted_at.getTime() + 14 * DAY;

    const invited = await mail(email, '诚邀您在 Test Conference 演讲：“下一个十年”');
    expect(invited.parsed.text).toContain(`请在 ${shown(deadline, 'zh-CN')} 之前确认您将进行演讲。`);

    await sweep(deadline - 3 * DAY - SECOND);
    expect(await reminders(created.body.id)).toEqual([]);
    await sweep(deadline - 3 * DAY);
    expect(await reminders(created.body.id)).toHaveLength(1);
    const reminder = await mail(email, '提醒：请确认您的演讲“下一个十年”');
    expect(reminder.parsed.text).toContain(`请在 ${shown(deadline, 'zh-CN')} 之前确认或放弃；逾期后该时段可能会安排给其他讲者。`);
  });

  it('keeps the window in the review settings and refuses one whose reminder is not before the deadline, in English and Chinese', async () => {
    const event = await openCfp(api);
    const token = event.organiser.token;
    const path = `/v1/events/${event.slug}/review-settings`;
    const window = { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T00:00:00' };
    const put = (body: Record<string, unknown>, lang?: string) => api.http.request<Problem>('PUT', path, { token, body: { ...window, ...body }, lang });

    expect((await put({})).body).toMatchObject({ confirmationDays: 14, confirmationReminderDays: 3 });
    expect((await put({ confirmationDays: 90, confirmationReminderDays: 0 })).body).toMatchObject({ confirmationDays: 90, confirmationReminderDays: 0 });
    expect((await api.http.get(path, { token })).body).toMatchObject({ confirmationDays: 90, confirmationReminderDays: 0 });

    const tooShort = await put({ confirmationDays: 0 });
    expectProblem(tooShort, 400, 'VALIDATION_FAILED');
    expect(tooShort.body.errors).toEqual([{ field: 'confirmationDays', code: 'min', message: 'confirmationDays must be at least 1.' }]);
    const tooLong = await put({ confirmationDays: 91 }, 'zh-CN');
    expectProblem(tooLong, 400, 'VALIDATION_FAILED');
    expect(tooLong.body.errors).toEqual([{ field: 'confirmationDays', code: 'max', message: 'confirmationDays 不能大于 90。' }]);
    const fraction = await put({ confirmationReminderDays: 1.5 }, 'zh-CN');
    expectProblem(fraction, 400, 'VALIDATION_FAILED');
    expect(fraction.body.errors).toEqual([{ field: 'confirmationReminderDays', code: 'isInt', message: 'confirmationReminderDays 必须是整数。' }]);

    const english = await put({ confirmationDays: 7, confirmationReminderDays: 7 });
    expectProblem(english, 400, 'REVIEW_CONFIRMATION_WINDOW_INVALID');
    expect(english.body).toMatchObject({
      title: 'Invalid confirmation window',
      detail: 'The reminder must come before the deadline: confirmationReminderDays must be less than confirmationDays (7).',
      errors: [{ field: 'confirmationReminderDays', code: 'max', message: 'confirmationReminderDays must be at most 6.' }],
    });
    const chinese = await put({ confirmationReminderDays: 14 }, 'zh-CN');
    expectProblem(chinese, 400, 'REVIEW_CONFIRMATION_WINDOW_INVALID');
    expect(chinese.body).toMatchObject({
      title: '确认期限无效',
      detail: '提醒必须早于确认截止时间：confirmationReminderDays 必须小于 confirmationDays（14）。',
      errors: [{ field: 'confirmationReminderDays', code: 'max', message: 'confirmationReminderDays 不能大于 13。' }],
    });
    // a refused window changes nothing
    expect((await api.http.get(path, { token })).body).toMatchObject({ confirmationDays: 90, confirmationReminderDays: 0 });
  });
});
