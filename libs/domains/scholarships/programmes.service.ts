import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors } from '@lectern/errors/domain.error';
import { ProgrammeRecord, ProgrammeWrite, ProgrammesRepository } from './programmes.repository';
import { ScholarshipErrors, formatMinor } from './scholarships.errors';
import { isStaff, isWindowOpen } from './scholarships.policy';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateProgrammeInput, UpdateProgrammeInput } from '@lectern/domains/scholarships/programmes.types';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';

/** The public view, built field by field; the budget is added for organisers and the committee only. */
export function programmeView(p: ProgrammeRecord, timezone: string, now: Date, staff: boolean) {
  return {
    id: p.id,
    key: p.key,
    name: localizedText(p.name),
    description: optionalLocalizedText(p.description),
    kind: p.kind,
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    opensAtLocal: toZonedIso(p.opensAt, timezone),
    closesAtLocal: toZonedIso(p.closesAt, timezone),
    timezone,
    isOpen: isWindowOpen(p, now),
    currency: p.currency,
    travelCapMinor: p.travelCapMinor,
    freeRegistration: p.ticketType ? { id: p.ticketType.id, name: localizedText(p.ticketType.name) } : null,
    ...(staff ? { budgetMinor: p.budgetMinor, reviewsPerApplication: p.reviewsPerApplication } : {}),
  };
}

