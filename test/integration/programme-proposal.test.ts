import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftScheduleDto, PlacementDto, ScheduleProposalDto } from '@api/programme/programme.dto';
import { Wire } from '@test/support/api-types';
import { expectProblem } from '@test/support/cfp';
import { TestApi, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

describe('programme: the automatic first draft through HTTP', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;

  const draft = async () => (await api.http.get<Wire<DraftScheduleDto>>(`${base}/schedule/draft`, { token })).body;
  const propose = (body: Record<string, unknown> = {}) => api.http.post<Wire<ScheduleProposalDto>>(`${base}/schedule/proposal`, body, { token });
  const layout = (d: Wire<DraftScheduleDto>) => d.placements.map((p) => `${p.code} ${p.room} ${p.startsAt}`).sort();

  beforeAll(async () => {
    api = await startApi();
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
  });
  afterAll(() => api.close());

  it('places every unplaced confirmed or invited session, keeps what organisers pinned, and is deterministic', async () => {
    const people = await Promise.all([speaker(api, 'p1'), speaker(api, 'p2'), speaker(api, 'p3')]);
    const sessions: Awaited<ReturnType<typeof session>>[] = [];
    for (let i = 0; i < 7; i += 1) sessions.push(await session(api, edition, [people[i % 3]], {}, i !== 6));
    const pinned = await api.http.request<Wire<PlacementDto>>('PUT', `${base}/schedule/placements/${sessions[0].id}`, {
      token,
      body: { room: 'hall-a', startsAt: '2030-06-24T09:00', pinned: true },
    });
    expect(pinned.status, pinned.text).toBe(200);

    const first = await propose();
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ placed: 6, replaced: 0, unplaced: [] });
    const d1 = await draft();
    expect(d1.placements).toHaveLength(7);
    expect(d1.placements.find((p) => p.submissionId === sessions[0].id)).toMatchObject({ room: 'hall-a', startsAtLocal: '2030-06-24T09:00:00+08:00', pinned: true });
    // the invited session its speaker has not confirmed yet is placed, and reported as such
    expect(d1.placements.find((p) => p.submissionId === sessions[6].id)?.problems.map((p) => p.code)).toEqual(['NOT_CONFIRMED']);
    // no speaker in two places, nothing outside the days
    for (const p of d1.placements) expect(p.problems.map((x) => x.code).filter((c) => c !== 'NOT_CONFIRMED' && c !== 'TRACK_OVERLAP')).toEqual([]);
    for (const room of ['hall-a', 'hall-b']) {
      const inRoom = d1.placements.filter((p) => p.room === room).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      for (let i = 1; i < inRoom.length; i += 1) expect(inRoom[i].startsAt >= inRoom[i - 1].endsAt).toBe(true);
    }

    // nothing left to place
    expect((await propose()).body).toMatchObject({ placed: 0, unplaced: [] });

    // again from scratch, twice: the same draft, and the pinned session where it was
    const again = await propose({ replaceUnpinned: true });
    expect(again.body).toMatchObject({ placed: 6, replaced: 6 });
    const d2 = await draft();
    expect((await propose({ replaceUnpinned: true })).body).toMatchObject({ placed: 6, replaced: 6 });
    expect(layout(await draft())).toEqual(layout(d2));
    expect(layout(d2)).toEqual(layout(d1));
  });

  it('is for organisers only', async () => {
    const someone = await speaker(api, 'someone');
    expectProblem(await api.http.post(`${base}/schedule/proposal`, {}, { token: someone.token }), 403, 'FORBIDDEN');
  });
});
