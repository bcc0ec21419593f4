import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { EventRole, EventStatus } from '@lectern/database/generated/enums';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, DomainError, FieldError } from '@lectern/errors/domain.error';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { DEFAULT_LANGUAGE, canonicalTag, isSupportedLanguage, supportedLanguages } from '@lectern/i18n/languages';
import { localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { normaliseEmail } from '@lectern/domains/auth/auth.service';
import { decodeCursor, decodeKeyset, encodeCursor, keysetPage } from '@lectern/database/cursor';
import { EventErrors } from './events.errors';
import { EventRecord, EventWrite, EventsRepository, SeriesRecord } from './events.repository';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess, visibleEvent } from './event-visibility.policy';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { CreateEventInput, CreateSeriesInput, GrantRoleInput, ListEventsQuery, UpdateEventInput, UpdateSeriesInput } from '@lectern/domains/events/events.types';
/** The one place that says which status may follow which. */
export const EVENT_STATUS_TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  DRAFT: [EventStatus.PUBLISHED, EventStatus.CANCELLED],
  PUBLISHED: [EventStatus.POSTPONED, EventStatus.CANCELLED, EventStatus.COMPLETED],
  POSTPONED: [EventStatus.PUBLISHED, EventStatus.CANCELLED],
  CANCELLED: [],
  COMPLETED: [],
};

const PUBLIC_STATUSES = [EventStatus.PUBLISHED, EventStatus.POSTPONED, EventStatus.CANCELLED, EventStatus.COMPLETED];

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export function toSeriesView(series: SeriesRecord) {
  return { id: series.id, slug: series.slug, languages: series.languages, name: localizedText(series.name) };
}

/**
 * The languages a series may publish in: one or more tags Lectern speaks (a folder under locales/), each once, in
 * the order given (the first is the primary: required in every translated field, the fallback of e-mails).
 */
export function checkSeriesLanguages(languages: readonly string[]): string[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  languages.forEach((tag, index) => {
    const field = `languages.${index}`;
    const canonical = canonicalTag(tag);
    if (canonical === null || canonical !== tag) errors.push({ field, code: 'languageTagInvalid', params: { language: tag } });
    else if (!isSupportedLanguage(tag)) {
      errors.push({ field, code: 'languageUnsupported', params: { language: tag, languages: supportedLanguages().join(', ') } });
    } else if (seen.has(tag)) errors.push({ field, code: 'languageRepeated', params: { language: tag } });
    seen.add(tag);
  });
  if (errors.length > 0) throw EventErrors.languagesInvalid(supportedLanguages(), errors);
  return [...languages];
}

export function toEventView(event: EventRecord) {
  return {
    id: event.id,
    slug: event.slug,
    name: localizedText(event.name),
    series: toSeriesView(event.series),
    parentEventSlug: event.parentEvent?.slug ?? null,
    city: localizedText(event.city),
    country: event.country,
    venue: optionalLocalizedText(event.venue),
    timezone: event.timezone,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    format: event.format,
    capacity: event.capacity,
    status: event.status,
  };
}

