import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { ReviewDecision, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DomainError, FieldError } from '@lectern/errors/domain.error';
import { CfpErrors } from '@lectern/domains/cfp/cfp.errors';
import { SharedCfpErrors } from '@lectern/domains/cfp/shared-cfp.errors';
import { assertTransition } from '@lectern/domains/cfp/submission-state.machine';
import { SubmissionsService } from '@lectern/domains/cfp/submissions.service';
import { asOwner, canSeeSubmission } from '@lectern/domains/cfp/submission-access.policy';
import { ConfirmationsRepository } from './confirmations.repository';
import { DecisionsRepository } from './decisions.repository';
import { ReviewSettingsRepository } from './review-settings.repository';
import { ReviewErrors } from './reviews.errors';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { BulkDecisionInput, ReleaseInput } from '@lectern/domains/reviews/decisions.types';
import { LocalizedText, localizedText } from '@lectern/i18n/localized-text';

/** What a speaker may learn from their submission's state: the released decision, nothing before. */
export function releasedDecision(state: SubmissionState): ReviewDecision | null {
  switch (state) {
    case SubmissionState.ACCEPTED:
    case SubmissionState.CONFIRMED:
    case SubmissionState.DECLINED:
      return ReviewDecision.ACCEPTED;
    case SubmissionState.REJECTED:
      return ReviewDecision.REJECTED;
    case SubmissionState.WAITLISTED:
      return ReviewDecision.WAITLISTED;
    default:
      return null;
  }
}

/** A quota given as a share: rounded to the nearest whole talk. */
const share = (size: number, percent: number) => Math.round((size * percent) / 100);

const isTransitionRefusal = (error: unknown) => error instanceof DomainError && error.code === 'SUBMISSION_TRANSITION';

interface GroupPlan {
  key: string | null;
  group: string | null;
  name: LocalizedText | null;
  ids: string[];
  accept: number | null;
  waitlist: number;
}

