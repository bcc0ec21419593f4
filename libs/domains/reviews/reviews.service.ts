import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { FieldError } from '@lectern/errors/domain.error';
import { decodeCursor, encodeCursor } from '@lectern/database/cursor';
import { weightedScore } from '@lectern/scoring/calibration';
import { AssignmentsRepository } from './assignments.repository';
import { ConflictsRepository } from './conflicts.repository';
import { ReviewSettingsRecord, ReviewSettingsRepository } from './review-settings.repository';
import { ReviewSettingsService, assertReviewOpen, isReviewOpen } from './review-settings.service';
import { ReviewErrors } from './reviews.errors';
import { OwnReviewColumns, RankingRow, ReviewWrite, ReviewerDetailRow, ReviewsRepository, SubmissionColumns } from './reviews.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess, EventCall, roleAccess } from '@lectern/domains/events/event-visibility.policy';
import { AssignedQuery, DeclareOwnConflictInput, RankingQuery, ReviewInput } from '@lectern/domains/reviews/reviews.types';

/**
 * What a reviewer sees of a submission, built field by field from an allow-list: nothing about its speakers
 * unless the event turned anonymisation off, and then only name, company and job title.
 */
function reviewerSubmissionView(row: SubmissionColumns & OwnReviewColumns, anonymised: boolean) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    abstract: row.abstract,
    level: row.level,
    language: row.language,
    format: row.format_slug && row.format_name ? { slug: row.format_slug, name: row.format_name, durationMinutes: row.duration_minutes ?? 0 } : null,
    track: row.track_slug && row.track_name ? { slug: row.track_slug, name: row.track_name } : null,
    ...(anonymised
      ? {}
      : { speakers: (row.speakers ?? []).map((s) => ({ name: s.name, company: s.company, jobTitle: s.jobTitle })) }),
    review: ownReviewView(row),
  };
}

function ownReviewView(row: OwnReviewColumns) {
  if (row.review_id === null || row.score === null || row.confidence === null || !row.review_created_at || !row.review_updated_at) return null;
  return {
    scores: row.scores ?? {},
    score: row.score,
    confidence: row.confidence,
    committeeComment: row.committee_comment,
    speakerComment: row.speaker_comment,
    createdAt: row.review_created_at,
    updatedAt: row.review_updated_at,
  };
}

function rankedView(row: RankingRow, wanted: number) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    state: row.state,
    track: row.track_slug && row.track_name ? { slug: row.track_slug, name: row.track_name } : null,
    format: row.format_slug && row.format_name ? { slug: row.format_slug, name: row.format_name } : null,
    reviews: row.reviews,
    assigned: row.assigned,
    wanted,
    mean: row.mean,
    median: row.median,
    calibrated: row.calibrated,
    rankOverall: row.rank_overall,
    rankInTrack: row.rank_in_track,
    rankInFormat: row.rank_in_format,
    decision: row.decision,
    decisionReleasedAt: row.released_at,
  };
}

const scoresByKey = (scores: { score: number; criterion: { key: string } }[]) =>
  Object.fromEntries(scores.map((s) => [s.criterion.key, s.score])) as Record<string, number>;

