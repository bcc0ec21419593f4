import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

/** What a clone carried over, table by table, for the audit entry and the response. */
export interface CloneCounts {
  sessionFormats: number;
  tracks: number;
  cfpQuestions: number;
  cfpSettings: number;
  reviewSettings: number;
  reviewCriteria: number;
  ticketTypes: number;
  quotas: number;
  scholarshipProgrammes: number;
  rooms: number;
  scheduleDays: number;
  scheduleBlocks: number;
  colocatedEvents: number;
}

/** Every copied Json column is a required LocalizedText. */
const json = (value: Prisma.JsonValue) => value as Prisma.InputJsonValue;
// an optional translated text (a description, a help text): SQL NULL stays SQL NULL
const optionalJson = (value: Prisma.JsonValue | null) => (value === null ? Prisma.DbNull : json(value));

/**
 * Copies an edition's configuration onto a new edition, every instant moved by `shiftMs`. Only configuration:
 * people, proposals, registrations, vouchers, facts, tokens and webhooks stay with the source. Runs inside the
 * caller's transaction.
 */
@Injectable()
export class CloneRepository {
  constructor(private readonly tx: TransactionHost) {}

  async copyConfiguration(sourceId: string, targetId: string, shiftMs: number): Promise<Omit<CloneCounts, 'colocatedEvents'>> {
    const db = this.tx.db;
    const at = (date: Date) => new Date(date.getTime() + shiftMs);
    const maybe = (date: Date | null) => (date === null ? null : at(date));
    const map = new Map<string, string>();
    const fresh = (id: string) => {
      const next = randomUUID();
      map.set(id, next);
      return next;
    };

    const formats = await db.sessionFormat.findMany({ where: { eventId: sourceId } });
    await db.sessionFormat.createMany({
      data: formats.map(({ id, eventId: _e, createdAt: _c, updatedAt: _u, name, description, ...rest }) => ({ ...rest, name: json(name), description: optionalJson(description), id: fresh(id), eventId: targetId })),
    });
    const tracks = await db.track.findMany({ where: { eventId: sourceId } });
    await db.track.createMany({
      data: tracks.map(({ id, eventId: _e, createdAt: _c, updatedAt: _u, name, description, ...rest }) => ({ ...rest, name: json(name), description: optionalJson(description), id: fresh(id), eventId: targetId })),
    });
    // archived questions are not asked any more: a new edition starts without them
    const questions = await db.cfpQuestion.findMany({ where: { eventId: sourceId, archivedAt: null } });
    await db.cfpQuestion.createMany({
      data: questions.map(({ id: _i, eventId: _e, createdAt: _c, updatedAt: _u, archivedAt: _a, label, helpText, options, ...rest }) => ({
        ...rest,
        label: json(label),
        helpText: optionalJson(helpText),
        options: json(options),
        eventId: targetId,
      })),
    });

    const cfp = await db.cfpSettings.findUnique({ where: { eventId: sourceId } });
    if (cfp) {
      const { eventId: _e, createdAt: _c, updatedAt: _u, lastCodeNumber: _n, ...rest } = cfp;
      await db.cfpSettings.create({ data: { ...rest, eventId: targetId, opensAt: at(cfp.opensAt), closesAt: at(cfp.closesAt) } });
    }
    const review = await db.reviewSettings.findUnique({ where: { eventId: sourceId }, include: { criteria: true } });
    if (review) {
      const { eventId: _e, createdAt: _c, updatedAt: _u, criteria, ...rest } = review;
      await db.reviewSettings.create({ data: { ...rest, eventId: targetId, opensAt: at(review.opensAt), closesAt: at(review.closesAt) } });
      await db.reviewCriterion.createMany({
        data: criteria.map(({ id: _i, eventId: _ev, createdAt: _cr, name, description, ...criterion }) => ({ ...criterion, name: json(name), description: optionalJson(description), eventId: targetId })),
      });
    }

    const ticketTypes = await db.ticketType.findMany({ where: { eventId: sourceId } });
    await db.ticketType.createMany({
      data: ticketTypes.map(({ id, eventId: _e, createdAt: _c, updatedAt: _u, name, salesStartAt, salesEndAt, ...rest }) => ({
        ...rest,
        name: json(name),
        id: fresh(id),
        eventId: targetId,
        salesStartAt: maybe(salesStartAt),
        salesEndAt: maybe(salesEndAt),
      })),
    });
    const quotas = await db.quota.findMany({ where: { eventId: sourceId }, include: { ticketTypes: true } });
    await db.quota.createMany({
      data: quotas.map(({ id, eventId: _e, createdAt: _c, updatedAt: _u, ticketTypes: _t, ...rest }) => ({ ...rest, id: fresh(id), eventId: targetId })),
    });
    await db.ticketTypeQuota.createMany({
      data: quotas.flatMap((quota) =>
        quota.ticketTypes.map((link) => ({ quotaId: map.get(quota.id)!, ticketTypeId: map.get(link.ticketTypeId)! })),
      ),
    });

    const programmes = await db.scholarshipProgramme.findMany({ where: { eventId: sourceId } });
    await db.scholarshipProgramme.createMany({
      data: programmes.map(({ id: _i, eventId: _e, createdAt: _c, updatedAt: _u, name, description, ticketTypeId, opensAt, closesAt, ...rest }) => ({
        ...rest,
        name: json(name),
        description: optionalJson(description),
        eventId: targetId,
        ticketTypeId: ticketTypeId === null ? null : map.get(ticketTypeId)!,
        opensAt: at(opensAt),
        closesAt: at(closesAt),
      })),
    });

    const rooms = await db.room.findMany({ where: { eventId: sourceId } });
    await db.room.createMany({
      data: rooms.map(({ id, eventId: _e, createdAt: _c, updatedAt: _u, name, ...rest }) => ({ ...rest, name: json(name), id: fresh(id), eventId: targetId })),
    });
    const days = await db.scheduleDay.findMany({ where: { eventId: sourceId } });
    await db.scheduleDay.createMany({
      // the day's date follows its opening hour, so a shift across a date line keeps day and hours together
      data: days.map((day) => ({
        eventId: targetId,
        date: new Date(day.date.getTime() + Math.round(shiftMs / 86_400_000) * 86_400_000),
        opensAt: at(day.opensAt),
        closesAt: at(day.closesAt),
      })),
    });
    const blocks = await db.scheduleBlock.findMany({ where: { eventId: sourceId } });
    await db.scheduleBlock.createMany({
      data: blocks.map(({ id: _i, eventId: _e, createdAt: _c, name, roomId, startsAt, endsAt, ...rest }) => ({
        ...rest,
        name: json(name),
        eventId: targetId,
        roomId: roomId === null ? null : map.get(roomId)!,
        startsAt: at(startsAt),
        endsAt: at(endsAt),
      })),
    });

    return {
      sessionFormats: formats.length,
      tracks: tracks.length,
      cfpQuestions: questions.length,
      cfpSettings: cfp ? 1 : 0,
      reviewSettings: review ? 1 : 0,
      reviewCriteria: review?.criteria.length ?? 0,
      ticketTypes: ticketTypes.length,
      quotas: quotas.length,
      scholarshipProgrammes: programmes.length,
      rooms: rooms.length,
      scheduleDays: days.length,
      scheduleBlocks: blocks.length,
    };
  }

  /** The co-located events held with the source edition, to be copied as shells (their details, nothing inside). */
  colocated(sourceId: string) {
    return this.tx.db.event.findMany({ where: { parentEventId: sourceId }, orderBy: { startsAt: 'asc' } });
  }
}
