import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { checkName, normaliseName } from './localized-name.policy';
import { ProgrammeErrors } from './programme.errors';
import { BlockRecord, ProgrammeRepository, RoomRecord } from './programme.repository';
import { CreateBlockInput, CreateRoomInput, PutScheduleDaysInput, UpdateRoomInput } from './programme.types';
import { DayHours, defaultDays } from './schedule-days.policy';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const roomView = ({ id: _id, ...room }: RoomRecord) => room;

/** Rooms, the edition's days and the blocks that are not talks: the frame a schedule is built in. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async rooms(access: EventAccess) {
    return (await this.repository.rooms(access.event.id)).map(roomView);
  }

  async createRoom(actor: Actor, access: EventAccess, input: CreateRoomInput) {
    const errors = checkName('name', input.name, access.event.series.languages);
    if (errors.length > 0) throw CommonErrors.validation(errors);
    return this.tx.run(async () => {
      let room: RoomRecord;
      try {
        room = await this.repository.createRoom(access.event.id, input.slug, {
          name: normaliseName(input.name),
          capacity: input.capacity,
          livestreamed: input.livestreamed ?? false,
          position: input.position ?? 0,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw ProgrammeErrors.roomSlugTaken(input.slug);
        throw error;
      }
      await this.record(actor, access, 'room.created', 'room', room.id, null, roomView(room));
      return roomView(room);
    });
  }

  async updateRoom(actor: Actor, access: EventAccess, slug: string, input: UpdateRoomInput) {
    if (input.name !== undefined) {
      const errors = checkName('name', input.name, access.event.series.languages);
      if (errors.length > 0) throw CommonErrors.validation(errors);
    }
    return this.tx.run(async () => {
      const before = await this.repository.findRoom(access.event.id, slug);
      if (!before) throw ProgrammeErrors.roomNotFound(slug);
      const after = await this.repository.updateRoom(before.id, { ...input, ...(input.name ? { name: normaliseName(input.name) } : {}) });
      await this.record(actor, access, 'room.updated', 'room', before.id, roomView(before), roomView(after));
      return roomView(after);
    });
  }

  async deleteRoom(actor: Actor, access: EventAccess, slug: string) {
    await this.tx.run(async () => {
      const room = await this.repository.findRoom(access.event.id, slug);
      if (!room) throw ProgrammeErrors.roomNotFound(slug);
      if (!(await this.repository.deleteRoomIfUnused(room.id))) throw ProgrammeErrors.roomInUse(slug);
      await this.record(actor, access, 'room.deleted', 'room', room.id, roomView(room), null);
    });
  }

  /** The days organisers set, else those the edition's start and end give. */
  async dayHours(access: EventAccess): Promise<{ days: DayHours[]; defaulted: boolean }> {
    const stored = await this.repository.days(access.event.id);
    if (stored.length > 0) {
      return { days: stored.map((day) => ({ date: day.date.toISOString().slice(0, 10), opensAt: day.opensAt, closesAt: day.closesAt })), defaulted: false };
    }
    const { startsAt, endsAt, timezone } = access.event;
    return { days: defaultDays(startsAt, endsAt, timezone), defaulted: true };
  }

  async days(access: EventAccess) {
    const { days, defaulted } = await this.dayHours(access);
    const timezone = access.event.timezone;
    return {
      timezone,
      defaulted,
      days: days.map((day) => ({
        date: day.date,
        opensAt: day.opensAt,
        closesAt: day.closesAt,
        opensAtLocal: toZonedIso(day.opensAt, timezone),
        closesAtLocal: toZonedIso(day.closesAt, timezone),
      })),
    };
  }

  /** Replaces the edition's days; an empty list goes back to the days its start and end give. */
  async putDays(actor: Actor, access: EventAccess, input: PutScheduleDaysInput) {
    const timezone = access.event.timezone;
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const days: DayHours[] = [];
    input.days.forEach((day, i) => {
      const at = `days.${i}`;
      if (!DATE.test(day.date) || Number.isNaN(Date.parse(`${day.date}T00:00:00Z`))) errors.push({ field: `${at}.date`, code: 'invalid' });
      else if (seen.has(day.date)) errors.push({ field: `${at}.date`, code: 'duplicate' });
      seen.add(day.date);
      if (!TIME.test(day.opens)) errors.push({ field: `${at}.opens`, code: 'matches' });
      if (!TIME.test(day.closes)) errors.push({ field: `${at}.closes`, code: 'matches' });
      const opensAt = parseZonedDateTime(`${day.date}T${day.opens}`, timezone);
      const closesAt = parseZonedDateTime(`${day.date}T${day.closes}`, timezone);
      if (!opensAt || !closesAt) return;
      if (closesAt <= opensAt) errors.push({ field: `${at}.closes`, code: 'invalid' });
      else days.push({ date: day.date, opensAt, closesAt });
    });
    if (errors.length > 0) throw CommonErrors.validation(errors);
    await this.tx.run(async () => {
      const before = await this.repository.days(access.event.id);
      await this.repository.replaceDays(access.event.id, days);
      await this.record(actor, access, 'schedule.days_set', 'event', access.event.id, before, days);
    });
    return this.days(access);
  }

  async blocks(access: EventAccess) {
    const [blocks, rooms] = await Promise.all([this.repository.blocks(access.event.id), this.repository.rooms(access.event.id)]);
    const slugs = new Map(rooms.map((room) => [room.id, room.slug]));
    return blocks.map((block) => this.blockView(access, block, slugs));
  }

  async createBlock(actor: Actor, access: EventAccess, input: CreateBlockInput) {
    const timezone = access.event.timezone;
    const errors = checkName('name', input.name, access.event.series.languages);
    const startsAt = parseZonedDateTime(input.startsAt, timezone);
    const endsAt = parseZonedDateTime(input.endsAt, timezone);
    if (!startsAt) errors.push({ field: 'startsAt', code: 'isIso8601' });
    if (!endsAt) errors.push({ field: 'endsAt', code: 'isIso8601' });
    if (errors.length > 0 || !startsAt || !endsAt) throw CommonErrors.validation(errors);
    if (endsAt <= startsAt) throw ProgrammeErrors.rangeInvalid('endsAt');
    return this.tx.run(async () => {
      let roomId: string | null = null;
      if (input.room !== undefined) {
        const room = await this.repository.findRoom(access.event.id, input.room);
        if (!room) throw ProgrammeErrors.unknownRoom(input.room);
        roomId = room.id;
      }
      const block = await this.repository.createBlock(access.event.id, { kind: input.kind, name: normaliseName(input.name), roomId, startsAt, endsAt });
      await this.record(actor, access, 'schedule.block_created', 'schedule_block', block.id, null, { ...block, room: input.room ?? null });
      return this.blockView(access, block, new Map(roomId ? [[roomId, input.room ?? '']] : []));
    });
  }

  async deleteBlock(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      if (!(await this.repository.deleteBlock(access.event.id, id))) throw ProgrammeErrors.blockNotFound();
      await this.record(actor, access, 'schedule.block_deleted', 'schedule_block', id, { id }, null);
    });
  }

  private blockView(access: EventAccess, block: BlockRecord, roomSlugs: Map<string, string>) {
    const timezone = access.event.timezone;
    return {
      id: block.id,
      kind: block.kind,
      name: block.name,
      room: block.roomId ? (roomSlugs.get(block.roomId) ?? null) : null,
      startsAt: block.startsAt,
      endsAt: block.endsAt,
      startsAtLocal: toZonedIso(block.startsAt, timezone),
      endsAtLocal: toZonedIso(block.endsAt, timezone),
    };
  }

  private record(actor: Actor, access: EventAccess, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    return this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType, entityId, before, after });
  }
}
