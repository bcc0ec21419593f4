import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { ProgrammeErrors } from './programme.errors';
import { PublicFeedCache } from './public-feed.cache';
import { PublicProgrammeRepository } from './public-programme.repository';
import { DEFAULT_PUBLICATION, PublicationChoice } from './speaker-publication.policy';

export type PublicationInput = Partial<PublicationChoice>;

/**
 * A speaker's consent to publication: which fields of their speaker profile the public programme shows (name,
 * company, job title, bio, a photo URL). One choice per speaker for every edition, as the profile itself is one per
 * speaker. Until they choose, only the name is shown; the e-mail never is.
 */
@Injectable()
export class SpeakerProfileService {
  constructor(
    private readonly repository: PublicProgrammeRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly feeds: PublicFeedCache,
  ) {}

  async mine(actor: Actor) {
    const stored = await this.repository.publication(actor.id);
    return stored ?? { ...DEFAULT_PUBLICATION, updatedAt: null };
  }

  /** Replaces the choice: a field left out goes back to its default (published: the name only). */
  async putMine(actor: Actor, input: PublicationInput) {
    const choice: PublicationChoice = {
      publishName: input.publishName ?? DEFAULT_PUBLICATION.publishName,
      publishCompany: input.publishCompany ?? DEFAULT_PUBLICATION.publishCompany,
      publishJobTitle: input.publishJobTitle ?? DEFAULT_PUBLICATION.publishJobTitle,
      publishBio: input.publishBio ?? DEFAULT_PUBLICATION.publishBio,
      publishPhoto: input.publishPhoto ?? DEFAULT_PUBLICATION.publishPhoto,
      photoUrl: input.photoUrl ?? null,
    };
    if (choice.publishPhoto && !choice.photoUrl) throw ProgrammeErrors.photoUrlRequired();
    const saved = await this.tx.run(async () => {
      const before = await this.repository.publication(actor.id);
      const after = await this.repository.putPublication(actor.id, choice);
      await this.audit.record({
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'speaker_publication.set',
        entityType: 'speaker_profile',
        entityId: actor.id,
        before,
        after,
      });
      return after;
    });
    // a withdrawn consent leaves the public feeds with the next request, not when the cached state expires
    this.feeds.changed();
    return saved;
  }
}
