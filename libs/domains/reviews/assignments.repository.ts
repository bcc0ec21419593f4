import { Injectable } from '@nestjs/common';
import { EventRole, Prisma, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { conflictPairs } from './conflicts.repository';

const ASSIGNMENT_FIELDS = {
  id: true,
  submissionId: true,
  reviewerId: true,
  automatic: true,
  createdAt: true,
  review: { select: { id: true } },
} as const satisfies Prisma.ReviewAssignmentSelect;

export type AssignmentRecord = Prisma.ReviewAssignmentGetPayload<{ select: typeof ASSIGNMENT_FIELDS }>;

@Injectable()
export class AssignmentsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Serialises everything that adds or removes assignments in the event until commit. */
  async lock(eventId: string): Promise<void> {
    // executeRaw: the lock function returns void, which a query's result mapping cannot read.
    await this.tx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('review-assignments'), hashtext(${eventId}))`;
  }

  /** The event's reviewers with the tracks they are limited to (none: every track). */
  async reviewers(eventId: string): Promise<{ userId: string; trackIds: string[] }[]> {
    const grants = await this.tx.db.roleGrant.findMany({
      where: { eventId, role: EventRole.REVIEWER },
      select: { userId: true, user: { select: { reviewerTracks: { where: { eventId }, select: { trackId: true } } } } },
      orderBy: { userId: 'asc' },
    });
    return grants.map((g) => ({ userId: g.userId, trackIds: g.user.reviewerTracks.map((t) => t.trackId) }));
  }

  async isReviewer(eventId: string, userId: string): Promise<boolean> {
    const grant = await this.tx.db.roleGrant.findUnique({
      where: { eventId_userId_role: { eventId, userId, role: EventRole.REVIEWER } },
      select: { id: true },
    });
    return grant !== null;
  }

  reviewerTrackIds(eventId: string, userId: string): Promise<{ trackId: string }[]> {
    return this.tx.db.reviewerTrack.findMany({ where: { eventId, userId }, select: { trackId: true } });
  }

  async setReviewerTracks(eventId: string, userId: string, trackIds: string[]): Promise<void> {
    await this.tx.db.reviewerTrack.deleteMany({ where: { eventId, userId } });
    if (trackIds.length > 0) await this.tx.db.reviewerTrack.createMany({ data: trackIds.map((trackId) => ({ eventId, userId, trackId })) });
  }

  tracksBySlug(eventId: string, slugs: string[]) {
    return this.tx.db.track.findMany({ where: { eventId, slug: { in: slugs } }, select: { id: true, slug: true } });
  }

  /** Submissions that want reviewers: CFP proposals that are submitted and undecided. */
  pool(eventId: string): Promise<{ id: string; trackId: string | null }[]> {
    return this.tx.db.submission.findMany({
      where: { eventId, origin: SubmissionOrigin.CFP, state: SubmissionState.SUBMITTED },
      select: { id: true, trackId: true },
      orderBy: { id: 'asc' },
    });
  }

  existingPairs(eventId: string): Promise<{ reviewerId: string; submissionId: string }[]> {
    return this.tx.db.reviewAssignment.findMany({ where: { eventId }, select: { reviewerId: true, submissionId: true } });
  }

  /**
   * Drops assignments nobody has reviewed yet that should no longer exist: the reviewer lost the role, is now
   * limited to other tracks, or now conflicts with the submission. Reviewed ones stay (the review is on record).
   */
  removeStale(eventId: string): Promise<{ reviewer_id: string; submission_id: string }[]> {
    return this.tx.db.$queryRaw`
      WITH reviewer_set(user_id) AS (SELECT DISTINCT reviewer_id FROM review_assignments WHERE event_id = ${eventId}::uuid),
           conflicted AS (${conflictPairs(eventId)})
      DELETE FROM review_assignments a
       USING submissions s
       WHERE a.event_id = ${eventId}::uuid AND s.id = a.submission_id
         AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = a.submission_id AND r.reviewer_id = a.reviewer_id)
         AND (
           EXISTS (SELECT 1 FROM conflicted c WHERE c.reviewer_id = a.reviewer_id AND c.submission_id = a.submission_id)
           OR NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.event_id = a.event_id AND g.user_id = a.reviewer_id AND g.role = 'REVIEWER')
           OR (EXISTS (SELECT 1 FROM reviewer_tracks rt WHERE rt.event_id = a.event_id AND rt.user_id = a.reviewer_id)
               AND NOT EXISTS (SELECT 1 FROM reviewer_tracks rt
                                WHERE rt.event_id = a.event_id AND rt.user_id = a.reviewer_id AND rt.track_id = s.track_id))
         )
      RETURNING a.reviewer_id, a.submission_id`;
  }

  /** One statement whatever the number of pairs; a pair that exists already is left alone. */
  async insertMany(eventId: string, pairs: { reviewerId: string; submissionId: string }[], automatic: boolean): Promise<number> {
    if (pairs.length === 0) return 0;
    return this.tx.db.$executeRaw`
      INSERT INTO review_assignments (id, event_id, submission_id, reviewer_id, automatic, created_at)
      SELECT gen_random_uuid(), ${eventId}::uuid, p.submission_id, p.reviewer_id, ${automatic}, now()
        FROM unnest(${pairs.map((p) => p.submissionId)}::uuid[], ${pairs.map((p) => p.reviewerId)}::uuid[]) AS p(submission_id, reviewer_id)
      ON CONFLICT (submission_id, reviewer_id) DO NOTHING`;
  }

  find(eventId: string, id: string): Promise<AssignmentRecord | null> {
    return this.tx.db.reviewAssignment.findFirst({ where: { id, eventId }, select: ASSIGNMENT_FIELDS });
  }

  findPair(submissionId: string, reviewerId: string): Promise<AssignmentRecord | null> {
    return this.tx.db.reviewAssignment.findUnique({ where: { submissionId_reviewerId: { submissionId, reviewerId } }, select: ASSIGNMENT_FIELDS });
  }

  create(eventId: string, submissionId: string, reviewerId: string): Promise<AssignmentRecord> {
    return this.tx.db.reviewAssignment.create({ data: { eventId, submissionId, reviewerId, automatic: false }, select: ASSIGNMENT_FIELDS });
  }

  async delete(id: string): Promise<void> {
    await this.tx.db.reviewAssignment.delete({ where: { id } });
  }

  /** Removes a reviewer's assignment and review of a submission (a conflict came to light). */
  async removePair(submissionId: string, reviewerId: string): Promise<{ hadReview: boolean }> {
    const review = await this.tx.db.review.deleteMany({ where: { submissionId, reviewerId } });
    await this.tx.db.reviewAssignment.deleteMany({ where: { submissionId, reviewerId } });
    return { hadReview: review.count > 0 };
  }

  submissionInEvent(eventId: string, id: string) {
    return this.tx.db.submission.findFirst({ where: { id, eventId }, select: { id: true, origin: true, state: true, trackId: true } });
  }
}
