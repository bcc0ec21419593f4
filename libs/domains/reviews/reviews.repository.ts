import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { EventRole } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CallerAccessColumns, callerAccessSql } from '@lectern/domains/events/events.repository';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { RANKING_DECIMALS, SIGMA_EPSILON } from '@lectern/scoring/calibration';
import { conflictPairs } from './conflicts.repository';

/**
 * `ranked`: every CFP submission of the event that is neither a draft nor withdrawn, with its review count, mean,
 * median and calibrated score, and its rank overall, in its track and in its format. The formulas are those of
 * calibration.ts, which documents them: z = (s − μ_r) / σ_r over each reviewer's reviews in the event
 * (population standard deviation; σ_r = 0 → z = 0), calibrated = Σ confidence·z / Σ confidence. The order is
 * calibrated, then mean (both descending, to RANKING_DECIMALS places, unscored last), then code. Callers append
 * their own SELECT ... FROM ranked.
 */
export function rankedSubmissions(eventId: string): Prisma.Sql {
  const order = Prisma.sql`round(g.calibrated::numeric, ${RANKING_DECIMALS}::int) DESC NULLS LAST, round(g.mean::numeric, ${RANKING_DECIMALS}::int) DESC NULLS LAST, s.code`;
  return Prisma.sql`
    WITH rated AS (
      SELECT r.submission_id, r.score, r.confidence,
             avg(r.score) OVER per_reviewer AS mu,
             stddev_pop(r.score) OVER per_reviewer AS sigma
        FROM reviews r
       WHERE r.event_id = ${eventId}::uuid
      WINDOW per_reviewer AS (PARTITION BY r.reviewer_id)
    ), aggregated AS (
      SELECT submission_id,
             count(*)::int AS reviews,
             avg(score) AS mean,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median,
             sum(confidence * CASE WHEN sigma > ${SIGMA_EPSILON}::float8 THEN (score - mu) / sigma ELSE 0 END) / sum(confidence) AS calibrated
        FROM rated
       GROUP BY submission_id
    ), ranked AS (
      SELECT s.id, s.code, s.title, s.state, s.track_id, s.format_id,
             COALESCE(g.reviews, 0) AS reviews, g.mean, g.median, g.calibrated,
             row_number() OVER (ORDER BY ${order})::int AS rank_overall,
             row_number() OVER (PARTITION BY s.track_id ORDER BY ${order})::int AS rank_in_track,
             row_number() OVER (PARTITION BY s.format_id ORDER BY ${order})::int AS rank_in_format
        FROM submissions s
        LEFT JOIN aggregated g ON g.submission_id = s.id
       WHERE s.event_id = ${eventId}::uuid AND s.origin = 'CFP' AND s.state NOT IN ('DRAFT', 'WITHDRAWN')
    )`;
}

/**
 * A reviewer's assignments they may see, as CTEs for a WITH: CFP proposals, not drafts or withdrawn, and never a
 * conflicted one. `eventId` is the edition's id, or an SQL expression that gives it (see reviewerPageSql).
 */
function visibleTo(eventId: string | Prisma.Sql, reviewerId: string): Prisma.Sql {
  return Prisma.sql`
    reviewer_set(user_id) AS (SELECT ${reviewerId}::uuid),
         conflicted AS (${conflictPairs(eventId)}),
         visible AS (
           SELECT s.id, s.code, r.id AS review_id
             FROM review_assignments a
             JOIN submissions s ON s.id = a.submission_id
             LEFT JOIN reviews r ON r.submission_id = a.submission_id AND r.reviewer_id = a.reviewer_id
            WHERE a.event_id = ${eventId}::uuid AND a.reviewer_id = ${reviewerId}::uuid
              AND s.origin = 'CFP' AND s.state NOT IN ('DRAFT', 'WITHDRAWN')
              AND NOT EXISTS (SELECT 1 FROM conflicted c WHERE c.submission_id = s.id)
         )`;
}

/**
 * The only place speakers enter a reviewer's query, and only when the event is not anonymised: name, company
 * and job title, never e-mails or ids.
 */
const SPEAKERS = Prisma.sql`
  (SELECT json_agg(json_build_object('name', COALESCE(sp.name, u.name), 'company', sp.company, 'jobTitle', sp.job_title)
                   ORDER BY ss.role, ss.created_at)
     FROM submission_speakers ss
     JOIN users u ON u.id = ss.user_id
     LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
    WHERE ss.submission_id = s.id)`;