@Injectable()
export class EventsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly events: EventsRepository,
    private readonly users: AuthRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async createSeries(actor: Actor, input: CreateSeriesInput) {
    if (!actor.isAdmin) throw CommonErrors.forbidden();
    return this.tx.run(async () => {
      try {
        const languages = checkSeriesLanguages(input.languages ?? [DEFAULT_LANGUAGE]);
        assertLocalizedTexts(languages, { name: input.name });
        const series = toSeriesView(await this.events.createSeries({ slug: input.slug, languages, name: input.name }));
        await this.audit.record({
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'series.created',
          entityType: 'series',
          entityId: series.id,
          after: series,
        });
        return series;
      } catch (error) {
        if (isUniqueViolation(error, 'slug')) throw EventErrors.seriesSlugTaken(input.slug);
        throw error;
      }
    });
  }

  async listSeries() {
    return (await this.events.listSeries()).map(toSeriesView);
  }

  /**
   * Administrators and organisers of its editions change a series' languages or name. Adding a language is always
   * allowed: texts not yet translated into it are read in the primary language until organisers add it. Dropping a
   * language is refused (409 SERIES_LANGUAGE_IN_USE, naming where) while a text or a published report is in it, and
   * a new primary language must already be in every text (409 SERIES_PRIMARY_LANGUAGE_MISSING): no text is ever
   * dropped or left without its primary language by a change of the list. A name sent along is written first, so
   * one request can rename the series into its new languages.
   */
  async updateSeries(actor: Actor, slug: string, input: UpdateSeriesInput) {
    const found = await this.events.findSeries(slug);
    if (!found) throw EventErrors.seriesNotFound(slug);
    if (!actor.isAdmin && !(await this.events.isOrganiserInSeries(actor.id, found.id))) throw CommonErrors.forbidden();
    return this.tx.run(async () => {
      await this.events.lockSeries(found.id);
      const current = await this.events.findSeries(slug);
      if (!current) throw EventErrors.seriesNotFound(slug);
      if (input.languages?.length === 0) throw EventErrors.primaryLanguageMissing(null);
      const languages = input.languages ? checkSeriesLanguages(input.languages) : current.languages;
      assertLocalizedTexts(languages, { name: input.name });
      if (input.name) await this.events.updateSeries(current.id, { name: input.name });
      if (input.languages && languages.join() !== current.languages.join()) {
        const problems = await this.events.languageProblems(current.id, languages);
        if (problems.primaryMissing.length > 0) throw EventErrors.primaryLanguageMissing(languages[0], problems.primaryMissing);
        if (problems.unpublished.length > 0) throw EventErrors.languageInUse(problems.unpublished);
      }
      const before = toSeriesView(current);
      const after = toSeriesView(await this.events.updateSeries(current.id, { languages }));
      await this.audit.record({
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'series.updated',
        entityType: 'series',
        entityId: current.id,
        before,
        after,
      });
      return after;
    });
  }

  /** Administrators create editions of any series; organisers of one edition may create the next ones. */
  async createEvent(actor: Actor, input: CreateEventInput) {
    const series = await this.events.findSeries(input.seriesSlug);
    if (!series) throw EventErrors.seriesNotFound(input.seriesSlug);
    if (!actor.isAdmin && !(await this.events.isOrganiserInSeries(actor.id, series.id))) {
      throw CommonErrors.forbidden();
    }
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    this.checkSchedule(input.timezone, startsAt, endsAt);

    let parentEventId: string | null = null;
    if (input.parentEventSlug) {
      const parent = await this.events.findBySlug(input.parentEventSlug);
      if (!parent || parent.seriesId !== series.id || parent.parentEventId !== null) throw EventErrors.parentInvalid();
      parentEventId = parent.id;
    }

    assertLocalizedTexts(series.languages, { name: input.name, city: input.city, venue: input.venue });
    return this.tx.run(async () => {
      let event: EventRecord;
      try {
        event = await this.events.createEvent({
          seriesId: series.id,
          parentEventId,
          slug: input.slug,
          name: input.name,
          city: input.city,
          country: input.country,
          venue: input.venue ?? null,
          timezone: input.timezone,
          startsAt,
          endsAt,
          format: input.format,
          capacity: input.capacity ?? null,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'slug')) throw EventErrors.slugTaken(input.slug);
        throw error;
      }
      await this.events.upsertGrant(event.id, actor.id, EventRole.ORGANISER, actor.id);
      const view = toEventView(event);
      await this.audit.record(
        {
          eventId: event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'event.created',
          entityType: 'event',
          entityId: event.id,
          after: view,
        },
        { type: 'event.created', payload: { eventId: event.id, slug: event.slug } },
      );
      return view;
    });
  }

  async list(query: ListEventsQuery) {
    const limit = query.limit ?? 50;
    const after = decodeKeyset(query.cursor);
    const statuses = query.status
      ? PUBLIC_STATUSES.filter((s) => s === query.status)
      : PUBLIC_STATUSES;
    const rows = await this.events.listPage({ seriesSlug: query.series, statuses }, limit, after);
    const { page, nextCursor } = keysetPage(rows, limit, (event) => event.startsAt);
    return { items: page.map(toEventView), nextCursor };
  }

  /** As the visibility policy says; an anonymous caller costs one query without the role join. */
  async get(slug: string, user: AuthUser | undefined) {
    if (!user) return toEventView(visibleEvent(slug, await this.events.findBySlug(slug), [], undefined));
    const { event } = await this.access.access(slug, user);
    return toEventView(event);
  }

  async update(actor: Actor, access: EventAccess, input: UpdateEventInput) {
    const current = access.event;
    assertLocalizedTexts(current.series.languages, { name: input.name, city: input.city, venue: input.venue });
    const changes: EventWrite = { ...input } as EventWrite;
    if (input.startsAt !== undefined) changes.startsAt = new Date(input.startsAt);
    if (input.endsAt !== undefined) changes.endsAt = new Date(input.endsAt);
    this.checkSchedule(
      input.timezone ?? current.timezone,
      changes.startsAt ?? current.startsAt,
      changes.endsAt ?? current.endsAt,
    );
    if (input.status !== undefined && input.status !== current.status) {
      if (!EVENT_STATUS_TRANSITIONS[current.status].includes(input.status)) {
        throw EventErrors.statusTransition(current.status, input.status);
      }
    }
    return this.tx.run(async () => {
      const updated = await this.events.updateEvent(current.id, changes);
      const before = toEventView(current);
      const after = toEventView(updated);
      const changedKeys = (Object.keys(after) as (keyof typeof after)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changedKeys.length > 0) {
        const statusChange =
          input.status !== undefined && input.status !== current.status
            ? { type: 'event.status_changed' as const, payload: { eventId: current.id, from: current.status, to: input.status } }
            : null;
        await this.audit.record(
          {
            eventId: current.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: statusChange ? 'event.status_changed' : 'event.updated',
            entityType: 'event',
            entityId: current.id,
            before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
            after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
          },
          ...(statusChange ? [statusChange] : []),
        );
      }
      return after;
    });
  }

  async listRoles(access: EventAccess) {
    const grants = await this.events.listGrants(access.event.id);
    return grants.map((g) => ({
      id: g.id,
      role: g.role,
      userId: g.user.id,
      email: g.user.email,
      name: g.user.name,
      createdAt: g.createdAt,
    }));
  }

  /** Granting a role the user already has changes nothing and returns the existing grant. */
  async grantRole(actor: Actor, access: EventAccess, input: GrantRoleInput) {
    const email = normaliseEmail(input.email);
    const user = await this.users.findByEmail(email);
    if (!user) throw EventErrors.userNotFound(email);
    return this.tx.run(async () => {
      const grant = await this.events.upsertGrant(access.event.id, user.id, input.role, actor.id);
      if (grant.created) {
        await this.audit.record(
          {
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'role.granted',
            entityType: 'role_grant',
            entityId: grant.id,
            after: { userId: user.id, email: user.email, role: input.role },
          },
          { type: 'role.granted', payload: { eventId: access.event.id, userId: user.id, role: input.role } },
        );
      }
      const saved = await this.events.findGrant(access.event.id, grant.id);
      if (!saved) throw EventErrors.grantNotFound();
      return { id: saved.id, role: saved.role, userId: saved.user.id, email: saved.user.email, name: saved.user.name, createdAt: saved.createdAt };
    });
  }

  async revokeRole(actor: Actor, access: EventAccess, grantId: string) {
    await this.tx.run(async () => {
      await this.events.lockEvent(access.event.id);
      const grant = await this.events.findGrant(access.event.id, grantId);
      if (!grant) throw EventErrors.grantNotFound();
      if (grant.role === EventRole.ORGANISER && (await this.events.countRole(access.event.id, EventRole.ORGANISER)) <= 1) {
        throw EventErrors.lastOrganiser();
      }
      await this.events.deleteGrant(grant.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'role.revoked',
        entityType: 'role_grant',
        entityId: grant.id,
        before: { userId: grant.userId, email: grant.user.email, role: grant.role },
      });
    });
  }

  async auditLog(access: EventAccess, limit = 50, cursor?: string) {
    const position = cursor ? (decodeCursor(cursor, ['string'])[0] as string) : undefined;
    if (position !== undefined && !/^\d{1,19}$/.test(position)) throw new DomainError('CURSOR_INVALID', 400);
    const before = position !== undefined ? BigInt(position) : undefined;
    const rows = await this.audit.listForEvent(access.event.id, limit, before);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({ ...row, id: row.id.toString() })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.id.toString()]) : null,
    };
  }

  private checkSchedule(timezone: string, startsAt: Date, endsAt: Date) {
    if (!isTimeZone(timezone)) throw EventErrors.timezoneInvalid(timezone);
    if (endsAt.getTime() < startsAt.getTime()) throw EventErrors.datesInvalid();
  }
}
