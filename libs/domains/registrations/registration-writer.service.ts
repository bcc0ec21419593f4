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
