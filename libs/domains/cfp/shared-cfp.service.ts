import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { OfferResponse, ReviewDecision, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DomainError } from '@lectern/errors/domain.error';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { localizedText } from '@lectern/i18n/localized-text';
import { asOwner, isSpeakerOf } from './submission-access.policy';
import { SharedCfpErrors } from './shared-cfp.errors';
import { SharedCfpRepository } from './shared-cfp.repository';

type Edition = { slug: string; name: unknown; city: unknown; country: string; startsAt: Date; endsAt: Date };

const editionView = (e: Edition) => ({
  slug: e.slug,
  name: localizedText(e.name),
  city: localizedText(e.city),
  country: e.country,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
});

/** Proposals are offered while they can still change hands: before submission or while they wait for decisions. */
const OFFERABLE = new Set<SubmissionState>([SubmissionState.DRAFT, SubmissionState.SUBMITTED]);

/**
 * One CFP for several editions (a Forum's two cities). The host edition runs the call and the review: its settings,
 * formats, tracks, questions and reviewers apply, and each proposal is reviewed there once. A speaker offers the
 * proposal to the editions (cities) they can present in; each edition's organisers decide, release and receive
 * answers on their own offers, so the proposal's own state stays SUBMITTED and each edition's programme and report
 * keep to what was decided for it.
 */
