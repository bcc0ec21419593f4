import { Injectable } from '@nestjs/common';
import { ReviewDecision, SubmissionState } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { rankedSubmissions } from './reviews.repository';

export interface LockedSubmission {
  id: string;
  state: SubmissionState;
  origin: 'CFP' | 'INVITED';
  track_id: string | null;
}

@Injectable()
export class DecisionsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Every decision write of the event (deciding, bulk, release, a decline that promotes from the waitlist) takes
   * this lock first and row locks after it, so they run one at a time and cannot deadlock one another.
   */
  async lock(eventId: string): Promise<void> {
    // executeRaw: the lock function returns void, which a query's result mapping cannot read.
    await this.tx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('review-decisions'), hashtext(${eventId}))`;
  }

  /** Holds the submission's row until commit, so a withdrawal cannot slip in between the check and the decision. */
  async lockSubmission(eventId: string, id: string): Promise<LockedSubmission | null> {
    const rows = await this.tx.db.$queryRaw<LockedSubmission[]>`
      SELECT id, state, origin::text AS origin, track_id FROM submissions
       WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** Locks every submission a bulk decision may touch, in id order. */
  async lockUndecided(eventId: string): Promise<void> {
    await this.tx.db.$queryRaw`
      SELECT id FROM submissions WHERE event_id = ${eventId}::uuid AND origin = 'CFP' AND state = 'SUBMITTED'
       ORDER BY id FOR UPDATE`;
  }

  /** A proposal offered to editions of a shared CFP is decided per edition, never here. */
  async isOffered(submissionId: string): Promise<boolean> {
    return (await this.tx.db.submissionOffer.count({ where: { submissionId } })) > 0;
  }

  findDecision(submissionId: string) {
    return this.tx.db.submissionDecision.findUnique({
      where: { submissionId },
      select: { submissionId: true, decision: true, decidedAt: true, releasedAt: true },
    });
  }

  async upsert(eventId: string, submissionId: string, decision: ReviewDecision, at: Date, releasedAt: Date | null): Promise<void> {
    await this.tx.db.submissionDecision.upsert({
      where: { submissionId },
      create: { submissionId, eventId, decision, decidedAt: at, releasedAt },
      update: { decision, decidedAt: at, releasedAt },
    });
  }

  /** One statement whatever the number of decisions; each becomes (again) unreleased. */
  async upsertMany(eventId: string, decisions: { submissionId: string; decision: ReviewDecision }[], at: Date): Promise<void> {
    if (decisions.length === 0) return;
    await this.tx.db.$executeRaw`
      INSERT INTO submission_decisions (submission_id, event_id, decision, decided_at, released_at)
      SELECT d.submission_id, ${eventId}::uuid, d.decision::"ReviewDecision", ${at}, NULL
        FROM unnest(${decisions.map((d) => d.submissionId)}::uuid[], ${decisions.map((d) => d.decision)}::text[]) AS d(submission_id, decision)
      ON CONFLICT (submission_id) DO UPDATE
        SET decision = EXCLUDED.decision, decided_at = EXCLUDED.decided_at, released_at = NULL`;
  }

  async delete(submissionId: string): Promise<void> {
    await this.tx.db.submissionDecision.delete({ where: { submissionId } });
  }

  pending(eventId: string, submissionIds: string[] | null) {
    return this.tx.db.submissionDecision.findMany({
      where: { eventId, releasedAt: null, ...(submissionIds ? { submissionId: { in: submissionIds } } : {}) },
      orderBy: { submissionId: 'asc' },
      select: { submissionId: true, decision: true },
    });
  }

  async markReleased(submissionId: string, at: Date): Promise<void> {
    await this.tx.db.submissionDecision.update({ where: { submissionId }, data: { releasedAt: at } });
  }

  /** Submitted, undecided CFP proposals best first (the ranking's order), for bulk decisions; not those decided per edition. */
  rankedUndecided(eventId: string) {
    return this.tx.db.$queryRaw<{ id: string; track_id: string | null; format_id: string | null }[]>`
      ${rankedSubmissions(eventId)}
      SELECT id, track_id, format_id FROM ranked k
       WHERE state = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM submission_offers o WHERE o.submission_id = k.id)
       ORDER BY rank_overall`;
  }

  /** Waitlisted proposals of a track, best first, leaving out any with a decision waiting for release. */
  waitlisted(eventId: string, trackId: string | null) {
    return this.tx.db.$queryRaw<{ id: string }[]>`
      ${rankedSubmissions(eventId)}
      SELECT k.id FROM ranked k
       WHERE k.state = 'WAITLISTED' AND k.track_id IS NOT DISTINCT FROM ${trackId}::uuid
         AND NOT EXISTS (SELECT 1 FROM submission_decisions d WHERE d.submission_id = k.id AND d.released_at IS NULL)
       ORDER BY k.rank_overall`;
  }

  groups(eventId: string) {
    return this.tx.db.event.findUnique({
      where: { id: eventId },
      select: {
        tracks: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
        sessionFormats: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
      },
    });
  }

  /** What a speaker's outcome page needs, with who speaks on it (to check the caller is one of them). */
  outcome(eventId: string, submissionId: string) {
    return this.tx.db.submission.findFirst({
      where: { id: submissionId, eventId },
      select: {
        id: true,
        code: true,
        title: true,
        state: true,
        origin: true,
        trackId: true,
        stateChangedAt: true,
        speakers: { select: { userId: true, role: true } },
      },
    });
  }

  /** Reviewer comments meant for speakers, without who wrote them; committee comments never leave this table. */
  async speakerComments(submissionId: string): Promise<string[]> {
    const rows = await this.tx.db.review.findMany({
      where: { submissionId, speakerComment: { not: null } },
      orderBy: { id: 'asc' },
      select: { speakerComment: true },
    });
    return rows.map((r) => r.speakerComment).filter((c): c is string => c !== null);
  }
}
