import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import ICAL from 'ical.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { SessionDto } from '@api/auth/auth.dto';
import { ScheduleReleaseDto } from '@api/programme/programme.dto';
import { Wire } from '@test/support/api-types';
import { profile } from '@test/support/cfp';
import { TEST_PASSWORD, TestApi, startApi, testConfig } from '@test/support/harness';
import { Edition, openCfp, room, session } from '@test/support/programme';
import { ReceivedMail, SmtpSink, isolatedNotificationsEnvironment } from '@test/support/smtp-sink';

/** The events of a message's .ics read back by a real iCalendar parser. */
function calendarOf(mail: ReceivedMail) {
  const attachment = mail.parsed.attachments.find((a) => a.filename === 'sessions.ics');
  expect(attachment, 'sessions.ics attached').toBeDefined();
  expect(attachment!.contentType).toBe('text/calendar');
  return eventsOf(attachment!.content.toString('utf8'));
}

function eventsOf(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      sequence: event.sequence,
    };
  });
}

describe('programme: speakers hear about a release, once, in their language, with an .ics', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let edition: Edition;

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('progmail');
    sink = new SmtpSink();
    await sink.start();
    const overrides = env.overrides(sink);
    api = await startApi(overrides);
    worker = await createWorker(testConfig(overrides), pino({ level: 'silent' }));
    edition = await openCfp(api);
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  async function person(language: 'en' | 'zh-CN', label: string) {
    const email = `${label}-${randomBytes(4).toString('hex')}@test.lectern`;
    const signed = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name: `${label} ${language}`, locale: language });
    expect(signed.status, signed.text).toBe(201);
    const token = signed.body.token;
    const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token, body: profile(label) });
    expect(saved.status, saved.text).toBe(200);
    return { email, token, id: signed.body.user.id };
  }

  /** The release messages to `address` (the invitation to speak that came before is not one). */
  const released = (address: string) => sink.to(address).filter((m) => m.parsed.attachments.some((a) => a.filename === 'sessions.ics'));

  it('sends each speaker with new or moved sessions one message per release, with their sessions as iCalendar', async () => {
    const base = `/v1/events/${edition.slug}`;
    const token = edition.organiser.token;
    const place = (id: string, roomSlug: string, startsAt: string) =>
      api.http.request('PUT', `${base}/schedule/placements/${id}`, { token, body: { room: roomSlug, startsAt } });
    const ada = await person('en', 'ada');
    const lin = await person('zh-CN', 'lin');
    const adaTalk = await session(api, edition, [ada], { title: 'Scheduling, at scale; with care' });
    const linTalk = await session(api, edition, [lin], { title: '大规模集群的调度' });
    const joint = await session(api, edition, [ada, lin], { title: 'Joint keynote', format: 'keynote' });
    expect((await place(adaTalk.id, 'hall-a', '2030-06-24T09:00')).status).toBe(200);
    expect((await place(linTalk.id, 'hall-b', '2030-06-24T10:00')).status).toBe(200);
    expect((await place(joint.id, 'hall-a', '2030-06-25T09:00')).status).toBe(200);

    const v1 = await api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, {}, { token });
    expect(v1.status, v1.text).toBe(201);
    await sink.waitFor(() => released(ada.email).length === 1 && released(lin.email).length === 1, 20_000, () => 'the first release’s messages');

    const adaFirst = released(ada.email)[0];
    expect(adaFirst.parsed.subject).toBe('Your sessions at Test Conference: programme version 1');
    expect(adaFirst.parsed.text).toContain('Scheduling, at scale; with care');
    expect(calendarOf(adaFirst)).toEqual([
      { uid: `${adaTalk.id}@lectern`, summary: 'Scheduling, at scale; with care', location: 'Room hall-a', start: '2030-06-24T01:00:00.000Z', end: '2030-06-24T01:35:00.000Z', sequence: 1 },
      { uid: `${joint.id}@lectern`, summary: 'Joint keynote', location: 'Room hall-a', start: '2030-06-25T01:00:00.000Z', end: '2030-06-25T01:15:00.000Z', sequence: 1 },
    ]);

    const linFirst = released(lin.email)[0];
    expect(linFirst.parsed.subject).toBe('您在 Test Conference 的议程：日程第 1 版');
    expect(linFirst.parsed.text).toContain('（新增）');
    expect(calendarOf(linFirst).map((e) => [e.summary, e.location, e.start])).toEqual([
      ['大规模集群的调度', 'hall-b 厅', '2030-06-24T02:00:00.000Z'],
      ['Joint keynote', 'hall-a 厅', '2030-06-25T01:00:00.000Z'],
    ]);

    // only lin's talk moves: lin hears again, ada does not
    expect((await place(linTalk.id, 'hall-a', '2030-06-24T14:00')).status).toBe(200);
    const v2 = await api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, {}, { token });
    expect(v2.body.changelog.moved.map((m) => m.submissionId)).toEqual([linTalk.id]);
    await sink.waitFor(() => released(lin.email).length === 2, 20_000, () => 'the second release’s message');
    const linSecond = released(lin.email)[1];
    expect(linSecond.parsed.subject).toBe('您在 Test Conference 的议程：日程第 2 版');
    expect(linSecond.parsed.text).toContain('（已调整）');
    const moved = calendarOf(linSecond).find((e) => e.uid === `${linTalk.id}@lectern`);
    expect(moved).toMatchObject({ start: '2030-06-24T06:00:00.000Z', end: '2030-06-24T06:35:00.000Z', sequence: 2, location: 'hall-a 厅' });
    // the keynote has not changed since version 1: its SEQUENCE stays 1, the same as the feeds give it, so a calendar
    // fed by both the message and a feed holds one copy of each session
    expect(calendarOf(linSecond).find((e) => e.uid === `${joint.id}@lectern`)?.sequence).toBe(1);
    const feed = await api.http.request('GET', `${base}/programme/speakers/${lin.id}/calendar.ics`, { token });
    expect(feed.status, feed.text).toBe(200);
    const feedSequence = new Map(eventsOf(feed.text).map((e) => [e.uid, e.sequence]));
    const mailed = calendarOf(linSecond);
    expect(mailed.map((e) => [e.uid, feedSequence.get(e.uid)])).toEqual(mailed.map((e) => [e.uid, e.sequence]));

    // an unchanged release tells nobody
    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(released(ada.email)).toHaveLength(1);
    expect(released(lin.email)).toHaveLength(2);
  });
});