@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly settingsRepository: ReviewSettingsRepository,
    private readonly settings: ReviewSettingsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller's assignments with their own scores, one statement per page: it checks the caller's account, the
   * edition and their roles (judged here as the event guard would judge them) and reads the review settings itself
   * (see reviewerPageSql).
   */
  async listAssigned(call: EventCall, query: AssignedQuery) {
    const limit = query.limit ?? 50;
    const after = query.cursor ? (decodeCursor(query.cursor, ['string'])[0] as string) : null;
    const rows = await this.reviews.reviewerPage({
      slug: call.slug,
      reviewerId: call.callerId,
      allowed: call.allowed,
      after,
      limit,
      reviewed: query.status === undefined ? null : query.status === 'REVIEWED',
    });
    roleAccess(call, rows[0]);
    const anonymised = rows[0].anonymised;
    if (anonymised === null) throw ReviewErrors.notConfigured(call.slug);
    const progress = { assigned: rows[0].assigned, reviewed: rows[0].reviewed };
    const found = rows.filter((row): row is Extract<typeof row, { id: string }> => row.id !== null);
    const page = found.slice(0, limit);
    return {
      items: page.map((row) => reviewerSubmissionView(row, anonymised)),
      nextCursor: found.length > limit ? encodeCursor([page[page.length - 1].code]) : null,
      progress,
      anonymised,
    };
  }

  async getAssigned(actor: Actor, access: EventAccess, submissionId: string) {
    const settings = await this.settings.require(access);
    const row = await this.reviews.reviewerDetail(access.event.id, actor.id, submissionId, !settings.anonymised);
    if (!row) throw ReviewErrors.submissionNotFound();
    return this.detailView(row, settings);
  }

  /** The first review of an assigned submission; a second one (even a concurrent one) is refused by the unique key. */
  async create(actor: Actor, access: EventAccess, submissionId: string, input: ReviewInput) {
    await this.tx.run(async () => {
      const settings = await this.lockedSettings(access);
      const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
      if (!visible) throw ReviewErrors.submissionNotFound();
      if (visible.reviewId) throw ReviewErrors.reviewExists();
      assertReviewOpen(settings, access.event.timezone, this.clock.now());
      const { write, scores, byKey } = this.checked(settings, input);
      let id: string;
      try {
        id = await this.reviews.createReview({ eventId: access.event.id, submissionId, reviewerId: actor.id }, write, scores);
      } catch (error) {
        if (isUniqueViolation(error)) throw ReviewErrors.reviewExists();
        throw error;
      }
      await this.record(actor, access, 'review.created', id, null, { submissionId, ...write, scores: byKey });
    });
    return this.getAssigned(actor, access, submissionId);
  }

  /** Replaces the caller's review, while the review window is open. */
  async update(actor: Actor, access: EventAccess, submissionId: string, input: ReviewInput) {
    await this.tx.run(async () => {
      const settings = await this.lockedSettings(access);
      const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
      if (!visible) throw ReviewErrors.submissionNotFound();
      if (!visible.reviewId) throw ReviewErrors.reviewNotFound();
      assertReviewOpen(settings, access.event.timezone, this.clock.now());
      const { write, scores, byKey } = this.checked(settings, input);
      const before = await this.reviews.findReview(visible.reviewId);
      await this.reviews.updateReview(visible.reviewId, write, scores);
      await this.record(
        actor,
        access,
        'review.updated',
        visible.reviewId,
        before ? { ...before, scores: scoresByKey(before.scores) } : null,
        { submissionId, ...write, scores: byKey },
      );
    });
    return this.getAssigned(actor, access, submissionId);
  }

  /**
   * A reviewer recuses themselves: the conflict is recorded, their assignment and any review of theirs go, and
   * from then on the submission does not exist for them.
   */
  async declareConflict(actor: Actor, access: EventAccess, submissionId: string, input: DeclareOwnConflictInput) {
    await this.settings.require(access);
    await this.tx.run(async () => {
      await this.assignments.lock(access.event.id);
      const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
      if (!visible) throw ReviewErrors.submissionNotFound();
      const conflict = await this.conflicts.declare(access.event.id, actor.id, submissionId, input.reason ?? null);
      const { hadReview } = await this.assignments.removePair(submissionId, actor.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'review.conflict_declared',
        entityType: 'review_conflict',
        entityId: conflict.id,
        after: { reviewerId: actor.id, submissionId, reason: conflict.reason, reviewRemoved: hadReview },
      });
    });
  }

  /** Organisers' ranking: settings plus one statement per page, whatever its size. */
  async ranking(access: EventAccess, query: RankingQuery) {
    const settings = await this.settings.require(access);
    const limit = query.limit ?? 50;
    const afterRank = query.cursor ? (decodeCursor(query.cursor, ['number'])[0] as number) : null;
    if (afterRank !== null && (!Number.isInteger(afterRank) || afterRank < 0)) throw ReviewErrors.cursorInvalid();
    const rows = await this.reviews.rankingPage({
      eventId: access.event.id,
      track: query.track ?? null,
      format: query.format ?? null,
      afterRank,
      limit,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => rankedView(row, settings.reviewsPerSubmission)),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].rank_overall]) : null,
    };
  }

  async progress(access: EventAccess) {
    const settings = await this.settings.require(access);
    const wanted = settings.reviewsPerSubmission;
    const tracks = await this.reviews.progressByTrack(access.event.id, wanted);
    const reviewers = await this.reviews.progressByReviewer(access.event.id);
    const trackViews = tracks.map((t) => ({
      track: t.slug,
      name: t.name,
      submissions: t.submissions,
      wanted: t.submissions * wanted,
      done: t.done,
      reviews: t.reviews,
      assigned: t.assigned,
    }));
    const sum = (key: 'submissions' | 'wanted' | 'done' | 'reviews' | 'assigned') => trackViews.reduce((total, t) => total + t[key], 0);
    return {
      reviewsPerSubmission: wanted,
      overall: { track: null, name: null, submissions: sum('submissions'), wanted: sum('wanted'), done: sum('done'), reviews: sum('reviews'), assigned: sum('assigned') },
      tracks: trackViews,
      reviewers: reviewers.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, tracks: r.tracks, assigned: r.assigned, reviewed: r.reviewed })),
    };
  }

  /** Organisers: every assignment of one submission with its reviewer and review. */
  async submissionReviews(access: EventAccess, submissionId: string) {
    const submission = await this.reviews.submissionInEvent(access.event.id, submissionId);
    if (!submission || submission.state === 'DRAFT') throw ReviewErrors.submissionNotInEvent();
    const rows = await this.reviews.submissionReviews(access.event.id, submissionId);
    return rows.map((row) => ({
      assignmentId: row.id,
      reviewer: row.reviewer,
      automatic: row.automatic,
      review: row.review
        ? {
            scores: scoresByKey(row.review.scores),
            score: row.review.score,
            confidence: row.review.confidence,
            committeeComment: row.review.committeeComment,
            speakerComment: row.review.speakerComment,
            createdAt: row.review.createdAt,
            updatedAt: row.review.updatedAt,
          }
        : null,
    }));
  }

  private detailView(row: ReviewerDetailRow, settings: ReviewSettingsRecord) {
    return {
      ...reviewerSubmissionView(row, settings.anonymised),
      description: row.description,
      answers: (row.answers ?? []).map((a) => ({ questionId: a.questionId, label: a.label, value: a.value })),
      editable: isReviewOpen(settings, this.clock.now()),
    };
  }

  /** Settings read under their shared lock, so criteria and scale cannot change while this review is written. */
  private async lockedSettings(access: EventAccess): Promise<ReviewSettingsRecord> {
    await this.settingsRepository.lockShared(access.event.id);
    return this.settings.require(access);
  }

  /** Every criterion scored once, in whole numbers on the scale, and nothing else; all problems reported at once. */
  private checked(settings: ReviewSettingsRecord, input: ReviewInput) {
    const errors: FieldError[] = [];
    const keys = new Set(settings.criteria.map((c) => c.key));
    for (const key of Object.keys(input.scores)) {
      if (!keys.has(key)) errors.push({ field: `scores.${key}`, code: 'unknownField' });
    }
    const byKey: Record<string, number> = {};
    for (const criterion of settings.criteria) {
      const field = `scores.${criterion.key}`;
      const value = input.scores[criterion.key];
      if (value === undefined || value === null) errors.push({ field, code: 'isDefined' });
      else if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ field, code: 'isInt' });
      else if (value < settings.scaleMin) errors.push({ field, code: 'min', params: { min: settings.scaleMin } });
      else if (value > settings.scaleMax) errors.push({ field, code: 'max', params: { max: settings.scaleMax } });
      else byKey[criterion.key] = value;
    }
    if (errors.length > 0) throw ReviewErrors.scoresInvalid(errors);
    const write: ReviewWrite = {
      score: weightedScore(byKey, settings.criteria),
      confidence: input.confidence,
      committeeComment: input.committeeComment ?? null,
      speakerComment: input.speakerComment?.trim() ? input.speakerComment : null,
    };
    const scores = settings.criteria.map((c) => ({ criterionId: c.id, score: byKey[c.key] }));
    return { write, scores, byKey };
  }

  private async record(actor: Actor, access: EventAccess, action: string, id: string, before: unknown, after: unknown) {
    await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType: 'review', entityId: id, before, after });
  }
}