const SPEAKERS_COLUMN = Prisma.sql`, ${SPEAKERS} AS speakers`;

const OWN_REVIEW_COLUMNS = Prisma.sql`
  r.id AS review_id, r.score, r.confidence, r.committee_comment, r.speaker_comment,
  r.created_at AS review_created_at, r.updated_at AS review_updated_at,
  (SELECT jsonb_object_agg(c.key, sc.score) FROM review_scores sc JOIN review_criteria c ON c.id = sc.criterion_id
    WHERE sc.review_id = r.id) AS scores`;

export interface OwnReviewColumns {
  review_id: string | null;
  score: number | null;
  confidence: number | null;
  committee_comment: string | null;
  speaker_comment: string | null;
  review_created_at: Date | null;
  review_updated_at: Date | null;
  scores: Record<string, number> | null;
}

export interface SubmissionColumns {
  id: string;
  code: string;
  title: string;
  abstract: string | null;
  level: string | null;
  language: string | null;
  format_slug: string | null;
  format_name: LocalizedText | null;
  duration_minutes: number | null;
  track_slug: string | null;
  track_name: LocalizedText | null;
  speakers?: { name: string; company: string | null; jobTitle: string | null }[] | null;
}

/**
 * `anonymised` is the event's review setting as the page's own statement read it, null when the event has none;
 * `speakers` is null unless it is false.
 */
export type ReviewerPageRow = CallerAccessColumns & { anonymised: boolean | null; assigned: number; reviewed: number } & (
  | (SubmissionColumns & OwnReviewColumns)
  | ({ [K in keyof SubmissionColumns]: null } & { [K in keyof OwnReviewColumns]: null })
);

export type ReviewerDetailRow = SubmissionColumns &
  OwnReviewColumns & { description: string | null; answers: { questionId: string; label: LocalizedText; value: unknown }[] | null };

export interface RankingRow {
  id: string;
  code: string;
  title: string;
  state: string;
  reviews: number;
  assigned: number;
  mean: number | null;
  median: number | null;
  calibrated: number | null;
  rank_overall: number;
  rank_in_track: number;
  rank_in_format: number;
  track_slug: string | null;
  track_name: LocalizedText | null;
  format_slug: string | null;
  format_name: LocalizedText | null;
  decision: string | null;
  released_at: Date | null;
}

export interface ReviewWrite {
  score: number;
  confidence: number;
  committeeComment: string | null;
  speakerComment: string | null;
}

export interface ReviewerPageParams {
  /** The edition by its slug, the reviewer (the caller) and the roles that may read the list: checked in the page's statement. */
  slug: string;
  reviewerId: string;
  allowed: readonly EventRole[];
  /** The code the previous page ended with. */
  after: string | null;
  limit: number;
  /** Only reviewed (true) or only unreviewed (false) assignments; null for all. */
  reviewed: boolean | null;
}

/**
 * A reviewer's page as one statement whatever its size: the caller's account, the edition and their roles in it
 * (callerAccessSql; nothing is visible unless they may read the list), the event's review settings (whether it
 * anonymises, read in the same snapshot as the page, so speakers are gathered only when it does not), their visible
 * assignments in code order (codes are scrambled, so the order carries no hint of when or by whom a proposal came),
 * their own scores, and the totals for their progress (one row with null columns when the page is empty). Exported
 * so that the benchmark runs exactly this statement through raw `pg` as its baseline.
 */
export function reviewerPageSql(p: ReviewerPageParams): Prisma.Sql {
  const eventId = Prisma.sql`(SELECT event_id FROM caller WHERE granted)`;
  return Prisma.sql`
      WITH caller AS (${callerAccessSql(p.slug, p.reviewerId, p.allowed)}),
      ${visibleTo(eventId, p.reviewerId)},
      totals AS (SELECT count(*)::int AS assigned, count(review_id)::int AS reviewed FROM visible),
      page AS (
        SELECT v.id, v.code, v.review_id
          FROM visible v
         WHERE (${p.after}::text IS NULL OR v.code > ${p.after}::text)
           AND (${p.reviewed}::boolean IS NULL OR ${p.reviewed}::boolean = (v.review_id IS NOT NULL))
         ORDER BY v.code
         LIMIT ${p.limit + 1}::int
      )
      SELECT c.caller_email, c.caller_admin, c.event_status, c.event_roles,
             st.anonymised, totals.assigned, totals.reviewed,
             s.id, s.code, s.title, s.abstract, s.level::text AS level, s.language,
             f.slug AS format_slug, f.name AS format_name, f.duration_minutes, t.slug AS track_slug, t.name AS track_name,
             ${OWN_REVIEW_COLUMNS},
             CASE WHEN st.anonymised IS FALSE THEN ${SPEAKERS} END AS speakers
        FROM caller c
        CROSS JOIN totals
        LEFT JOIN review_settings st ON st.event_id = c.event_id AND c.granted
        LEFT JOIN page ON true
        LEFT JOIN submissions s ON s.id = page.id
        LEFT JOIN session_formats f ON f.id = s.format_id
        LEFT JOIN tracks t ON t.id = s.track_id
        LEFT JOIN reviews r ON r.id = page.review_id
       ORDER BY page.code`;
}

