import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ProgrammeErrors } from './programme.errors';
import { ProgrammeRepository } from './programme.repository';
import { PutAvailabilityInput } from './programme.types';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When speakers can present: given in their own time zone ("Tuesday 09:00–12:00 in Europe/Berlin"), stored as
 * instants, shown back in the zone they used and in the event's.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async mine(actor: Actor, access: EventAccess) {
    await this.assertSpeaker(actor, access);
    const slots = await this.repository.availabilityOf(access.event.id, actor.id);
    return this.view(access, slots[0]?.timezone ?? access.event.timezone, slots);
  }

  /** Replaces the caller's availability for the edition; an empty list means "any time". */
  async putMine(actor: Actor, access: EventAccess, input: PutAvailabilityInput) {
    const timezone = input.timezone ?? access.event.timezone;
    if (!isTimeZone(timezone)) throw CommonErrors.validation([{ field: 'timezone', code: 'isTimeZone' }]);
    const errors: FieldError[] = [];
    const slots: { startsAt: Date; endsAt: Date }[] = [];
    input.slots.forEach((slot, i) => {
      const startsAt = parseZonedDateTime(slot.startsAt, timezone);
      const endsAt = parseZonedDateTime(slot.endsAt, timezone);
      if (!startsAt) errors.push({ field: `slots.${i}.startsAt`, code: 'isIso8601' });
      if (!endsAt) errors.push({ field: `slots.${i}.endsAt`, code: 'isIso8601' });
      if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: `slots.${i}.endsAt`, code: 'invalid' });
      else if (startsAt && endsAt) slots.push({ startsAt, endsAt });
    });
    if (errors.length > 0) throw CommonErrors.validation(errors);
    await this.assertSpeaker(actor, access);
    await this.tx.run(async () => {
      await this.repository.replaceAvailability(access.event.id, actor.id, timezone, slots);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'speaker.availability_set',
        entityType: 'user',
        entityId: actor.id,
        after: { timezone, slots },
      });
    });
    return this.view(access, timezone, slots);
  }

  private async assertSpeaker(actor: Actor, access: EventAccess) {
    if (!(await this.repository.isSpeakerOf(access.event.id, actor.id))) throw ProgrammeErrors.notASpeaker();
  }

  private view(access: EventAccess, timezone: string, slots: { startsAt: Date; endsAt: Date }[]) {
    return {
      timezone,
      eventTimezone: access.event.timezone,
      slots: slots.map((slot) => ({
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        startsAtLocal: toZonedIso(slot.startsAt, timezone),
        endsAtLocal: toZonedIso(slot.endsAt, timezone),
        startsAtEventLocal: toZonedIso(slot.startsAt, access.event.timezone),
        endsAtEventLocal: toZonedIso(slot.endsAt, access.event.timezone),
      })),
    };
  }
}
