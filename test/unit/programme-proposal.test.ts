import { describe, expect, it } from 'vitest';
import { ProposalInput, ProposalResult, SessionToPlace, propose } from '@lectern/domains/programme/proposal.policy';
import { PlannedSession, overlaps, scheduleProblems, within } from '@lectern/domains/programme/schedule-problems.policy';
import { conferenceFixture } from '../../bench/programme-fixture';

const HOUR = 3_600_000;
const DAY = { start: Date.UTC(2030, 5, 24, 9), end: Date.UTC(2030, 5, 24, 18) };

const session = (id: string, extra: Partial<SessionToPlace> = {}): SessionToPlace => ({
  submissionId: id,
  code: id,
  lengthMinutes: 35,
  trackId: null,
  speakerIds: [`speaker-of-${id}`],
  confirmed: true,
  popularity: 0,
  expectedAudience: 0,
  ...extra,
});

const input = (extra: Partial<ProposalInput>): ProposalInput => ({
  rooms: [{ id: 'a', capacity: 500, position: 0 }],
  days: [DAY],
  blocks: [],
  availability: new Map(),
  fixed: [],
  sessions: [],
  ...extra,
});

/** The proposal and the kept placements as one schedule, to check with the same rules the API reports. */
function planned(data: ProposalInput, result: ProposalResult): PlannedSession[] {
  const byId = new Map(data.sessions.map((s) => [s.submissionId, s]));
  return [
    ...data.fixed,
    ...result.placements.map((p) => {
      const s = byId.get(p.submissionId)!;
      return { ...p, trackId: s.trackId, confirmed: s.confirmed, speakerIds: s.speakerIds, expectedAudience: s.expectedAudience };
    }),
  ];
}

function hardConflicts(data: ProposalInput, all: PlannedSession[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < all.length; i += 1) {
    const a = all[i];
    if (!data.days.some((day) => within(a, day))) found.push(`${a.submissionId} outside the days`);
    for (const block of data.blocks) if ((block.roomId === null || block.roomId === a.roomId) && overlaps(block, a)) found.push(`${a.submissionId} in a block`);
    for (let j = i + 1; j < all.length; j += 1) {
      const b = all[j];
      if (!overlaps(a, b)) continue;
      if (a.roomId === b.roomId) found.push(`${a.submissionId} and ${b.submissionId} share ${a.roomId}`);
      if (a.speakerIds.some((id) => b.speakerIds.includes(id))) found.push(`${a.submissionId} and ${b.submissionId} share a speaker`);
    }
  }
  return found;
}

