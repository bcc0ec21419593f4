import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AudienceLevel } from '@lectern/database/generated/enums';
import { remember } from '@lectern/caching/bounded.cache';
import { toZonedIso } from '@lectern/clock/zoned-time';
import { FieldError } from '@lectern/errors/domain.error';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { localizedText, publishedText } from '@lectern/i18n/localized-text';
import { ProgrammeErrors } from './programme.errors';
import { ProgrammeRepository } from './programme.repository';
import { PublicProgrammeRepository } from './public-programme.repository';
import { RenderedFeed } from './programme.types';
import { ReleasedSession } from './release.policy';
import { RoomsService } from './rooms.service';
import { PublicSpeaker, publicSpeaker } from './speaker-publication.policy';

export interface ProgrammeFilters {
  day?: string;
  track?: string;
  level?: string;
  language?: string;
  room?: string;
}

const LEVELS = new Set<string>(Object.values(AudienceLevel));

type Named = { slug: string; name: Record<string, string> };

interface PublicSession {
  id: string;
  code: string;
  title: string;
  abstract: string | null;
  day: string;
  startsAt: string;
  endsAt: string;
  startsAtLocal: string;
  endsAtLocal: string;
  room: Named;
  track: Named | null;
  format: Named | null;
  level: string | null;
  language: string | null;
  speakers: PublicSpeaker[];
}

interface Programme {
  version: number;
  releasedAt: Date;
  timezone: string;
  sessions: PublicSession[];
  speakers: Map<string, PublicSpeaker>;
}

/** Rendered pages kept per release, state and filter; the oldest goes first (a bounded number of them). */
const CACHE_SIZE = 200;

/** The body with validators: the ETag is the version and a digest of the bytes, so any change of them changes it. */
function rendered(version: number, value: unknown, lastModified: Date): RenderedFeed {
  const body = Buffer.from(JSON.stringify(value));
  return { body, etag: `"p${version}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`, lastModified, version };
}

/**
 * The public programme as pages: sessions with room, time, track, level, language, format and their speakers'
 * published fields; the speakers and a page per speaker. Rooms and times come only from the latest release (never
 * the draft); titles from the release too. Abstracts, tracks and speakers' profiles are read as they are now, so a
 * speaker who withdraws consent disappears at once. So a rendered page is kept under the release and the instant
 * anything it shows last changed (one query per request finds both), which is also its Last-Modified.
 */
