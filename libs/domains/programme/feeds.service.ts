import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { remember } from '@lectern/caching/bounded.cache';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { Language, translator } from '@lectern/i18n/i18n';
import { localizedText, textIn } from '@lectern/i18n/localized-text';
import { FeedInput, renderC3voc } from './c3voc.render';
import { renderFrabXml } from './feeds.frab.render';
import { feedHistory } from './feeds.history';
import { programmeCalendar } from './feeds.ical.render';
import { FeedsRepository } from './feeds.repository';
import { renderCalendar } from './ical';
import { ProgrammeErrors } from './programme.errors';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeState, PublicFeedCache, PublishedFeed } from './public-feed.cache';
import { PublicProgrammeRepository } from './public-programme.repository';
import { ReleasedSession } from './release.policy';
import { RoomsService } from './rooms.service';

/** What every feed of one released version in one language is made from, loaded once. */
interface Snapshot {
  input: FeedInput;
  sequence: Map<string, number>;
  releasedAt: Date;
  state: ProgrammeState;
  eventName: string;
  roomIds: Map<string, string>;
  roomNames: Map<string, string>;
}

/** Snapshots and rendered feeds are kept per state of the programme (public-feed.cache.ts), a bounded number of each. */
const SNAPSHOTS = 20;
const FEEDS = 500;

/**
 * The programme's feeds: the c3voc `schedule.json`, the frab `schedule.xml` and iCalendar feeds of the whole
 * programme, of one room and of one speaker. Each is made from the latest released version only (never the draft),
 * in one of the edition's languages. Rooms, times and titles come from the release; names, abstracts and speakers
 * as they are now, so a speaker who withdraws consent to publication leaves the feeds at once. A feed is rendered
 * once per state of all that and served from memory, its ETag naming the version and the bytes.
 */
@Injectable()
export class FeedsService {
  private readonly snapshots = new Map<string, Promise<Snapshot>>();
  private readonly feeds = new Map<string, PublishedFeed>();

  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly feedsRepository: FeedsRepository,
    private readonly pages: PublicProgrammeRepository,
    private readonly cache: PublicFeedCache,
    private readonly rooms: RoomsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The language a feed is written in: the one asked for if the edition publishes in it, else its primary. */
  feedLanguage(access: EventAccess, asked: string | undefined): Language {
    const languages = access.event.series.languages;
    return asked && languages.includes(asked) ? asked : languages[0];
  }

  /** The c3voc document holds one text per name: always in the edition's primary language. */
  async scheduleJson(access: EventAccess): Promise<PublishedFeed> {
    return this.feed(access, access.event.series.languages[0], 'json', (snapshot) => JSON.stringify(renderC3voc(snapshot.input)));
  }

  async scheduleXml(access: EventAccess, language: Language): Promise<PublishedFeed> {
    return this.feed(access, language, 'xml', (snapshot) => renderFrabXml(snapshot.input));
  }

  async programmeCalendar(access: EventAccess, language: Language): Promise<PublishedFeed> {
    return this.feed(access, language, 'ics', (s) =>
      renderCalendar(programmeCalendar(s.input, s.sequence, s.eventName, () => true, s.releasedAt)),
    );
  }

  /** One room's sessions; ROOM_NOT_FOUND for a room the edition does not have. */
  async roomCalendar(access: EventAccess, room: string, language: Language): Promise<PublishedFeed> {
    const snapshot = await this.snapshot(access, language);
    const roomId = snapshot.roomIds.get(room);
    if (!roomId) throw ProgrammeErrors.roomNotFound(room);
    return this.feed(access, language, `ics:room:${roomId}`, (s) =>
      renderCalendar(
        programmeCalendar(s.input, s.sequence, `${s.eventName} · ${s.roomNames.get(roomId) ?? room}`, (session) => session.roomId === roomId, s.releasedAt),
      ),
    );
  }

