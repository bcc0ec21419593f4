import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

/**
 * (reviewer_id, submission_id) for every submission of the event that conflicts with a reviewer listed in a CTE
 * named `reviewer_set(user_id)`, which the caller defines (one reviewer, or all of the event's). A reviewer
 * conflicts with a submission when they
 * - speak on it (self);
 * - have spoken together with one of its speakers, on any submission of any event (co-speaker);
 * - share a company with one of its speakers: the companies of the speaker profiles, trimmed and compared
 *   case-insensitively (an empty company matches nothing; served by speaker_profiles_company_normalised_idx);
 * - or declared a conflict with it (review_conflicts, by themselves or by an organiser).
 * Speakers are read from submission_speakers only, where speaker identity lives. `eventId` is the edition's id, or an
 * SQL expression that gives it.
 */
export function conflictPairs(eventId: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT cp.reviewer_id, cp.submission_id
      FROM (
        SELECT ss.user_id AS reviewer_id, ss.submission_id
          FROM reviewer_set rs JOIN submission_speakers ss ON ss.user_id = rs.user_id
        UNION
        SELECT mine.user_id, theirs.submission_id
          FROM reviewer_set rs
          JOIN submission_speakers mine ON mine.user_id = rs.user_id
          JOIN submission_speakers partner ON partner.submission_id = mine.submission_id AND partner.user_id <> mine.user_id
          JOIN submission_speakers theirs ON theirs.user_id = partner.user_id
        UNION
        SELECT rs.user_id, ss.submission_id
          FROM reviewer_set rs
          JOIN speaker_profiles me ON me.user_id = rs.user_id AND btrim(me.company) <> ''
          JOIN speaker_profiles peer ON lower(btrim(peer.company)) = lower(btrim(me.company))
          JOIN submission_speakers ss ON ss.user_id = peer.user_id
        UNION
        SELECT rc.reviewer_id, rc.submission_id
          FROM reviewer_set rs JOIN review_conflicts rc ON rc.reviewer_id = rs.user_id
      ) cp
      JOIN submissions s ON s.id = cp.submission_id
     WHERE s.event_id = ${eventId}::uuid`;
}

const CONFLICT_FIELDS = {
  id: true,
  reviewerId: true,
  submissionId: true,
  reason: true,
  createdAt: true,
  reviewer: { select: { name: true, email: true } },
  submission: { select: { code: true, title: true } },
} as const satisfies Prisma.ReviewConflictSelect;

export type ConflictRecord = Prisma.ReviewConflictGetPayload<{ select: typeof CONFLICT_FIELDS }>;

@Injectable()
export class ConflictsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every conflicting (reviewer, submission) pair of the event's reviewers, for the assignment run. */
  pairsForReviewers(eventId: string): Promise<{ reviewer_id: string; submission_id: string }[]> {
    return this.tx.db.$queryRaw`
      WITH reviewer_set(user_id) AS (
        SELECT user_id FROM role_grants WHERE event_id = ${eventId}::uuid AND role = 'REVIEWER'
      )
      ${conflictPairs(eventId)}`;
  }

  async isConflicted(eventId: string, reviewerId: string, submissionId: string): Promise<boolean> {
    const rows = await this.tx.db.$queryRaw<{ found: number }[]>`
      WITH reviewer_set(user_id) AS (SELECT ${reviewerId}::uuid)
      SELECT 1 AS found FROM (${conflictPairs(eventId)}) c WHERE c.submission_id = ${submissionId}::uuid LIMIT 1`;
    return rows.length > 0;
  }

  /** Declaring the same conflict twice keeps the first declaration. */
  async declare(eventId: string, reviewerId: string, submissionId: string, reason: string | null): Promise<ConflictRecord> {
    await this.tx.db.reviewConflict.createMany({ data: [{ eventId, reviewerId, submissionId, reason }], skipDuplicates: true });
    return this.tx.db.reviewConflict.findUniqueOrThrow({
      where: { reviewerId_submissionId: { reviewerId, submissionId } },
      select: CONFLICT_FIELDS,
    });
  }

  list(eventId: string): Promise<ConflictRecord[]> {
    return this.tx.db.reviewConflict.findMany({ where: { eventId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: CONFLICT_FIELDS });
  }

  find(eventId: string, id: string): Promise<ConflictRecord | null> {
    return this.tx.db.reviewConflict.findFirst({ where: { id, eventId }, select: CONFLICT_FIELDS });
  }

  async delete(id: string): Promise<void> {
    await this.tx.db.reviewConflict.delete({ where: { id } });
  }
}
