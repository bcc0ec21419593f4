import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { ScholarshipApplicationState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DomainError } from '@lectern/errors/domain.error';
import { decodeCursor, encodeCursor } from '@lectern/database/cursor';
import { planAssignments } from '@lectern/scoring/assignment';
import { aggregate, rank } from '@lectern/scoring/calibration';
import { ApplicationsRepository } from './applications.repository';
import { CommitteeRepository } from './committee.repository';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';
import { ScholarshipErrors } from './scholarships.errors';
import { isCommittee } from './scholarships.policy';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { AssignedQuery, RankingQuery, ReviewInput } from '@lectern/domains/scholarships/committee.types';
const reviewView = (r: { score: number; confidence: number; comment: string | null; createdAt: Date; updatedAt: Date } | null) =>
  r ? { score: r.score, confidence: r.confidence, comment: r.comment, createdAt: r.createdAt, updatedAt: r.updatedAt } : null;

/**
 * The scholarship committee's work: the balanced assignment and the calibrated ranking are the talk review's own
 * pure algorithms (reviews/assignment.ts, reviews/calibration.ts), applied to applications and committee members.
 */
@Injectable()
export class CommitteeService {
  constructor(
    private readonly committee: CommitteeRepository,
    private readonly applications: ApplicationsRepository,
    private readonly programmeRows: ProgrammesRepository,
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Tops every submitted application of the programme up to the wanted number of members, spreading the load
   * evenly; a member never gets their own application. Runs under the programme's lock, so two runs add nothing
   * twice; running it again adds only what changed (new applications, new members).
   */
  async assign(actor: Actor, access: EventAccess, programmeId: string) {
    const eventId = access.event.id;
    return this.tx.run(async () => {
      if (!(await this.programmeRows.lock(eventId, programmeId))) throw ScholarshipErrors.programmeNotFound();
      const programme = await this.programmes.require(access, programmeId);
      const pool = await this.committee.pool(programmeId);
      const members = await this.programmeRows.committeeMembers(eventId);
      const existing = await this.committee.existingPairs(programmeId);
      const plan = planAssignments({
        items: pool.map((a) => ({ id: a.id, group: null })),
        raters: members.map((id) => ({ id, groups: null })),
        perItem: programme.reviewsPerApplication,
        existing: existing.map((p) => ({ raterId: p.reviewerId, itemId: p.applicationId })),
        conflicts: pool.filter((a) => members.includes(a.userId)).map((a) => ({ raterId: a.userId, itemId: a.id })),
      });
      const added = await this.committee.insertPairs(plan.added.map((p) => ({ applicationId: p.itemId, reviewerId: p.raterId })));
      const loads = [...plan.loads.values()];
      const result = {
        applications: pool.length,
        members: members.length,
        reviewsPerApplication: programme.reviewsPerApplication,
        added,
        understaffed: plan.understaffed.length,
        loads: { min: loads.length > 0 ? Math.min(...loads) : 0, max: loads.length > 0 ? Math.max(...loads) : 0 },
      };
      await this.audit.record({
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'scholarship.assignments_generated',
        entityType: 'scholarship_programme',
        entityId: programmeId,
        after: { ...result, pairs: plan.added.map((p) => ({ reviewerId: p.raterId, applicationId: p.itemId })) },
      });
      return result;
    });
  }

  /** The caller's assigned applications that are still under review, with their content and the caller's review. */
  async assigned(actor: Actor, access: EventAccess, query: AssignedQuery) {
    const rows = await this.committee.assignedTo(access.event.id, actor.id, query.programmeId);
    const items = rows.map(({ application: a, review }) => ({
      id: a.id,
      programmeId: a.programme.id,
      programmeKey: a.programme.key,
      applicant: { id: a.user.id, name: a.user.name },
      statement: a.statement,
      contributions: a.contributions,
      requestedTravelMinor: a.requestedTravelMinor,
      currency: a.programme.currency,
      travelOrigin: a.travelOrigin,
      selfDescribed: {
        gender: a.gender,
        firstTimeAttendee: a.firstTimeAttendee,
        underrepresented: a.underrepresented,
        backgroundNote: a.backgroundNote,
      },
      updatedAt: a.updatedAt,
      review: reviewView(review),
    }));
    return { items, progress: { assigned: items.length, reviewed: items.filter((i) => i.review !== null).length } };
  }

  /**
   * The caller's one review of an application assigned to them: created the first time, replaced after. Only the
   * score and confidence go to the audit log; the comment may quote the application, and organisers read the log.
   */
  async putReview(actor: Actor, access: EventAccess, applicationId: string, input: ReviewInput) {
    const now = this.clock.now();
    await this.tx.run(async () => {
      const locked = await this.applications.lock(access.event.id, applicationId);
      if (!locked) throw ScholarshipErrors.applicationNotFound();
      if (locked.state === ScholarshipApplicationState.WITHDRAWN) throw ScholarshipErrors.withdrawn();
      if (!(await this.committee.isAssigned(applicationId, actor.id))) throw ScholarshipErrors.notAssigned();
      const comment = input.comment?.trim() ? input.comment : null;
      const saved = await this.committee.upsertReview(applicationId, actor.id, { score: input.score, confidence: input.confidence, comment }, now);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: saved.created ? 'scholarship.review_created' : 'scholarship.review_updated',
        entityType: 'scholarship_review',
        entityId: saved.id,
        before: saved.created ? null : saved.before,
        after: { applicationId, score: input.score, confidence: input.confidence, hasComment: comment !== null },
      });
    });
    return this.reviewsOf(actor, access, applicationId).then((all) => all.find((r) => r.reviewer.id === actor.id));
  }

  /** Every member's review of one application; for anyone outside the committee the application does not exist. */
  async reviewsOf(actor: Actor, access: EventAccess, applicationId: string) {
    if (!isCommittee(actor, access)) throw ScholarshipErrors.applicationNotFound();
    const application = await this.applications.find(access.event.id, applicationId);
    if (!application) throw ScholarshipErrors.applicationNotFound();
    const rows = await this.committee.reviewsOf(applicationId);
    return rows.map((r) => ({ reviewer: { id: r.reviewer.id, name: r.reviewer.name }, review: reviewView(r.review) }));
  }

  /** The programme's submitted applications, best first by calibrated score, with the budget left to award. */
  async ranking(access: EventAccess, programmeId: string, query: RankingQuery) {
    const programme = await this.programmes.require(access, programmeId);
    const limit = query.limit ?? 50;
    const afterRank = query.cursor ? (decodeCursor(query.cursor, ['number'])[0] as number) : 0;
    if (!Number.isInteger(afterRank) || afterRank < 0) throw new DomainError('CURSOR_INVALID', 400);
    const applications = await this.committee.rankable(programmeId);
    const scores = await this.committee.scores(programmeId);
    const committed = await this.programmeRows.committedMinor(programmeId);
    const aggregates = aggregate(scores.map((s) => ({ raterId: s.reviewerId, itemId: s.applicationId, score: s.score, confidence: s.confidence })));
    const byId = new Map(applications.map((a) => [a.id, a]));
    const order = rank(applications.map((a) => ({ id: a.id, tieBreak: `${a.createdAt.toISOString()} ${a.id}` })), aggregates);
    const page = order.slice(afterRank, afterRank + limit);
    return {
      items: page.map((id, i) => {
        const a = byId.get(id)!;
        const g = aggregates.get(id);
        const award = a.awards[0];
        return {
          rank: afterRank + i + 1,
          applicationId: a.id,
          applicant: { id: a.user.id, name: a.user.name },
          travelOrigin: a.travelOrigin,
          requestedTravelMinor: a.requestedTravelMinor,
          currency: programme.currency,
          reviews: g?.count ?? 0,
          assigned: a._count.assignments,
          wanted: programme.reviewsPerApplication,
          mean: g?.mean ?? null,
          median: g?.median ?? null,
          calibrated: g?.calibrated ?? null,
          award: award ? { id: award.id, state: award.state, travelGrantMinor: award.travelGrantMinor, includesRegistration: award.includesRegistration } : null,
        };
      }),
      nextCursor: afterRank + limit < order.length ? encodeCursor([afterRank + limit]) : null,
      remainingMinor: programme.budgetMinor - committed,
    };
  }
}
