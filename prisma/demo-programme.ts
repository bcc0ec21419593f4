import { INestApplicationContext } from '@nestjs/common';
import { ScheduleBlockKind } from '@lectern/database/generated/enums';
import { parseJsonText } from '@lectern/database/json.types';
import { organiserCall } from './demo-support';
import { Actor } from '@lectern/domains/auth/auth.types';
import { CfpService } from '@lectern/domains/cfp/cfp.service';
import { SubmissionListingService } from '@lectern/domains/cfp/submission-listing.service';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { FeedsService } from '@lectern/domains/programme/feeds.service';
import { propose } from '@lectern/domains/programme/proposal.policy';
import { ReleasesService } from '@lectern/domains/programme/releases.service';
import { RoomsService } from '@lectern/domains/programme/rooms.service';
import { ScheduleService, plannedSession } from '@lectern/domains/programme/schedule.service';
import { toZonedIso } from '@lectern/clock/zoned-time';

/**
 * The rooms of the demo edition (the Shanghai Expo Centre's halls are invented, as are the capacities): one
 * keynote hall, livestreamed, and eleven breakout rooms, two of them livestreamed too.
 */
export const DEMO_ROOMS = [
  { slug: 'keynote-hall', en: 'Keynote Hall', zh: '主会场', capacity: 3000, livestreamed: true },
  { slug: 'hall-1', en: 'Hall 1', zh: '1 号厅', capacity: 600, livestreamed: true },
  { slug: 'hall-2', en: 'Hall 2', zh: '2 号厅', capacity: 500, livestreamed: true },
  { slug: 'room-201', en: 'Room 201', zh: '201 会议室', capacity: 300, livestreamed: false },
  { slug: 'room-202', en: 'Room 202', zh: '202 会议室', capacity: 300, livestreamed: false },
  { slug: 'room-203', en: 'Room 203', zh: '203 会议室', capacity: 250, livestreamed: false },
  { slug: 'room-204', en: 'Room 204', zh: '204 会议室', capacity: 250, livestreamed: false },
  { slug: 'room-301', en: 'Room 301', zh: '301 会议室', capacity: 200, livestreamed: false },
  { slug: 'room-302', en: 'Room 302', zh: '302 会议室', capacity: 200, livestreamed: false },
  { slug: 'room-303', en: 'Room 303', zh: '303 会议室', capacity: 150, livestreamed: false },
  { slug: 'room-304', en: 'Room 304', zh: '304 会议室', capacity: 150, livestreamed: false },
  { slug: 'maintainer-lounge', en: 'Maintainer Lounge', zh: '维护者专场', capacity: 120, livestreamed: false },
] as const;

/** Lunch, for every room, on each of the edition's days (local wall-clock time). */
const LUNCH = { from: '12:00', to: '13:15' };

/** A session the speakers have not confirmed yet: the automatic proposal leaves it out, organisers place it by hand. */
export interface UnconfirmedSession {
  id: string;
  /** Orders these sessions the same way on every machine. */
  key: string;
  lengthMinutes: number;
  speakerIds: string[];
}

export interface DemoProgrammeResult {
  skipped: boolean;
  placed: number;
  version: number;
}

/**
 * The demo edition's programme, through the services organisers use: rooms, a lunch block per day, the keynotes
 * pinned in the keynote hall each morning, the automatic proposal for every other confirmed (and invited) session, then the sessions still waiting for their speakers' answer
 * placed by the same search (the proposal logic, with what is placed held fixed) and the schedule released as
 * version 1. Deterministic for the same data; left alone once released.
 */
