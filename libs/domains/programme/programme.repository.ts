import { Injectable } from '@nestjs/common';
import { Prisma, ScheduleBlockKind, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/client';
import { databaseError } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { Changelog, ReleasedSession } from './release.policy';

const ROOM = { id: true, slug: true, name: true, capacity: true, livestreamed: true, position: true } as const;
const BLOCK = { id: true, kind: true, name: true, roomId: true, startsAt: true, endsAt: true } as const;
const PLACEMENT = {
  submissionId: true,
  roomId: true,
  startsAt: true,
  endsAt: true,
  lengthMinutes: true,
  pinned: true,
  expectedAudience: true,
  submission: {
    select: {
      code: true,
      title: true,
      state: true,
      trackId: true,
      track: { select: { slug: true } },
      format: { select: { slug: true } },
      speakers: { select: { userId: true }, orderBy: { createdAt: 'asc' } },
    },
  },
} satisfies Prisma.PlacementSelect;

const RELEASE = { id: true, version: true, releasedAt: true, comment: true, sessions: true, changelog: true } as const;

export type RoomRecord = Omit<Prisma.RoomGetPayload<{ select: typeof ROOM }>, 'name'> & { name: LocalizedText };
export type BlockRecord = Omit<Prisma.ScheduleBlockGetPayload<{ select: typeof BLOCK }>, 'name'> & { name: LocalizedText };
export type PlacementRecord = Prisma.PlacementGetPayload<{ select: typeof PLACEMENT }>;

export interface RoomWrite {
  name?: LocalizedText;
  capacity?: number;
  livestreamed?: boolean;
  position?: number;
}

export interface PlacementWrite {
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  lengthMinutes: number | null;
  pinned: boolean;
  expectedAudience: number | null;
}

/** The states a session may be placed in: accepted (waiting for its speakers) or confirmed. */
export const PLACEABLE_STATES: SubmissionState[] = [SubmissionState.ACCEPTED, SubmissionState.CONFIRMED];

const asRoom = <T extends { name: Prisma.JsonValue }>(row: T) => ({ ...row, name: row.name as LocalizedText });

/** Postgres refused a placement because the room already holds a session at that time (exclusion constraint). */
export function isRoomOverlap(error: unknown): boolean {
  const cause = databaseError(error);
  return cause?.code === '23P01';
}

@Injectable()
export class ProgrammeRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get db() {
    return this.tx.db;
  }

  async rooms(eventId: string): Promise<RoomRecord[]> {
    const rows = await this.db.room.findMany({ where: { eventId }, select: ROOM, orderBy: [{ position: 'asc' }, { slug: 'asc' }] });
    return rows.map(asRoom);
  }

  async findRoom(eventId: string, slug: string): Promise<RoomRecord | null> {
    const row = await this.db.room.findUnique({ where: { eventId_slug: { eventId, slug } }, select: ROOM });
    return row && asRoom(row);
  }

  async createRoom(eventId: string, slug: string, data: Required<RoomWrite>): Promise<RoomRecord> {
    return asRoom(await this.db.room.create({ data: { eventId, slug, ...data }, select: ROOM }));
  }

  async updateRoom(id: string, data: RoomWrite): Promise<RoomRecord> {
    return asRoom(await this.db.room.update({ where: { id }, data, select: ROOM }));
  }

  /** Deletes the room unless a session is placed in it; its blocks go with it. */
  async deleteRoomIfUnused(id: string): Promise<boolean> {
    if ((await this.db.placement.count({ where: { roomId: id } })) > 0) return false;
    await this.db.room.delete({ where: { id } });
    return true;
  }

  async days(eventId: string) {
    return this.db.scheduleDay.findMany({ where: { eventId }, select: { date: true, opensAt: true, closesAt: true }, orderBy: { date: 'asc' } });
  }

  async replaceDays(eventId: string, days: { date: string; opensAt: Date; closesAt: Date }[]): Promise<void> {
    await this.db.scheduleDay.deleteMany({ where: { eventId } });
    if (days.length === 0) return;
    await this.db.scheduleDay.createMany({
      data: days.map((day) => ({ eventId, date: new Date(`${day.date}T00:00:00Z`), opensAt: day.opensAt, closesAt: day.closesAt })),
    });
  }

  async blocks(eventId: string): Promise<BlockRecord[]> {
    const rows = await this.db.scheduleBlock.findMany({ where: { eventId }, select: BLOCK, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
    return rows.map(asRoom);
  }

  async createBlock(eventId: string, data: { kind: ScheduleBlockKind; name: LocalizedText; roomId: string | null; startsAt: Date; endsAt: Date }) {
    return asRoom(await this.db.scheduleBlock.create({ data: { eventId, ...data }, select: BLOCK }));
  }

  async deleteBlock(eventId: string, id: string): Promise<boolean> {
    const { count } = await this.db.scheduleBlock.deleteMany({ where: { eventId, id } });
    return count > 0;
  }

  async placements(eventId: string): Promise<PlacementRecord[]> {
    return this.db.placement.findMany({
      where: { eventId },
      select: PLACEMENT,
      orderBy: [{ startsAt: 'asc' }, { roomId: 'asc' }],
    });
  }

  async findPlacement(eventId: string, submissionId: string): Promise<PlacementRecord | null> {
    return this.db.placement.findFirst({ where: { eventId, submissionId }, select: PLACEMENT });
  }

  async sessionToPlace(eventId: string, submissionId: string) {
    return this.db.submission.findFirst({
      where: { eventId, id: submissionId },
      select: { id: true, state: true, origin: true, format: { select: { durationMinutes: true } } },
    });
  }

  /** Writes the placement; the exclusion constraint refuses an overlap in the room (see isRoomOverlap). */
  async upsertPlacement(eventId: string, submissionId: string, data: PlacementWrite): Promise<void> {
    await this.db.placement.upsert({ where: { submissionId }, create: { eventId, submissionId, ...data }, update: data });
  }

  async createPlacements(eventId: string, rows: ({ submissionId: string } & PlacementWrite)[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.placement.createMany({ data: rows.map((row) => ({ eventId, ...row })) });
  }

  async deleteUnpinned(eventId: string): Promise<number> {
    const { count } = await this.db.placement.deleteMany({ where: { eventId, pinned: false } });
    return count;
  }

  /** Serialises proposals of one edition (a second waits for the first to commit, then sees its placements). */
  async lockSchedule(eventId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('lectern:schedule:' || ${eventId}, 0))`;
  }

  async latestRelease(eventId: string) {
    return this.db.scheduleRelease.findFirst({ where: { eventId }, orderBy: { version: 'desc' }, select: RELEASE });
  }

  /** The latest release's id and version only: what a cached feed needs to know it is still current. */
  async latestReleaseHead(eventId: string) {
    return this.db.scheduleRelease.findFirst({ where: { eventId }, orderBy: { version: 'desc' }, select: { id: true, version: true } });
  }

  async release(eventId: string, version: number) {
    return this.db.scheduleRelease.findUnique({ where: { eventId_version: { eventId, version } }, select: RELEASE });
  }

  async releases(eventId: string) {
    return this.db.scheduleRelease.findMany({ where: { eventId }, orderBy: { version: 'desc' }, select: RELEASE });
  }

  async createRelease(data: { eventId: string; version: number; releasedAt: Date; releasedBy: string; comment: string | null; sessions: ReleasedSession[]; changelog: Changelog }) {
    return this.db.scheduleRelease.create({
      data: { ...data, sessions: data.sessions as unknown as Prisma.InputJsonArray, changelog: data.changelog as unknown as Prisma.InputJsonObject },
      select: RELEASE,
    });
  }

  /** Titles and codes of sessions, whatever their state (a cancelled one is still named in a changelog). */
  async sessionNames(eventId: string, ids: string[]) {
    return this.db.submission.findMany({ where: { eventId, id: { in: ids } }, select: { id: true, code: true, title: true } });
  }

  /** What the public programme shows of released sessions: never a speaker's e-mail, only their speaker name. */
  async publicSessions(eventId: string, ids: string[]) {
    return this.db.submission.findMany({
      where: { eventId, id: { in: ids } },
      select: {
        id: true,
        abstract: true,
        language: true,
        level: true,
        track: { select: { slug: true, name: true } },
        format: { select: { slug: true, name: true } },
        speakers: { select: { userId: true, user: { select: { speakerProfile: { select: { name: true } } } } }, orderBy: { createdAt: 'asc' } },
      },
    });
  }

  async deletePlacement(eventId: string, submissionId: string): Promise<boolean> {
    const { count } = await this.db.placement.deleteMany({ where: { eventId, submissionId } });
    return count > 0;
  }

  /** Confirmed sessions (and invited ones, accepted from the start) that are in no room yet, by code. */
  async unplacedSessions(eventId: string) {
    return this.db.submission.findMany({
      where: {
        eventId,
        placement: null,
        OR: [{ state: SubmissionState.CONFIRMED }, { state: SubmissionState.ACCEPTED, origin: SubmissionOrigin.INVITED }],
      },
      select: {
        id: true,
        code: true,
        state: true,
        trackId: true,
        format: { select: { durationMinutes: true } },
        speakers: { select: { userId: true } },
      },
      orderBy: { code: 'asc' },
    });
  }

  async availability(eventId: string) {
    return this.db.speakerAvailability.findMany({
      where: { eventId },
      select: { userId: true, startsAt: true, endsAt: true, timezone: true },
      orderBy: [{ userId: 'asc' }, { startsAt: 'asc' }],
    });
  }

  async availabilityOf(eventId: string, userId: string) {
    return this.db.speakerAvailability.findMany({
      where: { eventId, userId },
      select: { startsAt: true, endsAt: true, timezone: true },
      orderBy: { startsAt: 'asc' },
    });
  }

  async replaceAvailability(eventId: string, userId: string, timezone: string, slots: { startsAt: Date; endsAt: Date }[]) {
    await this.db.speakerAvailability.deleteMany({ where: { eventId, userId } });
    if (slots.length === 0) return;
    await this.db.speakerAvailability.createMany({ data: slots.map((slot) => ({ eventId, userId, timezone, ...slot })) });
  }

  /** Whether the user speaks in a session of the edition that was submitted (or invited), whatever became of it. */
  async isSpeakerOf(eventId: string, userId: string): Promise<boolean> {
    const found = await this.db.submissionSpeaker.findFirst({
      where: { userId, submission: { eventId, state: { not: SubmissionState.DRAFT } } },
      select: { id: true },
    });
    return found !== null;
  }
}
