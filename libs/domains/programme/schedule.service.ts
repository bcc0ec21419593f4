import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors } from '@lectern/errors/domain.error';
import { Language, translator } from '@lectern/i18n/i18n';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ReviewsRepository } from '@lectern/domains/reviews/reviews.repository';
import { InterestRepository } from './interest.repository';
import { popularity } from './popularity.policy';
import { ProgrammeErrors } from './programme.errors';
import { PLACEABLE_STATES, PlacementRecord, ProgrammeRepository, RoomRecord, isRoomOverlap } from './programme.repository';
import { PlaceSessionInput, ProposeScheduleInput } from './programme.types';
import { SessionToPlace, propose } from './proposal.policy';
import { RoomsService } from './rooms.service';
import { Interval, PlannedSession, ScheduleFrame, SoftProblem, SoftProblemCode, scheduleProblems } from './schedule-problems.policy';

const MINUTE = 60_000;

/** Everything the soft-problem rules read, loaded once per request in a bounded number of queries. */
export interface ScheduleSnapshot {
  rooms: RoomRecord[];
  placements: PlacementRecord[];
  frame: ScheduleFrame;
  /** Attendees who marked each session: the expected audience where organisers gave none. */
  interested: Map<string, number>;
}

export function plannedSession(placement: PlacementRecord, interested: ReadonlyMap<string, number>): PlannedSession {
  return {
    submissionId: placement.submissionId,
    roomId: placement.roomId,
    start: placement.startsAt.getTime(),
    end: placement.endsAt.getTime(),
    trackId: placement.submission.trackId,
    confirmed: placement.submission.state === SubmissionState.CONFIRMED,
    speakerIds: placement.submission.speakers.map((s) => s.userId),
    expectedAudience: placement.expectedAudience ?? interested.get(placement.submissionId) ?? 0,
  };
}

