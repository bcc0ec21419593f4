import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';
import { PublicationChoice } from './speaker-publication.policy';

const CHOICE = {
  publishName: true,
  publishCompany: true,
  publishJobTitle: true,
  publishBio: true,
  publishPhoto: true,
  photoUrl: true,
  updatedAt: true,
} as const;

export interface PagesFingerprint {
  releaseId: string;
  version: number;
  releasedAt: Date;
  changedAt: Date;
  links: number;
}

/**
 * Reads of the public programme pages and of speakers' publication choices. No select here names a user's
 * e-mail: what is not read cannot be published.
 */
@Injectable()
export class PublicProgrammeRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get db() {
    return this.tx.db;
  }

  async publication(userId: string) {
    return this.db.speakerPublication.findUnique({ where: { userId }, select: CHOICE });
  }

  async putPublication(userId: string, choice: PublicationChoice) {
    return this.db.speakerPublication.upsert({ where: { userId }, create: { userId, ...choice }, update: choice, select: CHOICE });
  }

  async publications(userIds: string[]) {
    return this.db.speakerPublication.findMany({ where: { userId: { in: userIds } }, select: { userId: true, ...CHOICE } });
  }

  /** Of these users, those who chose not to have their name published (the default publishes it). */
  async namesWithheld(userIds: string[]): Promise<Set<string>> {
    const rows = await this.db.speakerPublication.findMany({ where: { userId: { in: userIds }, publishName: false }, select: { userId: true } });
    return new Set(rows.map((row) => row.userId));
  }

  /**
   * The latest release and when anything the pages show of it last changed, in one round trip: the edition and its
   * series (names, languages), rooms, tracks, formats, the released sessions, their speakers' accounts, profiles and
   * consents. The number of speaker links catches a speaker taken off a session, which leaves no timestamp.
   */
  async fingerprint(eventId: string): Promise<PagesFingerprint | null> {
    const rows = await this.db.$queryRaw<PagesFingerprint[]>`
      WITH r AS (
        SELECT id, version, released_at, sessions FROM schedule_releases WHERE event_id = ${eventId}::uuid ORDER BY version DESC LIMIT 1
      ), ids AS (
        SELECT DISTINCT (e->>'submissionId')::uuid AS id FROM r, jsonb_array_elements(r.sessions) e
      )
      SELECT r.id AS "releaseId", r.version, r.released_at AS "releasedAt",
        GREATEST(
          r.released_at,
          (SELECT GREATEST(ev.updated_at, se.updated_at) FROM events ev JOIN series se ON se.id = ev.series_id WHERE ev.id = ${eventId}::uuid),
          (SELECT max(updated_at) FROM rooms WHERE event_id = ${eventId}::uuid),
          (SELECT max(updated_at) FROM tracks WHERE event_id = ${eventId}::uuid),
          (SELECT max(updated_at) FROM session_formats WHERE event_id = ${eventId}::uuid),
          (SELECT max(s.updated_at) FROM submissions s JOIN ids ON ids.id = s.id),
          (SELECT max(GREATEST(ss.created_at, u.updated_at, p.updated_at, sp.updated_at))
             FROM submission_speakers ss JOIN ids ON ids.id = ss.submission_id JOIN users u ON u.id = ss.user_id
             LEFT JOIN speaker_profiles p ON p.user_id = ss.user_id LEFT JOIN speaker_publications sp ON sp.user_id = ss.user_id)
        ) AS "changedAt",
        (SELECT count(*) FROM submission_speakers ss JOIN ids ON ids.id = ss.submission_id)::int AS links
      FROM r`;
    return rows[0] ?? null;
  }

  /** The released sessions' current details and speakers (profile fields only; never the e-mail). */
  async sessionDetails(eventId: string, ids: string[]) {
    return this.db.submission.findMany({
      where: { eventId, id: { in: ids } },
      select: {
        id: true,
        abstract: true,
        language: true,
        level: true,
        track: { select: { slug: true, name: true } },
        format: { select: { slug: true, name: true } },
        speakers: {
          select: {
            userId: true,
            user: {
              select: {
                name: true,
                speakerProfile: { select: { name: true, company: true, jobTitle: true, bio: true } },
              },
            },
          },
          orderBy: { createdAt: 'asc' },
        },
      },
    });
  }

  /** What the filters may name: the edition's track slugs and its talks' languages. */
  async filterValues(eventId: string) {
    const [tracks, settings] = await Promise.all([
      this.db.track.findMany({ where: { eventId }, select: { slug: true } }),
      this.db.cfpSettings.findUnique({ where: { eventId }, select: { languages: true } }),
    ]);
    return { tracks: tracks.map((t) => t.slug), languages: settings?.languages ?? [] };
  }
}