  /**
   * One speaker's sessions (with those cancelled since an earlier release). Only a speaker of the released
   * programme who publishes their name has one: anyone else is SPEAKER_NOT_IN_PROGRAMME, whether the account exists
   * or not.
   */
  async speakerCalendar(access: EventAccess, speakerId: string, language: Language): Promise<PublishedFeed> {
    const snapshot = await this.snapshot(access, language);
    // a speaker who withheld their name has no calendar of their own either: it would say which sessions are theirs
    const listed = [...snapshot.input.details.values()].some((detail) => detail.speakers.some((speaker) => speaker.id === speakerId));
    if (!listed || !snapshot.input.sessions.some((session) => session.speakerIds.includes(speakerId))) throw ProgrammeErrors.speakerNotInProgramme();
    return this.feed(access, language, `ics:speaker:${speakerId}`, (s) => {
      const name = s.input.details.get(s.input.sessions.find((session) => session.speakerIds.includes(speakerId))!.submissionId)
        ?.speakers.find((speaker) => speaker.id === speakerId)?.name;
      return renderCalendar(
        programmeCalendar(s.input, s.sequence, name ? `${s.eventName} · ${name}` : s.eventName, (session) => session.speakerIds.includes(speakerId), s.releasedAt),
      );
    });
  }

  private async feed(access: EventAccess, language: Language, kind: string, render: (snapshot: Snapshot) => string): Promise<PublishedFeed> {
    const snapshot = await this.snapshot(access, language);
    const key = `${snapshot.state.stamp}:${language}:${kind}`;
    const cached = this.feeds.get(key);
    if (cached) return cached;
    const body = Buffer.from(render(snapshot));
    return remember(this.feeds, FEEDS, key, {
      body,
      etag: `"v${snapshot.input.version}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
      // the bytes change with a profile or a consent as well as with a release
      lastModified: snapshot.state.fingerprint.changedAt,
      version: snapshot.input.version,
      eventId: access.event.id,
      stamp: snapshot.state.stamp,
      language,
    });
  }

  /** The snapshot of the programme as it is now; one query at most when it is known already. */
  private async snapshot(access: EventAccess, language: Language): Promise<Snapshot> {
    const state = await this.cache.state(access.event.id);
    if (!state) throw ProgrammeErrors.notReleased();
    const key = `${state.stamp}:${language}`;
    const cached = this.snapshots.get(key);
    if (cached) return cached;
    const loading = this.load(access, state, language);
    // a failed load is not kept: the next request tries again
    void loading.catch(() => this.snapshots.delete(key));
    return remember(this.snapshots, SNAPSHOTS, key, loading);
  }

  private async load(access: EventAccess, state: ProgrammeState, language: Language): Promise<Snapshot> {
    const eventId = access.event.id;
    const version = state.fingerprint.version;
    const [full, versions, rooms, { days }] = await Promise.all([
      this.repository.release(eventId, version),
      this.feedsRepository.releasedVersions(eventId, version),
      this.repository.rooms(eventId),
      this.rooms.dayHours(access),
    ]);
    if (!full) throw ProgrammeErrors.notReleased();
    const sessions = full.sessions as unknown as ReleasedSession[];
    const history = feedHistory(versions);
    const details = await this.repository.publicSessions(eventId, [...sessions, ...history.cancelled].map((s) => s.submissionId));
    // speakers who withheld their name are left out of every feed
    const withheld = await this.pages.namesWithheld([...new Set(details.flatMap((d) => d.speakers.map((s) => s.userId)))]);
    // the formats hold one text per name: the feed's language, with the edition's others as fallbacks
    const languages = access.event.series.languages;
    const text = (value: unknown) => textIn(localizedText(value), language, languages) ?? '';
    const named = <T extends { slug: string; name: unknown }>(entity: T | null) => entity && { slug: entity.slug, name: text(entity.name) };
    const t = translator(language);
    const { slug, timezone, startsAt, endsAt } = access.event;
    const eventName = text(access.event.name);
    return {
      input: {
        event: { slug, timezone, startsAt, endsAt, name: eventName },
        version: full.version,
        baseUrl: this.config.mail.publicBaseUrl,
        language,
        days,
        rooms,
        sessions,
        cancelled: history.cancelled,
        cancelledTitle: (title) => t('programme:feeds.cancelled', { title }),
        details: new Map(
          details.map((d) => [
            d.id,
            {
              abstract: d.abstract,
              language: d.language,
              track: named(d.track),
              format: named(d.format),
              speakers: d.speakers
                .filter((s) => !withheld.has(s.userId))
                .map((s) => ({ id: s.userId, name: s.user.speakerProfile?.name ?? '' }))
                .filter((s) => s.name),
            },
          ]),
        ),
      },
      sequence: history.sequence,
      releasedAt: full.releasedAt,
      state,
      eventName,
      roomIds: new Map(rooms.map((room) => [room.slug, room.id])),
      roomNames: new Map(rooms.map((room) => [room.id, textIn(room.name, language, languages) ?? room.slug])),
    };
  }
}