describe('the automatic first draft', () => {
  it('places 250 sessions in 12 rooms over 3 days with no hard conflict', () => {
    const data = conferenceFixture();
    const result = propose(data);
    expect(result.unplaced).toEqual([]);
    expect(result.placements).toHaveLength(250);
    expect(hardConflicts(data, planned(data, result))).toEqual([]);
    // a session is placed outside a speaker's availability only when its speakers' windows share no span long
    // enough for it (in the fixture: co-speakers available on different days)
    const byId = new Map(data.sessions.map((s) => [s.submissionId, s]));
    const outside = result.placements.filter((p) =>
      byId.get(p.submissionId)!.speakerIds.some((id) => data.availability.has(id) && !data.availability.get(id)!.some((w) => within(p, w))),
    );
    expect(outside.length).toBeGreaterThan(0);
    for (const p of outside) {
      const s = byId.get(p.submissionId)!;
      const windows = s.speakerIds.flatMap((id) => data.availability.get(id) ?? []);
      const start = Math.max(...windows.map((w) => w.start));
      const end = Math.min(...windows.map((w) => w.end));
      expect(end - start, s.submissionId).toBeLessThan(s.lengthMinutes * 60_000);
    }
    // the soft problems the API would report agree with what the proposal counted
    const frame = { roomCapacity: new Map(data.rooms.map((r) => [r.id, r.capacity])), days: data.days, availability: data.availability, blocks: data.blocks };
    const reported = [...scheduleProblems(planned(data, result), frame).values()].flat();
    expect(reported.filter((p) => p.code === 'TRACK_OVERLAP')).toHaveLength(result.soft.trackOverlap * 2);
    expect(reported.filter((p) => p.code === 'OUTSIDE_AVAILABILITY')).toHaveLength(result.soft.outsideAvailability);
    expect(reported.filter((p) => p.code === 'SPEAKER_DOUBLE_BOOKED' || p.code === 'OUTSIDE_DAYS' || p.code === 'DURING_BLOCK')).toEqual([]);
  });

  it('is deterministic: the same input, in any order, gives the same draft', () => {
    const data = conferenceFixture(120, 6, 2, 7);
    const first = propose(data);
    const again = propose(conferenceFixture(120, 6, 2, 7));
    const shuffled = propose({ ...data, sessions: [...data.sessions].reverse(), rooms: [...data.rooms].reverse() });
    expect(again).toEqual(first);
    const sorted = (r: ProposalResult) => [...r.placements].sort((a, b) => a.submissionId.localeCompare(b.submissionId));
    expect(sorted(shuffled)).toEqual(sorted(first));
  });

  it('keeps what is already placed and never puts anything over it', () => {
    const fixed: PlannedSession = {
      submissionId: 'pinned', roomId: 'a', start: DAY.start, end: DAY.start + 2 * HOUR, trackId: null, confirmed: true, speakerIds: ['busy'], expectedAudience: 0,
    };
    const data = input({ fixed: [fixed], sessions: [session('s1'), session('s2', { speakerIds: ['busy'] })] });
    const result = propose(data);
    expect(result.placements.map((p) => p.submissionId).sort()).toEqual(['s1', 's2']);
    expect(hardConflicts(data, planned(data, result))).toEqual([]);
    expect(result.placements.every((p) => p.start >= fixed.end)).toBe(true);
  });

  it('places a session within its speakers’ availability when it can', () => {
    const afternoon = { start: DAY.start + 5 * HOUR, end: DAY.start + 7 * HOUR };
    const data = input({ availability: new Map([['ada', [afternoon]]]), sessions: [session('s1', { speakerIds: ['ada'] }), session('s2')] });
    const result = propose(data);
    const s1 = result.placements.find((p) => p.submissionId === 's1')!;
    expect(s1.start).toBe(afternoon.start);
    expect(result.soft.outsideAvailability).toBe(0);
  });

  it('keeps two sessions of one track apart when there is time, and counts an overlap it cannot avoid', () => {
    const rooms = [{ id: 'a', capacity: 500, position: 0 }, { id: 'b', capacity: 500, position: 1 }];
    const apart = propose(input({ rooms, sessions: [session('s1', { trackId: 't' }), session('s2', { trackId: 't' })] }));
    const [p1, p2] = apart.placements;
    expect(overlaps(p1, p2)).toBe(false);
    expect(apart.soft.trackOverlap).toBe(0);

    const short = { start: DAY.start, end: DAY.start + 35 * 60_000 };
    const forced = propose(input({ rooms, days: [short], sessions: [session('s1', { trackId: 't' }), session('s2', { trackId: 't' })] }));
    expect(forced.placements).toHaveLength(2);
    expect(forced.soft.trackOverlap).toBe(1);
  });

  it('gives the larger room to the more popular session', () => {
    const rooms = [{ id: 'small', capacity: 80, position: 0 }, { id: 'large', capacity: 900, position: 1 }];
    const day = { start: DAY.start, end: DAY.start + 35 * 60_000 };
    const result = propose(input({ rooms, days: [day], sessions: [session('niche', { popularity: 3 }), session('hit', { popularity: 90 })] }));
    expect(Object.fromEntries(result.placements.map((p) => [p.submissionId, p.roomId]))).toEqual({ hit: 'large', niche: 'small' });
  });

  it('never places during a block or outside the days, and says what it could not place', () => {
    const lunch = { roomId: null, start: DAY.start + HOUR, end: DAY.end };
    const result = propose(input({ blocks: [lunch], sessions: [session('fits', { lengthMinutes: 60 }), session('too-long', { lengthMinutes: 61 })] }));
    expect(result.placements.map((p) => [p.submissionId, p.start])).toEqual([['fits', DAY.start]]);
    expect(result.unplaced).toEqual(['too-long']);
  });
});
