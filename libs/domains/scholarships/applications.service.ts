import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { ScholarshipApplicationState } from '@lectern/database/generated/enums';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { ApplicationContent, ApplicationRecord, ApplicationsRepository } from './applications.repository';
import { ProgrammesService } from './programmes.service';
import { ScholarshipErrors, formatMinor } from './scholarships.errors';
import { assertWindowOpen, isCommittee, isWindowOpen } from './scholarships.policy';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateApplicationInput, ListApplicationsQuery, UpdateApplicationInput } from '@lectern/domains/scholarships/applications.types';
import { localizedText } from '@lectern/i18n/localized-text';
type AwardSummary = ApplicationRecord['awards'][number];

export const awardSummaryView = (a: AwardSummary | undefined) =>
  a
    ? {
        id: a.id,
        state: a.state,
        travelGrantMinor: a.travelGrantMinor,
        includesRegistration: a.includesRegistration,
        registrationId: a.registrationId,
        offeredAt: a.offeredAt,
        respondedAt: a.respondedAt,
        revokedAt: a.revokedAt,
      }
    : null;

/** The applicant's view, built field by field: everything they gave, and the award they received. */
function applicantView(a: ApplicationRecord, now: Date) {
  return {
    id: a.id,
    programme: {
      id: a.programme.id,
      key: a.programme.key,
      name: localizedText(a.programme.name),
      kind: a.programme.kind,
      currency: a.programme.currency,
    },
    state: a.state,
    statement: a.statement,
    contributions: a.contributions,
    requestedTravelMinor: a.requestedTravelMinor,
    travelOrigin: a.travelOrigin,
    selfDescribed: {
      gender: a.gender,
      firstTimeAttendee: a.firstTimeAttendee,
      underrepresented: a.underrepresented,
      backgroundNote: a.backgroundNote,
    },
    consentGivenAt: a.consentGivenAt,
    editable: a.state === ScholarshipApplicationState.SUBMITTED && isWindowOpen(a.programme, now),
    withdrawnAt: a.withdrawnAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    award: awardSummaryView(a.awards[0]),
  };
}

/** The committee's view: the applicant's, plus who applied. */
function committeeView(a: ApplicationRecord, now: Date) {
  return { ...applicantView(a, now), applicant: { id: a.user.id, name: a.user.name, email: a.user.email } };
}