@Injectable()
export class SharedCfpService {
  constructor(
    private readonly repo: SharedCfpRepository,
    private readonly events: EventAccessService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async group(access: EventAccess) {
    const group = await this.repo.groupOf(access.event.id);
    if (!group) throw SharedCfpErrors.groupNotFound();
    return { host: editionView(group.host), editions: group.editions.map((e) => editionView(e.event)) };
  }

  /**
   * Makes the caller's edition the host of a shared CFP with the given editions of the same series (the host is
   * always one). The caller organises every one of them. An edition already in another group, or one leaving this
   * group while proposals are offered to it, is refused.
   */
  async setGroup(actor: Actor, access: EventAccess, slugs: string[]) {
    const host = access.event;
    const others = [...new Set(slugs.filter((s) => s !== host.slug))];
    const members: { id: string; slug: string }[] = [{ id: host.id, slug: host.slug }];
    for (const [index, slug] of slugs.entries()) {
      if (slug === host.slug || members.some((m) => m.slug === slug)) continue;
      // an edition the caller cannot see gets the same answer as one of another series
      const edition = await this.events.access(slug, actor).catch((error: unknown) => {
        if (error instanceof DomainError) return null;
        throw error;
      });
      if (!edition || edition.event.seriesId !== host.seriesId || !isOrganiser(edition.roles, actor)) throw SharedCfpErrors.editionInvalid(slug, index);
      members.push({ id: edition.event.id, slug });
    }
    await this.tx.run(async () => {
      await this.repo.lockSeries(host.seriesId);
      const existing = await this.repo.groupOf(host.id);
      if (existing && existing.hostEventId !== host.id) throw SharedCfpErrors.notHost();
      for (const found of await this.repo.editionsBySlug(others)) {
        if (found.cfpGroupEdition && found.cfpGroupEdition.groupId !== existing?.id) throw SharedCfpErrors.editionTaken(found.slug);
      }
      for (const leaving of existing?.editions.filter((e) => !members.some((m) => m.slug === e.event.slug)) ?? []) {
        if (await this.repo.hasOffers(leaving.event.id)) throw SharedCfpErrors.editionInUse(leaving.event.slug);
      }
      const groupId = existing?.id ?? (await this.repo.createGroup(host.id));
      await this.repo.replaceEditions(groupId, members.map((m) => m.id));
      await this.audit.record({
        eventId: host.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'cfp_group.set',
        entityType: 'cfp_group',
        entityId: groupId,
        before: { editions: existing?.editions.map((e) => e.event.slug) ?? [] },
        after: { editions: members.map((m) => m.slug) },
      });
    });
    return this.group(access);
  }

  /** The editions a proposal is offered to and, once released, what each decided and what the speakers answered. */
  async offers(actor: Actor, access: EventAccess, submissionId: string) {
    const proposal = await this.repo.proposal(access.event.id, submissionId);
    if (!proposal || !(isSpeakerOf(proposal, actor.id) || (isOrganiser(access.roles, actor) && proposal.state !== SubmissionState.DRAFT))) {
      throw SharedCfpErrors.offerNotFound();
    }
    return this.offersView(submissionId);
  }

  /**
   * The owner says which editions of the group the proposal can be given at. Only the host's proposals are offered,
   * only to editions of its group, and not once any edition has decided on it (the choice the organisers decided on
   * stands).
   */
  async setOffers(actor: Actor, access: EventAccess, submissionId: string, slugs: string[]) {
    await this.tx.run(async () => {
      const locked = await this.repo.lockProposal(submissionId);
      asOwner(locked && locked.event_id === access.event.id ? await this.repo.proposal(access.event.id, submissionId) : null, actor);
      const group = await this.repo.groupOf(access.event.id);
      if (!group || group.hostEventId !== access.event.id) throw SharedCfpErrors.groupNotFound();
      const eventIds: string[] = [];
      for (const [index, slug] of slugs.entries()) {
        const edition = group.editions.find((e) => e.event.slug === slug);
        if (!edition) throw SharedCfpErrors.notInGroup(slug, index);
        if (!eventIds.includes(edition.event.id)) eventIds.push(edition.event.id);
      }
      if (!OFFERABLE.has(locked!.state) || locked!.origin !== SubmissionOrigin.CFP) throw SharedCfpErrors.offersLocked();
      const current = await this.repo.offers(submissionId);
      if (current.some((o) => o.decision !== null)) throw SharedCfpErrors.offersLocked();
      await this.repo.replaceOffers(submissionId, eventIds);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'submission.offered',
        entityType: 'submission',
        entityId: submissionId,
        before: { editions: current.map((o) => o.edition.event.slug) },
        after: { editions: group.editions.filter((e) => eventIds.includes(e.event.id)).map((e) => e.event.slug) },
      });
    });
    return this.offersView(submissionId);
  }

  /**
   * An edition's organisers decide on a proposal offered to it; the speakers see it once released. Deciding again
   * replaces the decision until then. Under the proposal's row lock, so a withdrawal or a change of offered editions
   * cannot slip in between the check and the decision.
   */
  async decide(actor: Actor, access: EventAccess, submissionId: string, decision: ReviewDecision) {
    const eventId = access.event.id;
    return this.tx.run(async () => {
      const locked = await this.repo.lockProposal(submissionId);
      const offer = locked ? await this.repo.offeredProposal(eventId, submissionId) : null;
      if (!offer) throw SharedCfpErrors.offerNotFound();
      if (locked!.state !== SubmissionState.SUBMITTED) throw SharedCfpErrors.notDecidable(locked!.state);
      if (offer.releasedAt) throw SharedCfpErrors.released();
      const now = this.clock.now();
      await this.repo.decide(submissionId, eventId, decision, now);
      await this.audit.record({
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'offer.decided',
        entityType: 'submission',
        entityId: submissionId,
        before: { decision: offer.decision },
        after: { decision },
      });
      return { submissionId, edition: access.event.slug, decision, decidedAt: now, releasedAt: null };
    });
  }

  /** Publishes the edition's pending decisions: each speaker hears through the outbox, in the edition's name. */
  async release(actor: Actor, access: EventAccess) {
    const eventId = access.event.id;
    return this.tx.run(async () => {
      const released = await this.repo.release(eventId, this.clock.now());
      const result = { released: released.length, accepted: 0, rejected: 0, waitlisted: 0 };
      for (const r of released) {
        if (r.decision === ReviewDecision.ACCEPTED) result.accepted += 1;
        else if (r.decision === ReviewDecision.REJECTED) result.rejected += 1;
        else result.waitlisted += 1;
      }
      if (released.length > 0) {
        await this.audit.record(
          {
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'offers.released',
            entityType: 'event',
            entityId: eventId,
            after: { ...result, submissionIds: released.map((r) => r.submissionId) },
          },
          ...released.map((r) => ({ type: 'submission.offer_decision_released' as const, payload: { eventId, submissionId: r.submissionId, decision: r.decision } })),
        );
      }
      return result;
    });
  }

  /** The edition's organisers' list of what was offered to them, with their decisions released or not. */
  async offeredTo(access: EventAccess, query: { limit?: number; cursor?: string }) {
    const limit = query.limit ?? 50;
    const rows = await this.repo.offersPage(access.event.id, decodeKeyset(query.cursor), limit + 1);
    const { page, nextCursor } = keysetPage(
      rows.map((r) => ({ ...r, id: r.submissionId })),
      limit,
      (r) => r.createdAt,
    );
    return {
      items: page.map((r) => ({
        submissionId: r.submissionId,
        code: r.submission.code,
        title: r.submission.title,
        abstract: r.submission.abstract,
        state: r.submission.state,
        level: r.submission.level,
        language: r.submission.language,
        track: r.submission.track?.slug ?? null,
        format: r.submission.format?.slug ?? null,
        speakers: r.submission.speakers.map((s) => ({
          role: s.role,
          name: s.user.speakerProfile?.name ?? s.user.name,
          company: s.user.speakerProfile?.company ?? null,
          country: s.user.speakerProfile?.country ?? null,
        })),
        offeredAt: r.createdAt,
        decision: r.decision,
        decidedAt: r.decidedAt,
        releasedAt: r.releasedAt,
        response: r.response,
      })),
      nextCursor,
    };
  }

  /** The owner confirms or declines an edition's released acceptance, once: the other answer is refused after. */
  async respond(actor: Actor, access: EventAccess, submissionId: string, response: OfferResponse) {
    const eventId = access.event.id;
    await this.tx.run(async () => {
      const offer = await this.repo.offeredProposal(eventId, submissionId);
      asOwner(offer?.submission, actor);
      if (offer!.submission.state !== SubmissionState.SUBMITTED) throw SharedCfpErrors.notAwaitingAnswer();
      if (!(await this.repo.respond(submissionId, eventId, response, this.clock.now()))) throw SharedCfpErrors.notAwaitingAnswer();
      await this.audit.record({
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: response === OfferResponse.CONFIRMED ? 'offer.confirmed' : 'offer.declined',
        entityType: 'submission',
        entityId: submissionId,
        after: { response },
      });
    });
    const offer = await this.repo.offeredProposal(eventId, submissionId);
    return { submissionId, edition: access.event.slug, decision: offer!.decision, releasedAt: offer!.releasedAt, response: offer!.response, respondedAt: offer!.respondedAt };
  }

  /** Decisions show only once released: what the speakers see, organisers see here too. */
  private async offersView(submissionId: string) {
    const offers = await this.repo.offers(submissionId);
    return {
      submissionId,
      editions: offers.map((o) => ({
        slug: o.edition.event.slug,
        city: localizedText(o.edition.event.city),
        country: o.edition.event.country,
        decision: o.releasedAt ? o.decision : null,
        releasedAt: o.releasedAt,
        response: o.response,
        respondedAt: o.respondedAt,
      })),
    };
  }
}
