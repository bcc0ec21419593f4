import { Interval, PlannedSession, overlaps, within } from './schedule-problems.policy';

/**
 * The automatic first draft: places sessions into rooms and times with no hard conflict (a room holds one thing at
 * a time, a speaker is in one place at a time, nothing outside the edition's days or during a room's blocks) and
 * as few soft problems as it can (a speaker outside their availability, two sessions of one track at once, a
 * popular session in a small room). Greedy and deterministic: the same input gives the same draft.
 *
 * Sessions are placed most constrained first (those whose speakers gave availability, then the longest, then the
 * most popular, then by code); each takes the candidate slot of least cost. Candidate starts in a room are the
 * day's opening, the end of everything already in the room, and the starts of its speakers' availability, so
 * sessions pack back to back and reach the windows speakers gave.
 */

export interface ProposalRoom {
  id: string;
  capacity: number;
  /** Rooms are tried in this order when costs tie. */
  position: number;
}

export interface SessionToPlace {
  submissionId: string;
  code: string;
  lengthMinutes: number;
  trackId: string | null;
  speakerIds: readonly string[];
  confirmed: boolean;
  /** Higher is more popular: attendees' interest, else reviewers' calibrated rank. */
  popularity: number;
  /** The audience expected, when known (for the room-size cost); 0 when not. */
  expectedAudience: number;
}

export interface ProposalInput {
  rooms: readonly ProposalRoom[];
  days: readonly Interval[];
  blocks: readonly (Interval & { roomId: string | null })[];
  availability: ReadonlyMap<string, readonly Interval[]>;
  /** Placements kept as they are (pinned, or all of them when only unplaced sessions are proposed). */
  fixed: readonly PlannedSession[];
  sessions: readonly SessionToPlace[];
  /** Start times are multiples of this many minutes after a day's opening (default 5). */
  stepMinutes?: number;
}

export interface ProposedPlacement {
  submissionId: string;
  roomId: string;
  start: number;
  end: number;
}

export interface ProposalResult {
  placements: ProposedPlacement[];
  /** Sessions no slot could take without a hard conflict. */
  unplaced: string[];
  /** Soft costs of the placements made, by kind. */
  soft: { outsideAvailability: number; trackOverlap: number; roomTooSmall: number };
}

const MINUTE = 60_000;

const COST = {
  outsideAvailability: 1000,
  trackOverlap: 100,
  roomTooSmall: 50,
  /** Per unit of mismatch between a session's popularity rank and its room's size rank (0..1). */
  roomFit: 20,
  /** Per hour after the day's opening, so that, all else equal, days fill from the morning. */
  lateness: 0.1,
  /** Per session already on that day, so that, all else equal, the days fill evenly. */
  dayLoad: 0.5,
};

