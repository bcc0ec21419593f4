import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { EventRole } from '@lectern/database/generated/enums';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { LocalizedText, localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { toEventView } from '@lectern/domains/events/events.service';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CloneCounts, CloneRepository } from './clone.repository';
import { LifecycleErrors } from './lifecycle.errors';
import { CloneEditionInput } from './lifecycle.types';

const MAX_SLUG = 80;

/** A co-located event's slug under the new edition: the source's prefix replaced, or the new slug put in front. */
export function colocatedSlug(childSlug: string, sourceSlug: string, targetSlug: string): string {
  const rest = childSlug.startsWith(`${sourceSlug}-`) ? childSlug.slice(sourceSlug.length + 1) : childSlug;
  return `${targetSlug}-${rest}`.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/**
 * Next year's edition from this year's: the configuration (formats, tracks, questions, CFP and review settings,
 * criteria, ticket types and quotas, scholarship programmes, rooms, days and blocks, co-located event shells)
 * moved by the difference between the two start instants. Nobody but the caller (its organiser) comes along.
 */
@Injectable()
export class CloneService {
  constructor(
    private readonly events: EventsRepository,
    private readonly clones: CloneRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async clone(actor: Actor, access: EventAccess, input: CloneEditionInput) {
    const source = access.event;
    if (source.parentEventId !== null) throw LifecycleErrors.cloneSourceIsColocated();
    const startsAt = new Date(input.startsAt);
    if (Number.isNaN(startsAt.getTime())) throw EventErrors.datesInvalid();
    const shiftMs = startsAt.getTime() - source.startsAt.getTime();
    const name: LocalizedText = input.name ?? localizedText(source.name);
    assertLocalizedTexts(source.series.languages, { name: input.name });

    return this.tx.run(
      async () => {
        const create = async (slug: string, from: typeof source | Awaited<ReturnType<CloneRepository['colocated']>>[number], parentEventId: string | null, eventName: LocalizedText) => {
          try {
            return await this.events.createEvent({
              seriesId: source.seriesId,
              parentEventId,
              slug,
              name: eventName,
              city: localizedText(from.city),
              country: from.country,
              venue: optionalLocalizedText(from.venue),
              timezone: from.timezone,
              startsAt: new Date(from.startsAt.getTime() + shiftMs),
              endsAt: new Date(from.endsAt.getTime() + shiftMs),
              format: from.format,
              capacity: from.capacity,
            });
          } catch (error) {
            if (isUniqueViolation(error, 'slug')) throw EventErrors.slugTaken(slug);
            throw error;
          }
        };

        const created = await create(input.slug, source, null, name);
        await this.events.upsertGrant(created.id, actor.id, EventRole.ORGANISER, actor.id);
        const copied = await this.clones.copyConfiguration(source.id, created.id, shiftMs);
        const colocated = [];
        for (const child of await this.clones.colocated(source.id)) {
          const shell = await create(colocatedSlug(child.slug, source.slug, input.slug), child, created.id, localizedText(child.name));
          await this.events.upsertGrant(shell.id, actor.id, EventRole.ORGANISER, actor.id);
          colocated.push(shell.slug);
        }
        const counts: CloneCounts = { ...copied, colocatedEvents: colocated.length };
        const view = toEventView(created);
        await this.audit.record(
          {
            eventId: created.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'event.cloned',
            entityType: 'event',
            entityId: created.id,
            after: { ...view, source: { id: source.id, slug: source.slug }, shiftMs, copied: counts, colocated },
          },
          { type: 'event.created', payload: { eventId: created.id, slug: created.slug } },
        );
        return { ...view, source: { id: source.id, slug: source.slug }, shiftMs, copied: counts, colocatedEventSlugs: colocated };
      },
      { timeoutMs: 60_000 },
    );
  }
}
