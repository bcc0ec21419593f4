import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { renderC3voc } from './c3voc.render';
import { feedHistory } from './feeds.history';
import { FeedsRepository } from './feeds.repository';
import { ProgrammeErrors } from './programme.errors';
import { ProgrammeRepository } from './programme.repository';
import { PublicProgrammeRepository } from './public-programme.repository';
import { ReleasedSession } from './release.policy';
import { RoomsService } from './rooms.service';
import { translator } from '@lectern/i18n/i18n';
import { localizedText, textIn } from '@lectern/i18n/localized-text';

export interface RenderedFeed {
  /** The bytes, encoded once: a string would be encoded again on every response. */
  body: Buffer;
  etag: string;
  lastModified: Date;
  version: number;
}

/** Released versions never change, so each feed of a version is rendered once and kept (a bounded number of them). */
const CACHE_SIZE = 200;

/**
 * The public programme: only ever from the latest released version, never the draft. Feeds are rendered once per
 * release and served from memory; the ETag names the release and the bytes.
 */
@Injectable()
export class PublicProgrammeService {
  private readonly cache = new Map<string, RenderedFeed>();

  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly pages: PublicProgrammeRepository,
    private readonly rooms: RoomsService,
    private readonly feedsRepository: FeedsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scheduleJson(access: EventAccess): Promise<RenderedFeed> {
    const release = await this.repository.latestReleaseHead(access.event.id);
    if (!release) throw ProgrammeErrors.notReleased();
    const key = `c3voc:${release.id}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const full = await this.repository.release(access.event.id, release.version);
    if (!full) throw ProgrammeErrors.notReleased();
    const sessions = full.sessions as unknown as ReleasedSession[];
    // sessions cancelled since an earlier release stay in the feed, marked (feeds.history.ts)
    const { cancelled } = feedHistory(await this.feedsRepository.releasedVersions(access.event.id, full.version));
    const [rooms, details, { days }] = await Promise.all([
      this.repository.rooms(access.event.id),
      this.repository.publicSessions(access.event.id, [...sessions, ...cancelled].map((s) => s.submissionId)),
      this.rooms.dayHours(access),
    ]);
    // speakers who withheld their name are left out of the persons
    const withheld = await this.pages.namesWithheld([...new Set(details.flatMap((d) => d.speakers.map((s) => s.userId)))]);
    // The feed formats hold one text per name: the edition's primary language, with its others as fallbacks.
    const languages = access.event.series.languages;
    const named = <T extends { slug: string; name: unknown }>(entity: T | null) =>
      entity && { slug: entity.slug, name: textIn(localizedText(entity.name), languages[0], languages) ?? '' };
    const { slug, timezone, startsAt, endsAt } = access.event;
    const document = renderC3voc({
      event: { slug, timezone, startsAt, endsAt, name: textIn(localizedText(access.event.name), languages[0], languages) ?? '' },
      version: full.version,
      baseUrl: this.config.mail.publicBaseUrl,
      days,
      rooms,
      sessions,
      cancelled,
      cancelledTitle: (title) => translator(languages[0])('programme:feeds.cancelled', { title }),
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
    });
    const body = Buffer.from(JSON.stringify(document));
    const feed = {
      body,
      etag: `"v${full.version}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
      lastModified: full.releasedAt,
      version: full.version,
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, feed);
    return feed;
  }
}
