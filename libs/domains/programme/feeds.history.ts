import { ReleasedSession } from './release.policy';

/** A released version as the feeds read it: its number and the sessions it froze. */
export interface ReleasedVersion {
  version: number;
  sessions: readonly ReleasedSession[];
}

/** A session that an earlier release showed and the latest no longer does, where it last was. */
export interface CancelledSession extends ReleasedSession {
  /** The release that dropped it. */
  cancelledIn: number;
}

export interface FeedHistory {
  /**
   * iCalendar SEQUENCE per session (current and cancelled): the version of the release that last placed, moved,
   * dropped or brought it back. It grows when the session changes and only then, and it is the SEQUENCE the
   * release e-mail of that version gave the speakers, so a calendar replaces its copy rather than keeping both.
   */
  sequence: Map<string, number>;
  /** Sessions released once and gone from the latest version: the feeds keep them, marked, instead of losing them. */
  cancelled: CancelledSession[];
}

const sameSlot = (a: ReleasedSession, b: ReleasedSession) => a.roomId === b.roomId && a.startsAt === b.startsAt && a.endsAt === b.endsAt;

/** What the feeds of the last of `versions` (in any order) need to know of the ones before it. */
export function feedHistory(versions: readonly ReleasedVersion[]): FeedHistory {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const sequence = new Map<string, number>();
  const last = new Map<string, ReleasedSession>();
  const gone = new Map<string, CancelledSession>();
  let shown = new Set<string>();
  for (const release of ordered) {
    const now = new Set<string>();
    for (const session of release.sessions) {
      now.add(session.submissionId);
      const before = last.get(session.submissionId);
      if (!before || !shown.has(session.submissionId) || !sameSlot(before, session)) sequence.set(session.submissionId, release.version);
      last.set(session.submissionId, session);
      gone.delete(session.submissionId);
    }
    for (const id of shown) {
      if (now.has(id)) continue;
      sequence.set(id, release.version);
      gone.set(id, { ...last.get(id)!, cancelledIn: release.version });
    }
    shown = now;
  }
  const cancelled = [...gone.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code));
  return { sequence, cancelled };
}
