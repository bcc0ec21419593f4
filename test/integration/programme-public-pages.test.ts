import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterestCountsDto, InterestFeedDto, MyInterestDto } from '@api/programme/interest.dto';
import { DraftScheduleDto, PlacementDto } from '@api/programme/programme.dto';
import { PublicProgrammeDto, PublicSpeakerPageDto, PublicSpeakersDto } from '@api/programme/public-programme-pages.dto';
import { PublicationDto } from '@api/programme/speaker-profile.dto';
import { Wire } from '@test/support/api-types';
import { User, expectProblem, profile } from '@test/support/cfp';
import { Response, TestApi, signUp, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

/** The events of an iCalendar text read back by a real parser, as instants. */
function calendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return component.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString() };
  });
}

/** Every public answer carries validators and answers 304 to both of them. */
async function expectValidators(api: TestApi, path: string, first: Response) {
  const etag = first.headers.get('etag');
  const lastModified = first.headers.get('last-modified');
  expect(etag).toMatch(/^"[a-z]\d+-[A-Za-z0-9_-]{16}"$/);
  expect(Number.isNaN(Date.parse(lastModified ?? ''))).toBe(false);
  const byTag = await api.http.get(path, { headers: { 'if-none-match': etag! } });
  expect(byTag.status).toBe(304);
  expect(byTag.text).toBe('');
  expect((await api.http.get(path, { headers: { 'if-modified-since': lastModified! } })).status).toBe(304);
  expect((await api.http.get(path, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
}

describe('programme: the public pages, speakers’ consent and attendees’ interest', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;
  let ada: User;
  let lin: User;
  let mo: User;
  let talk: { id: string };
  let zh: { id: string };
  let joint: { id: string };
  let unreleased: { id: string };
  const publicBodies: string[] = [];

  const place = (id: string, roomSlug: string, startsAt: string) =>
    api.http.request('PUT', `${base}/schedule/placements/${id}`, { token, body: { room: roomSlug, startsAt } });
  /** A public GET, its body kept for the e-mail scan at the end. */
  const publicGet = async <T>(path: string) => {
    const response = await api.http.get<T>(path);
    publicBodies.push(response.text);
    return response;
  };

  beforeAll(async () => {
    api = await startApi();
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
    [ada, lin, mo] = await Promise.all([speaker(api, 'ada'), speaker(api, 'lin'), speaker(api, 'mo')]);
    talk = await session(api, edition, [ada], { title: 'Scheduling 10,000 pods', level: 'BEGINNER' });
    zh = await session(api, edition, [lin, mo], { title: '大规模集群的调度', language: 'zh-CN', track: undefined, level: 'ADVANCED' });
    joint = await session(api, edition, [ada, lin], { title: 'Joint keynote', format: 'keynote' });
    unreleased = await session(api, edition, [mo], { title: 'Not yet' });
  });
  afterAll(() => api.close());

  it('lets speakers choose what is published: the name only by default, a photo only with an https URL', async () => {
    const initial = await api.http.get<Wire<PublicationDto>>('/v1/me/speaker-profile/publication', { token: lin.token });
    expect(initial.body).toEqual({
      publishName: true,
      publishCompany: false,
      publishJobTitle: false,
      publishBio: false,
      publishPhoto: false,
      photoUrl: null,
      updatedAt: null,
    });
    const put = (user: User, body: Record<string, unknown>) => api.http.request<Wire<PublicationDto>>('PUT', '/v1/me/speaker-profile/publication', { token: user.token, body });

    expectProblem(await put(ada, { publishPhoto: true }), 400, 'SPEAKER_PHOTO_URL_REQUIRED');
    expectProblem(await put(ada, { publishPhoto: true, photoUrl: 'http://example.org/ada.jpg' }), 400, 'VALIDATION_FAILED');
    // there is no such choice: the e-mail is never published
    expectProblem(await put(ada, { publishEmail: true }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.http.request('PUT', '/v1/me/speaker-profile/publication', { body: {} }), 401, 'UNAUTHENTICATED');

    const saved = await put(ada, { publishCompany: true, publishBio: true, publishPhoto: true, photoUrl: 'https://example.org/ada.jpg' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ publishName: true, publishCompany: true, publishJobTitle: false, publishBio: true, publishPhoto: true });
    expect((await put(mo, { publishName: false, publishCompany: true })).status).toBe(200);
    expect((await api.http.get<Wire<PublicationDto>>('/v1/me/speaker-profile/publication', { token: mo.token })).body).toMatchObject({
      publishName: false,
      publishCompany: true,
    });
  });

  it('shows released sessions with their speakers’ published fields, filters them, and never the draft', async () => {
    expectProblem(await publicGet(`${base}/programme/sessions`), 404, 'PROGRAMME_NOT_RELEASED');
    expect((await place(talk.id, 'hall-a', '2030-06-24T09:00')).status).toBe(200);
    expect((await place(zh.id, 'hall-b', '2030-06-24T09:00')).status).toBe(200);
    expect((await place(joint.id, 'hall-a', '2030-06-25T09:00')).status).toBe(200);
    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);
    // placed after the release: a draft change
    expect((await place(unreleased.id, 'hall-b', '2030-06-25T09:00')).status).toBe(200);

    const path = `${base}/programme/sessions`;
    const all = await publicGet<Wire<PublicProgrammeDto>>(path);
    expect(all.status, all.text).toBe(200);
    expect(all.body).toMatchObject({ version: 1, timezone: 'Asia/Shanghai' });
    expect(all.body.sessions.map((s) => s.title)).toEqual(['Scheduling 10,000 pods', '大规模集群的调度', 'Joint keynote']);
    const first = all.body.sessions[0];
    expect(first).toMatchObject({
      id: talk.id,
      day: '2030-06-24',
      startsAt: '2030-06-24T01:00:00.000Z',
      startsAtLocal: '2030-06-24T09:00:00+08:00',
      room: { slug: 'hall-a', name: { en: 'Room hall-a', 'zh-CN': 'hall-a 厅' } },
      track: { slug: 'scheduling', name: { en: 'Scheduling' } },
      format: { slug: 'breakout' },
      level: 'BEGINNER',
      language: 'en',
    });
    // ada published company, bio and photo; lin only the name (the default); mo not even the name
    expect(first.speakers).toEqual([
      { id: ada.id, name: 'Speaker ada', company: 'Example Cloud', bio: 'Speaker ada maintains schedulers.', photoUrl: 'https://example.org/ada.jpg' },
    ]);
    const keynote = all.body.sessions.find((s) => s.id === joint.id)!;
    expect(keynote.speakers).toEqual([
      { id: ada.id, name: 'Speaker ada', company: 'Example Cloud', bio: 'Speaker ada maintains schedulers.', photoUrl: 'https://example.org/ada.jpg' },
      { id: lin.id, name: 'Speaker lin' },
    ]);
    expect(all.text).not.toContain('Speaker mo');
    expect(all.text).not.toContain('Engineer');
    expect(all.text).not.toContain('Not yet');
    await expectValidators(api, path, all);

    const titles = async (query: string) => {
      const response = await publicGet<Wire<PublicProgrammeDto>>(`${path}?${query}`);
      expect(response.status, response.text).toBe(200);
      await expectValidators(api, `${path}?${query}`, response);
      return response.body.sessions.map((s) => s.title);
    };
    expect(await titles('day=2030-06-25')).toEqual(['Joint keynote']);
    expect(await titles('track=scheduling')).toEqual(['Scheduling 10,000 pods', 'Joint keynote']);
    expect(await titles('level=ADVANCED')).toEqual(['大规模集群的调度']);
    expect(await titles('language=zh-CN')).toEqual(['大规模集群的调度']);
    expect(await titles('room=hall-a&day=2030-06-24')).toEqual(['Scheduling 10,000 pods']);
    expect(await titles('room=hall-b&day=2030-06-25')).toEqual([]);

    for (const [query, field] of [
      ['day=2030-07-01', 'day'],
      ['day=tomorrow', 'day'],
      ['track=cooking', 'track'],
      ['level=EXPERT', 'level'],
      ['language=fr', 'language'],
      ['room=hall-z', 'room'],
    ]) {
      const refused = await api.http.get<{ errors: { field: string }[] }>(`${path}?${query}`);
      expectProblem(refused, 400, 'PROGRAMME_FILTER_INVALID');
      expect(refused.body.errors.map((e) => e.field)).toEqual([field]);
    }

    // draft changes, moved and new, stay out of every public page until released
    expect((await place(talk.id, 'hall-b', '2030-06-26T15:00')).status).toBe(200);
    const still = await publicGet<Wire<PublicProgrammeDto>>(path);
    expect(still.text).toBe(all.text);
    expect(still.headers.get('etag')).toBe(all.headers.get('etag'));
    expect((await api.http.get(path, { headers: { 'if-none-match': all.headers.get('etag')! } })).status).toBe(304);

    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);
    const second = await publicGet<Wire<PublicProgrammeDto>>(path);
    expect(second.body.version).toBe(2);
    expect(second.headers.get('etag')).not.toBe(all.headers.get('etag'));
    expect(second.body.sessions.find((s) => s.id === talk.id)).toMatchObject({ room: { slug: 'hall-b' }, startsAtLocal: '2030-06-26T15:00:00+08:00' });
    expect(second.body.sessions.map((s) => s.title)).toContain('Not yet');
  });

  it('lists the speakers who publish their name and gives each a page; consent withdrawn shows at once', async () => {
    const list = await publicGet<Wire<PublicSpeakersDto>>(`${base}/programme/speakers`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.speakers.map((s) => [s.name, s.sessions.length])).toEqual([
      ['Speaker ada', 2],
      ['Speaker lin', 2],
    ]);
    await expectValidators(api, `${base}/programme/speakers`, list);

    const page = await publicGet<Wire<PublicSpeakerPageDto>>(`${base}/programme/speakers/${lin.id}`);
    expect(page.status, page.text).toBe(200);
    expect(page.body.speaker).toEqual({ id: lin.id, name: 'Speaker lin' });
    expect(page.body.sessions.map((s) => s.title).sort()).toEqual(['Joint keynote', '大规模集群的调度']);
    await expectValidators(api, `${base}/programme/speakers/${lin.id}`, page);

    // mo publishes no name: no page, the same answer as for nobody
    expectProblem(await publicGet(`${base}/programme/speakers/${mo.id}`), 404, 'PROGRAMME_SPEAKER_NOT_FOUND');
    expectProblem(await publicGet(`${base}/programme/speakers/${edition.organiser.id}`), 404, 'PROGRAMME_SPEAKER_NOT_FOUND');
    expectProblem(await api.http.get(`${base}/programme/speakers/not-a-uuid`), 400, 'VALIDATION_FAILED');

    // ada takes her company and bio back: the next answer lacks them, with a new ETag
    const etag = page.headers.get('etag')!;
    const adaPage = await publicGet<Wire<PublicSpeakerPageDto>>(`${base}/programme/speakers/${ada.id}`);
    expect(adaPage.body.speaker.company).toBe('Example Cloud');
    expect((await api.http.request('PUT', '/v1/me/speaker-profile/publication', { token: ada.token, body: {} })).status).toBe(200);
    const after = await publicGet<Wire<PublicSpeakerPageDto>>(`${base}/programme/speakers/${ada.id}`);
    expect(after.body.speaker).toEqual({ id: ada.id, name: 'Speaker ada' });
    expect(after.headers.get('etag')).not.toBe(adaPage.headers.get('etag'));
    const programme = await publicGet<Wire<PublicProgrammeDto>>(`${base}/programme/sessions`);
    expect(programme.text).not.toContain('Example Cloud');
    expect(programme.text).not.toContain('maintains schedulers');
    expect(etag).toMatch(/^"p2-/);

    // a page is kept until something it shows changes: a renamed room, a profile edited after the release
    const before = await publicGet<Wire<PublicProgrammeDto>>(`${base}/programme/sessions?room=hall-a`);
    expect((await api.http.patch(`${base}/rooms/hall-a`, { name: { en: 'Main hall' } }, { token })).status).toBe(200);
    const renamed = await publicGet<Wire<PublicProgrammeDto>>(`${base}/programme/sessions?room=hall-a`);
    expect(renamed.body.sessions.map((s) => s.room.name)).toEqual([{ en: 'Main hall' }]);
    expect(renamed.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(Date.parse(renamed.headers.get('last-modified')!)).toBeGreaterThanOrEqual(Date.parse(before.headers.get('last-modified')!));
    const profileEdit = await api.http.request('PUT', '/v1/me/speaker-profile', { token: lin.token, body: profile('Lin Wei') });
    expect(profileEdit.status, profileEdit.text).toBe(200);
    const relisted = await publicGet<Wire<PublicSpeakersDto>>(`${base}/programme/speakers`);
    expect(relisted.body.speakers.map((s) => s.name)).toEqual(['Lin Wei', 'Speaker ada']);
  });

  it('lets confirmed attendees mark released sessions, read them as a private iCal feed, and organisers count them', async () => {
    const typeId = (
      await api.http.post<{ id: string }>(
        `${base}/ticket-types`,
        { name: { en: 'In-person Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
        { token },
      )
    ).body.id;
    const [kim, ren, outsider] = await Promise.all([signUp(api.http, 'kim'), signUp(api.http, 'ren'), signUp(api.http, 'outsider')]);
    for (const attendee of [kim, ren]) {
      const registered = await api.http.post(`${base}/registrations`, { ticketTypeId: typeId, attendeeName: 'An Attendee' }, { token: attendee.token });
      expect(registered.status, registered.text).toBe(201);
    }
    const mark = (user: User, id: string) => api.http.request<Wire<MyInterestDto>>('PUT', `${base}/interests/me/${id}`, { token: user.token });

    expectProblem(await mark(outsider, talk.id), 403, 'NOT_AN_ATTENDEE_OF_EVENT');
    expectProblem(await api.http.post(`${base}/interests/me/feed`, undefined, { token: outsider.token }), 403, 'NOT_AN_ATTENDEE_OF_EVENT');
    expectProblem(await mark(kim, '00000000-0000-4000-8000-000000000000'), 404, 'SESSION_NOT_IN_PROGRAMME');
    expectProblem(await mark(kim, 'nope'), 400, 'VALIDATION_FAILED');

    expect((await mark(kim, talk.id)).status).toBe(200);
    expect((await mark(kim, talk.id)).status).toBe(200);
    const mine = await mark(kim, joint.id);
    expect(mine.body.sessions.map((s) => s.id)).toEqual([talk.id, joint.id]);
    expect(mine.body.feed).toBe(false);
    expect((await mark(ren, joint.id)).status).toBe(200);

    const made = await api.http.post<Wire<InterestFeedDto>>(`${base}/interests/me/feed`, undefined, { token: kim.token });
    expect(made.status, made.text).toBe(201);
    expect(made.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.body.url.endsWith(`${base}/interest-feeds/${made.body.token}`)).toBe(true);
    const feedPath = `${base}/interest-feeds/${made.body.token}`;
    const feed = await publicGet(feedPath);
    expect(feed.status, feed.text).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    // the latest release's instants: the talk moved to the 26th at 15:00 Shanghai time in version 2
    expect(calendar(feed.text)).toEqual([
      { uid: `${joint.id}@lectern`, summary: 'Joint keynote', start: '2030-06-25T01:00:00.000Z', end: '2030-06-25T01:15:00.000Z' },
      { uid: `${talk.id}@lectern`, summary: 'Scheduling 10,000 pods', start: '2030-06-26T07:00:00.000Z', end: '2030-06-26T07:35:00.000Z' },
    ]);
    await expectValidators(api, feedPath, feed);

    // unmarking changes the feed (and its validators); unmarking again is no error
    expect((await api.http.delete(`${base}/interests/me/${talk.id}`, { token: kim.token })).status).toBe(204);
    expect((await api.http.delete(`${base}/interests/me/${talk.id}`, { token: kim.token })).status).toBe(204);
    const fewer = await api.http.get(feedPath, { headers: { 'if-none-match': feed.headers.get('etag')! } });
    expect(fewer.status).toBe(200);
    expect(calendar(fewer.text).map((e) => e.summary)).toEqual(['Joint keynote']);

    // rotating: the old URL stops working, the new one works
    const rotated = await api.http.post<Wire<InterestFeedDto>>(`${base}/interests/me/feed`, undefined, { token: kim.token });
    expect(rotated.body.token).not.toBe(made.body.token);
    expectProblem(await api.http.get(feedPath), 404, 'INTEREST_FEED_NOT_FOUND');
    expect((await api.http.get(`${base}/interest-feeds/${rotated.body.token}`)).status).toBe(200);
    expect((await api.http.get<Wire<MyInterestDto>>(`${base}/interests/me`, { token: kim.token })).body.feed).toBe(true);

    const counts = await api.http.get<Wire<InterestCountsDto>>(`${base}/schedule/interest`, { token });
    expect(counts.status, counts.text).toBe(200);
    expect(counts.body.version).toBe(2);
    expect(counts.body.sessions[0]).toMatchObject({ id: joint.id, interested: 2 });
    expect(counts.body.sessions.find((s) => s.id === talk.id)?.interested).toBe(0);
    expectProblem(await api.http.get(`${base}/schedule/interest`, { token: kim.token }), 403, 'FORBIDDEN');
  });

  it('never shows a speaker’s e-mail in any public answer', async () => {
    const c3voc = await publicGet(`${base}/programme/schedule.json`);
    expect(c3voc.status).toBe(200);
    // mo withheld their name before any release: not among the persons of the feed either
    expect(c3voc.text).toContain('Speaker ada');
    expect(c3voc.text).not.toContain('Speaker mo');
    expect(publicBodies.length).toBeGreaterThan(15);
    for (const body of publicBodies) for (const user of [ada, lin, mo, edition.organiser]) expect(body).not.toContain(user.email);
  });
});

describe('programme: the proposal puts the sessions attendees want in the larger room', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('moves a session into the large room once attendees mark it', async () => {
    const edition = await openCfp(api);
    const base = `/v1/events/${edition.slug}`;
    const token = edition.organiser.token;
    await room(api, edition, 'large', 1000);
    await room(api, edition, 'small', 100);
    const [p1, p2] = await Promise.all([speaker(api, 'p1'), speaker(api, 'p2')]);
    const first = await session(api, edition, [p1], { track: undefined });
    const second = await session(api, edition, [p2], { track: undefined });
    const roomOf = async () => {
      const draft = (await api.http.get<Wire<DraftScheduleDto>>(`${base}/schedule/draft`, { token })).body;
      return Object.fromEntries(draft.placements.map((p) => [p.submissionId, `${p.room} ${p.startsAtLocal}`]));
    };

    // no interest and no reviews: by code, the first session takes the large room (the other the small one, on the
    // next day, as the days fill evenly)
    expect((await api.http.post(`${base}/schedule/proposal`, {}, { token })).status).toBe(200);
    expect(await roomOf()).toEqual({ [first.id]: 'large 2030-06-24T09:00:00+08:00', [second.id]: 'small 2030-06-25T09:00:00+08:00' });
    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);

    const typeId = (
      await api.http.post<{ id: string }>(`${base}/ticket-types`, { name: { en: 'Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' }, { token })
    ).body.id;
    const fans = await Promise.all([signUp(api.http, 'fan'), signUp(api.http, 'fan')]);
    for (const fan of fans) {
      expect((await api.http.post(`${base}/registrations`, { ticketTypeId: typeId, attendeeName: 'A Fan' }, { token: fan.token })).status).toBe(201);
    }
    expect((await api.http.request('PUT', `${base}/interests/me/${second.id}`, { token: fans[0].token })).status).toBe(200);

    // one mark outweighs the order of codes; twice the same answer
    for (let run = 0; run < 2; run += 1) {
      expect((await api.http.post(`${base}/schedule/proposal`, { replaceUnpinned: true }, { token })).status).toBe(200);
      expect(await roomOf()).toEqual({ [second.id]: 'large 2030-06-24T09:00:00+08:00', [first.id]: 'small 2030-06-25T09:00:00+08:00' });
    }

    // the marks are also the expected audience where organisers gave none: two marks do not fit a room for one
    expect((await api.http.request('PUT', `${base}/interests/me/${second.id}`, { token: fans[1].token })).status).toBe(200);
    await room(api, edition, 'closet', 1);
    const cramped = await api.http.request<Wire<PlacementDto>>('PUT', `${base}/schedule/placements/${second.id}`, {
      token,
      body: { room: 'closet', startsAt: '2030-06-26T09:00' },
    });
    expect(cramped.status, cramped.text).toBe(200);
    expect(cramped.body.problems.map((p) => p.code)).toEqual(['ROOM_TOO_SMALL']);
    const estimated = await api.http.request<Wire<PlacementDto>>('PUT', `${base}/schedule/placements/${second.id}`, {
      token,
      body: { room: 'closet', startsAt: '2030-06-26T09:00', expectedAudience: 1 },
    });
    expect(estimated.body.problems).toEqual([]);
  });
});
