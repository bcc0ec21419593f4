import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { Attendance, EditionChangeKind, EventFormat, EventStatus } from '@lectern/database/generated/enums';
import { databaseError } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { EVENT_STATUS_TRANSITIONS, toEventView } from '@lectern/domains/events/events.service';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { LifecycleErrors } from './lifecycle.errors';
import { EditionChangeRecord, LifecycleRepository } from './lifecycle.repository';
import { MoveOnlineInput, PostponeEditionInput, RescheduleEditionInput } from './lifecycle.types';

export function toChangeView(change: EditionChangeRecord) {
  return {
    id: change.id,
    kind: change.kind,
    from: { startsAt: change.fromStartsAt, endsAt: change.fromEndsAt, format: change.fromFormat },
    to: { startsAt: change.toStartsAt, endsAt: change.toEndsAt, format: change.toFormat },
    windowsShifted: change.windowsShifted,
    registrationsCancelled: change.registrationsCancelled,
    actor: change.actor,
    createdAt: change.createdAt,
  };
}

const STATUS_AFTER: Record<Exclude<EditionChangeKind, 'MOVED_ONLINE'>, EventStatus> = {
  POSTPONED: EventStatus.POSTPONED,
  RESCHEDULED: EventStatus.PUBLISHED,
  CANCELLED: EventStatus.CANCELLED,
};

