import { Injectable } from '@nestjs/common';
import { Prisma, ScholarshipApplicationState } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

export interface ReviewWrite {
  score: number;
  confidence: number;
  comment: string | null;
}

@Injectable()
export class CommitteeRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The applications the assignment plans for: submitted ones, with who applied (a member never rates their own). */
  pool(programmeId: string) {
    return this.tx.db.scholarshipApplication.findMany({
      where: { programmeId, state: ScholarshipApplicationState.SUBMITTED },
      orderBy: { id: 'asc' },
      select: { id: true, userId: true },
    });
  }

  existingPairs(programmeId: string) {
    return this.tx.db.scholarshipAssignment.findMany({
      where: { application: { programmeId } },
      select: { applicationId: true, reviewerId: true },
    });
  }

  /** Pairs already there (a concurrent run) are skipped, never duplicated; returns how many went in. */
  async insertPairs(pairs: { applicationId: string; reviewerId: string }[]): Promise<number> {
    if (pairs.length === 0) return 0;
    const result = await this.tx.db.scholarshipAssignment.createMany({ data: pairs, skipDuplicates: true });
    return result.count;
  }

  isAssigned(applicationId: string, reviewerId: string) {
    return this.tx.db.scholarshipAssignment
      .findUnique({ where: { applicationId_reviewerId: { applicationId, reviewerId } }, select: { applicationId: true } })
      .then((found) => found !== null);
  }

  /**
   * Writes the member's one review of the application in one statement (the unique key makes a concurrent twin
   * an update, never a second review); returns the review and whether it is new, with the previous values.
   */
  async upsertReview(applicationId: string, reviewerId: string, write: ReviewWrite, now: Date) {
    const rows = await this.tx.db.$queryRaw<{ id: string; created: boolean; before: { score: number; confidence: number } | null }[]>`
      WITH previous AS (
        SELECT score, confidence FROM scholarship_reviews
         WHERE application_id = ${applicationId}::uuid AND reviewer_id = ${reviewerId}::uuid
      )
      INSERT INTO scholarship_reviews (id, application_id, reviewer_id, score, confidence, comment, created_at, updated_at)
      VALUES (gen_random_uuid(), ${applicationId}::uuid, ${reviewerId}::uuid, ${write.score}, ${write.confidence},
              ${write.comment}, ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (application_id, reviewer_id) DO UPDATE
        SET score = EXCLUDED.score, confidence = EXCLUDED.confidence, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at
      RETURNING id::text AS id, (xmax = 0) AS created,
                (SELECT json_build_object('score', p.score, 'confidence', p.confidence) FROM previous p) AS before`;
    return rows[0];
  }

  /** The member's assigned applications still under review, with their own review; oldest first. */
  assignedTo(eventId: string, reviewerId: string, programmeId: string | undefined) {
    return this.tx.db.scholarshipAssignment.findMany({
      where: {
        reviewerId,
        application: { state: ScholarshipApplicationState.SUBMITTED, programme: { eventId, ...(programmeId ? { id: programmeId } : {}) } },
      },
      orderBy: [{ application: { createdAt: 'asc' } }, { applicationId: 'asc' }],
      select: {
        application: {
          select: {
            id: true,
            statement: true,
            contributions: true,
            requestedTravelMinor: true,
            travelOrigin: true,
            gender: true,
            firstTimeAttendee: true,
            underrepresented: true,
            backgroundNote: true,
            createdAt: true,
            updatedAt: true,
            programme: { select: { id: true, key: true, currency: true } },
            user: { select: { id: true, name: true } },
          },
        },
        review: { select: { score: true, confidence: true, comment: true, createdAt: true, updatedAt: true } },
      },
    });
  }

  reviewsOf(applicationId: string) {
    return this.tx.db.scholarshipAssignment.findMany({
      where: { applicationId },
      orderBy: [{ createdAt: 'asc' }, { reviewerId: 'asc' }],
      select: {
        reviewer: { select: { id: true, name: true } },
        review: { select: { id: true, score: true, confidence: true, comment: true, createdAt: true, updatedAt: true } },
      },
    });
  }

  /** Every review of the programme's submitted applications: the input of the calibration. */
  scores(programmeId: string) {
    return this.tx.db.scholarshipReview.findMany({
      where: { assignment: { application: { programmeId, state: ScholarshipApplicationState.SUBMITTED } } },
      select: { applicationId: true, reviewerId: true, score: true, confidence: true },
    });
  }

  /** The programme's submitted applications with what a ranking row shows; no statement or answer. */
  rankable(programmeId: string) {
    return this.tx.db.scholarshipApplication.findMany({
      where: { programmeId, state: ScholarshipApplicationState.SUBMITTED },
      select: {
        id: true,
        requestedTravelMinor: true,
        travelOrigin: true,
        createdAt: true,
        user: { select: { id: true, name: true } },
        _count: { select: { assignments: true } },
        awards: {
          where: { state: { in: ['OFFERED', 'ACCEPTED'] } },
          select: { id: true, state: true, travelGrantMinor: true, includesRegistration: true },
          take: 1,
        },
      } satisfies Prisma.ScholarshipApplicationSelect,
    });
  }
}