export async function buildDemoProgramme(
  app: INestApplicationContext,
  organiser: Actor,
  access: EventAccess,
  unconfirmed: readonly UnconfirmedSession[],
): Promise<DemoProgrammeResult> {
  const rooms = app.get(RoomsService);
  const schedule = app.get(ScheduleService);
  const releases = app.get(ReleasesService);
  const existing = await releases.list(access);
  if (existing.length > 0) return { skipped: true, placed: existing[0].sessionCount, version: existing[0].version };

  const have = new Set((await rooms.rooms(access)).map((room) => room.slug));
  for (const [position, room] of DEMO_ROOMS.entries()) {
    if (have.has(room.slug)) continue;
    await rooms.createRoom(organiser, access, {
      slug: room.slug,
      name: { en: room.en, 'zh-CN': room.zh },
      capacity: room.capacity,
      livestreamed: room.livestreamed,
      position: position + 1,
    });
  }
  if ((await rooms.blocks(access)).length === 0) {
    const { days } = await rooms.dayHours(access);
    for (const day of days) {
      await rooms.createBlock(organiser, access, {
        kind: ScheduleBlockKind.LUNCH,
        name: { en: 'Lunch', 'zh-CN': '午餐' },
        startsAt: `${day.date}T${LUNCH.from}`,
        endsAt: `${day.date}T${LUNCH.to}`,
      });
    }
  }

  // the keynotes open each morning in the keynote hall, pinned as organisers would; the proposal fills in the rest
  const before = new Set((await schedule.snapshot(access)).placements.map((p) => p.submissionId));
  const keynoteMinutes = (await app.get(CfpService).get(access)).formats.find((f) => f.slug === 'keynote')?.durationMinutes ?? 15;
  const keynotes = parseJsonText(await app.get(SubmissionListingService).list(organiserCall(organiser, access.event.slug), { origin: 'INVITED', format: 'keynote', limit: 200 })).items.sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  const { days } = await rooms.dayHours(access);
  const perDay = Math.ceil(keynotes.length / days.length);
  for (const [index, keynote] of keynotes.entries()) {
    if (before.has(keynote.id)) continue;
    const day = days[Math.floor(index / perDay)];
    const start = new Date(day.opensAt.getTime() + (index % perDay) * keynoteMinutes * 60_000);
    const startsAt = toZonedIso(start, access.event.timezone).slice(0, 16);
    await schedule.place(organiser, access, keynote.id, { room: DEMO_ROOMS[0].slug, startsAt, pinned: true }, 'en');
  }

  await schedule.propose(organiser, access, {}, 'en');

  const snapshot = await schedule.snapshot(access);
  const placed = new Set(snapshot.placements.map((p) => p.submissionId));
  const waiting = [...unconfirmed].filter((s) => !placed.has(s.id)).sort((a, b) => a.key.localeCompare(b.key));
  const slugs = new Map(snapshot.rooms.map((room) => [room.id, room.slug]));
  const byHand = propose({
    rooms: snapshot.rooms.map((room) => ({ id: room.id, capacity: room.capacity, position: room.position })),
    days: snapshot.frame.days,
    blocks: snapshot.frame.blocks,
    availability: snapshot.frame.availability,
    fixed: snapshot.placements.map((p) => plannedSession(p, snapshot.interested)),
    sessions: waiting.map((s) => ({
      submissionId: s.id,
      code: s.key,
      lengthMinutes: s.lengthMinutes,
      trackId: null,
      speakerIds: s.speakerIds,
      confirmed: false,
      popularity: 0,
      expectedAudience: 0,
    })),
  });
  for (const p of byHand.placements) {
    const startsAt = toZonedIso(new Date(p.start), access.event.timezone).slice(0, 16);
    await schedule.place(organiser, access, p.submissionId, { room: slugs.get(p.roomId)!, startsAt }, 'en');
  }

  const released = await releases.release(organiser, access, 'The programme: every keynote, breakout, maintainer track session and lightning talk');
  return { skipped: false, placed: released.sessionCount, version: released.version };
}

/** The demo edition's public feeds as an anonymous visitor gets them: schedule.xml and schedule.json, in its primary language. */
export async function demoFeeds(app: INestApplicationContext, slug: string): Promise<{ xml: Buffer; json: Buffer }> {
  const access = await app.get(EventAccessService).access(slug, undefined);
  const feeds = app.get(FeedsService);
  const [xml, json] = await Promise.all([
    feeds.scheduleXml(access, feeds.feedLanguage(access, undefined)),
    feeds.scheduleJson(access),
  ]);
  return { xml: xml.body, json: json.body };
}