@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly settings: ReviewSettingsRepository,
    private readonly confirmations: ConfirmationsRepository,
    private readonly submissions: SubmissionsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an organiser's decision; the speakers see it only once it is released. The state machine already
   * vets it (a submitted or waitlisted proposal may be accepted, rejected or waitlisted), so a withdrawn or
   * already accepted one is refused now rather than at release.
   */
  async decide(actor: Actor, access: EventAccess, submissionId: string, decision: ReviewDecision) {
    return this.tx.run(async () => {
      await this.decisions.lock(access.event.id);
      const submission = await this.decisions.lockSubmission(access.event.id, submissionId);
      if (!submission || submission.state === SubmissionState.DRAFT) throw ReviewErrors.submissionNotInEvent();
      if (submission.origin !== SubmissionOrigin.CFP) throw ReviewErrors.notReviewable(SubmissionOrigin.INVITED);
      if (await this.decisions.isOffered(submissionId)) throw SharedCfpErrors.decidePerEdition();
      assertTransition(submission.state, decision);
      const before = await this.decisions.findDecision(submissionId);
      const now = this.clock.now();
      await this.decisions.upsert(access.event.id, submissionId, decision, now, null);
      await this.recordDecision(actor, access, submissionId, before?.releasedAt === null ? before.decision : null, decision);
      return { submissionId, decision, decidedAt: now, releasedAt: null };
    });
  }

  /** Takes back a decision that is not released yet. */
  async clear(actor: Actor, access: EventAccess, submissionId: string) {
    await this.tx.run(async () => {
      await this.decisions.lock(access.event.id);
      const before = await this.decisions.findDecision(submissionId);
      const submission = before ? await this.decisions.lockSubmission(access.event.id, submissionId) : null;
      if (!before || !submission || before.releasedAt !== null) throw ReviewErrors.decisionNotFound();
      await this.decisions.delete(submissionId);
      await this.recordDecision(actor, access, submissionId, before.decision, null);
    });
  }

  /**
   * "Accept the top 20% of each track": ranks the submitted, undecided proposals of each group by the review
   * ranking, accepts the best, waitlists the next, optionally rejects the rest. Everything is decided in one
   * transaction with those proposals locked; nothing is released.
   */
  async bulk(actor: Actor, access: EventAccess, input: BulkDecisionInput) {
    const groupBy = input.groupBy ?? 'TRACK';
    this.checkBulkShape(input, groupBy);
    const eventId = access.event.id;
    return this.tx.run(
      async () => {
        await this.decisions.lock(eventId);
        await this.decisions.lockUndecided(eventId);
        const labels = await this.decisions.groups(eventId);
        const named = groupBy === 'TRACK' ? (labels?.tracks ?? []) : groupBy === 'FORMAT' ? (labels?.sessionFormats ?? []) : [];
        const acceptQuotas = this.quotas(input.acceptQuotas, 'acceptQuotas', named);
        const waitlistQuotas = this.quotas(input.waitlistQuotas, 'waitlistQuotas', named);

        const ranked = await this.decisions.rankedUndecided(eventId);
        const groups = new Map<string | null, GroupPlan>();
        const keyOf = (row: { track_id: string | null; format_id: string | null }) =>
          groupBy === 'TRACK' ? row.track_id : groupBy === 'FORMAT' ? row.format_id : 'event';
        for (const g of named) groups.set(g.id, { key: g.id, group: g.slug, name: localizedText(g.name), ids: [], accept: null, waitlist: 0 });
        for (const row of ranked) {
          const key = keyOf(row);
          if (!groups.has(key)) groups.set(key, { key, group: null, name: null, ids: [], accept: null, waitlist: 0 });
          groups.get(key)!.ids.push(row.id);
        }
        const planned: { submissionId: string; decision: ReviewDecision }[] = [];
        const summary = [];
        for (const g of groups.values()) {
          const n = g.ids.length;
          const accept = input.acceptPercent !== undefined ? share(n, input.acceptPercent) : g.key !== null ? acceptQuotas?.get(g.key) : undefined;
          const counts = { accepted: 0, waitlisted: 0, rejected: 0 };
          if (accept !== undefined) {
            const waitlist =
              input.waitlistPercent !== undefined ? share(n, input.waitlistPercent) : g.key !== null ? (waitlistQuotas?.get(g.key) ?? 0) : 0;
            g.ids.forEach((submissionId, index) => {
              const decision =
                index < accept ? ReviewDecision.ACCEPTED : index < accept + waitlist ? ReviewDecision.WAITLISTED : input.rejectRest ? ReviewDecision.REJECTED : null;
              if (!decision) return;
              planned.push({ submissionId, decision });
              if (decision === ReviewDecision.ACCEPTED) counts.accepted += 1;
              else if (decision === ReviewDecision.WAITLISTED) counts.waitlisted += 1;
              else counts.rejected += 1;
            });
          }
          summary.push({ group: g.group, name: g.name, eligible: n, ...counts });
        }

        const previous = new Map(
          (await this.decisions.pending(eventId, planned.map((p) => p.submissionId))).map((d) => [d.submissionId, d.decision]),
        );
        await this.decisions.upsertMany(eventId, planned, this.clock.now());
        for (const p of planned) await this.recordDecision(actor, access, p.submissionId, previous.get(p.submissionId) ?? null, p.decision);
        return { groupBy, groups: summary, decided: planned.length };
      },
      { timeoutMs: 120_000 },
    );
  }

  /**
   * Publishes pending decisions to the speakers: each submission moves to its decided state through the CFP's
   * state machine (audit entry and 'submission.state_changed' included) and 'submission.decision_released' goes
   * to the outbox. A decision the submission can no longer take (it was withdrawn meanwhile) is dropped.
   */
  async release(actor: Actor, access: EventAccess, input: ReleaseInput) {
    const eventId = access.event.id;
    return this.tx.run(
      async () => {
        await this.decisions.lock(eventId);
        const pending = await this.decisions.pending(eventId, input.submissionIds ? [...new Set(input.submissionIds)] : null);
        const result = { released: 0, accepted: 0, rejected: 0, waitlisted: 0, dropped: 0 };
        const now = this.clock.now();
        for (const { submissionId, decision } of pending) {
          try {
            await this.submissions.transition(actor, access, submissionId, decision);
          } catch (error) {
            if (!isTransitionRefusal(error)) throw error;
            await this.decisions.delete(submissionId);
            await this.recordDecision(actor, access, submissionId, decision, null);
            result.dropped += 1;
            continue;
          }
          await this.decisions.markReleased(submissionId, now);
          await this.audit.publish('submission.decision_released', { eventId, submissionId, decision });
          result.released += 1;
          if (decision === ReviewDecision.ACCEPTED) result.accepted += 1;
          else if (decision === ReviewDecision.REJECTED) result.rejected += 1;
          else result.waitlisted += 1;
        }
        if (result.released + result.dropped > 0) {
          await this.audit.record({
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'decisions.released',
            entityType: 'event',
            entityId: eventId,
            after: { ...result, submissionIds: pending.map((p) => p.submissionId) },
          });
        }
        return result;
      },
      { timeoutMs: 120_000 },
    );
  }

  /** The speakers' page: the released decision and the reviewer comments meant for them, nothing before release. */
  async outcome(actor: Actor, access: EventAccess, submissionId: string) {
    const submission = await this.decisions.outcome(access.event.id, submissionId);
    // Organisers see what the speakers see; anyone else: not found.
    if (!submission || !canSeeSubmission(submission, actor, access)) throw CfpErrors.submissionNotFound();
    const decision = releasedDecision(submission.state);
    return {
      submissionId: submission.id,
      code: submission.code,
      title: submission.title,
      state: submission.state,
      decision,
      awaitingConfirmation: submission.state === SubmissionState.ACCEPTED,
      confirmBy: submission.state === SubmissionState.ACCEPTED ? await this.confirmations.confirmBy(submission.id) : null,
      stateChangedAt: submission.stateChangedAt,
      speakerComments: decision && submission.origin === SubmissionOrigin.CFP ? await this.decisions.speakerComments(submission.id) : [],
    };
  }

  async confirm(actor: Actor, access: EventAccess, submissionId: string) {
    await this.tx.run(async () => {
      await this.ownerOf(actor, access, submissionId);
      await this.submissions.transition(actor, access, submissionId, SubmissionState.CONFIRMED);
    });
    return this.outcome(actor, access, submissionId);
  }

  /**
   * The speakers give up an accepted slot. If the event says so, the best waitlisted proposal of the same track
   * is accepted and released in the same transaction, under the event's decision lock, so two declines at once
   * promote two different talks.
   */
  async decline(actor: Actor, access: EventAccess, submissionId: string) {
    const eventId = access.event.id;
    await this.tx.run(async () => {
      await this.decisions.lock(eventId);
      const submission = await this.ownerOf(actor, access, submissionId);
      await this.submissions.transition(actor, access, submissionId, SubmissionState.DECLINED);
      const settings = await this.settings.find(eventId);
      if (submission.origin !== SubmissionOrigin.CFP || !settings?.promoteFromWaitlist) return;
      for (const candidate of await this.decisions.waitlisted(eventId, submission.trackId)) {
        try {
          await this.submissions.transition(actor, access, candidate.id, SubmissionState.ACCEPTED);
        } catch (error) {
          if (isTransitionRefusal(error)) continue;
          throw error;
        }
        const now = this.clock.now();
        await this.decisions.upsert(eventId, candidate.id, ReviewDecision.ACCEPTED, now, now);
        await this.audit.record(
          {
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'decision.promoted',
            entityType: 'submission',
            entityId: candidate.id,
            before: { decision: ReviewDecision.WAITLISTED },
            after: { decision: ReviewDecision.ACCEPTED, releasedAt: now, replaces: submissionId },
          },
          { type: 'submission.decision_recorded', payload: { eventId, submissionId: candidate.id, decision: ReviewDecision.ACCEPTED } },
          { type: 'submission.decision_released', payload: { eventId, submissionId: candidate.id, decision: ReviewDecision.ACCEPTED } },
        );
        return;
      }
    });
    return this.outcome(actor, access, submissionId);
  }

  /** Only the owner answers for the talk, as only the owner submits and withdraws it. */
  private async ownerOf(actor: Actor, access: EventAccess, submissionId: string) {
    return asOwner(await this.decisions.outcome(access.event.id, submissionId), actor);
  }

  private checkBulkShape(input: BulkDecisionInput, groupBy: string) {
    const errors: FieldError[] = [];
    if ((input.acceptPercent === undefined) === (input.acceptQuotas === undefined)) {
      errors.push({ field: 'acceptPercent', code: 'isDefined' });
    }
    if (input.waitlistPercent !== undefined && input.waitlistQuotas !== undefined) errors.push({ field: 'waitlistQuotas', code: 'invalid' });
    if (groupBy === 'EVENT') {
      if (input.acceptQuotas !== undefined) errors.push({ field: 'acceptQuotas', code: 'invalid' });
      if (input.waitlistQuotas !== undefined) errors.push({ field: 'waitlistQuotas', code: 'invalid' });
    }
    for (const field of ['acceptQuotas', 'waitlistQuotas'] as const) {
      for (const [slug, value] of Object.entries(input[field] ?? {})) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000) {
          errors.push({ field: `${field}.${slug}`, code: 'min', params: { min: 0 } });
        }
      }
    }
    if (errors.length > 0) throw ReviewErrors.bulkInvalid(errors);
  }

  /** Quotas by group id; a slug the event does not have is a 400, not a silently ignored typo. */
  private quotas(input: Record<string, unknown> | undefined, field: string, named: { id: string; slug: string }[]) {
    if (!input) return undefined;
    const result = new Map<string, number>();
    for (const [slug, value] of Object.entries(input)) {
      const group = named.find((g) => g.slug === slug);
      if (!group) throw ReviewErrors.unknownGroup(slug, `${field}.${slug}`);
      result.set(group.id, value as number);
    }
    return result;
  }

  private async recordDecision(actor: Actor, access: EventAccess, submissionId: string, before: ReviewDecision | null, after: ReviewDecision | null) {
    await this.audit.record(
      {
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: after ? 'decision.recorded' : 'decision.cleared',
        entityType: 'submission',
        entityId: submissionId,
        before: { decision: before },
        after: { decision: after },
      },
      { type: 'submission.decision_recorded', payload: { eventId: access.event.id, submissionId, decision: after } },
    );
  }
}
