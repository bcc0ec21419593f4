import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { toZonedIso } from '@lectern/clock/zoned-time';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ProgrammeErrors } from './programme.errors';
import { PLACEABLE_STATES, ProgrammeRepository } from './programme.repository';
import { PublicFeedCache } from './public-feed.cache';
import { Changelog, ReleasedSession, changelog } from './release.policy';

type ReleaseRow = NonNullable<Awaited<ReturnType<ProgrammeRepository['latestRelease']>>>;

/**
 * Releases: the draft is frozen into a numbered version with its changelog against the previous one. Only
 * released versions are public; each release is one outbox event, from which the speakers of new or moved
 * sessions hear, once each.
 */
@Injectable()
export class ReleasesService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly feeds: PublicFeedCache,
  ) {}

  async release(actor: Actor, access: EventAccess, comment: string | undefined) {
    const eventId = access.event.id;
    const version = await this.tx.run(async () => {
      // one release (and no proposal) at a time per edition: versions follow each other without gaps
      await this.repository.lockSchedule(eventId);
      const [previous, placements] = await Promise.all([this.repository.latestRelease(eventId), this.repository.placements(eventId)]);
      const sessions: ReleasedSession[] = placements
        .filter((p) => PLACEABLE_STATES.includes(p.submission.state))
        .map((p) => ({
          submissionId: p.submissionId,
          code: p.submission.code,
          title: p.submission.title,
          roomId: p.roomId,
          startsAt: p.startsAt.toISOString(),
          endsAt: p.endsAt.toISOString(),
          speakerIds: p.submission.speakers.map((s) => s.userId),
        }));
      const log = changelog(previous ? (previous.sessions as unknown as ReleasedSession[]) : null, sessions);
      const next = (previous?.version ?? 0) + 1;
      const created = await this.repository.createRelease({
        eventId,
        version: next,
        releasedAt: this.clock.now(),
        releasedBy: actor.id,
        comment: comment ?? null,
        sessions,
        changelog: log,
      });
      await this.audit.record(
        {
          eventId,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'schedule.released',
          entityType: 'schedule_release',
          entityId: created.id,
          after: { version: next, sessions: sessions.length, new: log.new.length, moved: log.moved.length, cancelled: log.cancelled.length },
        },
        { type: 'schedule.released', payload: { eventId, releaseId: created.id, version: next } },
      );
      return next;
    });
    this.feeds.changed();
    return this.get(access, version);
  }

  async list(access: EventAccess) {
    const rows = await this.repository.releases(access.event.id);
    return Promise.all(rows.map((row) => this.view(access, row)));
  }

  async get(access: EventAccess, version: number) {
    const row = await this.repository.release(access.event.id, version);
    if (!row) throw ProgrammeErrors.releaseNotFound(version);
    return this.view(access, row);
  }

  private async view(access: EventAccess, row: ReleaseRow) {
    const sessions = row.sessions as unknown as ReleasedSession[];
    const log = row.changelog as unknown as Changelog;
    const rooms = new Map((await this.repository.rooms(access.event.id)).map((room) => [room.id, room.slug]));
    const names = new Map((await this.repository.sessionNames(access.event.id, log.cancelled)).map((s) => [s.id, s]));
    const byId = new Map(sessions.map((s) => [s.submissionId, s]));
    const timezone = access.event.timezone;
    const at = (s: { roomId: string; startsAt: string; endsAt: string }) => ({
      room: rooms.get(s.roomId) ?? null,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      startsAtLocal: toZonedIso(new Date(s.startsAt), timezone),
    });
    return {
      version: row.version,
      releasedAt: row.releasedAt,
      comment: row.comment,
      sessionCount: sessions.length,
      changelog: {
        new: log.new.map((id) => ({ submissionId: id, code: byId.get(id)?.code ?? '', title: byId.get(id)?.title ?? '', to: at(byId.get(id)!) })),
        moved: log.moved.map((m) => ({
          submissionId: m.submissionId,
          code: byId.get(m.submissionId)?.code ?? '',
          title: byId.get(m.submissionId)?.title ?? '',
          from: at(m.from),
          to: at(byId.get(m.submissionId)!),
        })),
        cancelled: log.cancelled.map((id) => ({ submissionId: id, code: names.get(id)?.code ?? '', title: names.get(id)?.title ?? '' })),
      },
    };
  }
}
