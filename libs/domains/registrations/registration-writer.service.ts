import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { RegistrationState } from '@lectern/database/generated/enums';
import { Statement, TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationRow, RegistrationsRepository, isActiveRegistrationConflict } from './registrations.repository';

/**
 * Writes a new registration with its audit entry and, when it is confirmed at once, its domain event: one
 * statement, one round trip, so the seat check runs when it commits (or when the caller's transaction does).
 */
@Injectable()
export class RegistrationWriter {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** `also` joins the same statement (an idempotent request's stored response). Refuses a second active registration. */
  async insert(actor: Actor, row: RegistrationRow, audited: Record<string, unknown> = {}, also: Statement[] = []): Promise<void> {
    try {
      // prepared: a handful of forms (confirmed or not, with a stored response or not) on every registration
      await this.tx.runAsOne([...this.creation(actor, row, audited), ...also], { prepared: true });
    } catch (error) {
      if (isActiveRegistrationConflict(error)) throw RegistrationErrors.alreadyRegistered();
      throw error;
    }
  }

  /**
   * The audit entry and, when it is confirmed, the domain event of a registration that RegistrationsRepository.context
   * writes itself (its CTE `created`): the same entry and event as `insert` writes.
   */
  eagerCreation(actor: Pick<Actor, 'id' | 'requestId'>): Statement[] {
    return [
      this.audit.entriesFor('created', {
        eventId: 'event_id',
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.created',
        entityType: 'registration',
        entityId: 'id',
        after: { state: 'state', ticketTypeId: 'ticket_type_id', voucherId: null, priceCents: 'priceCents' },
      }),
      this.audit.eventsFor('created', 'registration.confirmed', { eventId: 'event_id', registrationId: 'id' }, { column: 'state', equals: RegistrationState.CONFIRMED }),
    ];
  }

  private creation(actor: Actor, row: RegistrationRow, audited: Record<string, unknown>): Statement[] {
    return [
      this.registrations.insertion(row),
      this.audit.entry({
        eventId: row.eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.created',
        entityType: 'registration',
        entityId: row.id,
        after: { state: row.state, ticketTypeId: row.ticketTypeId, voucherId: row.voucherId, priceCents: row.priceCents, ...audited },
      }),
      ...(row.state === RegistrationState.CONFIRMED
        ? [this.audit.events([{ type: 'registration.confirmed', payload: { eventId: row.eventId, registrationId: row.id } }])]
        : []),
    ];
  }
}
