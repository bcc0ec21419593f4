import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { TransactionHost } from '@lectern/database/transaction.host';
import { InventoryRepository, LimitUsage, freeSeats, isLockTimeout } from './inventory.repository';
import { RegistrationErrors } from './registrations.errors';
import { QuotaRecord, TicketTypeRecord, TicketTypeWrite, TicketTypesRepository } from './ticket-types.repository';
import { WaitlistService } from './waitlist.service';
import { AuthUser, Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { CreateQuotaInput, CreateTicketTypeInput, UpdateQuotaInput, UpdateTicketTypeInput } from '@lectern/domains/registrations/ticket-types.types';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { localizedText } from '@lectern/i18n/localized-text';
const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

@Injectable()
export class TicketTypesService {
  constructor(
    private readonly access: EventAccessService,
    private readonly ticketTypes: TicketTypesRepository,
    private readonly inventory: InventoryRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Anyone may list a published event's ticket types; organisers also see the hidden ones. */
  async list(slug: string, user: AuthUser | undefined) {
    const { event: found, roles } = await this.access.access(slug, user);
    const organiser = isOrganiser(roles, user);
    const now = this.clock.now();
    const [types, limits] = await Promise.all([
      this.ticketTypes.listTypes(found.id, organiser),
      this.inventory.usage(found.id, null, now),
    ]);
    return types.map((type) => this.toView(type, limits, now));
  }

  async create(actor: Actor, access: EventAccess, input: CreateTicketTypeInput) {
    const salesStartAt = toDate(input.salesStartAt) ?? null;
    const salesEndAt = toDate(input.salesEndAt) ?? null;
    this.checkWindow(salesStartAt, salesEndAt);
    assertLocalizedTexts(access.event.series.languages, { name: input.name });
    return this.tx.run(async () => {
      const type = await this.ticketTypes.createType({
        eventId: access.event.id,
        name: input.name,
        category: input.category,
        attendance: input.attendance,
        priceCents: input.priceCents ?? 0,
        currency: input.currency ?? 'USD',
        salesStartAt,
        salesEndAt,
        hidden: input.hidden ?? false,
      });
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'ticket_type.created',
        entityType: 'ticket_type',
        entityId: type.id,
        after: { name: type.name, category: type.category, attendance: type.attendance, priceCents: type.priceCents, hidden: type.hidden },
      });
      const now = this.clock.now();
      return this.toView(type, await this.inventory.usage(access.event.id, type.id, now), now);
    });
  }

  async update(actor: Actor, access: EventAccess, id: string, input: UpdateTicketTypeInput) {
    const current = await this.ticketTypes.findType(access.event.id, id);
    if (!current) throw RegistrationErrors.ticketTypeNotFound();
    assertLocalizedTexts(access.event.series.languages, { name: input.name });
    const changes: TicketTypeWrite = {
      name: input.name,
      category: input.category,
      priceCents: input.priceCents,
      currency: input.currency,
      salesStartAt: toDate(input.salesStartAt),
      salesEndAt: toDate(input.salesEndAt),
      hidden: input.hidden,
    };
    this.checkWindow(
      changes.salesStartAt === undefined ? current.salesStartAt : changes.salesStartAt,
      changes.salesEndAt === undefined ? current.salesEndAt : changes.salesEndAt,
    );
    return this.tx.run(async () => {
      const type = await this.ticketTypes.updateType(id, changes);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'ticket_type.updated',
        entityType: 'ticket_type',
        entityId: id,
        after: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      });
      const now = this.clock.now();
      return this.toView(type, await this.inventory.usage(access.event.id, type.id, now), now);
    });
  }

  async listQuotas(access: EventAccess) {
    const [quotas, limits] = await Promise.all([
      this.ticketTypes.listQuotas(access.event.id),
      this.inventory.usage(access.event.id, null, this.clock.now()),
    ]);
    return quotas.map((quota) => this.toQuotaView(quota, limits));
  }

  /**
   * A new quota, or a changed one, changes what every registration of its types must lock: both run under the
   * event's exclusive lock, and a quota smaller than what it already counts is refused.
   */
  async createQuota(actor: Actor, access: EventAccess, input: CreateQuotaInput) {
    const ticketTypeIds = [...new Set(input.ticketTypeIds)];
    await this.checkTypes(access.event.id, ticketTypeIds);
    return this.structural(async () => {
      const quota = await this.ticketTypes.createQuota({ eventId: access.event.id, name: input.name, size: input.size ?? null, ticketTypeIds });
      const view = await this.checkedQuotaView(access.event.id, quota);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'quota.created',
        entityType: 'quota',
        entityId: quota.id,
        after: { name: quota.name, size: quota.size, ticketTypeIds },
      });
      return view;
    }, access.event.id);
  }

  async updateQuota(actor: Actor, access: EventAccess, id: string, input: UpdateQuotaInput) {
    const ticketTypeIds = input.ticketTypeIds ? [...new Set(input.ticketTypeIds)] : undefined;
    if (ticketTypeIds) await this.checkTypes(access.event.id, ticketTypeIds);
    return this.structural(async () => {
      const current = await this.ticketTypes.findQuota(access.event.id, id);
      if (!current) throw RegistrationErrors.quotaNotFound();
      const quota = await this.ticketTypes.updateQuota(id, { name: input.name, size: input.size, ticketTypeIds });
      await this.checkedQuotaView(access.event.id, quota);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'quota.updated',
        entityType: 'quota',
        entityId: id,
        before: { name: current.name, size: current.size, ticketTypeIds: current.ticketTypes.map((t) => t.ticketTypeId) },
        after: { name: quota.name, size: quota.size, ticketTypeIds: quota.ticketTypes.map((t) => t.ticketTypeId) },
      });
      // a larger quota may have seats for the waiting list
      await this.waitlist.processLocked(access.event.id, this.clock.now(), actor.requestId);
      return this.toQuotaView(quota, await this.inventory.usage(access.event.id, null, this.clock.now()));
    }, access.event.id);
  }

  private async structural<T>(work: () => Promise<T>, eventId: string): Promise<T> {
    try {
      return await this.tx.run(async () => {
        await this.inventory.lockEvent(eventId);
        return work();
      });
    } catch (error) {
      if (isLockTimeout(error)) throw RegistrationErrors.busy();
      throw error;
    }
  }

  private async checkedQuotaView(eventId: string, quota: QuotaRecord) {
    const view = this.toQuotaView(quota, await this.inventory.usage(eventId, null, this.clock.now()));
    if (quota.size !== null && view.taken + view.held > quota.size) throw RegistrationErrors.quotaBelowUsage(view.taken + view.held);
    return view;
  }

  private async checkTypes(eventId: string, ids: string[]) {
    if ((await this.ticketTypes.countTypes(eventId, ids)) !== ids.length) throw RegistrationErrors.quotaTicketTypesInvalid();
  }

  private checkWindow(start: Date | null, end: Date | null) {
    if (start && end && end.getTime() <= start.getTime()) throw RegistrationErrors.salesWindowInvalid();
  }

  private toView(type: TicketTypeRecord, limits: LimitUsage[], now: Date) {
    const own = limits.filter((limit) => limit.types.includes(type.id));
    const free = Math.min(...own.map(freeSeats));
    return {
      id: type.id,
      name: localizedText(type.name),
      category: type.category,
      attendance: type.attendance,
      priceCents: type.priceCents,
      currency: type.currency,
      salesStartAt: type.salesStartAt,
      salesEndAt: type.salesEndAt,
      hidden: type.hidden,
      quotaIds: type.quotas.map((q) => q.quotaId),
      onSale: (!type.salesStartAt || now >= type.salesStartAt) && (!type.salesEndAt || now < type.salesEndAt),
      available: Number.isFinite(free) ? Math.max(0, free) : null,
    };
  }

  private toQuotaView(quota: QuotaRecord, limits: LimitUsage[]) {
    const usage = limits.find((limit) => limit.kind === 'quota' && limit.id === quota.id);
    const free = usage ? freeSeats(usage) : Infinity;
    return {
      id: quota.id,
      name: quota.name,
      size: quota.size,
      ticketTypeIds: quota.ticketTypes.map((t) => t.ticketTypeId),
      taken: usage?.taken ?? 0,
      held: usage?.held ?? 0,
      available: Number.isFinite(free) ? Math.max(0, free) : null,
      waiting: usage?.waiting ?? false,
    };
  }
}
