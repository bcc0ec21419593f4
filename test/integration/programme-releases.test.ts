import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ScheduleReleaseDto } from '@api/programme/programme.dto';
import { Wire } from '@test/support/api-types';
import { expectProblem } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

describe('programme: releases', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;

  const place = (id: string, startsAt: string, roomSlug = 'hall-a') =>
    api.http.request('PUT', `${base}/schedule/placements/${id}`, { token, body: { room: roomSlug, startsAt } });

  beforeAll(async () => {
    api = await startApi();
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
  });
  afterAll(() => api.close());

  it('freezes numbered versions with a changelog against the previous one, one outbox event each', async () => {
    const ada = await speaker(api, 'ada');
    const [a, b, c, d] = [await session(api, edition, [ada]), await session(api, edition, [ada]), await session(api, edition, [ada]), await session(api, edition, [ada])];
    for (const [s, at] of [[a, '09:00'], [b, '10:00'], [c, '11:00']] as const) expect((await place(s.id, `2030-06-24T${at}`)).status).toBe(200);

    const v1 = await api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, { comment: 'first cut' }, { token });
    expect(v1.status, v1.text).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, sessionCount: 3, comment: 'first cut' });
    expect(v1.body.changelog.new.map((s) => s.code).sort()).toEqual([a.code, b.code, c.code].sort());
    expect(v1.body.changelog.new.find((s) => s.submissionId === a.id)?.to).toEqual({
      room: 'hall-a', startsAt: '2030-06-24T01:00:00.000Z', endsAt: '2030-06-24T01:35:00.000Z', startsAtLocal: '2030-06-24T09:00:00+08:00',
    });

    // the draft changes: b moves, c leaves the schedule, d joins
    expect((await place(b.id, '2030-06-24T14:00', 'hall-b')).status).toBe(200);
    expect((await api.http.delete(`${base}/schedule/placements/${c.id}`, { token })).status).toBe(204);
    expect((await place(d.id, '2030-06-25T09:00')).status).toBe(200);

    const v2 = await api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, {}, { token });
    expect(v2.status, v2.text).toBe(201);
    expect(v2.body.version).toBe(2);
    expect(v2.body.changelog.new.map((s) => s.submissionId)).toEqual([d.id]);
    expect(v2.body.changelog.moved).toEqual([
      expect.objectContaining({
        submissionId: b.id,
        from: expect.objectContaining({ room: 'hall-a', startsAtLocal: '2030-06-24T10:00:00+08:00' }),
        to: expect.objectContaining({ room: 'hall-b', startsAtLocal: '2030-06-24T14:00:00+08:00' }),
      }),
    ]);
    expect(v2.body.changelog.cancelled).toEqual([{ submissionId: c.id, code: c.code, title: c.title }]);

    // an unchanged draft released again: nothing new, moved or cancelled
    const v3 = await api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, {}, { token });
    expect(v3.body.changelog).toEqual({ new: [], moved: [], cancelled: [] });

    const list = await api.http.get<Wire<ScheduleReleaseDto>[]>(`${base}/schedule/releases`, { token });
    expect(list.body.map((r) => r.version)).toEqual([3, 2, 1]);
    expect((await api.http.get<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases/2`, { token })).body).toEqual(v2.body);
    expectProblem(await api.http.get(`${base}/schedule/releases/9`, { token }), 404, 'SCHEDULE_RELEASE_NOT_FOUND');

    const events = await query<{ payload: { version: number } }>(
      inject('databaseUrl'),
      `SELECT payload FROM outbox WHERE type = 'schedule.released' AND event_id = $1 ORDER BY id`,
      [edition.event.id],
    );
    expect(events.map((e) => e.payload.version)).toEqual([1, 2, 3]);
  });

  it('gives two concurrent releases two consecutive versions', async () => {
    const results = await Promise.all([1, 2].map(() => api.http.post<Wire<ScheduleReleaseDto>>(`${base}/schedule/releases`, {}, { token })));
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([4, 5]);
  });

  it('is for organisers only', async () => {
    const someone = await speaker(api, 'someone');
    expectProblem(await api.http.post(`${base}/schedule/releases`, {}, { token: someone.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(`${base}/schedule/releases`), 401, 'UNAUTHENTICATED');
  });
});