/** The draft schedule: placing sessions in rooms and times, and the soft problems of what is placed. */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly rooms: RoomsService,
    private readonly reviews: ReviewsRepository,
    private readonly interests: InterestRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async snapshot(access: EventAccess): Promise<ScheduleSnapshot> {
    const eventId = access.event.id;
    const [rooms, placements, availability, blocks, { days }, interested] = await Promise.all([
      this.repository.rooms(eventId),
      this.repository.placements(eventId),
      this.repository.availability(eventId),
      this.repository.blocks(eventId),
      this.rooms.dayHours(access),
      this.interests.counts(eventId),
    ]);
    const slots = new Map<string, Interval[]>();
    for (const slot of availability) {
      const list = slots.get(slot.userId) ?? [];
      list.push({ start: slot.startsAt.getTime(), end: slot.endsAt.getTime() });
      slots.set(slot.userId, list);
    }
    return {
      rooms,
      placements,
      frame: {
        roomCapacity: new Map(rooms.map((room) => [room.id, room.capacity])),
        days: days.map((day) => ({ start: day.opensAt.getTime(), end: day.closesAt.getTime() })),
        availability: slots,
        blocks: blocks.map((block) => ({ roomId: block.roomId, start: block.startsAt.getTime(), end: block.endsAt.getTime() })),
      },
      interested,
    };
  }

  /** The draft as organisers edit it: every placement with its soft problems. */
  async draft(access: EventAccess, language: Language) {
    const snapshot = await this.snapshot(access);
    const problems = scheduleProblems(snapshot.placements.map((p) => plannedSession(p, snapshot.interested)), snapshot.frame);
    const placements = snapshot.placements.map((p) => this.view(access, snapshot, p, problems.get(p.submissionId) ?? [], language));
    return { timezone: access.event.timezone, placements, problemCount: placements.reduce((n, p) => n + p.problems.length, 0) };
  }

  /** The check route: every soft problem of the draft, with counts per code. */
  async check(access: EventAccess, language: Language) {
    const snapshot = await this.snapshot(access);
    const byId = new Map(snapshot.placements.map((p) => [p.submissionId, p]));
    const all = [...scheduleProblems(snapshot.placements.map((p) => plannedSession(p, snapshot.interested)), snapshot.frame).values()].flat();
    const counts: Partial<Record<SoftProblemCode, number>> = {};
    for (const problem of all) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
    return { total: all.length, counts, problems: all.map((problem) => this.problemView(problem, byId, language)) };
  }

  /**
   * Places a session (or moves it): the room must be free then, which the database decides, so of two
   * concurrent placements into one room and time exactly one commits and the other is ROOM_OCCUPIED.
   */
  async place(actor: Actor, access: EventAccess, submissionId: string, input: PlaceSessionInput, language: Language) {
    const eventId = access.event.id;
    const startsAt = parseZonedDateTime(input.startsAt, access.event.timezone);
    if (!startsAt) throw CommonErrors.validation([{ field: 'startsAt', code: 'isIso8601' }]);
    await this.tx.run(async () => {
      const session = await this.repository.sessionToPlace(eventId, submissionId);
      if (!session) throw ProgrammeErrors.sessionNotFound();
      if (!PLACEABLE_STATES.includes(session.state)) throw ProgrammeErrors.notPlaceable(session.state);
      const room = await this.repository.findRoom(eventId, input.room);
      if (!room) throw ProgrammeErrors.unknownRoom(input.room);
      const length = input.lengthMinutes ?? session.format?.durationMinutes;
      if (length === undefined) throw ProgrammeErrors.lengthRequired();
      const before = await this.repository.findPlacement(eventId, submissionId);
      const write = {
        roomId: room.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + length * MINUTE),
        lengthMinutes: input.lengthMinutes ?? null,
        pinned: input.pinned ?? before?.pinned ?? false,
        expectedAudience: input.expectedAudience ?? before?.expectedAudience ?? null,
      };
      try {
        await this.repository.upsertPlacement(eventId, submissionId, write);
      } catch (error) {
        if (isRoomOverlap(error)) throw ProgrammeErrors.roomOccupied(room.slug);
        throw error;
      }
      await this.audit.record({
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: before ? 'schedule.moved' : 'schedule.placed',
        entityType: 'submission',
        entityId: submissionId,
        before: before && { roomId: before.roomId, startsAt: before.startsAt, endsAt: before.endsAt },
        after: { roomId: write.roomId, startsAt: write.startsAt, endsAt: write.endsAt, pinned: write.pinned },
      });
    });
    return this.placement(access, submissionId, language);
  }

  /**
   * The automatic first draft: places every confirmed (or invited) session that is in no room yet, keeping what
   * is placed (or only what is pinned, with replaceUnpinned), with no hard conflict and as few soft problems as
   * the greedy search finds; deterministic for the same input. All or nothing: proposals of one edition run one
   * at a time, and an organiser's concurrent placement into a slot it took makes it fail as a whole (409).
   */
  async propose(actor: Actor, access: EventAccess, input: ProposeScheduleInput, language: Language) {
    const eventId = access.event.id;
    const outcome = await this.tx.run(
      async () => {
        await this.repository.lockSchedule(eventId);
        const replaced = input.replaceUnpinned ? await this.repository.deleteUnpinned(eventId) : 0;
        const [snapshot, unplaced, ranking] = await Promise.all([
          this.snapshot(access),
          this.repository.unplacedSessions(eventId),
          this.reviews.rankingPage({ eventId, track: null, format: null, afterRank: null, limit: 100_000 }),
        ]);
        const { interested } = snapshot;
        const rankOf = new Map(ranking.map((row) => [row.id, row.rank_overall]));
        const sessions: SessionToPlace[] = unplaced.map((s) => ({
          submissionId: s.id,
          code: s.code,
          lengthMinutes: s.format?.durationMinutes ?? 30,
          trackId: s.trackId,
          speakerIds: s.speakers.map((speaker) => speaker.userId),
          confirmed: s.state === SubmissionState.CONFIRMED,
          popularity: popularity(interested.get(s.id) ?? 0, rankOf.get(s.id), ranking.length),
          expectedAudience: interested.get(s.id) ?? 0,
        }));
        const started = performance.now();
        const proposal = propose({
          rooms: snapshot.rooms.map((room) => ({ id: room.id, capacity: room.capacity, position: room.position })),
          days: snapshot.frame.days,
          blocks: snapshot.frame.blocks,
          availability: snapshot.frame.availability,
          fixed: snapshot.placements.map((p) => plannedSession(p, snapshot.interested)),
          sessions,
        });
        const tookMs = Math.round(performance.now() - started);
        try {
          await this.repository.createPlacements(
            eventId,
            proposal.placements.map((p) => ({
              submissionId: p.submissionId,
              roomId: p.roomId,
              startsAt: new Date(p.start),
              endsAt: new Date(p.end),
              lengthMinutes: null,
              pinned: false,
              expectedAudience: null,
            })),
          );
        } catch (error) {
          if (isRoomOverlap(error)) throw ProgrammeErrors.proposalConflict();
          throw error;
        }
        const codes = new Map(unplaced.map((s) => [s.id, s.code]));
        await this.audit.record({
          eventId,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'schedule.proposed',
          entityType: 'event',
          entityId: eventId,
          after: { placed: proposal.placements.length, unplaced: proposal.unplaced.length, replaced, soft: proposal.soft },
        });
        return {
          placed: proposal.placements.length,
          replaced,
          unplaced: proposal.unplaced.map((id) => ({ submissionId: id, code: codes.get(id) ?? '' })),
          proposalMs: tookMs,
        };
      },
      { timeoutMs: 60_000 },
    );
    const check = await this.check(access, language);
    return { ...outcome, problems: { total: check.total, counts: check.counts } };
  }

  async placement(access: EventAccess, submissionId: string, language: Language) {
    const snapshot = await this.snapshot(access);
    const placement = snapshot.placements.find((p) => p.submissionId === submissionId);
    if (!placement) throw ProgrammeErrors.placementNotFound();
    const problems = scheduleProblems(snapshot.placements.map((p) => plannedSession(p, snapshot.interested)), snapshot.frame).get(submissionId) ?? [];
    return this.view(access, snapshot, placement, problems, language);
  }

  async unplace(actor: Actor, access: EventAccess, submissionId: string) {
    await this.tx.run(async () => {
      const before = await this.repository.findPlacement(access.event.id, submissionId);
      if (!before || !(await this.repository.deletePlacement(access.event.id, submissionId))) throw ProgrammeErrors.placementNotFound();
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'schedule.unplaced',
        entityType: 'submission',
        entityId: submissionId,
        before: { roomId: before.roomId, startsAt: before.startsAt, endsAt: before.endsAt },
        after: null,
      });
    });
  }

  view(access: EventAccess, snapshot: ScheduleSnapshot, p: PlacementRecord, problems: SoftProblem[], language: Language) {
    const timezone = access.event.timezone;
    const byId = new Map(snapshot.placements.map((other) => [other.submissionId, other]));
    return {
      submissionId: p.submissionId,
      code: p.submission.code,
      title: p.submission.title,
      state: p.submission.state,
      track: p.submission.track?.slug ?? null,
      format: p.submission.format?.slug ?? null,
      room: snapshot.rooms.find((room) => room.id === p.roomId)?.slug ?? '',
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      startsAtLocal: toZonedIso(p.startsAt, timezone),
      endsAtLocal: toZonedIso(p.endsAt, timezone),
      lengthMinutes: Math.round((p.endsAt.getTime() - p.startsAt.getTime()) / MINUTE),
      lengthOverridden: p.lengthMinutes !== null,
      pinned: p.pinned,
      expectedAudience: p.expectedAudience,
      speakerIds: p.submission.speakers.map((s) => s.userId),
      problems: problems.map((problem) => this.problemView(problem, byId, language)),
    };
  }

  private problemView(problem: SoftProblem, byId: Map<string, PlacementRecord>, language: Language) {
    const t = translator(language);
    const other = problem.otherSubmissionId ? byId.get(problem.otherSubmissionId) : undefined;
    return {
      code: problem.code,
      submissionId: problem.submissionId,
      session: byId.get(problem.submissionId)?.submission.code ?? '',
      ...(problem.otherSubmissionId ? { otherSubmissionId: problem.otherSubmissionId } : {}),
      ...(problem.speakerId ? { speakerId: problem.speakerId } : {}),
      message: t(`programme:problems.${problem.code}`, { other: other?.submission.code ?? '' }),
    };
  }
}
