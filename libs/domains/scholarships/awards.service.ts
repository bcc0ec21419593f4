import { Injectable } from '@nestjs/common';
import { AuditRepository, OutboxEvent } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { CancelReason, ScholarshipApplicationState, ScholarshipAwardState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DomainError } from '@lectern/errors/domain.error';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { CancellationsService } from '@lectern/domains/registrations/cancellations.service';
import { ComplimentaryRegistrationsService } from '@lectern/domains/registrations/complimentary-registrations.service';
import { ApplicationsRepository } from './applications.repository';
import { AwardRecord, AwardsRepository, COUNTING_STATES } from './awards.repository';
import { ProgrammesRepository } from './programmes.repository';
import { ScholarshipErrors, formatMinor } from './scholarships.errors';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateAwardInput, ListAwardsQuery } from '@lectern/domains/scholarships/awards.types';

/** The recipient's view of their award. */
function awardView(a: AwardRecord) {
  return {
    id: a.id,
    programmeId: a.programmeId,
    programmeKey: a.programme.key,
    applicationId: a.applicationId,
    state: a.state,
    travelGrantMinor: a.travelGrantMinor,
    currency: a.programme.currency,
    includesRegistration: a.includesRegistration,
    registrationId: a.registrationId,
    offeredAt: a.offeredAt,
    respondedAt: a.respondedAt,
    revokedAt: a.revokedAt,
  };
}

/** Organisers' and the committee's view: who receives how much; nothing of what they wrote. */
const staffAwardView = (a: AwardRecord) => ({
  ...awardView(a),
  recipient: { id: a.application.user.id, name: a.application.user.name, email: a.application.user.email },
});

/** What the audit log keeps of an award: amounts and states (organisers read the log). */
const auditView = (a: AwardRecord) => ({
  applicationId: a.applicationId,
  recipientId: a.application.userId,
  state: a.state,
  travelGrantMinor: a.travelGrantMinor,
  currency: a.programme.currency,
  includesRegistration: a.includesRegistration,
  registrationId: a.registrationId,
});