/**
 * Postponing (to new dates or to dates to be announced), rescheduling (publishing again) and cancelling an edition.
 * Each is one transaction: the edition, the windows that depend on its dates, its registrations when cancelled,
 * the change's record, its audit entry and the one domain event from which everybody concerned is told once.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly lifecycle: LifecycleRepository,
    private readonly events: EventsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly tx: TransactionHost,
  ) {}

  postpone(actor: Actor, access: EventAccess, input: PostponeEditionInput) {
    const dates = this.newDates(input.startsAt, input.endsAt);
    return this.change(actor, access, EditionChangeKind.POSTPONED, dates, input.shiftWindows ?? true);
  }

  reschedule(actor: Actor, access: EventAccess, input: RescheduleEditionInput) {
    const dates = this.newDates(input.startsAt, input.endsAt);
    return this.change(actor, access, EditionChangeKind.RESCHEDULED, dates, input.shiftWindows ?? true);
  }

  cancel(actor: Actor, access: EventAccess) {
    return this.change(actor, access, EditionChangeKind.CANCELLED, null, false);
  }

  /**
   * In person → virtual or hybrid in one transaction under the edition's exclusive lock: from then on no in-person
   * seat of a converted type can be taken (the registrations trigger reads the edition's row under a share lock,
   * then the type's closing), each such type's registrations become the virtual type the organisers chose or are
   * cancelled with their refund due, and rooms become streams. A hybrid edition may keep in-person types on sale.
   */
  async moveOnline(actor: Actor, access: EventAccess, input: MoveOnlineInput) {
    const eventId = access.event.id;
    try {
      return await this.tx.run(
        async () => {
          const current = await this.lifecycle.lockEdition(eventId);
          const status = current.status as EventStatus;
          if (status === EventStatus.CANCELLED || status === EventStatus.COMPLETED) throw EventErrors.statusTransition(status, status);
          if (current.format === EventFormat.VIRTUAL) throw LifecycleErrors.alreadyOnline();
          const format = input.format ?? EventFormat.VIRTUAL;
          const types = await this.lifecycle.ticketTypes(eventId);
          const open = new Set(types.filter((t) => t.attendance === Attendance.IN_PERSON && t.inPersonClosedAt === null).map((t) => t.id));
          const virtual = new Set(types.filter((t) => t.attendance === Attendance.VIRTUAL).map((t) => t.id));
          const seen = new Set<string>();
          input.ticketTypes.forEach((entry, index) => {
            const kept = format === EventFormat.HYBRID && entry.to === entry.from;
            const valid = open.has(entry.from) && !seen.has(entry.from) && (entry.to === null || virtual.has(entry.to) || kept);
            if (!valid) throw LifecycleErrors.mapInvalid(index);
            seen.add(entry.from);
          });
          const missing = [...open].filter((id) => !seen.has(id));
          if (missing.length > 0) throw LifecycleErrors.mapIncomplete(missing);
          const closing = input.ticketTypes.filter((entry) => entry.to !== entry.from);
          // a hybrid edition that closes nothing would tell everybody of a change that is none
          if (current.format === format && closing.length === 0) throw LifecycleErrors.alreadyOnline();

          const at = this.clock.now();
          await this.lifecycle.goOnline(eventId, format);
          await this.lifecycle.closeInPerson(closing.map((entry) => entry.from), at);
          let cancelled = 0;
          for (const entry of closing) {
            if (entry.to === null) cancelled += await this.lifecycle.cancelRegistrationsOfType(entry.from, at);
            else await this.lifecycle.convertRegistrations(entry.from, entry.to, at);
          }
          const change = await this.lifecycle.recordChange({
            eventId,
            kind: EditionChangeKind.MOVED_ONLINE,
            fromStartsAt: current.startsAt,
            fromEndsAt: current.endsAt,
            toStartsAt: current.startsAt,
            toEndsAt: current.endsAt,
            fromFormat: current.format,
            toFormat: format,
            windowsShifted: false,
            registrationsCancelled: cancelled,
            actorId: actor.id,
            at,
          });
          const view = toChangeView(change);
          await this.audit.record(
            {
              eventId,
              actorId: actor.id,
              requestId: actor.requestId,
              action: 'event.moved_online',
              entityType: 'event',
              entityId: eventId,
              before: { format: current.format },
              after: { format, ticketTypes: input.ticketTypes, change: view },
            },
            { type: 'event.moved_online', payload: { eventId, changeId: change.id } },
          );
          const updated = await this.events.findBySlug(access.event.slug);
          return { event: toEventView(updated!), change: view };
        },
        { timeoutMs: 60_000 },
      );
    } catch (error) {
      // the seat rule checks the virtual types' limits when the conversion commits
      if (databaseError(error)?.code === 'LS409') throw LifecycleErrors.seatsExceeded();
      throw error;
    }
  }

  async changes(access: EventAccess) {
    return { items: (await this.lifecycle.listChanges(access.event.id)).map(toChangeView) };
  }

  /** Both or neither; never in the past; the end not before the start. */
  private newDates(startsAt: string | undefined, endsAt: string | undefined) {
    if (startsAt === undefined && endsAt === undefined) return null;
    if (startsAt === undefined || endsAt === undefined) throw LifecycleErrors.datesRequired();
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (end.getTime() < start.getTime()) throw EventErrors.datesInvalid();
    if (start.getTime() < this.clock.now().getTime()) throw LifecycleErrors.datesInPast();
    return { startsAt: start, endsAt: end };
  }

  private async change(
    actor: Actor,
    access: EventAccess,
    kind: Exclude<EditionChangeKind, 'MOVED_ONLINE'>,
    dates: { startsAt: Date; endsAt: Date } | null,
    shiftWindows: boolean,
  ) {
    const eventId = access.event.id;
    const to = STATUS_AFTER[kind];
    return this.tx.run(
      async () => {
        const current = await this.lifecycle.lockEdition(eventId);
        const from = current.status as EventStatus;
        if (!EVENT_STATUS_TRANSITIONS[from].includes(to)) throw EventErrors.statusTransition(from, to);
        // published again as it stands only if its dates are still ahead (not after a postponement to dates unknown)
        if (kind === EditionChangeKind.RESCHEDULED && !dates && current.startsAt.getTime() < this.clock.now().getTime()) throw LifecycleErrors.datesRequired();
        const at = this.clock.now();
        const shiftMs = dates ? dates.startsAt.getTime() - current.startsAt.getTime() : 0;
        const shifted = shiftWindows && shiftMs !== 0;
        if (shifted) await this.lifecycle.shiftWindows(eventId, shiftMs, at);
        const cancelled = kind === EditionChangeKind.CANCELLED ? await this.lifecycle.cancelRegistrations(eventId, at) : 0;
        const updated = await this.events.updateEvent(eventId, { status: to, ...(dates ?? {}) });
        const change = await this.lifecycle.recordChange({
          eventId,
          kind,
          fromStartsAt: current.startsAt,
          fromEndsAt: current.endsAt,
          toStartsAt: dates?.startsAt ?? (kind === EditionChangeKind.POSTPONED ? null : current.startsAt),
          toEndsAt: dates?.endsAt ?? (kind === EditionChangeKind.POSTPONED ? null : current.endsAt),
          fromFormat: current.format,
          toFormat: current.format,
          windowsShifted: shifted,
          registrationsCancelled: cancelled,
          actorId: actor.id,
          at,
        });
        const view = toChangeView(change);
        await this.audit.record(
          {
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: `event.${kind.toLowerCase()}`,
            entityType: 'event',
            entityId: eventId,
            before: { status: from, startsAt: current.startsAt, endsAt: current.endsAt },
            after: { status: to, startsAt: updated.startsAt, endsAt: updated.endsAt, change: view },
          },
          { type: 'event.status_changed', payload: { eventId, from, to, changeId: change.id } },
        );
        return { event: toEventView(updated), change: view };
      },
      { timeoutMs: 60_000 },
    );
  }
}