/** The fields an applicant sent, for the audit log: which ones, never what they said (organisers read the log). */
const sentFields = (input: object) => Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined).sort();

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** One application per user and programme (the unique key decides between concurrent twins), while the window is open. */
  async apply(actor: Actor, access: EventAccess, input: CreateApplicationInput) {
    const programme = await this.programmes.require(access, input.programmeId);
    const now = this.clock.now();
    assertWindowOpen(programme, access.event.timezone, now);
    if (!input.consent) throw ScholarshipErrors.consentRequired();
    const requested = input.requestedTravelMinor ?? 0;
    this.checkRequest(requested, programme);
    return this.tx.run(async () => {
      let created: ApplicationRecord;
      try {
        created = await this.applications.create({
          programmeId: programme.id,
          userId: actor.id,
          statement: input.statement,
          contributions: input.contributions ?? null,
          requestedTravelMinor: requested,
          travelOrigin: input.travelOrigin,
          gender: input.gender ?? null,
          firstTimeAttendee: input.firstTimeAttendee ?? null,
          underrepresented: input.underrepresented ?? null,
          backgroundNote: input.backgroundNote ?? null,
          consentGivenAt: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw ScholarshipErrors.applicationExists();
        throw error;
      }
      await this.record(actor, access, 'scholarship.application_submitted', created.id, {
        programmeId: programme.id,
        requestedTravelMinor: requested,
        fields: sentFields(input),
      });
      return applicantView(created, now);
    });
  }

  /** The applicant changes their application while it is submitted and the window is open. */
  async update(actor: Actor, access: EventAccess, id: string, input: UpdateApplicationInput) {
    const now = this.clock.now();
    return this.tx.run(async () => {
      const locked = await this.applications.lock(access.event.id, id);
      if (!locked || locked.userId !== actor.id) throw ScholarshipErrors.applicationNotFound();
      const current = await this.applications.find(access.event.id, id);
      if (!current) throw ScholarshipErrors.applicationNotFound();
      if (current.state === ScholarshipApplicationState.WITHDRAWN) throw ScholarshipErrors.withdrawn();
      assertWindowOpen(current.programme, access.event.timezone, now);
      if (input.requestedTravelMinor !== undefined) this.checkRequest(input.requestedTravelMinor, current.programme);
      const changes: ApplicationContent = {
        statement: input.statement,
        contributions: input.contributions,
        requestedTravelMinor: input.requestedTravelMinor,
        travelOrigin: input.travelOrigin,
        gender: input.gender,
        firstTimeAttendee: input.firstTimeAttendee,
        underrepresented: input.underrepresented,
        backgroundNote: input.backgroundNote,
      };
      const updated = await this.applications.update(id, changes);
      await this.record(actor, access, 'scholarship.application_updated', id, {
        requestedTravelMinor: updated.requestedTravelMinor,
        fields: sentFields(input),
      });
      return applicantView(updated, now);
    });
  }

  /** Withdrawal is final; an application with an award that counts is settled by declining the award instead. */
  async withdraw(actor: Actor, access: EventAccess, id: string) {
    const now = this.clock.now();
    return this.tx.run(async () => {
      const locked = await this.applications.lock(access.event.id, id);
      if (!locked || locked.userId !== actor.id) throw ScholarshipErrors.applicationNotFound();
      if (locked.state === ScholarshipApplicationState.WITHDRAWN) throw ScholarshipErrors.withdrawn();
      const current = await this.applications.find(access.event.id, id);
      const award = current?.awards[0];
      if (award && (award.state === 'OFFERED' || award.state === 'ACCEPTED')) throw ScholarshipErrors.withdrawAwarded();
      const updated = await this.applications.update(id, { state: ScholarshipApplicationState.WITHDRAWN, withdrawnAt: now });
      await this.record(actor, access, 'scholarship.application_withdrawn', id, { state: updated.state });
      return applicantView(updated, now);
    });
  }

  async mine(actor: Actor, access: EventAccess) {
    const now = this.clock.now();
    return (await this.applications.listOfUser(access.event.id, actor.id)).map((a) => applicantView(a, now));
  }

  /**
   * The applicant reads their own application, a committee member any of the event's; for everyone else it does
   * not exist. A committee member's read of someone's application is audited (it holds self-described data).
   */
  async get(actor: Actor, access: EventAccess, id: string) {
    const found = await this.applications.find(access.event.id, id);
    const now = this.clock.now();
    if (found && found.userId === actor.id) return applicantView(found, now);
    if (!found || !isCommittee(actor, access)) throw ScholarshipErrors.applicationNotFound();
    await this.tx.run(() => this.record(actor, access, 'scholarship.application_read', id, null));
    return committeeView(found, now);
  }

  /** The committee's list: who applied to what, for how much, and how far the review is; no content. */
  async list(access: EventAccess, query: ListApplicationsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.applications.listPage(
      access.event.id,
      { programmeId: query.programmeId, state: query.state },
      limit,
      decodeKeyset(query.cursor),
    );
    const { page, nextCursor } = keysetPage(rows, limit, (a) => a.createdAt);
    return {
      items: page.map((a) => ({
        id: a.id,
        programmeId: a.programme.id,
        programmeKey: a.programme.key,
        applicant: { id: a.user.id, name: a.user.name, email: a.user.email },
        state: a.state,
        requestedTravelMinor: a.requestedTravelMinor,
        currency: a.programme.currency,
        travelOrigin: a.travelOrigin,
        assigned: a.assignments.length,
        reviews: a.assignments.filter((x) => x.review !== null).length,
        award: awardSummaryView(a.awards[0]),
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      })),
      nextCursor,
    };
  }

  private checkRequest(requested: number, programme: { travelCapMinor: number; currency: string }) {
    if (requested > programme.travelCapMinor) {
      throw ScholarshipErrors.requestAboveCap(programme.travelCapMinor, formatMinor(programme.travelCapMinor, programme.currency));
    }
  }

  private record(actor: Actor, access: EventAccess, action: string, id: string, after: unknown) {
    return this.audit.record({
      eventId: access.event.id,
      actorId: actor.id,
      requestId: actor.requestId,
      action,
      entityType: 'scholarship_application',
      entityId: id,
      after,
    });
  }
}
