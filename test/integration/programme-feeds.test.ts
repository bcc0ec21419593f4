import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeedsService } from '@lectern/domains/programme/feeds.service';
import { PublicFeedCache } from '@lectern/domains/programme/public-feed.cache';
import { HttpMetrics } from '@api/health/http-metrics';
import { expectProblem, profile } from '@test/support/cfp';
import { c3vocJsonValidator, readCalendar, validateScheduleXml } from '@test/support/feeds';
import { Response, TestApi, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

interface C3vocEvent {
  guid: string;
  title: string;
  date: string;
  do_not_record?: boolean;
}
interface C3voc {
  schedule: { version: string; conference: { days: { rooms: Record<string, C3vocEvent[]> }[] } };
}

/** The `<event>` elements of a schedule.xml as guid → its text, enough to look at one event's children. */
function xmlEvents(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<event guid="([^"]+)"[^>]*>([\s\S]*?)<\/event>/g)].map((m) => [m[1], m[2]]));
}
const child = (event: string | undefined, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(event ?? '')?.[1];
/** Headers that differ between any two responses, whoever sends them. */
const comparable = (headers: Headers) => [...headers].filter(([name]) => !['date', 'x-request-id'].includes(name));

describe('programme feeds: schedule.xml and iCalendar, from released versions only', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
  });
  afterAll(() => api.close());

  const place = async (id: string, roomSlug: string, startsAt: string) => {
    const placed = await api.http.request('PUT', `${base}/schedule/placements/${id}`, { token, body: { room: roomSlug, startsAt } });
    expect(placed.status, placed.text).toBe(200);
  };
  const release = async () => expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);
  const feed = (path: string, headers: Record<string, string> = {}) => api.http.get<string>(`${base}/programme/${path}`, { headers });

  it('valid schedule.xml and calendars with stable ids; a move bumps SEQUENCE, a cancellation is marked, never an e-mail', async () => {
    for (const path of ['schedule.xml', 'calendar.ics', 'rooms/hall-a/calendar.ics']) expectProblem(await feed(path), 404, 'PROGRAMME_NOT_RELEASED');

    const ada = await speaker(api, 'ada');
    const lin = await speaker(api, 'lin');
    const kim = await speaker(api, 'kim');
    const talk = await session(api, edition, [ada], { title: 'Scheduling <10,000> pods & "friends"' });
    const zh = await session(api, edition, [lin], { title: '大规模集群的调度', language: 'zh-CN' });
    const joint = await session(api, edition, [ada, lin], { title: 'Joint keynote', format: 'keynote' });
    const doomed = await session(api, edition, [kim], { title: 'A talk that will be cancelled' });
    await place(talk.id, 'hall-a', '2030-06-24T09:00');
    await place(zh.id, 'hall-b', '2030-06-24T09:00');
    await place(joint.id, 'hall-a', '2030-06-25T09:00');
    await place(doomed.id, 'hall-b', '2030-06-25T11:00');
    await release();

    // schedule.xml: valid against the published XSD, times with the edition's offset, ids that are the sessions'
    const xml = await feed('schedule.xml');
    expect(xml.status, xml.text).toBe(200);
    expect(xml.headers.get('content-type')).toContain('application/xml');
    const verdict = await validateScheduleXml(xml.text);
    expect(verdict, verdict.output).toEqual({ valid: true, output: 'schedule.xml validates' });
    const events = xmlEvents(xml.text);
    expect([...events.keys()].sort()).toEqual([talk.id, zh.id, joint.id, doomed.id].sort());
    expect(child(events.get(talk.id), 'date')).toBe('2030-06-24T09:00:00+08:00');
    expect(child(events.get(talk.id), 'title')).toBe('Scheduling &lt;10,000&gt; pods &amp; &quot;friends&quot;');
    expect(child(events.get(joint.id), 'duration')).toMatch(/^\d{2}:\d{2}$/);
    expect(events.get(joint.id)).toContain(`<person guid="${ada.id}">Speaker ada</person>`);
    expect(xml.text).toContain('<room name="Room hall-a"');
    // names in another of the edition's languages, one document per language (the format holds one text per name)
    const zhXml = await feed('schedule.xml?lang=zh-CN');
    expect(zhXml.text).toContain('<room name="hall-a 厅"');
    expect((await validateScheduleXml(zhXml.text)).valid).toBe(true);

    // validators: one rendering per release
    const etag = xml.headers.get('etag')!;
    expect(etag).toMatch(/^"v1-/);
    expect((await feed('schedule.xml', { 'if-none-match': etag })).status).toBe(304);
    expect((await feed('schedule.xml', { 'if-modified-since': xml.headers.get('last-modified')! })).status).toBe(304);

    // iCalendar: the whole programme, a room, a speaker, read back by ical.js to the right instants
    const all = await feed('calendar.ics');
    expect(all.status, all.text).toBe(200);
    expect(all.headers.get('content-type')).toContain('text/calendar');
    expect(all.headers.get('etag')).toMatch(/^"v1-/);
    const calendar = readCalendar(all.text);
    expect(calendar.events.map((e) => e.uid).sort()).toEqual([talk.id, zh.id, joint.id, doomed.id].map((id) => `${id}@lectern`).sort());
    const first = calendar.events.find((e) => e.uid === `${talk.id}@lectern`)!;
    expect(first).toMatchObject({ start: new Date('2030-06-24T01:00:00Z'), summary: 'Scheduling <10,000> pods & "friends"', sequence: 1, status: 'CONFIRMED', location: 'Room hall-a' });
    expect(first.description).toContain('Speaker ada');
    const hallB = readCalendar((await feed('rooms/hall-b/calendar.ics')).text);
    expect(hallB.events.map((e) => e.uid).sort()).toEqual([`${zh.id}@lectern`, `${doomed.id}@lectern`].sort());
    expect(hallB.name).toContain('Room hall-b');
    const adaFeed = await feed(`speakers/${ada.id}/calendar.ics`);
    expect(readCalendar(adaFeed.text).events.map((e) => e.uid).sort()).toEqual([`${talk.id}@lectern`, `${joint.id}@lectern`].sort());
    expect(readCalendar(adaFeed.text).name).toContain('Speaker ada');
    expectProblem(await feed('rooms/nowhere/calendar.ics'), 404, 'ROOM_NOT_FOUND');
    expectProblem(await feed(`speakers/${edition.organiser.id}/calendar.ics`), 404, 'SPEAKER_NOT_IN_PROGRAMME');
    expectProblem(await feed('speakers/not-an-id/calendar.ics'), 404, 'SPEAKER_NOT_IN_PROGRAMME');

    // the draft changes: one session moves, one is taken out; nothing public changes until the next release
    await place(talk.id, 'hall-b', '2030-06-26T15:00');
    expect((await api.http.request('DELETE', `${base}/schedule/placements/${doomed.id}`, { token })).status).toBe(204);
    expect((await feed('schedule.xml')).text).toBe(xml.text);
    expect((await feed('calendar.ics')).text).toBe(all.text);
    await release();

    const xml2 = await feed('schedule.xml', { 'if-none-match': etag });
    expect(xml2.status).toBe(200);
    expect(xml2.headers.get('etag')).toMatch(/^"v2-/);
    const verdict2 = await validateScheduleXml(xml2.text);
    expect(verdict2, verdict2.output).toEqual({ valid: true, output: 'schedule.xml validates' });
    const events2 = xmlEvents(xml2.text);
    expect(child(events2.get(talk.id), 'date')).toBe('2030-06-26T15:00:00+08:00');
    // the cancelled session keeps its last slot, marked, and its recording opted out
    expect(child(events2.get(doomed.id), 'title')).toBe('Cancelled: A talk that will be cancelled');
    expect(events2.get(doomed.id)).toContain('<optout>true</optout>');
    expect(child(events2.get(doomed.id), 'date')).toBe('2030-06-25T11:00:00+08:00');

    const json = await api.http.get<C3voc>(`${base}/programme/schedule.json`);
    const validateJson = c3vocJsonValidator();
    expect(validateJson(json.body), JSON.stringify(validateJson.errors, null, 2)).toBe(true);
    const jsonEvents = json.body.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
    expect(jsonEvents.find((e) => e.guid === doomed.id)).toMatchObject({ title: 'Cancelled: A talk that will be cancelled', do_not_record: true });
    expect(jsonEvents.find((e) => e.guid === talk.id)?.do_not_record).toBeUndefined();

    const after = readCalendar((await feed('calendar.ics')).text).events;
    const uid = (id: string) => after.find((e) => e.uid === `${id}@lectern`)!;
    expect(uid(talk.id)).toMatchObject({ start: new Date('2030-06-26T07:00:00Z'), sequence: 2, status: 'CONFIRMED', location: 'Room hall-b' });
    expect(uid(joint.id)).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    expect(uid(doomed.id)).toMatchObject({ sequence: 2, status: 'CANCELLED', start: new Date('2030-06-25T03:00:00Z') });
    // a speaker whose only session was cancelled is no longer in the released programme
    expectProblem(await feed(`speakers/${kim.id}/calendar.ics`), 404, 'SPEAKER_NOT_IN_PROGRAMME');
    expect(readCalendar((await feed('rooms/hall-b/calendar.ics')).text).events.find((e) => e.uid === `${doomed.id}@lectern`)?.status).toBe('CANCELLED');

    // a later release keeps the cancellation; the session comes back with a higher SEQUENCE when placed again
    await place(doomed.id, 'hall-a', '2030-06-26T09:00');
    await release();
    const back = readCalendar((await feed('calendar.ics')).text).events.find((e) => e.uid === `${doomed.id}@lectern`)!;
    expect(back).toMatchObject({ sequence: 3, status: 'CONFIRMED', summary: 'A talk that will be cancelled' });

    for (const path of ['schedule.xml', 'calendar.ics', `speakers/${ada.id}/calendar.ics`, 'rooms/hall-a/calendar.ics', 'schedule.json']) {
      const text = (await feed(path)).text;
      for (const email of [ada.email, lin.email, kim.email, edition.organiser.email]) expect(text).not.toContain(email);
    }
  });

  it('answers a repeat request from memory until what it shows changes; a withdrawn consent leaves every feed and page at once', async () => {
    const own = await openCfp(api);
    const ownBase = `/v1/events/${own.slug}`;
    const ownToken = own.organiser.token;
    await room(api, own, 'main', 500);
    const [ann, bo] = await Promise.all([speaker(api, 'ann'), speaker(api, 'bo')]);
    const shared = await session(api, own, [ann, bo], { title: 'Shared talk' });
    const placed = await api.http.request('PUT', `${ownBase}/schedule/placements/${shared.id}`, { token: ownToken, body: { room: 'main', startsAt: '2030-06-24T09:00' } });
    expect(placed.status, placed.text).toBe(200);
    expect((await api.http.post(`${ownBase}/schedule/releases`, {}, { token: ownToken })).status).toBe(201);
    const get = (path: string, headers: Record<string, string> = {}) => api.http.get<string>(`${ownBase}/programme/${path}`, { headers });
    const paths = ['schedule.json', 'schedule.xml', 'schedule.xml?lang=zh-CN', 'calendar.ics', 'rooms/main/calendar.ics'];

    const first = new Map<string, Response>();
    for (const path of [...paths, `speakers/${bo.id}/calendar.ics`]) {
      const response = await get(path);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
      expect(response.text).toContain('Speaker bo');
      first.set(path, response);
    }

    // repeats are answered before the controller: same bytes, validators, request id and 304s, nothing rendered
    const feeds = api.app.get(FeedsService);
    const renders = (['scheduleJson', 'scheduleXml', 'programmeCalendar', 'roomCalendar', 'speakerCalendar'] as const).map((name) => vi.spyOn(feeds, name));
    const rendered = () => renders.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    try {
      for (const [path, before] of first) {
        const again = await get(path, { 'x-request-id': `repeat-${path.length}` });
        expect(again.status).toBe(200);
        expect(again.text).toBe(before.text);
        for (const name of ['etag', 'last-modified', 'content-type', 'cache-control']) expect(again.headers.get(name), name).toBe(before.headers.get(name));
        expect(again.headers.get('x-request-id')).toBe(`repeat-${path.length}`);
        expect(again.headers.get('x-content-type-options')).toBe(before.headers.get('x-content-type-options'));
        const unchanged = await get(path, { 'if-none-match': before.headers.get('etag')! });
        expect(unchanged.status).toBe(304);
        expect(unchanged.text).toBe('');
        expect((await get(path, { 'if-modified-since': before.headers.get('last-modified')! })).status).toBe(304);
      }
      expect(rendered()).toBe(0);
      // a caller with a token goes through the whole pipeline
      expect((await api.http.get(`${ownBase}/programme/schedule.json`, { token: ownToken })).status).toBe(200);
      expect(rendered()).toBe(1);
    } finally {
      for (const spy of renders) spy.mockRestore();
    }

    // bo withdraws consent to publish his name: the very next answers lack it, with new ETags
    const withdrawn = await api.http.request('PUT', '/v1/me/speaker-profile/publication', { token: bo.token, body: { publishName: false } });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    for (const path of paths) {
      const after = await get(path);
      expect(after.status, after.text).toBe(200);
      expect(after.text, path).not.toContain('Speaker bo');
      expect(after.text, path).toContain('Speaker ann');
      expect(after.headers.get('etag'), path).not.toBe(first.get(path)!.headers.get('etag'));
      expect((await get(path, { 'if-none-match': first.get(path)!.headers.get('etag')! })).status).toBe(200);
    }
    expectProblem(await get(`speakers/${bo.id}/calendar.ics`), 404, 'SPEAKER_NOT_IN_PROGRAMME');
    const json = await api.http.get<C3voc>(`${ownBase}/programme/schedule.json`);
    const validateJson = c3vocJsonValidator();
    expect(validateJson(json.body), JSON.stringify(validateJson.errors, null, 2)).toBe(true);
    const verdict = await validateScheduleXml((await get('schedule.xml')).text);
    expect(verdict, verdict.output).toEqual({ valid: true, output: 'schedule.xml validates' });
    const pages = await api.http.get(`${ownBase}/programme/sessions`);
    expect(pages.status, pages.text).toBe(200);
    expect(pages.text).not.toContain('Speaker bo');
    expectProblem(await api.http.get(`${ownBase}/programme/speakers/${bo.id}`), 404, 'PROGRAMME_SPEAKER_NOT_FOUND');

    // a profile edited elsewhere (the CFP's profile route) shows within the two seconds a read of the programme answers
    expect((await api.http.request('PUT', '/v1/me/speaker-profile', { token: ann.token, body: profile('Ann Lee') })).status).toBe(200);
    const edited = Date.now();
    for (const path of paths) await expect.poll(async () => (await get(path)).text, { timeout: 4000, interval: 100 }).toContain('Ann Lee');
    expect(Date.now() - edited).toBeLessThan(4000);
  });

  it('answers a repeat at the front door with the headers, 304s and metrics of the Fastify path', async () => {
    const own = await openCfp(api);
    await room(api, own, 'main', 500);
    const talk = await session(api, own, [await speaker(api, 'cy')], { title: 'Front door talk' });
    const ownToken = own.organiser.token;
    const placed = await api.http.request('PUT', `/v1/events/${own.slug}/schedule/placements/${talk.id}`, { token: ownToken, body: { room: 'main', startsAt: '2030-06-24T09:00' } });
    expect(placed.status, placed.text).toBe(200);
    expect((await api.http.post(`/v1/events/${own.slug}/schedule/releases`, {}, { token: ownToken })).status).toBe(201);
    const route = '/v1/events/:slug/programme/schedule.json';
    const door = `/v1/events/${own.slug}/programme/schedule.json`;
    // the same feed in a spelling the front door leaves to Fastify, whose router decodes it to the same slug
    const viaFastify = `/v1/events/${own.slug.replace('-', '%2D')}/programme/schedule.json`;
    expect(viaFastify).not.toBe(door);
    expect((await api.http.get(door)).status).toBe(200);

    const registry = api.app.get(HttpMetrics).metrics.registry;
    const counted = async (status: number) => {
      const line = `lectern_http_request_duration_seconds_count{method="GET",route="${route}",status_code="${status}"} `;
      const found = (await registry.getSingleMetricAsString('lectern_http_request_duration_seconds')).split('\n').find((l) => l.startsWith(line));
      return Number(found?.slice(line.length) ?? 0);
    };
    const cache = api.app.get(PublicFeedCache);
    const waited = vi.spyOn(cache, 'current');
    try {
      const cases: Record<string, string>[] = [{}, { 'if-none-match': (await api.http.get(door)).headers.get('etag')! }];
      for (const validators of cases) {
        const status = 'if-none-match' in validators ? 304 : 200;
        waited.mockClear();
        const before = await counted(status);
        const fastify = await api.http.get<string>(viaFastify, { headers: { ...validators, 'x-request-id': 'via-fastify' } });
        expect(waited, 'the Fastify path answers from the cache in its onRequest hook').toHaveBeenCalledTimes(1);
        const front = await api.http.get<string>(door, { headers: { ...validators, 'x-request-id': 'front-door' } });
        expect(waited, 'the front door answers without the Fastify path').toHaveBeenCalledTimes(1);
        expect([front.status, fastify.status]).toEqual([status, status]);
        expect(front.text).toBe(fastify.text);
        expect(comparable(front.headers)).toEqual(comparable(fastify.headers));
        expect([front.headers.get('x-request-id'), fastify.headers.get('x-request-id')]).toEqual(['front-door', 'via-fastify']);
        expect(front.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(await counted(status)).toBe(before + 2);
      }
      // without a usable X-Request-Id each gets a new one, as from Fastify
      const ids = await Promise.all([api.http.get(door, { headers: { 'x-request-id': 'not a token' } }), api.http.get(door)]);
      expect(ids.map((r) => r.headers.get('x-request-id'))).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      expect(waited).toHaveBeenCalledTimes(1);
    } finally {
      waited.mockRestore();
    }
  });
  it('answers a repeat from memory under a CORS policy with the headers of the rendered answer, CORS included', async () => {
    const origin = 'https://schedule.example.org';
    const open = await startApi({ CORS_ORIGINS: origin });
    try {
      const own = await openCfp(open);
      await room(open, own, 'main', 500);
      const talk = await session(open, own, [await speaker(open, 'di')], { title: 'Cross-origin talk' });
      const ownToken = own.organiser.token;
      const placed = await open.http.request('PUT', `/v1/events/${own.slug}/schedule/placements/${talk.id}`, { token: ownToken, body: { room: 'main', startsAt: '2030-06-24T09:00' } });
      expect(placed.status, placed.text).toBe(200);
      expect((await open.http.post(`/v1/events/${own.slug}/schedule/releases`, {}, { token: ownToken })).status).toBe(201);
      const path = `/v1/events/${own.slug}/programme/calendar.ics`;
      const rendered = await open.http.get<string>(path, { headers: { origin } });
      expect(rendered.status, rendered.text).toBe(200);
      expect(rendered.headers.get('access-control-allow-origin')).toBe(origin);

      const renders = vi.spyOn(open.app.get(FeedsService), 'programmeCalendar');
      const waited = vi.spyOn(open.app.get(PublicFeedCache), 'current');
      try {
        const repeat = await open.http.get<string>(path, { headers: { origin, 'x-request-id': 'cors-repeat' } });
        expect(waited, 'answered by the route hook, CORS keeping the front door closed').toHaveBeenCalledTimes(1);
        expect(renders).not.toHaveBeenCalled();
        expect(repeat.text).toBe(rendered.text);
        expect(comparable(repeat.headers)).toEqual(comparable(rendered.headers));
        expect(repeat.headers.get('x-request-id')).toBe('cors-repeat');
        const unchanged = await open.http.get<string>(path, { headers: { origin, 'if-none-match': rendered.headers.get('etag')! } });
        expect(unchanged.status).toBe(304);
        expect(unchanged.headers.get('access-control-allow-origin')).toBe(origin);
        expect(unchanged.headers.get('access-control-expose-headers')).toContain('x-request-id');
        expect(renders).not.toHaveBeenCalled();
      } finally {
        renders.mockRestore();
        waited.mockRestore();
      }
    } finally {
      await open.close();
    }
  });
});