/** What the audit log keeps of a programme (organisers read the log; a programme holds nothing confidential). */
const auditView = (p: ProgrammeRecord) => ({
  key: p.key,
  name: p.name,
  kind: p.kind,
  opensAt: p.opensAt,
  closesAt: p.closesAt,
  currency: p.currency,
  budgetMinor: p.budgetMinor,
  travelCapMinor: p.travelCapMinor,
  ticketTypeId: p.ticketTypeId,
  reviewsPerApplication: p.reviewsPerApplication,
});

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly programmes: ProgrammesRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, access: EventAccess, input: CreateProgrammeInput) {
    const { event } = access;
    assertLocalizedTexts(event.series.languages, { name: input.name, description: input.description });
    const data = {
      eventId: event.id,
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      kind: input.kind,
      opensAt: this.instant(input.opensAt, 'opensAt', event.timezone),
      closesAt: this.instant(input.closesAt, 'closesAt', event.timezone),
      currency: input.currency,
      budgetMinor: input.budgetMinor,
      travelCapMinor: input.travelCapMinor ?? 0,
      ticketTypeId: input.ticketTypeId ?? null,
      reviewsPerApplication: input.reviewsPerApplication ?? 3,
    };
    await this.check(event.id, data);
    return this.tx.run(async () => {
      let created: ProgrammeRecord;
      try {
        created = await this.programmes.create(data);
      } catch (error) {
        if (isUniqueViolation(error, 'key')) throw ScholarshipErrors.programmeKeyTaken(input.key);
        throw error;
      }
      await this.audit.record({
        eventId: event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'scholarship.programme_created',
        entityType: 'scholarship_programme',
        entityId: created.id,
        after: auditView(created),
      });
      return programmeView(created, event.timezone, this.clock.now(), true);
    });
  }

  /**
   * Under the programme's lock, so a budget cut and an award cannot cross: the budget never goes below what the
   * awards that count already hold, and the currency is fixed once anything was awarded in it.
   */
  async update(actor: Actor, access: EventAccess, id: string, input: UpdateProgrammeInput) {
    const { event } = access;
    return this.tx.run(async () => {
      const locked = await this.programmes.lock(event.id, id);
      const current = locked ? await this.programmes.find(event.id, id) : null;
      if (!locked || !current) throw ScholarshipErrors.programmeNotFound();
      const changes: ProgrammeWrite = {
        name: input.name,
        description: input.description,
        kind: input.kind,
        opensAt: input.opensAt !== undefined ? this.instant(input.opensAt, 'opensAt', event.timezone) : undefined,
        closesAt: input.closesAt !== undefined ? this.instant(input.closesAt, 'closesAt', event.timezone) : undefined,
        currency: input.currency,
        budgetMinor: input.budgetMinor,
        travelCapMinor: input.travelCapMinor,
        ticketTypeId: input.ticketTypeId,
        reviewsPerApplication: input.reviewsPerApplication,
      };
      assertLocalizedTexts(event.series.languages, { name: input.name, description: input.description });
      const merged = { ...current, name: localizedText(current.name), description: optionalLocalizedText(current.description), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      await this.check(event.id, merged);
      if (input.currency !== undefined && input.currency !== current.currency && (await this.programmes.countAwards(id)) > 0) {
        throw ScholarshipErrors.currencyLocked();
      }
      if (input.budgetMinor !== undefined && input.budgetMinor < current.budgetMinor) {
        const committed = await this.programmes.committedMinor(id);
        if (input.budgetMinor < committed) throw ScholarshipErrors.budgetBelowCommitted(formatMinor(committed, current.currency));
      }
      const updated = await this.programmes.update(id, changes);
      const before = auditView(current);
      const after = auditView(updated);
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changed.length > 0) {
        await this.audit.record({
          eventId: event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'scholarship.programme_updated',
          entityType: 'scholarship_programme',
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      }
      return programmeView(updated, event.timezone, this.clock.now(), true);
    });
  }

  async list(user: AuthUser | undefined, access: EventAccess) {
    const now = this.clock.now();
    const staff = isStaff(user, access);
    return (await this.programmes.list(access.event.id)).map((p) => programmeView(p, access.event.timezone, now, staff));
  }

  async get(user: AuthUser | undefined, access: EventAccess, id: string) {
    const programme = await this.require(access, id);
    return programmeView(programme, access.event.timezone, this.clock.now(), isStaff(user, access));
  }

  async require(access: EventAccess, id: string): Promise<ProgrammeRecord> {
    const programme = await this.programmes.find(access.event.id, id);
    if (!programme) throw ScholarshipErrors.programmeNotFound();
    return programme;
  }

  /** Counts and amounts per programme: what organisers (committee or not) and the transparency report see. */
  async totals(access: EventAccess) {
    const rows = await this.programmes.totals(access.event.id);
    return rows.map((r) => ({
      programmeId: r.programme_id,
      key: r.key,
      name: r.name,
      kind: r.kind,
      currency: r.currency,
      budgetMinor: r.budget_minor,
      applications: r.applications,
      withdrawn: r.withdrawn,
      awards: { offered: r.offered, accepted: r.accepted, declined: r.declined, revoked: r.revoked },
      committedMinor: r.committed_minor,
      grantedMinor: r.granted_minor,
      remainingMinor: r.budget_minor - r.committed_minor,
      registrations: r.registrations,
    }));
  }

  private async check(eventId: string, p: Required<Omit<ProgrammeWrite, 'key'>>) {
    if (p.closesAt.getTime() <= p.opensAt.getTime()) throw ScholarshipErrors.windowInvalid();
    if (p.travelCapMinor === 0 && p.ticketTypeId === null) throw ScholarshipErrors.programmeOffersNothing();
    if (p.travelCapMinor > p.budgetMinor) {
      throw ScholarshipErrors.capAboveBudget(formatMinor(p.travelCapMinor, p.currency), formatMinor(p.budgetMinor, p.currency));
    }
    if (p.ticketTypeId !== null && !(await this.programmes.findTicketType(eventId, p.ticketTypeId))) {
      throw ScholarshipErrors.ticketTypeUnknown();
    }
  }

  private instant(text: string, field: string, timezone: string): Date {
    const instant = parseZonedDateTime(text, timezone);
    if (!instant) throw CommonErrors.validation([{ field, code: 'isIso8601' }]);
    return instant;
  }
}