@Injectable()
export class ReviewsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Through the driver (TransactionHost.read): a reviewer's every page. */
  reviewerPage(p: ReviewerPageParams) {
    return this.tx.read<ReviewerPageRow>(reviewerPageSql(p));
  }

  async reviewerDetail(eventId: string, reviewerId: string, submissionId: string, withSpeakers: boolean): Promise<ReviewerDetailRow | null> {
    const rows = await this.tx.db.$queryRaw<ReviewerDetailRow[]>`
      WITH ${visibleTo(eventId, reviewerId)}
      SELECT s.id, s.code, s.title, s.abstract, s.description, s.level::text AS level, s.language,
             f.slug AS format_slug, f.name AS format_name, f.duration_minutes, t.slug AS track_slug, t.name AS track_name,
             (SELECT json_agg(json_build_object('questionId', q.id, 'label', q.label, 'value', a.value) ORDER BY q.position, q.id)
                FROM cfp_answers a JOIN cfp_questions q ON q.id = a.question_id
               WHERE a.submission_id = s.id AND q.archived_at IS NULL) AS answers,
             ${OWN_REVIEW_COLUMNS}
             ${withSpeakers ? SPEAKERS_COLUMN : Prisma.empty}
        FROM visible v
        JOIN submissions s ON s.id = v.id
        LEFT JOIN session_formats f ON f.id = s.format_id
        LEFT JOIN tracks t ON t.id = s.track_id
        LEFT JOIN reviews r ON r.id = v.review_id
       WHERE v.id = ${submissionId}::uuid`;
    return rows[0] ?? null;
  }

  /** Whether the reviewer may see (and so score) the submission, and their review of it if any. */
  async visibleAssignment(eventId: string, reviewerId: string, submissionId: string): Promise<{ reviewId: string | null } | null> {
    const rows = await this.tx.db.$queryRaw<{ review_id: string | null }[]>`
      WITH ${visibleTo(eventId, reviewerId)}
      SELECT review_id FROM visible WHERE id = ${submissionId}::uuid`;
    return rows[0] ? { reviewId: rows[0].review_id } : null;
  }

  async createReview(
    ids: { eventId: string; submissionId: string; reviewerId: string },
    write: ReviewWrite,
    scores: { criterionId: string; score: number }[],
  ): Promise<string> {
    const created = await this.tx.db.review.create({
      data: { ...ids, ...write, scores: { createMany: { data: scores } } },
      select: { id: true },
    });
    return created.id;
  }

  async updateReview(id: string, write: ReviewWrite, scores: { criterionId: string; score: number }[]): Promise<void> {
    await this.tx.db.review.update({ where: { id }, data: write });
    await this.tx.db.reviewScore.deleteMany({ where: { reviewId: id } });
    await this.tx.db.reviewScore.createMany({ data: scores.map((s) => ({ ...s, reviewId: id })) });
  }

  findReview(id: string) {
    return this.tx.db.review.findUnique({
      where: { id },
      select: {
        score: true,
        confidence: true,
        committeeComment: true,
        speakerComment: true,
        scores: { select: { score: true, criterion: { select: { key: true } } } },
      },
    });
  }

  /** One statement per page: scores and ranks of every submission computed in SQL, then the page cut out. */
  rankingPage(p: { eventId: string; track: string | null; format: string | null; afterRank: number | null; limit: number }) {
    return this.tx.db.$queryRaw<RankingRow[]>`
      ${rankedSubmissions(p.eventId)}
      SELECT k.id, k.code, k.title, k.state::text AS state, k.reviews, k.mean, k.median, k.calibrated,
             k.rank_overall, k.rank_in_track, k.rank_in_format,
             t.slug AS track_slug, t.name AS track_name, f.slug AS format_slug, f.name AS format_name,
             (SELECT count(*)::int FROM review_assignments a WHERE a.submission_id = k.id) AS assigned,
             d.decision::text AS decision, d.released_at
        FROM ranked k
        LEFT JOIN tracks t ON t.id = k.track_id
        LEFT JOIN session_formats f ON f.id = k.format_id
        LEFT JOIN submission_decisions d ON d.submission_id = k.id
       WHERE (${p.track}::text IS NULL OR t.slug = ${p.track}::text)
         AND (${p.format}::text IS NULL OR f.slug = ${p.format}::text)
         AND (${p.afterRank}::int IS NULL OR k.rank_overall > ${p.afterRank}::int)
       ORDER BY k.rank_overall
       LIMIT ${p.limit + 1}::int`;
  }

  /** Assigned and reviewed per reviewer of the event (withdrawn proposals left out), with their track limits. */
  progressByReviewer(eventId: string) {
    return this.tx.db.$queryRaw<{ user_id: string; name: string; email: string; assigned: number; reviewed: number; tracks: string[] }[]>`
      SELECT g.user_id, u.name, u.email,
             count(v.submission_id)::int AS assigned,
             count(v.review_id)::int AS reviewed,
             COALESCE((SELECT array_agg(t.slug ORDER BY t.slug) FROM reviewer_tracks rt JOIN tracks t ON t.id = rt.track_id
                        WHERE rt.event_id = g.event_id AND rt.user_id = g.user_id), '{}') AS tracks
        FROM role_grants g
        JOIN users u ON u.id = g.user_id
        LEFT JOIN LATERAL (
          SELECT a.submission_id, r.id AS review_id
            FROM review_assignments a
            JOIN submissions s ON s.id = a.submission_id AND s.state NOT IN ('DRAFT', 'WITHDRAWN')
            LEFT JOIN reviews r ON r.submission_id = a.submission_id AND r.reviewer_id = a.reviewer_id
           WHERE a.event_id = g.event_id AND a.reviewer_id = g.user_id
        ) v ON true
       WHERE g.event_id = ${eventId}::uuid AND g.role = 'REVIEWER'
       GROUP BY g.event_id, g.user_id, u.name, u.email
       ORDER BY u.name, g.user_id`;
  }

  /** Per track (and for proposals without one): submissions, assignments, reviews, and reviews counted towards `wanted`. */
  progressByTrack(eventId: string, wanted: number) {
    return this.tx.db.$queryRaw<{ slug: string | null; name: LocalizedText | null; submissions: number; assigned: number; reviews: number; done: number }[]>`
      WITH per_submission AS (
        SELECT s.id, s.track_id,
               (SELECT count(*) FROM reviews r WHERE r.submission_id = s.id)::int AS reviews,
               (SELECT count(*) FROM review_assignments a WHERE a.submission_id = s.id)::int AS assigned
          FROM submissions s
         WHERE s.event_id = ${eventId}::uuid AND s.origin = 'CFP' AND s.state NOT IN ('DRAFT', 'WITHDRAWN')
      ), groups AS (
        SELECT id, slug, name, position FROM tracks WHERE event_id = ${eventId}::uuid
        UNION ALL
        SELECT NULL, NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM per_submission WHERE track_id IS NULL)
      )
      SELECT g.slug, g.name,
             count(p.id)::int AS submissions,
             COALESCE(sum(p.assigned), 0)::int AS assigned,
             COALESCE(sum(p.reviews), 0)::int AS reviews,
             COALESCE(sum(least(p.reviews, ${wanted}::int)), 0)::int AS done
        FROM groups g
        LEFT JOIN per_submission p ON p.track_id IS NOT DISTINCT FROM g.id
       GROUP BY g.id, g.slug, g.name, g.position
       ORDER BY g.position NULLS LAST, g.slug NULLS LAST`;
  }

  /** Organisers' view of one submission's reviews, reviewer names included. */
  submissionReviews(eventId: string, submissionId: string) {
    return this.tx.db.reviewAssignment.findMany({
      where: { eventId, submissionId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        automatic: true,
        reviewer: { select: { id: true, name: true, email: true } },
        review: {
          select: {
            id: true,
            score: true,
            confidence: true,
            committeeComment: true,
            speakerComment: true,
            createdAt: true,
            updatedAt: true,
            scores: { select: { score: true, criterion: { select: { key: true } } } },
          },
        },
      },
    });
  }

  submissionInEvent(eventId: string, id: string) {
    return this.tx.db.submission.findFirst({ where: { id, eventId }, select: { id: true, code: true, title: true, state: true, origin: true } });
  }
}
