import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { RegistrationState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { selfDescribedOf } from './registration.policy';
import { toOwnerView, toSummaryView } from './registration.views';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsRepository } from './registrations.repository';
import { SELF_DESCRIBED_FIELDS, UpdateRegistrationInput } from './registrations.types';

/** One registration as its attendee or an organiser sees it, and the attendee's own details and consent. */
@Injectable()
export class RegistrationDetailsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly registrations: RegistrationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** The caller's newest registration for the event. */
  async mine(actor: AuthUser, slug: string) {
    const { event } = await this.access.access(slug, actor);
    const found = await this.registrations.findLatestOf(event.id, actor.id);
    if (!found) throw RegistrationErrors.registrationNotFound();
    return toOwnerView(found);
  }

  async listMine(actor: AuthUser) {
    const rows = await this.registrations.listOfUser(actor.id);
    return rows.map(({ event, ...r }) => ({ ...toOwnerView(r), event }));
  }

  /** The owner sees everything they gave; organisers see the registration without the self-described data. */
  async get(actor: AuthUser, slug: string, id: string) {
    const { event, roles } = await this.access.access(slug, actor);
    const found = await this.registrations.find(event.id, id);
    if (found && found.userId === actor.id) return toOwnerView(found);
    if (found && isOrganiser(roles, actor)) return toSummaryView(found);
    throw RegistrationErrors.registrationNotFound();
  }

  /** The owner updates their details; without consent the self-described data is refused, and erased if withdrawn. */
  async update(actor: Actor, slug: string, id: string, input: UpdateRegistrationInput) {
    const { event } = await this.access.access(slug, actor);
    const current = await this.registrations.find(event.id, id);
    if (!current || current.userId !== actor.id) throw RegistrationErrors.registrationNotFound();
    if (current.state === RegistrationState.CANCELLED) throw RegistrationErrors.alreadyCancelled();
    const consent = input.consentToReport ?? current.consentToReport;
    const selfDescribed = selfDescribedOf(input, consent);
    const erase = consent ? {} : Object.fromEntries(SELF_DESCRIBED_FIELDS.map((field) => [field, null]));
    return this.tx.run(async () => {
      const updated = await this.registrations.update(id, {
        attendeeName: input.attendeeName,
        attendeeEmail: input.attendeeEmail?.toLowerCase(),
        consentToReport: consent,
        ...selfDescribed,
        ...erase,
      });
      await this.audit.record({
        eventId: event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: consent ? 'registration.updated' : current.consentToReport ? 'registration.consent_withdrawn' : 'registration.updated',
        entityType: 'registration',
        entityId: id,
        // the self-described values stay out of the audit log: it is readable by organisers
        after: { fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) },
      });
      return toOwnerView(updated);
    });
  }
}
