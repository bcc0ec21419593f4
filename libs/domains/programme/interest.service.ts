import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { localizedText, textIn } from '@lectern/i18n/localized-text';
import { renderCalendar } from './ical';
import { InterestRepository } from './interest.repository';
import { ProgrammeErrors } from './programme.errors';
import { ProgrammeRepository } from './programme.repository';
import { RenderedFeed } from './programme.types';
import { ReleasedSession } from './release.policy';

/** 32 random bytes: 256 bits, unguessable; the database keeps only their SHA-256. */
const newToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Attendees' interest: a registered (confirmed) attendee marks sessions of the released programme, reads them back
 * as a personal iCal feed behind an unguessable URL, and organisers see how many marked each session (which the
 * automatic proposal uses to put popular sessions in larger rooms).
 */
@Injectable()
export class InterestService {
  constructor(
    private readonly interests: InterestRepository,
    private readonly programme: ProgrammeRepository,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async mine(actor: Actor, access: EventAccess) {
    await this.assertAttendee(actor, access);
    const [release, marked, feed] = await Promise.all([
      this.programme.latestRelease(access.event.id),
      this.interests.marked(access.event.id, actor.id),
      this.interests.hasFeed(access.event.id, actor.id),
    ]);
    const released = new Map(((release?.sessions ?? []) as unknown as ReleasedSession[]).map((s) => [s.submissionId, s]));
    return {
      sessions: marked.flatMap((id) => {
        const s = released.get(id);
        return s ? [{ id, code: s.code, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt }] : [];
      }),
      feed,
    };
  }

  async mark(actor: Actor, access: EventAccess, submissionId: string) {
    await this.assertAttendee(actor, access);
    const release = await this.programme.latestRelease(access.event.id);
    const released = (release?.sessions ?? []) as unknown as ReleasedSession[];
    if (!released.some((s) => s.submissionId === submissionId)) throw ProgrammeErrors.sessionNotReleased();
    await this.tx.run(() => this.interests.mark(access.event.id, actor.id, submissionId));
    return this.mine(actor, access);
  }

  /** Unmarking a session that was not marked changes nothing and is no error. */
  async unmark(actor: Actor, access: EventAccess, submissionId: string) {
    await this.assertAttendee(actor, access);
    await this.tx.run(() => this.interests.unmark(access.event.id, actor.id, submissionId));
  }

  /** A new feed URL; an earlier one stops working. The token is shown this once. */
  async rotateFeed(actor: Actor, access: EventAccess) {
    await this.assertAttendee(actor, access);
    const token = newToken();
    await this.tx.run(() => this.interests.putFeed(access.event.id, actor.id, hashOf(token)));
    return { token, url: `${this.config.mail.publicBaseUrl}/v1/events/${access.event.slug}/interest-feeds/${token}` };
  }

  /** The marked sessions of the latest release as iCalendar; a cancelled registration ends the feed. */
  async feed(access: EventAccess, token: string): Promise<RenderedFeed> {
    const owner = await this.interests.feedOwner(access.event.id, hashOf(token));
    if (!owner || !(await this.interests.hasConfirmedRegistration(access.event.id, owner.userId))) throw ProgrammeErrors.interestFeedNotFound();
    const release = await this.programme.latestRelease(access.event.id);
    if (!release) throw ProgrammeErrors.notReleased();
    const [marked, rooms] = await Promise.all([this.interests.marked(access.event.id, owner.userId), this.programme.rooms(access.event.id)]);
    const languages = access.event.series.languages;
    const roomName = new Map(rooms.map((room) => [room.id, textIn(room.name, languages[0], languages) ?? room.slug]));
    const wanted = new Set(marked);
    const sessions = (release.sessions as unknown as ReleasedSession[])
      .filter((s) => wanted.has(s.submissionId))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code));
    const lastModified = owner.changedAt > release.releasedAt ? owner.changedAt : release.releasedAt;
    const body = Buffer.from(
      renderCalendar({
        name: textIn(localizedText(access.event.name), languages[0], languages) ?? access.event.slug,
        stamp: release.releasedAt,
        events: sessions.map((s) => ({
          uid: `${s.submissionId}@lectern`,
          start: new Date(s.startsAt),
          end: new Date(s.endsAt),
          summary: s.title,
          location: roomName.get(s.roomId),
          sequence: release.version,
        })),
      }),
    );
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    return { body, etag: `"i${release.version}-${digest}"`, lastModified, version: release.version };
  }

  /** Marks per session of the latest release, most marked first (for organisers). */
  async counts(access: EventAccess) {
    const [release, counts] = await Promise.all([this.programme.latestRelease(access.event.id), this.interests.counts(access.event.id)]);
    const sessions = ((release?.sessions ?? []) as unknown as ReleasedSession[])
      .map((s) => ({ id: s.submissionId, code: s.code, title: s.title, interested: counts.get(s.submissionId) ?? 0 }))
      .sort((a, b) => b.interested - a.interested || a.code.localeCompare(b.code));
    return { version: release?.version ?? null, sessions };
  }

  private async assertAttendee(actor: Actor, access: EventAccess) {
    if (!(await this.interests.hasConfirmedRegistration(access.event.id, actor.id))) throw ProgrammeErrors.notAnAttendee();
  }
}
