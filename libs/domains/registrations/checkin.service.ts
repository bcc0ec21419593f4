import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { RegistrationState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CheckInRepository } from './checkin.repository';
import { RegistrationErrors } from './registrations.errors';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

/** The calendar day (YYYY-MM-DD) of an instant in an IANA time zone. */
export function dayIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

@Injectable()
export class CheckInService {
  constructor(
    private readonly checkIns: CheckInRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Scans a badge of this event. Only confirmed registrations get in; a second scan the same day records nothing
   * and says so. A badge of another event is unknown here.
   */
  async scan(actor: Actor, access: EventAccess, badgeToken: string) {
    const registration = await this.checkIns.findByBadge(access.event.id, badgeToken);
    if (!registration) throw RegistrationErrors.badgeNotFound();
    if (registration.state === RegistrationState.CANCELLED) throw RegistrationErrors.checkInCancelled();
    if (registration.state !== RegistrationState.CONFIRMED) throw RegistrationErrors.checkInNotConfirmed(registration.state);
    const now = this.clock.now();
    const day = dayIn(access.event.timezone, now);
    return this.tx.run(async () => {
      const result = await this.checkIns.checkIn(access.event.id, registration.id, day, now, actor.id);
      if (result.created) {
        await this.audit.record(
          {
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'registration.checked_in',
            entityType: 'registration',
            entityId: registration.id,
            after: { day },
          },
          { type: 'registration.checked_in', payload: { eventId: access.event.id, registrationId: registration.id, day } },
        );
      }
      return {
        created: result.created,
        view: {
          registrationId: registration.id,
          attendeeName: registration.attendeeName,
          ticketType: registration.ticketType,
          day,
          checkedInAt: result.checkedInAt,
          alreadyCheckedIn: !result.created,
        },
      };
    });
  }

  async attendance(access: EventAccess) {
    const { days, confirmed } = await this.checkIns.attendance(access.event.id);
    return { confirmed, days: days.map((d) => ({ day: d.day, checkedIn: d.count })) };
  }
}
