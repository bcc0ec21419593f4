/** A session as a release froze it. Instants are ISO 8601 strings (the release is stored as JSON). */
export interface ReleasedSession {
  submissionId: string;
  code: string;
  title: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
  speakerIds: string[];
}

export interface Changelog {
  new: string[];
  moved: { submissionId: string; from: { roomId: string; startsAt: string; endsAt: string } }[];
  cancelled: string[];
}

/** What changed from `previous` (null before the first release) to `next`: new, moved (room or time) and cancelled sessions. */
export function changelog(previous: readonly ReleasedSession[] | null, next: readonly ReleasedSession[]): Changelog {
  const before = new Map((previous ?? []).map((s) => [s.submissionId, s]));
  const after = new Set(next.map((s) => s.submissionId));
  const log: Changelog = { new: [], moved: [], cancelled: [] };
  for (const session of next) {
    const old = before.get(session.submissionId);
    if (!old) log.new.push(session.submissionId);
    else if (old.roomId !== session.roomId || old.startsAt !== session.startsAt || old.endsAt !== session.endsAt) {
      log.moved.push({ submissionId: session.submissionId, from: { roomId: old.roomId, startsAt: old.startsAt, endsAt: old.endsAt } });
    }
  }
  for (const old of previous ?? []) if (!after.has(old.submissionId)) log.cancelled.push(old.submissionId);
  return log;
}

/** The speakers a release concerns: everyone with a new or moved session in it, with those sessions' ids. */
export function speakersToTell(next: readonly ReleasedSession[], log: Changelog): Map<string, string[]> {
  const changed = new Set([...log.new, ...log.moved.map((m) => m.submissionId)]);
  const bySpeaker = new Map<string, string[]>();
  for (const session of next) {
    if (!changed.has(session.submissionId)) continue;
    for (const speakerId of session.speakerIds) bySpeaker.set(speakerId, [...(bySpeaker.get(speakerId) ?? []), session.submissionId]);
  }
  return bySpeaker;
}
