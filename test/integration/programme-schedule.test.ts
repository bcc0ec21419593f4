import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvailabilityDto, DraftScheduleDto, PlacementDto, RoomDto, ScheduleBlockDto, ScheduleCheckDto, ScheduleDaysDto } from '@api/programme/programme.dto';
import { Problem, Wire } from '@test/support/api-types';
import { User, expectProblem, submitted } from '@test/support/cfp';
import { TestApi, signUp, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

type Placement = Wire<PlacementDto>;

describe('programme: rooms, days, blocks, placements and their problems', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;
  let ada: User;
  let lin: User;
  let kim: User;

  const place = (submissionId: string, body: Record<string, unknown>, lang?: string) =>
    api.http.request<Placement>('PUT', `${base}/schedule/placements/${submissionId}`, { token, body, ...(lang ? { lang } : {}) });
  const codes = (placement: Placement) => placement.problems.map((p) => p.code).sort();

  beforeAll(async () => {
    api = await startApi();
    // Asia/Shanghai, 2030-06-24 09:00 to 2030-06-26 18:00 local
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    const track = await api.http.post(`${base}/cfp/tracks`, { slug: 'security', name: { en: 'Security' } }, { token });
    expect(track.status, track.text).toBe(201);
    [ada, lin, kim] = await Promise.all([speaker(api, 'ada'), speaker(api, 'lin'), speaker(api, 'kim')]);
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 400);
    await room(api, edition, 'room-c', 100, { livestreamed: true });
  });
  afterAll(() => api.close());

  it('keeps rooms with translated names, in order, and checks the names’ languages', async () => {
    const rooms = await api.http.get<Wire<RoomDto>[]>(`${base}/rooms`);
    expect(rooms.status).toBe(200);
    expect(rooms.body.map((r) => r.slug)).toEqual(['hall-a', 'hall-b', 'room-c']);
    expect(rooms.body[0].name).toEqual({ en: 'Room hall-a', 'zh-CN': 'hall-a 厅' });

    const noEnglish = await api.http.post<Problem>(`${base}/rooms`, { slug: 'x', name: { 'zh-CN': '某厅' }, capacity: 10 }, { token });
    expectProblem(noEnglish, 400, 'VALIDATION_FAILED');
    expect(noEnglish.body.errors?.map((e) => [e.field, e.code])).toEqual([['name.en', 'LANGUAGE_MISSING']]);
    const unknown = await api.http.post<Problem>(`${base}/rooms`, { slug: 'x', name: { en: 'X', tlh: 'X' }, capacity: 10 }, { token });
    expect(unknown.body.errors?.map((e) => [e.field, e.code])).toEqual([['name.tlh', 'LANGUAGE_NOT_PUBLISHED']]);
    const badTag = await api.http.post<Problem>(`${base}/rooms`, { slug: 'x', name: { en: 'X', zh_cn: 'X' }, capacity: 10 }, { token });
    expect(badTag.body.errors?.map((e) => [e.field, e.code])).toEqual([['name.zh_cn', 'LANGUAGE_TAG_INVALID']]);
    expectProblem(await api.http.post(`${base}/rooms`, { slug: 'hall-a', name: { en: 'Again' }, capacity: 10 }, { token }), 409, 'ROOM_SLUG_TAKEN');

    // the edition publishes in English and Chinese: a Japanese name is refused, a Chinese one kept
    const japanese = await api.http.patch<Problem>(`${base}/rooms/room-c`, { name: { en: 'Room C', ja: 'C 室' } }, { token });
    expect(japanese.body.errors?.map((e) => [e.field, e.code])).toEqual([['name.ja', 'LANGUAGE_NOT_PUBLISHED']]);
    const renamed = await api.http.patch<Wire<RoomDto>>(`${base}/rooms/room-c`, { name: { en: 'Room C', 'zh-CN': 'C 室' } }, { token });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.name).toEqual({ en: 'Room C', 'zh-CN': 'C 室' });
    expectProblem(await api.http.post(`${base}/rooms`, { slug: 'x', name: { en: 'X' }, capacity: 10 }, { token: ada.token }), 403, 'FORBIDDEN');
  });

  it('derives the days from the edition in its time zone until organisers set them', async () => {
    const days = await api.http.get<Wire<ScheduleDaysDto>>(`${base}/schedule/days`);
    expect(days.status).toBe(200);
    expect(days.body.defaulted).toBe(true);
    expect(days.body.days.map((d) => [d.date, d.opensAtLocal, d.closesAtLocal])).toEqual([
      ['2030-06-24', '2030-06-24T09:00:00+08:00', '2030-06-24T18:00:00+08:00'],
      ['2030-06-25', '2030-06-25T09:00:00+08:00', '2030-06-25T18:00:00+08:00'],
      ['2030-06-26', '2030-06-26T09:00:00+08:00', '2030-06-26T18:00:00+08:00'],
    ]);
    const bad = await api.http.request<Problem>('PUT', `${base}/schedule/days`, { token, body: { days: [{ date: '2030-06-24', opens: '18:00', closes: '09:00' }] } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
  });

  it('lets two concurrent placements into one room and time succeed exactly once; the other is a 409', async () => {
    for (const hour of ['10:00', '14:00', '16:00']) {
      const [one, two] = await Promise.all([session(api, edition, [ada]), session(api, edition, [lin])]);
      const body = { room: 'hall-b', startsAt: `2030-06-26T${hour}` };
      const results = await Promise.all([place(one.id, body), place(two.id, body)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(results.find((r) => r.status === 409)!, 409, 'ROOM_OCCUPIED');
      // a session overlapping by one minute is refused too; one starting when the other ends is not
      const loser = results[0].status === 409 ? one : two;
      expectProblem(await place(loser.id, { room: 'hall-b', startsAt: `2030-06-26T${hour.slice(0, 2)}:34` }), 409, 'ROOM_OCCUPIED');
      const after = await place(loser.id, { room: 'hall-b', startsAt: `2030-06-26T${hour.slice(0, 2)}:35` });
      expect(after.status, after.text).toBe(200);
      expect(codes(after.body)).toEqual([]);
    }
    // nothing half-written: the draft holds each room's sessions without overlap
    const draft = await api.http.get<Wire<DraftScheduleDto>>(`${base}/schedule/draft`, { token });
    const inB = draft.body.placements.filter((p) => p.room === 'hall-b').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (let i = 1; i < inB.length; i += 1) expect(inB[i].startsAt >= inB[i - 1].endsAt).toBe(true);
  });

  it('takes the length from the format unless overridden, and moves a placement without conflicting with itself', async () => {
    const s = await session(api, edition, [kim], { format: 'workshop' });
    const placed = await place(s.id, { room: 'room-c', startsAt: '2030-06-24T09:00' });
    expect(placed.status, placed.text).toBe(200);
    expect(placed.body).toMatchObject({ startsAt: '2030-06-24T01:00:00.000Z', endsAt: '2030-06-24T02:15:00.000Z', lengthMinutes: 75, lengthOverridden: false, room: 'room-c' });
    const moved = await place(s.id, { room: 'room-c', startsAt: '2030-06-24T09:30', lengthMinutes: 60 });
    expect(moved.body).toMatchObject({ startsAtLocal: '2030-06-24T09:30:00+08:00', endsAtLocal: '2030-06-24T10:30:00+08:00', lengthOverridden: true });
    expectProblem(await api.http.request('DELETE', `${base}/rooms/room-c`, { token }), 409, 'ROOM_IN_USE');
    const removed = await api.http.delete(`${base}/schedule/placements/${s.id}`, { token });
    expect(removed.status).toBe(204);
    expectProblem(await api.http.get(`${base}/schedule/placements/${s.id}`, { token }), 404, 'PLACEMENT_NOT_FOUND');
  });

  it('refuses sessions that are not accepted, and unknown rooms', async () => {
    const proposal = await submitted(api, edition.slug, ada);
    expectProblem(await place(proposal.id, { room: 'hall-a', startsAt: '2030-06-24T10:00' }), 409, 'SESSION_NOT_PLACEABLE');
    const s = await session(api, edition, [ada]);
    expectProblem(await place(s.id, { room: 'nowhere', startsAt: '2030-06-24T10:00' }), 400, 'ROOM_UNKNOWN');
    expectProblem(await place(s.id, { room: 'hall-a', startsAt: 'tomorrow' }), 400, 'VALIDATION_FAILED');
  });

  it('reports each soft problem with the placement and through the check route', async () => {
    // day two, so nothing placed above interferes
    const [first, second, securityTalk, unconfirmed, popular, late, lunchTalk] = [
      await session(api, edition, [ada]),
      await session(api, edition, [ada], { track: 'security' }),
      await session(api, edition, [lin], { track: 'security' }),
      await session(api, edition, [kim], { track: 'security' }, false),
      await session(api, edition, [lin], { track: 'security' }),
      await session(api, edition, [lin], { track: 'security' }),
      await session(api, edition, [kim], { track: 'security' }),
    ];
    const firstPlaced = await place(first.id, { room: 'hall-a', startsAt: '2030-06-25T10:00' });
    expect(codes(firstPlaced.body)).toEqual([]);

    // ada in two rooms at once
    const doubleBooked = await place(second.id, { room: 'hall-b', startsAt: '2030-06-25T10:15' });
    expect(doubleBooked.status).toBe(200);
    expect(doubleBooked.body.problems).toEqual([
      expect.objectContaining({ code: 'SPEAKER_DOUBLE_BOOKED', otherSubmissionId: first.id, speakerId: ada.id, session: second.code }),
    ]);
    expect(doubleBooked.body.problems[0].message).toContain(first.code);
    const zh = await api.http.get<Placement>(`${base}/schedule/placements/${second.id}`, { token, lang: 'zh-CN' });
    expect(zh.body.problems[0].message).toBe(`有讲者在同一时间还要主讲 ${first.code}。`);

    // two security talks at once (and second is now also in a track overlap)
    const overlap = await place(securityTalk.id, { room: 'room-c', startsAt: '2030-06-25T10:30' });
    expect(codes(overlap.body)).toEqual(['TRACK_OVERLAP']);

    // not confirmed by its speakers
    const notConfirmed = await place(unconfirmed.id, { room: 'hall-a', startsAt: '2030-06-25T15:00' });
    expect(codes(notConfirmed.body)).toEqual(['NOT_CONFIRMED']);

    // more people expected than the room holds
    const small = await place(popular.id, { room: 'room-c', startsAt: '2030-06-25T16:00', expectedAudience: 150 });
    expect(codes(small.body)).toEqual(['ROOM_TOO_SMALL']);
    const bigger = await place(popular.id, { room: 'hall-b', startsAt: '2030-06-25T16:00' });
    expect(bigger.body.expectedAudience).toBe(150);
    expect(codes(bigger.body)).toEqual([]);

    // after the day's hours
    const outside = await place(late.id, { room: 'hall-a', startsAt: '2030-06-25T17:45' });
    expect(codes(outside.body)).toEqual(['OUTSIDE_DAYS']);

    // lunch for every room
    const block = await api.http.post<Wire<ScheduleBlockDto>>(`${base}/schedule/blocks`, { kind: 'LUNCH', name: { en: 'Lunch', 'zh-CN': '午餐' }, startsAt: '2030-06-25T12:00', endsAt: '2030-06-25T13:30' }, { token });
    expect(block.status, block.text).toBe(201);
    expect(block.body).toMatchObject({ room: null, startsAt: '2030-06-25T04:00:00.000Z', startsAtLocal: '2030-06-25T12:00:00+08:00' });
    const duringLunch = await place(lunchTalk.id, { room: 'hall-b', startsAt: '2030-06-25T12:30' });
    expect(codes(duringLunch.body)).toEqual(['DURING_BLOCK']);

    const check = await api.http.get<Wire<ScheduleCheckDto>>(`${base}/schedule/problems`, { token });
    expect(check.status).toBe(200);
    expect(check.body.counts).toEqual({ SPEAKER_DOUBLE_BOOKED: 2, TRACK_OVERLAP: 2, NOT_CONFIRMED: 1, OUTSIDE_DAYS: 1, DURING_BLOCK: 1 });
    expect(check.body.total).toBe(7);
    expect(check.body.problems.filter((p) => p.code === 'SPEAKER_DOUBLE_BOOKED').map((p) => p.submissionId).sort()).toEqual([first.id, second.id].sort());
    const removed = await api.http.delete(`${base}/schedule/blocks/${block.body.id}`, { token });
    expect(removed.status).toBe(204);
  });

  it('takes speakers’ availability in their own time zone, stores instants, and reports placements outside it', async () => {
    const berlin = await api.http.request<Wire<AvailabilityDto>>('PUT', `${base}/availability/me`, {
      token: kim.token,
      // CEST (+02:00): 03:00–06:00 in Berlin is 09:00–12:00 in Shanghai
      body: { timezone: 'Europe/Berlin', slots: [{ startsAt: '2030-06-26T03:00', endsAt: '2030-06-26T06:00' }] },
    });
    expect(berlin.status, berlin.text).toBe(200);
    expect(berlin.body.slots).toEqual([
      {
        startsAt: '2030-06-26T01:00:00.000Z',
        endsAt: '2030-06-26T04:00:00.000Z',
        startsAtLocal: '2030-06-26T03:00:00+02:00',
        endsAtLocal: '2030-06-26T06:00:00+02:00',
        startsAtEventLocal: '2030-06-26T09:00:00+08:00',
        endsAtEventLocal: '2030-06-26T12:00:00+08:00',
      },
    ]);
    const read = await api.http.get<Wire<AvailabilityDto>>(`${base}/availability/me`, { token: kim.token });
    expect(read.body.timezone).toBe('Europe/Berlin');

    const s = await session(api, edition, [kim]);
    const inside = await place(s.id, { room: 'hall-a', startsAt: '2030-06-26T09:00' });
    expect(codes(inside.body)).toEqual([]);
    const outside = await place(s.id, { room: 'hall-a', startsAt: '2030-06-26T12:00' });
    expect(outside.body.problems).toEqual([expect.objectContaining({ code: 'OUTSIDE_AVAILABILITY', speakerId: kim.id })]);

    const stranger = await signUp(api.http, 'stranger');
    expectProblem(await api.http.request('PUT', `${base}/availability/me`, { token: stranger.token, body: { slots: [] } }), 403, 'NOT_A_SPEAKER_OF_EVENT');
    expectProblem(await api.http.request('PUT', `${base}/availability/me`, { token: kim.token, body: { timezone: 'Mars/Olympus', slots: [] } }), 400, 'VALIDATION_FAILED');
  });

  it('keeps the draft to organisers', async () => {
    expectProblem(await api.http.get(`${base}/schedule/draft`), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.get(`${base}/schedule/draft`, { token: ada.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(`${base}/schedule/problems`, { token: ada.token }), 403, 'FORBIDDEN');
  });
});
