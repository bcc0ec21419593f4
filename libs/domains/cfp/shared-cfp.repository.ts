import { Injectable } from '@nestjs/common';
import { OfferResponse, ReviewDecision, SubmissionState } from '@lectern/database/generated/client';
import { KeysetPosition } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

const EDITION_FIELDS = { id: true, slug: true, seriesId: true, name: true, city: true, country: true, startsAt: true, endsAt: true } as const;

export interface LockedProposal {
  id: string;
  event_id: string;
  state: SubmissionState;
  origin: 'CFP' | 'INVITED';
}

@Injectable()
export class SharedCfpRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Group changes of a series run one at a time, so two organisers cannot put one edition in two groups. */
  async lockSeries(seriesId: string): Promise<void> {
    await this.tx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('cfp-groups'), hashtext(${seriesId}))`;
  }

  /** The group an edition belongs to (as host or member), its editions in order. */
  async groupOf(eventId: string) {
    const membership = await this.tx.db.cfpGroupEdition.findUnique({ where: { eventId }, select: { groupId: true } });
    if (!membership) return null;
    return this.tx.db.cfpGroup.findUnique({
      where: { id: membership.groupId },
      select: {
        id: true,
        hostEventId: true,
        host: { select: EDITION_FIELDS },
        editions: { select: { event: { select: EDITION_FIELDS } }, orderBy: [{ position: 'asc' }, { eventId: 'asc' }] },
      },
    });
  }

  editionsBySlug(slugs: string[]) {
    return this.tx.db.event.findMany({ where: { slug: { in: slugs } }, select: { ...EDITION_FIELDS, cfpGroupEdition: { select: { groupId: true } } } });
  }

  async createGroup(hostEventId: string): Promise<string> {
    const group = await this.tx.db.cfpGroup.create({ data: { hostEventId }, select: { id: true } });
    return group.id;
  }

  async hasOffers(eventId: string): Promise<boolean> {
    return (await this.tx.db.submissionOffer.count({ where: { eventId } })) > 0;
  }

  async replaceEditions(groupId: string, eventIds: string[]): Promise<void> {
    await this.tx.db.cfpGroupEdition.deleteMany({ where: { groupId, eventId: { notIn: eventIds } } });
    for (const [position, eventId] of eventIds.entries()) {
      await this.tx.db.cfpGroupEdition.upsert({ where: { eventId }, create: { eventId, groupId, position }, update: { position } });
    }
  }

  /** Holds the proposal's row until commit: offering, deciding and withdrawing it take turns. */
  async lockProposal(submissionId: string): Promise<LockedProposal | null> {
    const rows = await this.tx.db.$queryRaw<LockedProposal[]>`
      SELECT id, event_id, state, origin::text AS origin FROM submissions WHERE id = ${submissionId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  proposal(hostEventId: string, submissionId: string) {
    return this.tx.db.submission.findFirst({
      where: { id: submissionId, eventId: hostEventId },
      select: { id: true, code: true, title: true, state: true, speakers: { select: { userId: true, role: true } } },
    });
  }

  /** A proposal as seen from an edition it is offered to, with who speaks on it. */
  offeredProposal(eventId: string, submissionId: string) {
    return this.tx.db.submissionOffer.findUnique({
      where: { submissionId_eventId: { submissionId, eventId } },
      select: {
        decision: true,
        decidedAt: true,
        releasedAt: true,
        response: true,
        respondedAt: true,
        submission: { select: { id: true, code: true, title: true, state: true, speakers: { select: { userId: true, role: true } } } },
      },
    });
  }

  offers(submissionId: string) {
    return this.tx.db.submissionOffer.findMany({
      where: { submissionId },
      select: {
        eventId: true,
        decision: true,
        releasedAt: true,
        response: true,
        respondedAt: true,
        edition: { select: { position: true, event: { select: { slug: true, city: true, country: true } } } },
      },
      orderBy: [{ edition: { position: 'asc' } }, { eventId: 'asc' }],
    });
  }

  /**
   * One page of the submitted proposals offered to an edition, in the order they were offered, with what its
   * organisers need to decide: the proposal and who speaks on it (organisers are never anonymised from speakers).
   */
  offersPage(eventId: string, after: KeysetPosition | undefined, take: number) {
    return this.tx.db.submissionOffer.findMany({
      where: {
        eventId,
        submission: { state: { not: SubmissionState.DRAFT } },
        ...(after ? { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, submissionId: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { submissionId: 'asc' }],
      take,
      select: {
        submissionId: true,
        createdAt: true,
        decision: true,
        decidedAt: true,
        releasedAt: true,
        response: true,
        submission: {
          select: {
            code: true,
            title: true,
            abstract: true,
            state: true,
            level: true,
            language: true,
            track: { select: { slug: true } },
            format: { select: { slug: true } },
            speakers: {
              orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
              select: { role: true, user: { select: { name: true, speakerProfile: { select: { name: true, company: true, country: true } } } } },
            },
          },
        },
      },
    });
  }

  async replaceOffers(submissionId: string, eventIds: string[]): Promise<void> {
    await this.tx.db.submissionOffer.deleteMany({ where: { submissionId, eventId: { notIn: eventIds } } });
    await this.tx.db.submissionOffer.createMany({ data: eventIds.map((eventId) => ({ submissionId, eventId })), skipDuplicates: true });
  }

  async decide(submissionId: string, eventId: string, decision: ReviewDecision, at: Date): Promise<void> {
    await this.tx.db.submissionOffer.update({
      where: { submissionId_eventId: { submissionId, eventId } },
      data: { decision, decidedAt: at },
    });
  }

  /**
   * Marks every decided, unreleased offer of the edition released, leaving out proposals withdrawn meanwhile, and
   * returns them; rows a concurrent release holds are waited for and then no longer match.
   */
  release(eventId: string, at: Date): Promise<{ submissionId: string; decision: ReviewDecision }[]> {
    return this.tx.db.$queryRaw`
      UPDATE submission_offers o SET released_at = ${at}::timestamptz
        FROM submissions s
       WHERE o.event_id = ${eventId}::uuid AND o.decision IS NOT NULL AND o.released_at IS NULL
         AND s.id = o.submission_id AND s.state = 'SUBMITTED'
      RETURNING o.submission_id AS "submissionId", o.decision::text AS decision`;
  }

  /**
   * The speakers' answer, in one conditional statement: only a released acceptance not answered yet takes it, so
   * of a confirmation and a decline sent at once exactly one lands.
   */
  async respond(submissionId: string, eventId: string, response: OfferResponse, at: Date): Promise<boolean> {
    const changed = await this.tx.db.$executeRaw`
      UPDATE submission_offers SET response = ${response}::"OfferResponse", responded_at = ${at}::timestamptz
       WHERE submission_id = ${submissionId}::uuid AND event_id = ${eventId}::uuid
         AND decision = 'ACCEPTED' AND released_at IS NOT NULL AND response IS NULL`;
    return changed === 1;
  }
}