interface Occupied extends Interval {
  trackId: string | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function propose(input: ProposalInput): ProposalResult {
  const step = (input.stepMinutes ?? 5) * MINUTE;
  const rooms = [...input.rooms].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const days = [...input.days].sort((a, b) => a.start - b.start);

  // What each room, speaker and track holds so far
  const roomBusy = new Map<string, Interval[]>();
  const speakerBusy = new Map<string, Interval[]>();
  const trackBusy = new Map<string, Interval[]>();
  const dayLoad = days.map(() => 0);
  const dayOf = (start: number) => days.findIndex((day) => start >= day.start && start < day.end);
  const occupy = (roomId: string, slot: Occupied, speakerIds: readonly string[]) => {
    push(roomBusy, roomId, slot);
    for (const speakerId of speakerIds) push(speakerBusy, speakerId, slot);
    if (slot.trackId) push(trackBusy, slot.trackId, slot);
    const day = dayOf(slot.start);
    if (day >= 0) dayLoad[day] += 1;
  };
  for (const block of input.blocks) {
    for (const room of rooms) if (block.roomId === null || block.roomId === room.id) push(roomBusy, room.id, block);
  }
  for (const placed of input.fixed) occupy(placed.roomId, { start: placed.start, end: placed.end, trackId: placed.trackId }, placed.speakerIds);

  // Popularity rank (0 = most popular) against room size rank (0 = largest), both as fractions
  const bySize = [...rooms].sort((a, b) => b.capacity - a.capacity || a.position - b.position || a.id.localeCompare(b.id));
  const sizeRank = new Map(bySize.map((room, i) => [room.id, rooms.length > 1 ? i / (rooms.length - 1) : 0]));
  const byPopularity = [...input.sessions].sort((a, b) => b.popularity - a.popularity || a.code.localeCompare(b.code));
  const popularityRank = new Map(byPopularity.map((s, i) => [s.submissionId, byPopularity.length > 1 ? i / (byPopularity.length - 1) : 0]));

  const order = [...input.sessions].sort(
    (a, b) =>
      Number(b.speakerIds.some((id) => input.availability.has(id))) - Number(a.speakerIds.some((id) => input.availability.has(id))) ||
      b.lengthMinutes - a.lengthMinutes ||
      b.popularity - a.popularity ||
      a.code.localeCompare(b.code),
  );

  const result: ProposalResult = { placements: [], unplaced: [], soft: { outsideAvailability: 0, trackOverlap: 0, roomTooSmall: 0 } };
  for (const session of order) {
    const length = session.lengthMinutes * MINUTE;
    const availabilityStarts = session.speakerIds.flatMap((id) => (input.availability.get(id) ?? []).map((slot) => slot.start));
    let best = null as { cost: number; roomId: string; start: number; parts: ProposalResult['soft'] } | null;

    for (const room of rooms) {
      const busy = roomBusy.get(room.id) ?? [];
      for (let dayIndex = 0; dayIndex < days.length; dayIndex += 1) {
        const day = days[dayIndex];
        const starts = new Set<number>([day.start]);
        for (const slot of busy) if (slot.end >= day.start && slot.end < day.end) starts.add(slot.end);
        for (const at of availabilityStarts) if (at >= day.start && at < day.end) starts.add(at);
        // after a speaker's or the track's other sessions, to get past a clash rather than to the next room gap
        const around = [
          ...session.speakerIds.flatMap((id) => speakerBusy.get(id) ?? []),
          ...(session.trackId ? (trackBusy.get(session.trackId) ?? []) : []),
        ];
        for (const other of around) if (other.end >= day.start && other.end < day.end) starts.add(other.end);
        for (const raw of [...starts].sort((a, b) => a - b)) {
          // align to the step after the day's opening
          const start = day.start + Math.ceil((raw - day.start) / step) * step;
          const slot = { start, end: start + length };
          if (!within(slot, day)) continue;
          if (busy.some((other) => overlaps(other, slot))) continue;
          if (session.speakerIds.some((id) => (speakerBusy.get(id) ?? []).some((other) => overlaps(other, slot)))) continue;

          const parts = { outsideAvailability: 0, trackOverlap: 0, roomTooSmall: 0 };
          for (const id of session.speakerIds) {
            const slots = input.availability.get(id);
            if (slots && !slots.some((free) => within(slot, free))) parts.outsideAvailability += 1;
          }
          if (session.trackId) parts.trackOverlap = (trackBusy.get(session.trackId) ?? []).filter((other) => overlaps(other, slot)).length;
          if (session.expectedAudience > room.capacity) parts.roomTooSmall = 1;
          const cost =
            parts.outsideAvailability * COST.outsideAvailability +
            parts.trackOverlap * COST.trackOverlap +
            parts.roomTooSmall * COST.roomTooSmall +
            Math.abs((sizeRank.get(room.id) ?? 0) - (popularityRank.get(session.submissionId) ?? 0)) * COST.roomFit +
            ((start - day.start) / (60 * MINUTE)) * COST.lateness +
            dayLoad[dayIndex] * COST.dayLoad;
          // strictly less: ties keep the earlier room, day and start, so the result is deterministic
          if (!best || cost < best.cost - 1e-9) best = { cost, roomId: room.id, start, parts };
        }
      }
    }

    if (!best) {
      result.unplaced.push(session.submissionId);
      continue;
    }
    const placed = { submissionId: session.submissionId, roomId: best.roomId, start: best.start, end: best.start + length };
    result.placements.push(placed);
    result.soft.outsideAvailability += best.parts.outsideAvailability;
    result.soft.trackOverlap += best.parts.trackOverlap;
    result.soft.roomTooSmall += best.parts.roomTooSmall;
    occupy(best.roomId, { start: placed.start, end: placed.end, trackId: session.trackId }, session.speakerIds);
  }
  return result;
}
