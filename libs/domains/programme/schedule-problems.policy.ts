/**
 * The soft problems of a schedule: things organisers should see and may accept (a hard conflict, two sessions in
 * one room at once, is refused by the database instead). Pure: times are epoch milliseconds, ids are strings.
 */

export const SOFT_PROBLEM_CODES = [
  'SPEAKER_DOUBLE_BOOKED',
  'OUTSIDE_AVAILABILITY',
  'OUTSIDE_DAYS',
  'NOT_CONFIRMED',
  'TRACK_OVERLAP',
  'ROOM_TOO_SMALL',
  'DURING_BLOCK',
] as const;

export type SoftProblemCode = (typeof SOFT_PROBLEM_CODES)[number];

export interface Interval {
  start: number;
  end: number;
}

export interface PlannedSession extends Interval {
  submissionId: string;
  roomId: string;
  trackId: string | null;
  confirmed: boolean;
  speakerIds: readonly string[];
  /** The audience expected (organisers' estimate or attendees' interest); 0 when nobody knows. */
  expectedAudience: number;
}

export interface ScheduleFrame {
  roomCapacity: ReadonlyMap<string, number>;
  /** The hours of each day of the edition. */
  days: readonly Interval[];
  /** Each speaker who gave availability; a speaker who gave none is available whenever. */
  availability: ReadonlyMap<string, readonly Interval[]>;
  /** Non-talk blocks; a null room holds every room. */
  blocks: readonly (Interval & { roomId: string | null })[];
}

export interface SoftProblem {
  code: SoftProblemCode;
  submissionId: string;
  /** The other session involved (double booking, track overlap). */
  otherSubmissionId?: string;
  /** The speaker concerned (double booking, availability). */
  speakerId?: string;
}

/** Half-open ranges: one session may start the minute another ends. */
export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
export const within = (inner: Interval, outer: Interval) => inner.start >= outer.start && inner.end <= outer.end;

/** What is wrong with `session` on its own against the frame: availability, days, confirmation, room, blocks. */
export function ownProblems(session: PlannedSession, frame: ScheduleFrame): SoftProblem[] {
  const problems: SoftProblem[] = [];
  const id = session.submissionId;
  if (!session.confirmed) problems.push({ code: 'NOT_CONFIRMED', submissionId: id });
  if (!frame.days.some((day) => within(session, day))) problems.push({ code: 'OUTSIDE_DAYS', submissionId: id });
  for (const speakerId of session.speakerIds) {
    const slots = frame.availability.get(speakerId);
    if (slots && !slots.some((slot) => within(session, slot))) problems.push({ code: 'OUTSIDE_AVAILABILITY', submissionId: id, speakerId });
  }
  const capacity = frame.roomCapacity.get(session.roomId);
  if (capacity !== undefined && session.expectedAudience > capacity) problems.push({ code: 'ROOM_TOO_SMALL', submissionId: id });
  if (frame.blocks.some((block) => (block.roomId === null || block.roomId === session.roomId) && overlaps(block, session))) {
    problems.push({ code: 'DURING_BLOCK', submissionId: id });
  }
  return problems;
}

/** What `a` and `b`, overlapping in time, cause for `a`: a shared speaker, a shared track. */
export function pairProblems(a: PlannedSession, b: PlannedSession): SoftProblem[] {
  const problems: SoftProblem[] = [];
  for (const speakerId of a.speakerIds) {
    if (b.speakerIds.includes(speakerId)) {
      problems.push({ code: 'SPEAKER_DOUBLE_BOOKED', submissionId: a.submissionId, otherSubmissionId: b.submissionId, speakerId });
    }
  }
  if (a.trackId !== null && a.trackId === b.trackId) {
    problems.push({ code: 'TRACK_OVERLAP', submissionId: a.submissionId, otherSubmissionId: b.submissionId });
  }
  return problems;
}

/**
 * Every soft problem of a schedule, per session, each reported on both sessions it concerns. Sorted by start,
 * each session is compared only with those that start before it ends.
 */
export function scheduleProblems(sessions: readonly PlannedSession[], frame: ScheduleFrame): Map<string, SoftProblem[]> {
  const result = new Map<string, SoftProblem[]>(sessions.map((s) => [s.submissionId, ownProblems(s, frame)]));
  const sorted = [...sessions].sort((a, b) => a.start - b.start || a.submissionId.localeCompare(b.submissionId));
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].start < a.end; j += 1) {
      const b = sorted[j];
      if (!overlaps(a, b)) continue;
      result.get(a.submissionId)?.push(...pairProblems(a, b));
      result.get(b.submissionId)?.push(...pairProblems(b, a));
    }
  }
  return result;
}
