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

  /** The released sessions' current details and speakers (profile fields only; never the e-mail). */
  async sessionDetails(eventId: string, ids: string[]) {
    return this.db.submission.findMany({
      where: { eventId, id: { in: ids } },
      select: {
        id: true,
        abstract: true,
        language: true,
        level: true,
        updatedAt: true,
        track: { select: { slug: true, name: true, updatedAt: true } },
        format: { select: { slug: true, name: true, updatedAt: true } },
        speakers: {
          select: {
            userId: true,
            createdAt: true,
            user: {
              select: {
                name: true,
                updatedAt: true,
                speakerProfile: { select: { name: true, company: true, jobTitle: true, bio: true, updatedAt: true } },
              },
            },
          },
          orderBy: { createdAt: 'asc' },
        },
      },
    });
  }

  /** Rooms with the time of their last change (a renamed room changes the pages' Last-Modified). */
  async rooms(eventId: string) {
    return this.db.room.findMany({ where: { eventId }, select: { id: true, slug: true, name: true, updatedAt: true } });
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
