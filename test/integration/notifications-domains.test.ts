import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaintenanceService } from '@worker/maintenance/maintenance.service';
import { createWorker } from '@worker/worker.factory';
import { complete, draft, openCfp, profile, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, createEventWithOrganiser, startApi, testConfig } from '@test/support/harness';
import { autoAssign, openReview, review, reviewer } from '@test/support/reviews';
import { application, applicant, award, scholarshipEvent } from '@test/support/scholarships';
import { ReceivedMail, SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { SessionDto } from '@api/auth/auth.dto';
import { Wire } from '@test/support/api-types';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { ApplicationDto } from '@api/scholarships/applications.dto';
import { RegistrationDto } from '@api/registrations/registrations.dto';

const DAY = 86_400_000;

/**
 * The messages the CFP, review, registration and scholarship domains cause, end to end: each domain is driven
 * through its HTTP routes, a real worker relays the outbox and delivers through a real SMTP server on loopback,
 * and the test reads what arrived.
 */
describe('notifications from the domains', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('notifdom');
    sink = new SmtpSink();
    await sink.start();
    const overrides = env.overrides(sink);
    api = await startApi(overrides);
    worker = await createWorker(testConfig(overrides), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);

  /** A new account in the given language, with a speaker profile when `speakerName` is given. */
  async function person(language: 'en' | 'zh-CN', label: string, speakerName?: string) {
    const email = `${label}-${randomBytes(4).toString('hex')}@test.lectern`;
    const name = `${label} ${language}`;
    const signed = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name, locale: language });
    expect(signed.status, signed.text).toBe(201);
    const token = signed.body.token;
    if (speakerName) {
      const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token, body: profile(speakerName) });
      expect(saved.status, saved.text).toBe(200);
    }
    return { email, name, token, id: signed.body.user.id };
  }

  const subjects = (address: string) => sink.to(address).map((m) => m.parsed.subject ?? '');

  /** The one message to `address` whose subject matches, once it has arrived. */
  async function mail(address: string, subject: string | RegExp): Promise<ReceivedMail> {
    const fits = (actual: string) => (typeof subject === 'string' ? actual === subject : subject.test(actual));
    const matches = () => sink.to(address).filter((m) => fits(m.parsed.subject ?? ''));
    await sink.waitFor(() => matches().length > 0, 20_000, () => `"${subject}" to ${address}; it has ${JSON.stringify(subjects(address))}`);
    expect(matches()).toHaveLength(1);
    return matches()[0];
  }

  /** Both parts of a message, for "never contains". */
  const whole = (m: ReceivedMail) => `${m.parsed.subject}\n${m.parsed.text}\n${m.parsed.html || ''}`;

  /** The recipients the dispatch of an outbox row resolved, once it is done. */
  async function dispatched(type: string, key: string, value: string) {
    const outbox = async () =>
      db<{ id: string; status: string | null; recipients: number | null }>(
        `SELECT o.id::text AS id, d.status::text AS status, d.recipients
           FROM outbox o LEFT JOIN notification_dispatches d ON d.outbox_id = o.id
          WHERE o.type = $1 AND o.payload->>$2 = $3 ORDER BY o.id`,
        [type, key, value],
      );
    const settled = async () => {
      const rows = await outbox();
      return rows.length > 0 && rows.every((row) => row.status === 'DONE');
    };
    await waitUntil(settled, 20_000, `${type} dispatched`);
    const rows = await outbox();
    const recipients = await db<{ outbox_id: string; recipient_email: string; recipient_key: string; template: string; language: string }>(
      `SELECT outbox_id::text AS outbox_id, recipient_email, recipient_key, template, language
         FROM notification_deliveries WHERE outbox_id = ANY($1::bigint[]) ORDER BY recipient_email`,
      [rows.map((r) => r.id)],
    );
    return { rows, recipients };
  }

  it('invites co-speakers with and without an account, and tells the accepted speakers their proposal arrived', async () => {
    const event = await openCfp(api, {}, { name: { en: 'KubeCon China 2031', 'zh-CN': 'KubeCon 中国 2031' } });
    const base = `/v1/events/${event.slug}`;
    const owner = await person('zh-CN', 'owner', '王芳');
    const cospeaker = await person('en', 'cospeaker', 'Ada Lovelace');
    const outsider = `nobody-${randomBytes(4).toString('hex')}@test.lectern`;
    const title = '调度一万个 Pod';
    const proposal = await draft(api, event.slug, owner, complete(title, { format: 'panel', language: 'zh-CN' }));

    const invite = async (email: string) => {
      const invited = await api.http.post<Wire<SubmissionDto>>(`${base}/submissions/${proposal.id}/cospeakers`, { email }, { token: owner.token });
      expect(invited.status, invited.text).toBe(200);
      return (invited.body.invitations as { id: string; email: string }[]).find((i) => i.email === email)!.id;
    };
    const toCospeaker = await invite(cospeaker.email);
    const toOutsider = await invite(outsider);

    // the account's language wins; an address without an account gets the talk's language and no name
    const english = await mail(cospeaker.email, `王芳 invites you to co-present “${title}”`);
    expect(english.parsed.text).toContain(`Hello ${cospeaker.name},`);
    expect(english.parsed.text).toContain(`王芳 has invited you to present “${title}” together at KubeCon China 2031.`);
    expect(english.parsed.html).toContain(`href="https://lectern.test/events/${event.slug}/cospeaker-invitations/${toCospeaker}"`);
    const chinese = await mail(outsider, `王芳 邀请您共同演讲“${title}”`);
    expect(chinese.parsed.text).toMatch(/^您好：/);
    expect(chinese.parsed.text).toContain(`王芳 邀请您在 KubeCon 中国 2031 上共同演讲“${title}”。`);
    expect(chinese.parsed.text).toContain(`https://lectern.test/events/${event.slug}/cospeaker-invitations/${toOutsider}`);
    for (const invitation of [english, chinese]) expect(whole(invitation)).not.toContain(owner.email);
    const { recipients: invited } = await dispatched('cospeaker.invited', 'invitationId', toOutsider);
    expect(invited).toEqual([expect.objectContaining({ recipient_key: `email:${outsider}`, language: 'zh-CN', template: 'cospeaker.invitation' })]);

    const accepted = await api.http.post(`${base}/cospeaker-invitations/${toCospeaker}/accept`, undefined, { token: cospeaker.token });
    expect(accepted.status, accepted.text).toBe(200);
    const done = await api.http.post(`${base}/submissions/${proposal.id}/submit`, undefined, { token: owner.token });
    expect(done.status, done.text).toBe(200);

    const received = await mail(owner.email, `我们已收到您的议题“${title}”`);
    expect(received.parsed.text).toContain(`感谢您向 KubeCon 中国 2031 的议题征集提交“${title}”。`);
    expect(received.parsed.html).toContain(`href="https://lectern.test/events/${event.slug}/submissions/${proposal.id}"`);
    const receivedToo = await mail(cospeaker.email, `We received your proposal “${title}”`);
    expect(whole(received)).not.toContain(cospeaker.email);
    expect(whole(receivedToo)).not.toContain(owner.email);
    // the invitee who has not accepted is not a speaker, so hears nothing of it
    const { recipients } = await dispatched('submission.submitted', 'submissionId', proposal.id);
    expect(recipients.map((r) => r.recipient_email).sort()).toEqual([cospeaker.email, owner.email].sort());
    expect(sink.to(outsider)).toHaveLength(1);
  });

  it('asks the speakers of an invited session to confirm it', async () => {
    const event = await openCfp(api, {}, { name: { en: 'Open Source Summit 2031', 'zh-CN': '开源峰会 2031' } });
    const keynoter = await person('zh-CN', 'keynoter');
    const created = await api.http.post<Wire<SubmissionDto>>(
      `/v1/events/${event.slug}/invited-sessions`,
      { title: 'The next ten years', abstract: 'Invited.', format: 'keynote', language: 'en', speakers: [{ email: keynoter.email }] },
      { token: event.organiser.token },
    );
    expect(created.status, created.text).toBe(201);
    const invited = await mail(keynoter.email, '诚邀您在 开源峰会 2031 演讲：“The next ten years”');
    expect(invited.parsed.text).toContain('开源峰会 2031 的组织者已将“The next ten years”列入议程，并邀请您担任讲者。');
    expect(invited.parsed.text).toContain(`https://lectern.test/events/${event.slug}/submissions/${created.body.id}/confirm`);
    expect(invited.parsed.text).not.toContain('评审意见');
  });

  it('releases decisions with only the comments meant for speakers, and reminds an accepted speaker to confirm', async () => {
    const event = await openCfp(api, {}, { name: { en: 'Open Source Summit 2032', 'zh-CN': '开源峰会 2032' } });
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    await openReview(api, event.slug, token, { reviewsPerSubmission: 2 });
    const judges = [await reviewer(api, event.slug, token, 'judge-a'), await reviewer(api, event.slug, token, 'judge-b')];
    const speakers = {
      accepted: await person('zh-CN', 'accepted', '李雷'),
      rejected: await person('en', 'rejected', 'Grace Hopper'),
      waitlisted: await person('en', 'waitlisted', 'Linus Torvalds'),
    };
    const titles = { accepted: '服务网格的十个误区', rejected: 'YAML all the way down', waitlisted: 'eBPF for the rest of us' };
    const ids: Record<string, string> = {};
    for (const key of ['accepted', 'rejected', 'waitlisted'] as const) {
      ids[key] = (await submitted(api, event.slug, speakers[key], complete(titles[key]))).id;
    }
    expect((await autoAssign(api, event.slug, token)).added).toBe(6);

    const committeeOnly = 'COMMITTEE ONLY: the chair knows this speaker';
    const comments: Record<string, [string | undefined, string | undefined]> = {
      accepted: ['Great demo idea: show the sidecar traces.', undefined],
      rejected: ['Please narrow the scope to one controller.', '   '],
      waitlisted: [undefined, undefined],
    };
    for (const [n, judge] of judges.entries()) {
      for (const key of Object.keys(ids)) {
        const speakerComment = comments[key][n];
        const body = review(4, { committeeComment: `${committeeOnly} (${n})`, ...(speakerComment !== undefined ? { speakerComment } : {}) });
        const done = await api.http.post(`${base}/review/submissions/${ids[key]}/review`, body, { token: judge.token });
        expect(done.status, done.text).toBe(201);
      }
    }
    for (const [key, decision] of [['accepted', 'ACCEPTED'], ['rejected', 'REJECTED'], ['waitlisted', 'WAITLISTED']] as const) {
      const decided = await api.http.request('PUT', `${base}/submissions/${ids[key]}/decision`, { token, body: { decision } });
      expect(decided.status, decided.text).toBe(200);
    }
    const release = await api.http.post(`${base}/decisions/release`, {}, { token });
    expect(release.body).toMatchObject({ released: 3, accepted: 1, rejected: 1, waitlisted: 1 });

    const [{ released_at: releasedAt }] = await db<{ released_at: Date }>(
      `SELECT released_at FROM submission_decisions WHERE submission_id = $1`,
      [ids.accepted],
    );
    // the review settings' default window: 14 days from the release to confirm, a reminder in the last 3
    const confirmBy = releasedAt.getTime() + 14 * DAY;
    const inShanghai = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const deadline = `${inShanghai.format(new Date(confirmBy))}（Asia/Shanghai）`;
    const acceptance = await mail(speakers.accepted.email, `您的议题“${titles.accepted}”已入选 开源峰会 2032`);
    expect(acceptance.parsed.text).toContain(`请在 ${deadline} 之前确认您将进行演讲。`);
    expect(acceptance.parsed.text).toContain('评审意见：');
    expect(acceptance.parsed.text).toContain('> Great demo idea: show the sidecar traces.');
    expect(acceptance.parsed.text).toContain(`https://lectern.test/events/${event.slug}/submissions/${ids.accepted}/confirm`);
    const rejection = await mail(speakers.rejected.email, `Decision on your proposal “${titles.rejected}”`);
    expect(rejection.parsed.text).toContain('Comments from the reviewers:\n\n> Please narrow the scope to one controller.\n\n');
    const waitlisting = await mail(speakers.waitlisted.email, `Your proposal “${titles.waitlisted}” is on the waiting list`);
    expect(waitlisting.parsed.text).not.toContain('Comments from the reviewers');
    for (const message of [acceptance, rejection, waitlisting]) {
      const content = whole(message);
      expect(content).not.toContain('COMMITTEE ONLY');
      for (const judge of judges) {
        expect(content).not.toContain(judge.email);
        expect(content).not.toContain('judge-');
      }
    }
    // a speaker hears of their own proposal only
    expect(whole(acceptance)).not.toContain(titles.rejected);

    // the worker's maintenance sweep, run as if 11 days had passed, publishes the reminder
    const sweeps = worker.get(MaintenanceService);
    expect((await sweeps.sweep(new Date(confirmBy - 3 * DAY))).confirmationReminders).toBeGreaterThanOrEqual(1);
    const reminder = await mail(speakers.accepted.email, `提醒：请确认您的演讲“${titles.accepted}”`);
    expect(reminder.parsed.text).toContain(`请在 ${deadline} 之前确认或放弃；逾期后该时段可能会安排给其他讲者。`);
    // once confirmed, a reminder has nothing to say
    const confirmed = await api.http.post(`${base}/submissions/${ids.accepted}/confirm`, undefined, { token: speakers.accepted.token });
    expect(confirmed.status, confirmed.text).toBe(200);
    await sweeps.sweep(new Date(confirmBy - DAY));
    const { rows } = await dispatched('submission.confirmation_reminder', 'submissionId', ids.accepted);
    expect(rows.map((r) => r.recipients)).toEqual([1]);
    expect(subjects(speakers.accepted.email).filter((s) => s.startsWith('提醒'))).toHaveLength(1);
  });

  it('confirms registrations with the badge, offers freed seats with their expiry and tells why a registration ended', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, { name: { en: 'Cloud Native Days 2031', 'zh-CN': '云原生技术大会 2031' } });
    const base = `/v1/events/${slug}`;
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `${base}/ticket-types`,
      { name: { en: 'In-person Individual', 'zh-CN': '现场个人票' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: organiser.token },
    );
    expect(type.status, type.text).toBe(201);
    const quota = await api.http.post(`${base}/quotas`, { name: 'Hall', size: 1, ticketTypeIds: [type.body.id] }, { token: organiser.token });
    expect(quota.status, quota.text).toBe(201);
    const first = await person('zh-CN', 'first');
    const second = await person('en', 'second');
    const register = (who: { token: string }, extra: Record<string, unknown> = {}) =>
      api.http.post<Wire<RegistrationDto>>(`${base}/registrations`, { ticketTypeId: type.body.id, attendeeName: 'Attendee', ...extra }, { token: who.token });

    const seat = await register(first);
    expect(seat.body.state).toBe('CONFIRMED');
    const badge = await mail(first.email, '您的 云原生技术大会 2031 注册已确认');
    expect(badge.parsed.text).toContain('您已使用“现场个人票”票种注册 云原生技术大会 2031。');
    expect(badge.parsed.text).toContain(`胸卡编码：${seat.body.badgeToken}`);
    expect(badge.parsed.html).toContain(`href="https://lectern.test/badges/${seat.body.badgeToken}"`);

    const waiting = await register(second, { waitlist: true });
    expect(waiting.body.state).toBe('WAITLISTED');
    expect((await api.http.post(`${base}/registrations/${seat.body.id}/cancel`, undefined, { token: first.token })).status).toBe(200);
    const cancelled = await mail(first.email, '您的 云原生技术大会 2031 注册已取消');
    expect(cancelled.parsed.text).toContain('根据您的要求，您在 云原生技术大会 2031 的“现场个人票”注册已取消。');

    const offer = await mail(second.email, 'A place at Cloud Native Days 2031 is waiting for you');
    const held = await api.http.get<Wire<RegistrationDto>>(`${base}/registrations/${waiting.body.id}`, { token: second.token });
    const inShanghai = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const until = inShanghai.format(new Date(held.body.offerExpiresAt!));
    expect(offer.parsed.text).toContain(
      `A In-person Individual place at Cloud Native Days 2031 has become free and is held for you until ${until} (Asia/Shanghai).`,
    );
    expect(offer.parsed.text).toContain(`Offer expires: ${until} (Asia/Shanghai)`);
    expect(offer.parsed.html).toContain(`href="https://lectern.test/events/${slug}/registrations/${waiting.body.id}/accept-offer"`);
    expect(whole(offer)).not.toContain(first.email);

    expect((await api.http.post(`${base}/registrations/${waiting.body.id}/accept-offer`, undefined, { token: second.token })).status).toBe(200);
    const secondBadge = await mail(second.email, 'Your registration for Cloud Native Days 2031 is confirmed');
    const mine = await api.http.get<Wire<RegistrationDto>>(`${base}/registrations/${waiting.body.id}`, { token: second.token });
    expect(secondBadge.parsed.text).toContain(`Badge code: ${mine.body.badgeToken}`);
    expect(secondBadge.parsed.text).toContain('You are registered for Cloud Native Days 2031 with a In-person Individual ticket.');

    expect((await api.http.post(`${base}/registrations/${waiting.body.id}/cancel`, undefined, { token: organiser.token })).status).toBe(200);
    const byOrganiser = await mail(second.email, 'Your registration for Cloud Native Days 2031 has been cancelled');
    expect(byOrganiser.parsed.text).toContain('The organisers have cancelled your In-person Individual registration for Cloud Native Days 2031.');
    expect(whole(byOrganiser)).not.toContain(organiser.email);
  });

  it('tells a scholarship recipient what they were awarded, and nothing of the application', async () => {
    const setup = await scholarshipEvent(api, { members: 1 });
    const committee = setup.committee[0];
    const zh = await person('zh-CN', 'scholar');
    const applied = await api.http.post<Wire<ApplicationDto>>(
      `/v1/events/${setup.slug}/scholarships/applications`,
      application(setup.programmeId, { statement: 'PRIVATE STATEMENT: I cannot afford the trip.' }),
      { token: zh.token },
    );
    expect(applied.status, applied.text).toBe(201);
    const en = await applicant(api, setup, 'scholar-en', { statement: 'PRIVATE STATEMENT: first conference.' });

    expect((await award(api, setup, committee.token, applied.body.id, { travelGrantMinor: 120_000, includesRegistration: true })).status).toBe(201);
    expect((await award(api, setup, committee.token, en.applicationId, { travelGrantMinor: 50_000, includesRegistration: false })).status).toBe(201);

    const chinese = await mail(zh.email, '您已获得 Test Conference 的奖学金：多样性奖学金');
    expect(chinese.parsed.text).toContain('项目：多样性奖学金');
    expect(chinese.parsed.text).toContain('注册：已包含，免费');
    expect(chinese.parsed.text).toMatch(/差旅资助：US\$1,200\.00/);
    // the free registration comes with its own confirmation, with the ticket in the recipient's language
    const ticket = await mail(zh.email, '您的 Test Conference 注册已确认');
    expect(ticket.parsed.text).toContain('您已使用“奖学金”票种注册 Test Conference。');

    const english = await mail(en.user.email, /^Scholarship awarded for Test Conference: Diversity scholarship$/);
    expect(english.parsed.text).toContain('Programme: Diversity scholarship');
    expect(english.parsed.text).toContain('Travel grant: $500.00');
    expect(english.parsed.text).not.toContain('Registration:');
    for (const message of [chinese, english]) {
      expect(whole(message)).not.toContain('PRIVATE STATEMENT');
      expect(whole(message)).not.toContain(committee.email);
    }
    expect(subjects(en.user.email).filter((s) => s.includes('registration'))).toEqual([]);
  });
});