/**
 * Awards hold a programme's budget: the grants of the awards that count (offered, accepted) never exceed it. An
 * award is decided under the programme's row lock, so concurrent awards are summed one after the other, and the
 * free registration is taken in the same transaction through the registration module, under its seat limits: if
 * the seat is refused at commit, the award is gone with it.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly complimentary: ComplimentaryRegistrationsService,
    private readonly cancellations: CancellationsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async award(actor: Actor, access: EventAccess, input: CreateAwardInput) {
    const { event } = access;
    const now = this.clock.now();
    const application = await this.applications.find(event.id, input.applicationId);
    if (!application) throw ScholarshipErrors.applicationNotFound();
    try {
      return await this.tx.run(async () => {
        // Lock order everywhere: programme, application, award, then the registration module's locks.
        const programme = await this.programmes.lock(event.id, application.programmeId);
        const locked = await this.applications.lock(event.id, application.id);
        if (!programme || !locked) throw ScholarshipErrors.applicationNotFound();
        if (locked.state === ScholarshipApplicationState.WITHDRAWN) throw ScholarshipErrors.withdrawn();
        if (locked.userId === actor.id) throw ScholarshipErrors.ownApplication();
        const grant = input.travelGrantMinor ?? 0;
        const includesRegistration = input.includesRegistration ?? programme.ticketTypeId !== null;
        if (grant > programme.travelCapMinor) {
          throw ScholarshipErrors.grantAboveCap(programme.travelCapMinor, formatMinor(programme.travelCapMinor, programme.currency));
        }
        if (includesRegistration && programme.ticketTypeId === null) throw ScholarshipErrors.noRegistrationOffered();
        if (grant === 0 && !includesRegistration) throw ScholarshipErrors.awardEmpty();
        if (await this.awards.countingOf(application.id)) throw ScholarshipErrors.alreadyAwarded();
        const committed = await this.programmes.committedMinor(programme.id);
        if (committed + grant > programme.budgetMinor) {
          throw ScholarshipErrors.budgetExceeded(programme.budgetMinor - committed, grant, programme.currency);
        }
        const registration =
          includesRegistration && programme.ticketTypeId !== null
            ? await this.complimentary.create(
                actor,
                event,
                { userId: application.user.id, name: application.user.name, email: application.user.email },
                programme.ticketTypeId,
              )
            : null;
        const award = await this.awards.create({
          programmeId: programme.id,
          applicationId: application.id,
          travelGrantMinor: grant,
          includesRegistration,
          registrationId: registration?.id ?? null,
          awardedById: actor.id,
          offeredAt: now,
        });
        await this.record(actor, access, 'scholarship.awarded', award.id, null, auditView(award), {
          type: 'scholarship.awarded',
          payload: { eventId: event.id, applicationId: application.id, awardId: award.id },
        });
        return staffAwardView(award);
      });
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** The recipient takes the award up. */
  async accept(actor: Actor, access: EventAccess, id: string) {
    const now = this.clock.now();
    return this.tx.run(async () => {
      const { state } = await this.lockOwn(actor, access, id);
      if (state !== ScholarshipAwardState.OFFERED) throw ScholarshipErrors.awardState(state);
      const updated = await this.awards.update(id, { state: ScholarshipAwardState.ACCEPTED, respondedAt: now });
      await this.record(actor, access, 'scholarship.award_accepted', id, { state }, auditView(updated));
      return awardView(updated);
    });
  }

  /** The recipient declines (also after accepting): the grant goes back to the budget and the free registration is cancelled. */
  async decline(actor: Actor, access: EventAccess, id: string) {
    const now = this.clock.now();
    try {
      return await this.tx.run(async () => {
        const { award, state } = await this.lockOwn(actor, access, id);
        if (!COUNTING_STATES.includes(state)) throw ScholarshipErrors.awardState(state);
        const updated = await this.awards.update(id, { state: ScholarshipAwardState.DECLINED, respondedAt: now });
        if (award.registrationId) await this.cancellations.cancelOnBehalf(actor, access.event.id, award.registrationId, CancelReason.ATTENDEE);
        await this.record(actor, access, 'scholarship.award_declined', id, { state }, auditView(updated));
        return awardView(updated);
      });
    } catch (error) {
      throw this.refusal(error);
    }
  }

  /** The committee withdraws an award (offered or accepted); like a decline, it frees the grant and the seat. */
  async revoke(actor: Actor, access: EventAccess, id: string) {
    const now = this.clock.now();
    try {
      return await this.tx.run(async () => {
        const award = await this.awards.find(access.event.id, id);
        if (!award) throw ScholarshipErrors.awardNotFound();
        await this.applications.lock(access.event.id, award.applicationId);
        const state = await this.awards.lock(id);
        if (!state || !COUNTING_STATES.includes(state)) throw ScholarshipErrors.awardState(state ?? award.state);
        const updated = await this.awards.update(id, { state: ScholarshipAwardState.REVOKED, revokedAt: now });
        if (award.registrationId) await this.cancellations.cancelOnBehalf(actor, access.event.id, award.registrationId, CancelReason.ORGANISER);
        await this.record(actor, access, 'scholarship.award_revoked', id, { state }, auditView(updated));
        return staffAwardView(updated);
      });
    } catch (error) {
      throw this.refusal(error);
    }
  }

  async list(access: EventAccess, query: ListAwardsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.awards.listPage(
      access.event.id,
      { programmeId: query.programmeId, state: query.state },
      limit,
      decodeKeyset(query.cursor),
    );
    const { page, nextCursor } = keysetPage(rows, limit, (a) => a.createdAt);
    return { items: page.map(staffAwardView), nextCursor };
  }

  /** The caller's own award under its application's and its own row lock; anyone else's does not exist. */
  private async lockOwn(actor: Actor, access: EventAccess, id: string) {
    const award = await this.awards.find(access.event.id, id);
    if (!award || award.application.userId !== actor.id) throw ScholarshipErrors.awardNotFound();
    await this.applications.lock(access.event.id, award.applicationId);
    const state = await this.awards.lock(id);
    if (!state) throw ScholarshipErrors.awardNotFound();
    return { award, state };
  }

  /** Refusals of the registration module, said to the committee in the award's terms. */
  private refusal(error: unknown): unknown {
    const refused = error instanceof DomainError ? error : this.complimentary.commitRefusal(error);
    if (!refused) return error;
    if (refused.code === 'SOLD_OUT') return ScholarshipErrors.ticketsSoldOut();
    if (refused.code === 'ALREADY_REGISTERED') return ScholarshipErrors.recipientRegistered();
    if (refused.code === 'REGISTRATION_CLOSED') return ScholarshipErrors.registrationClosed(String(refused.params.status));
    return refused;
  }

  private record(actor: Actor, access: EventAccess, action: string, id: string, before: unknown, after: unknown, ...events: OutboxEvent[]) {
    return this.audit.record(
      {
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action,
        entityType: 'scholarship_award',
        entityId: id,
        before,
        after,
      },
      ...events,
    );
  }
}
