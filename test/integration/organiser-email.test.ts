import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { SessionDto } from '@api/auth/auth.dto';
import { AuditPageDto } from '@api/events/events.dto';
import { ComposedMessageDto, DryRunDto, EmailPreviewDto, EmailTemplateDto, EmailTemplateHistoryDto } from '@api/notifications/email.dto';
import { NotificationPageDto, NotificationSummaryDto } from '@api/notifications/notifications.dto';
import { RegistrationDto } from '@api/registrations/registrations.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { Problem, Wire } from '@test/support/api-types';
import { complete, expectProblem, openCfp, profile, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, startApi, testConfig } from '@test/support/harness';
import { openReview } from '@test/support/reviews';
import { ReceivedMail, SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';

type Edition = Awaited<ReturnType<typeof openCfp>>;

/**
 * E-mail organisers control, through HTTP, with a real worker delivering to a real SMTP server on loopback:
 * their wording of a message type, a message composed to filtered speakers and attendees, held decisions.
 */
describe('e-mail organisers control', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('orgmail');
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

  async function person(language: 'en' | 'zh-CN', label: string, speaker = true) {
    const email = `${label}-${randomBytes(4).toString('hex')}@test.lectern`;
    const name = `${label} ${language}`;
    const signed = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name, locale: language });
    expect(signed.status, signed.text).toBe(201);
    const token = signed.body.token;
    if (speaker) {
      const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token, body: profile(name) });
      expect(saved.status, saved.text).toBe(200);
    }
    return { email, name, token, id: signed.body.user.id };
  }
  type Person = Awaited<ReturnType<typeof person>>;

  async function edition(name: Record<string, string>) {
    const event = await openCfp(api, {}, { name });
    const track = await api.http.post(`/v1/events/${event.slug}/cfp/tracks`, { slug: 'security', name: { en: 'Security', 'zh-CN': '安全' } }, {
      token: event.organiser.token,
    });
    expect(track.status, track.text).toBe(201);
    await openReview(api, event.slug, event.organiser.token);
    return event;
  }

  /** Decides each proposal and releases every decision of the edition. */
  async function decideAndRelease(event: Edition, decisions: [string, 'ACCEPTED' | 'REJECTED' | 'WAITLISTED'][]) {
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    for (const [id, decision] of decisions) {
      const decided = await api.http.request('PUT', `${base}/submissions/${id}/decision`, { token, body: { decision } });
      expect(decided.status, decided.text).toBe(200);
    }
    const released = await api.http.post(`${base}/decisions/release`, {}, { token });
    expect(released.status, released.text).toBe(200);
  }

  const matching = (address: string, subject: string | RegExp) =>
    sink.to(address).filter((m) => (typeof subject === 'string' ? m.parsed.subject === subject : subject.test(m.parsed.subject ?? '')));

  async function mail(address: string, subject: string | RegExp): Promise<ReceivedMail> {
    await sink.waitFor(() => matching(address, subject).length > 0, 30_000, () =>
      `"${String(subject)}" to ${address}; it has ${JSON.stringify(sink.to(address).map((m) => m.parsed.subject))}`);
    expect(matching(address, subject)).toHaveLength(1);
    return matching(address, subject)[0];
  }

  const hostileTitle = '<img src=x onerror=alert(1)> Scheduling & "pods"';
  const hostileOrganiser = 'Dear {name},\n\n<script>alert("organiser")</script> <a href="https://evil.example">click</a>\n{title} is IN!';

  it('sends an edition’s own wording in each language, escaping a hostile title and hostile organiser text, versioned and audited', async () => {
    const event = await edition({ en: 'KubeCon China 2033', 'zh-CN': 'KubeCon 中国 2033' });
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    const template = `${base}/email/templates/decision.accepted`;

    const fresh = await api.http.get<Wire<EmailTemplateDto>>(template, { token });
    expect(fresh.status, fresh.text).toBe(200);
    expect(fresh.body).toMatchObject({ overridden: false, version: 0, subject: null });
    expect(fresh.body.placeholders).toEqual(['name', 'event', 'title', 'confirm_by', 'confirm_url']);

    const wording = {
      subject: { en: 'Accepted: {title} at {event}', 'zh-CN': '入选通知：{title}（{event}）' },
      body: { en: hostileOrganiser, 'zh-CN': '{name}，您好\n\n<b>恭喜</b>！{title} 已入选。' },
    };
    const saved = await api.http.request<Wire<EmailTemplateDto>>('PUT', template, { token, body: wording });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ overridden: true, version: 1, subject: wording.subject, body: wording.body });

    // preview with sample data in both languages, and for a real person of the edition in theirs
    const preview = await api.http.post<Wire<EmailPreviewDto>>(`${template}/preview`, {}, { token });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.items.map((i) => [i.language, i.subject])).toEqual([
      ['en', 'Accepted: Scheduling 10,000 pods at KubeCon China 2033'],
      ['zh-CN', '入选通知：Scheduling 10,000 pods（KubeCon 中国 2033）'],
    ]);
    expect(preview.body.items[0].html).toContain('&lt;script&gt;alert(&quot;organiser&quot;)&lt;/script&gt;');
    expect(preview.body.items[0].html).not.toMatch(/<script|href="https:\/\/evil/);

    const en = await person('en', 'ada');
    const zh = await person('zh-CN', 'lin');
    const enTalk = await submitted(api, event.slug, en, complete(hostileTitle));
    const zhTalk = await submitted(api, event.slug, zh, complete(`${hostileTitle} 调度`));
    const forLin = await api.http.post<Wire<EmailPreviewDto>>(`${template}/preview`, { recipientUserId: zh.id }, { token });
    expect(forLin.body.items).toHaveLength(1);
    expect(forLin.body.items[0]).toMatchObject({ language: 'zh-CN', recipientEmail: zh.email });
    expect(forLin.body.items[0].text).toContain(`${zh.name}，您好`);
    const stranger = await person('en', 'stranger', false);
    expectProblem(await api.http.post(`${template}/preview`, { recipientUserId: stranger.id }, { token }), 404, 'EMAIL_PREVIEW_RECIPIENT_NOT_FOUND');

    await decideAndRelease(event, [[enTalk.id, 'ACCEPTED'], [zhTalk.id, 'ACCEPTED']]);
    const english = await mail(en.email, /^Accepted: /);
    expect(english.parsed.subject).toBe(`Accepted: ${hostileTitle} at KubeCon China 2033`);
    expect(english.parsed.text).toContain(`Dear ${en.name},\n\n<script>alert("organiser")</script> <a href="https://evil.example">click</a>\n${hostileTitle} is IN!`);
    const html = english.parsed.html || '';
    expect(html).toContain('&lt;script&gt;alert(&quot;organiser&quot;)&lt;/script&gt; &lt;a href=&quot;https://evil.example&quot;&gt;click&lt;/a&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Scheduling &amp; &quot;pods&quot; is IN!');
    expect(html).not.toMatch(/<script|<img|href="https:\/\/evil/);
    // the confirmation button is still Lectern's own link
    expect(html).toContain(`href="https://lectern.test/events/${event.slug}/submissions/${enTalk.id}/confirm"`);

    const chinese = await mail(zh.email, /^入选通知：/);
    expect(chinese.parsed.subject).toBe(`入选通知：${hostileTitle} 调度（KubeCon 中国 2033）`);
    expect(chinese.parsed.text).toContain(`${zh.name}，您好\n\n<b>恭喜</b>！${hostileTitle} 调度 已入选。`);
    expect(chinese.parsed.html).toContain('&lt;b&gt;恭喜&lt;/b&gt;');
    expect(chinese.parsed.html).toContain('<html lang="zh-CN">');

    // reset: version 2 without texts, the history keeps both, the audit log says who did what
    const reset = await api.http.request<Wire<EmailTemplateDto>>('DELETE', template, { token });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toMatchObject({ overridden: false, version: 2, subject: null });
    const history = await api.http.get<Wire<EmailTemplateHistoryDto>>(`${template}/versions`, { token });
    expect(history.body.items.map((v) => [v.version, v.reset, v.createdBy.id])).toEqual([
      [2, true, event.organiser.id],
      [1, false, event.organiser.id],
    ]);
    const audit = await api.http.get<Wire<AuditPageDto>>(`${base}/audit`, { token });
    const changes = audit.body.items.filter((entry) => entry.entityType === 'email_template');
    expect(changes.map((entry) => [entry.action, entry.entityId, entry.actor?.id])).toEqual([
      ['email_template.reset', 'decision.accepted', event.organiser.id],
      ['email_template.updated', 'decision.accepted', event.organiser.id],
    ]);
    expect(changes[1].after).toMatchObject({ version: 1, subject: wording.subject });
  });

  it('refuses an unknown placeholder, a missing language, an empty audience and another edition’s track, in the caller’s language', async () => {
    const event = await edition({ en: 'Open Source Summit 2033' });
    const other = await edition({ en: 'Other Summit 2033' });
    const otherTrack = await api.http.post(`/v1/events/${other.slug}/cfp/tracks`, { slug: 'only-there', name: { en: 'Only there' } }, {
      token: other.organiser.token,
    });
    expect(otherTrack.status, otherTrack.text).toBe(201);
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    const both = async (send: (lang: string) => Promise<Awaited<ReturnType<typeof api.http.post>>>, status: number, code: string) => {
      const en = await send('en');
      const zh = await send('zh-CN');
      expectProblem(en, status, code);
      expectProblem(zh, status, code);
      const [enDetail, zhDetail] = [(en.body as Problem).detail, (zh.body as Problem).detail];
      expect(zhDetail).not.toBe(enDetail);
      expect(zhDetail).toMatch(/[\u4e00-\u9fff]/);
      return { en: en.body as Problem & Record<string, unknown>, zh: zh.body as Problem & Record<string, unknown> };
    };

    const unknown = await both(
      (lang) =>
        api.http.request('PUT', `${base}/email/templates/decision.rejected`, {
          token,
          lang,
          body: { subject: { en: 'About {talk}', 'zh-CN': '关于 {talk}' }, body: { en: 'Hi {name}', 'zh-CN': '{name}，您好' } },
        }),
      422,
      'EMAIL_TEMPLATE_PLACEHOLDER_UNKNOWN',
    );
    expect(unknown.en.allowedPlaceholders).toEqual(['name', 'event', 'title']);
    expect(unknown.en.unknownPlaceholders).toEqual(['talk']);
    expect(unknown.en.detail).toBe('This message cannot fill in {talk}. Placeholders it offers: {name}, {event}, {title}.');
    expect(unknown.zh.detail).toBe('此邮件无法填入 {talk}。可用的占位符：{name}, {event}, {title}。');

    const missing = await both(
      (lang) =>
        api.http.request('PUT', `${base}/email/templates/decision.rejected`, {
          token,
          lang,
          body: { subject: { en: 'About {title}' }, body: { en: 'Hi {name}' } },
        }),
      400,
      'EMAIL_TEMPLATE_LANGUAGES_INVALID',
    );
    expect(missing.en.errors?.map((e) => [e.field, e.code])).toEqual([
      ['subject.zh-CN', 'templateLanguageMissing'],
      ['body.zh-CN', 'templateLanguageMissing'],
    ]);
    // nothing was written by either refusal
    expect((await api.http.get<Wire<EmailTemplateDto>>(`${base}/email/templates/decision.rejected`, { token })).body.version).toBe(0);

    const message = { subject: { en: 'Hello', 'zh-CN': '你好' }, body: { en: 'Hi {name}', 'zh-CN': '{name}，你好' } };
    await both((lang) => api.http.post(`${base}/messages`, { ...message, audience: {} }, { token, lang }), 400, 'COMPOSE_AUDIENCE_EMPTY');
    const foreign = await both(
      (lang) => api.http.post(`${base}/messages`, { ...message, audience: { speakers: { tracks: ['only-there'] } } }, { token, lang }),
      422,
      'COMPOSE_FILTER_UNKNOWN',
    );
    expect(foreign.en.detail).toBe('audience.speakers.tracks names "only-there", which this edition does not have.');
    await both(
      (lang) => api.http.post(`${base}/messages`, { ...message, body: { en: 'Hi {title}', 'zh-CN': '{title}' }, audience: { reviewers: true } }, { token, lang }),
      422,
      'EMAIL_TEMPLATE_PLACEHOLDER_UNKNOWN',
    );
    // an audience that reaches nobody is created (its dry run says 0) but not sent
    const nobody = await api.http.post<Wire<ComposedMessageDto>>(`${base}/messages`, { ...message, audience: { reviewers: true } }, { token });
    expect(nobody.status, nobody.text).toBe(201);
    expect((await api.http.get<Wire<DryRunDto>>(`${base}/messages/${nobody.body.id}/dry-run`, { token })).body.recipients).toBe(0);
    await both((lang) => api.http.post(`${base}/messages/${nobody.body.id}/send`, {}, { token, lang }), 422, 'COMPOSE_NO_RECIPIENTS');
    expect(await db('SELECT 1 FROM composed_message_sends WHERE message_id = $1', [nobody.body.id])).toEqual([]);
    // organisers only
    const speaker = await person('en', 'nosy');
    expectProblem(await api.http.post(`${base}/messages`, { ...message, audience: { reviewers: true } }, { token: speaker.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(`${base}/email/templates`, { token: speaker.token }), 403, 'FORBIDDEN');
  });

  it('composes to accepted speakers of one track and virtual attendees: each once, in their language, a person in both gets one', async () => {
    const event = await edition({ en: 'KubeCon China 2034', 'zh-CN': 'KubeCon 中国 2034' });
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    const people = {
      accepted: await person('en', 'accepted'),
      otherTrack: await person('zh-CN', 'other-track'),
      rejected: await person('zh-CN', 'rejected'),
      both: await person('en', 'both'),
      virtual: await person('zh-CN', 'virtual', false),
      inPerson: await person('en', 'in-person', false),
    };
    const talk = (who: Person, track: string) => submitted(api, event.slug, who, complete(`Talk of ${who.name}`, { track }));
    const talks = {
      accepted: await talk(people.accepted, 'scheduling'),
      otherTrack: await talk(people.otherTrack, 'security'),
      rejected: await talk(people.rejected, 'scheduling'),
      both: await talk(people.both, 'scheduling'),
    };
    await decideAndRelease(event, [
      [talks.accepted.id, 'ACCEPTED'],
      [talks.otherTrack.id, 'ACCEPTED'],
      [talks.rejected.id, 'REJECTED'],
      [talks.both.id, 'ACCEPTED'],
    ]);
    const ticket = async (attendance: 'VIRTUAL' | 'IN_PERSON') => {
      const type = await api.http.post<Wire<TicketTypeDto>>(
        `${base}/ticket-types`,
        { name: { en: attendance, 'zh-CN': attendance }, category: attendance === 'VIRTUAL' ? 'VIRTUAL' : 'INDIVIDUAL', attendance },
        { token },
      );
      expect(type.status, type.text).toBe(201);
      return type.body.id;
    };
    const virtualTicket = await ticket('VIRTUAL');
    const inPersonTicket = await ticket('IN_PERSON');
    const register = async (who: Person, ticketTypeId: string) => {
      const made = await api.http.post<Wire<RegistrationDto>>(`${base}/registrations`, { ticketTypeId, attendeeName: who.name }, { token: who.token });
      expect(made.status, made.text).toBe(201);
      expect(made.body.state).toBe('CONFIRMED');
    };
    await register(people.both, virtualTicket);
    await register(people.virtual, virtualTicket);
    await register(people.inPerson, inPersonTicket);

    const composed = await api.http.post<Wire<ComposedMessageDto>>(
      `${base}/messages`,
      {
        subject: { en: 'Your stage at {event}', 'zh-CN': '{event} 的舞台' },
        body: { en: 'Hello {name},\n\nThe virtual stage opens at 9:00 <sharp>.', 'zh-CN': '{name}，您好\n\n线上舞台九点开放。' },
        audience: { speakers: { states: ['ACCEPTED'], tracks: ['scheduling'] }, attendees: { attendance: ['VIRTUAL'] } },
      },
      { token },
    );
    expect(composed.status, composed.text).toBe(201);
    const id = composed.body.id;

    const dry = await api.http.get<Wire<DryRunDto>>(`${base}/messages/${id}/dry-run`, { token });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.recipients).toBe(3);
    expect(dry.body.languages).toEqual([{ language: 'en', recipients: 2 }, { language: 'zh-CN', recipients: 1 }]);
    expect(dry.body.sample.map((p) => p.email).sort()).toEqual([people.accepted.email, people.both.email, people.virtual.email].sort());
    // a dry run sends nothing
    expect(await db('SELECT 1 FROM composed_message_sends WHERE message_id = $1', [id])).toEqual([]);

    const sent = await api.http.post<Wire<ComposedMessageDto>>(`${base}/messages/${id}/send`, {}, { token });
    expect(sent.status, sent.text).toBe(202);
    expect(sent.body.sends).toEqual([expect.objectContaining({ sequence: 1, recipients: 3 })]);

    const english = 'Your stage at KubeCon China 2034';
    const chinese = 'KubeCon 中国 2034 的舞台';
    const toAccepted = await mail(people.accepted.email, english);
    expect(toAccepted.parsed.text).toContain(`Hello ${people.accepted.name},\n\nThe virtual stage opens at 9:00 <sharp>.`);
    expect(toAccepted.parsed.html).toContain('opens at 9:00 &lt;sharp&gt;.');
    await mail(people.both.email, english);
    const toVirtual = await mail(people.virtual.email, chinese);
    expect(toVirtual.parsed.text).toContain(`${people.virtual.name}，您好\n\n线上舞台九点开放。`);
    for (const left of [people.otherTrack, people.rejected, people.inPerson]) {
      expect(matching(left.email, english).length + matching(left.email, chinese).length).toBe(0);
    }

    await waitUntil(async () => {
      const view = await api.http.get<Wire<ComposedMessageDto>>(`${base}/messages/${id}`, { token });
      return view.body.sends[0]?.sent === 3;
    }, 20_000, 'the send’s progress to show 3 sent');
    const progress = await api.http.get<Wire<ComposedMessageDto>>(`${base}/messages/${id}`, { token });
    expect(progress.body.sends[0]).toMatchObject({ sequence: 1, recipients: 3, resolved: true, pending: 0, sent: 3, failed: 0 });
    // each delivery is on the organisers' list of messages, and the database holds one per person of the send
    const listed = await api.http.get<Wire<NotificationPageDto>>(`${base}/notifications?limit=200`, { token });
    expect(listed.body.items.filter((item) => item.template === 'compose.message').map((item) => item.subject).sort()).toEqual(
      [chinese, english, english].sort(),
    );
    const perPerson = await db<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_deliveries d JOIN composed_message_sends s ON s.outbox_id = d.outbox_id
        WHERE s.message_id = $1 GROUP BY d.recipient_key`,
      [id],
    );
    expect(perPerson.map((r) => r.n)).toEqual([1, 1, 1]);

    // sending again needs saying so
    const twice = await api.http.post(`${base}/messages/${id}/send`, {}, { token });
    expectProblem(twice, 409, 'COMPOSE_ALREADY_SENT');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(matching(people.both.email, english)).toHaveLength(1);
    const again = await api.http.post<Wire<ComposedMessageDto>>(`${base}/messages/${id}/send`, { again: true }, { token });
    expect(again.status, again.text).toBe(202);
    expect(again.body.sends.map((s) => s.sequence)).toEqual([1, 2]);
    await sink.waitFor(() => matching(people.both.email, english).length === 2 && matching(people.virtual.email, chinese).length === 2, 30_000);
  });

  it('holds decision e-mails for review: one reworded, one track sent, then the rest', async () => {
    const event = await edition({ en: 'KubeCon China 2035', 'zh-CN': 'KubeCon 中国 2035' });
    const base = `/v1/events/${event.slug}`;
    const token = event.organiser.token;
    const hold = await api.http.request('PUT', `${base}/email/settings`, { token, body: { holdDecisions: true } });
    expect(hold.status, hold.text).toBe(200);
    const scheduler = await person('en', 'scheduler');
    const guard = await person('zh-CN', 'guard');
    const schedulingTalk = await submitted(api, event.slug, scheduler, complete('Pods at scale', { track: 'scheduling' }));
    const securityTalk = await submitted(api, event.slug, guard, complete('Zero trust', { track: 'security' }));
    await decideAndRelease(event, [[schedulingTalk.id, 'ACCEPTED'], [securityTalk.id, 'REJECTED']]);

    let held: Wire<NotificationPageDto>['items'] = [];
    await waitUntil(async () => {
      held = (await api.http.get<Wire<NotificationPageDto>>(`${base}/notifications?status=HELD`, { token })).body.items;
      return held.length === 2;
    }, 20_000, 'two held decisions');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(matching(scheduler.email, /accepted|Welcome/)).toHaveLength(0);
    const summary = await api.http.get<Wire<NotificationSummaryDto>>(`${base}/notifications/summary`, { token });
    expect(summary.body).toMatchObject({ held: 2, pending: 0, sending: 0 });

    const toScheduler = held.find((item) => item.recipientEmail === scheduler.email)!;
    const reworded = await api.http.request('PUT', `${base}/notifications/${toScheduler.id}/wording`, {
      token,
      body: { subject: 'Welcome aboard: {title}', body: 'Dear {name},\n\nwe loved {title}.' },
    });
    expect(reworded.status, reworded.text).toBe(200);
    expect(reworded.body).toMatchObject({ status: 'HELD', subject: 'Welcome aboard: Pods at scale' });

    const first = await api.http.post(`${base}/notifications/held/release`, { track: 'scheduling' }, { token });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ released: 1 });
    const welcome = await mail(scheduler.email, 'Welcome aboard: Pods at scale');
    expect(welcome.parsed.text).toContain(`Dear ${scheduler.name},\n\nwe loved Pods at scale.`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(matching(guard.email, '关于您的议题“Zero trust”的评审结果')).toHaveLength(0);

    const rest = await api.http.post(`${base}/notifications/held/release`, {}, { token });
    expect(rest.body).toEqual({ released: 1 });
    await mail(guard.email, '关于您的议题“Zero trust”的评审结果');
    expectProblem(await api.http.post(`${base}/notifications/held/release`, {}, { token }), 409, 'HELD_NOTHING_TO_RELEASE');
  });
});