@Injectable()
export class PublicProgrammePagesService {
  private readonly cache = new Map<string, RenderedFeed>();

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly pages: PublicProgrammeRepository,
    private readonly rooms: RoomsService,
  ) {}

  async sessions(access: EventAccess, filters: ProgrammeFilters): Promise<RenderedFeed> {
    await this.checkFilters(access, filters);
    const key = `sessions:${JSON.stringify([filters.day, filters.track, filters.level, filters.language, filters.room])}`;
    return this.page(access, key, (programme) => {
      const sessions = programme.sessions.filter(
        (s) =>
          (filters.day === undefined || s.day === filters.day) &&
          (filters.track === undefined || s.track?.slug === filters.track) &&
          (filters.level === undefined || s.level === filters.level) &&
          (filters.language === undefined || s.language === filters.language) &&
          (filters.room === undefined || s.room.slug === filters.room),
      );
      const { version, releasedAt, timezone } = programme;
      return { version, releasedAt, timezone, sessions };
    });
  }

  async speakers(access: EventAccess): Promise<RenderedFeed> {
    return this.page(access, 'speakers', (programme) => {
      const speakers = [...programme.speakers.values()]
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .map((speaker) => ({ ...speaker, sessions: programme.sessions.filter((s) => s.speakers.some((p) => p.id === speaker.id)).map((s) => s.id) }));
      return { version: programme.version, speakers };
    });
  }

  async speaker(access: EventAccess, speakerId: string): Promise<RenderedFeed> {
    return this.page(access, `speaker:${speakerId}`, (programme) => {
      const speaker = programme.speakers.get(speakerId);
      if (!speaker) throw ProgrammeErrors.speakerNotFound();
      const sessions = programme.sessions.filter((s) => s.speakers.some((p) => p.id === speakerId));
      return { version: programme.version, timezone: programme.timezone, speaker, sessions };
    });
  }

  /** The page from the cache while nothing it shows has changed; built and kept otherwise. */
  private async page(access: EventAccess, key: string, build: (programme: Programme) => unknown): Promise<RenderedFeed> {
    const state = await this.pages.fingerprint(access.event.id);
    if (!state) throw ProgrammeErrors.notReleased();
    const cacheKey = `${state.releaseId}:${state.changedAt.getTime()}:${state.links}:${key}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    return remember(this.cache, CACHE_SIZE, cacheKey, rendered(state.version, build(await this.load(access)), state.changedAt));
  }

  private async checkFilters(access: EventAccess, filters: ProgrammeFilters) {
    const errors: FieldError[] = [];
    const needs = filters.track !== undefined || filters.language !== undefined;
    const [values, rooms, days] = await Promise.all([
      needs ? this.pages.filterValues(access.event.id) : null,
      filters.room !== undefined ? this.programme.rooms(access.event.id) : null,
      filters.day !== undefined ? this.rooms.dayHours(access) : null,
    ]);
    if (days && !days.days.some((d) => d.date === filters.day)) errors.push({ field: 'day', code: 'invalid' });
    if (values && filters.track !== undefined && !values.tracks.includes(filters.track)) errors.push({ field: 'track', code: 'invalid' });
    if (filters.level !== undefined && !LEVELS.has(filters.level)) errors.push({ field: 'level', code: 'invalid' });
    if (values && filters.language !== undefined && !values.languages.includes(filters.language)) errors.push({ field: 'language', code: 'invalid' });
    if (rooms && !rooms.some((r) => r.slug === filters.room)) errors.push({ field: 'room', code: 'invalid' });
    if (errors.length > 0) throw ProgrammeErrors.filterInvalid(errors);
  }

  private async load(access: EventAccess): Promise<Programme> {
    const eventId = access.event.id;
    const release = await this.programme.latestRelease(eventId);
    if (!release) throw ProgrammeErrors.notReleased();
    const released = release.sessions as unknown as ReleasedSession[];
    const [rooms, details] = await Promise.all([
      this.programme.rooms(eventId),
      this.pages.sessionDetails(eventId, released.map((s) => s.submissionId)),
    ]);
    const choices = new Map(
      (await this.pages.publications([...new Set(details.flatMap((d) => d.speakers.map((s) => s.userId)))])).map((c) => [c.userId, c]),
    );
    const languages = access.event.series.languages;
    const named = (entity: { slug: string; name: unknown } | null): Named | null =>
      entity && { slug: entity.slug, name: publishedText(localizedText(entity.name), languages) };
    const timezone = access.event.timezone;

    const speakers = new Map<string, PublicSpeaker>();
    const detailOf = new Map(details.map((d) => [d.id, d]));
    const roomOf = new Map(rooms.map((r) => [r.id, r]));
    const sessions: PublicSession[] = [];
    for (const s of [...released].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code))) {
      const detail = detailOf.get(s.submissionId);
      const room = roomOf.get(s.roomId);
      if (!detail || !room) continue;
      const shown: PublicSpeaker[] = [];
      for (const link of detail.speakers) {
        const { user } = link;
        const choice = choices.get(link.userId) ?? null;
        const profile = user.speakerProfile ?? { name: user.name, company: null, jobTitle: null, bio: null };
        const visible = publicSpeaker(link.userId, profile, choice);
        if (!visible) continue;
        shown.push(visible);
        speakers.set(visible.id, visible);
      }
      const startsAtLocal = toZonedIso(new Date(s.startsAt), timezone);
      sessions.push({
        id: s.submissionId,
        code: s.code,
        title: s.title,
        abstract: detail.abstract,
        day: startsAtLocal.slice(0, 10),
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        startsAtLocal,
        endsAtLocal: toZonedIso(new Date(s.endsAt), timezone),
        room: { slug: room.slug, name: publishedText(room.name, languages) },
        track: named(detail.track),
        format: named(detail.format),
        level: detail.level,
        language: detail.language,
        speakers: shown,
      });
    }
    return { version: release.version, releasedAt: release.releasedAt, timezone, sessions, speakers };
  }
}
