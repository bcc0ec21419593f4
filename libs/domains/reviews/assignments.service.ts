import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { planAssignments } from '@lectern/scoring/assignment';
import { AssignmentRecord, AssignmentsRepository } from './assignments.repository';
import { ConflictRecord, ConflictsRepository } from './conflicts.repository';
import { ReviewSettingsService } from './review-settings.service';
import { ReviewErrors } from './reviews.errors';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateAssignmentInput, DeclareConflictInput, ReviewerTracksInput } from '@lectern/domains/reviews/assignments.types';
const assignmentView = (a: AssignmentRecord) => ({
  id: a.id,
  submissionId: a.submissionId,
  reviewerId: a.reviewerId,
  automatic: a.automatic,
  reviewed: a.review !== null,
  createdAt: a.createdAt,
});

const conflictView = (c: ConflictRecord) => ({
  id: c.id,
  reviewerId: c.reviewerId,
  reviewerName: c.reviewer.name,
  submissionId: c.submissionId,
  submissionCode: c.submission.code,
  submissionTitle: c.submission.title,
  reason: c.reason,
  createdAt: c.createdAt,
});

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly settings: ReviewSettingsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * The balanced automatic assignment (see assignment.ts), in one transaction under the event's assignment lock:
   * stale unreviewed assignments go, then each submitted proposal is topped up to the wanted number of reviewers.
   * Running it again adds nothing unless something changed in between.
   */
  async runAutomatic(actor: Actor, access: EventAccess) {
    const eventId = access.event.id;
    const settings = await this.settings.require(access);
    return this.tx.run(
      async () => {
        await this.assignments.lock(eventId);
        const removed = await this.assignments.removeStale(eventId);
        const pool = await this.assignments.pool(eventId);
        const reviewers = await this.assignments.reviewers(eventId);
        const existing = await this.assignments.existingPairs(eventId);
        const conflicts = await this.conflicts.pairsForReviewers(eventId);
        const plan = planAssignments({
          items: pool.map((s) => ({ id: s.id, group: s.trackId })),
          raters: reviewers.map((r) => ({ id: r.userId, groups: r.trackIds.length > 0 ? new Set(r.trackIds) : null })),
          perItem: settings.reviewsPerSubmission,
          existing: existing.map((p) => ({ raterId: p.reviewerId, itemId: p.submissionId })),
          conflicts: conflicts.map((p) => ({ raterId: p.reviewer_id, itemId: p.submission_id })),
        });
        const added = await this.assignments.insertMany(
          eventId,
          plan.added.map((p) => ({ reviewerId: p.raterId, submissionId: p.itemId })),
          true,
        );
        const loads = [...plan.loads.values()];
        const result = {
          submissions: pool.length,
          reviewers: reviewers.length,
          reviewsPerSubmission: settings.reviewsPerSubmission,
          added,
          removed: removed.length,
          understaffed: plan.understaffed.length,
          loads: { min: loads.length > 0 ? Math.min(...loads) : 0, max: loads.length > 0 ? Math.max(...loads) : 0 },
        };
        if (added > 0 || removed.length > 0) {
          await this.audit.record({
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'review.assignments_generated',
            entityType: 'event',
            entityId: eventId,
            before: { removed: removed.map((p) => ({ reviewerId: p.reviewer_id, submissionId: p.submission_id })) },
            after: { ...result, added: plan.added.map((p) => ({ reviewerId: p.raterId, submissionId: p.itemId })) },
          });
        }
        return result;
      },
      { timeoutMs: 60_000 },
    );
  }

  /** An organiser's own pick; the same rules as the automatic run (role, state, track limit, conflicts). */
  async add(actor: Actor, access: EventAccess, input: CreateAssignmentInput) {
    const eventId = access.event.id;
    await this.settings.require(access);
    const created = await this.tx.run(async () => {
      await this.assignments.lock(eventId);
      if (!(await this.assignments.isReviewer(eventId, input.reviewerId))) throw ReviewErrors.reviewerNotFound();
      const submission = await this.assignments.submissionInEvent(eventId, input.submissionId);
      if (!submission || submission.state === SubmissionState.DRAFT) throw ReviewErrors.submissionNotInEvent();
      if (submission.origin !== SubmissionOrigin.CFP || submission.state !== SubmissionState.SUBMITTED) {
        throw ReviewErrors.notReviewable(submission.origin === SubmissionOrigin.CFP ? submission.state : SubmissionOrigin.INVITED);
      }
      if (await this.assignments.findPair(submission.id, input.reviewerId)) throw ReviewErrors.assignmentExists();
      const tracks = await this.assignments.reviewerTrackIds(eventId, input.reviewerId);
      if (tracks.length > 0 && !tracks.some((t) => t.trackId === submission.trackId)) throw ReviewErrors.trackRestricted();
      if (await this.conflicts.isConflicted(eventId, input.reviewerId, submission.id)) throw ReviewErrors.conflict();
      const assignment = await this.assignments.create(eventId, submission.id, input.reviewerId);
      await this.record(actor, access, 'review.assigned', 'review_assignment', assignment.id, null, assignmentView(assignment));
      return assignment;
    });
    return assignmentView(created);
  }

  async remove(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      await this.assignments.lock(access.event.id);
      const assignment = await this.assignments.find(access.event.id, id);
      if (!assignment) throw ReviewErrors.assignmentNotFound();
      if (assignment.review) throw ReviewErrors.assignmentReviewed();
      await this.assignments.delete(id);
      await this.record(actor, access, 'review.unassigned', 'review_assignment', id, assignmentView(assignment), null);
    });
  }

  /** Limits a reviewer to some tracks (the next automatic run follows it); an empty list lifts the limit. */
  async setTracks(actor: Actor, access: EventAccess, userId: string, input: ReviewerTracksInput) {
    const eventId = access.event.id;
    const slugs = [...new Set(input.tracks)];
    return this.tx.run(async () => {
      await this.assignments.lock(eventId);
      if (!(await this.assignments.isReviewer(eventId, userId))) throw ReviewErrors.reviewerNotFound();
      const tracks = await this.assignments.tracksBySlug(eventId, slugs);
      const unknown = slugs.find((slug) => !tracks.some((t) => t.slug === slug));
      if (unknown) throw ReviewErrors.unknownTrack(unknown);
      const before = await this.assignments.reviewerTrackIds(eventId, userId);
      await this.assignments.setReviewerTracks(eventId, userId, tracks.map((t) => t.id));
      const view = { userId, tracks: tracks.map((t) => t.slug).sort() };
      await this.record(actor, access, 'review.reviewer_tracks_set', 'reviewer', userId, { trackIds: before.map((t) => t.trackId) }, view);
      return view;
    });
  }

  /** An organiser records a conflict on a reviewer's behalf; any assignment and review of theirs on it go. */
  async declareConflict(actor: Actor, access: EventAccess, input: DeclareConflictInput) {
    const eventId = access.event.id;
    return this.tx.run(async () => {
      await this.assignments.lock(eventId);
      if (!(await this.assignments.isReviewer(eventId, input.reviewerId))) throw ReviewErrors.reviewerNotFound();
      const submission = await this.assignments.submissionInEvent(eventId, input.submissionId);
      if (!submission || submission.state === SubmissionState.DRAFT) throw ReviewErrors.submissionNotInEvent();
      const conflict = await this.conflicts.declare(eventId, input.reviewerId, submission.id, input.reason ?? null);
      const { hadReview } = await this.assignments.removePair(submission.id, input.reviewerId);
      await this.record(actor, access, 'review.conflict_declared', 'review_conflict', conflict.id, null, {
        reviewerId: input.reviewerId,
        submissionId: submission.id,
        reason: conflict.reason,
        reviewRemoved: hadReview,
      });
      return conflictView(conflict);
    });
  }

  async listConflicts(access: EventAccess) {
    return (await this.conflicts.list(access.event.id)).map(conflictView);
  }

  /** Lifting a declared conflict does not restore a removed assignment; the next run (or an organiser) may. */
  async deleteConflict(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      const conflict = await this.conflicts.find(access.event.id, id);
      if (!conflict) throw ReviewErrors.conflictNotFound();
      await this.conflicts.delete(id);
      await this.record(actor, access, 'review.conflict_lifted', 'review_conflict', id, conflictView(conflict), null);
    });
  }

  private async record(actor: Actor, access: EventAccess, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType, entityId, before, after });
  }
}
