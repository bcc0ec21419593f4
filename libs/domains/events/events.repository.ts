import { Injectable } from '@nestjs/common';
import { EventFormat, EventRole, EventStatus, Prisma } from '@lectern/database/generated/client';
import { KeysetPosition } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';
import { AuthUser } from '@lectern/domains/auth/auth.types';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { LanguageUse } from './events.errors';

const SERIES_FIELDS = { id: true, slug: true, languages: true, name: true } as const satisfies Prisma.SeriesSelect;

const EVENT_FIELDS = {
  id: true,
  slug: true,
  name: true,
  city: true,
  country: true,
  venue: true,
  timezone: true,
  startsAt: true,
  endsAt: true,
  format: true,
  capacity: true,
  status: true,
  seriesId: true,
  parentEventId: true,
  series: { select: SERIES_FIELDS },
  parentEvent: { select: { slug: true } },
} as const satisfies Prisma.EventSelect;

export type EventRecord = Prisma.EventGetPayload<{ select: typeof EVENT_FIELDS }>;

/**
 * EVENT_FIELDS as SQL over `events e JOIN series s LEFT JOIN events p` (the parent edition), for the two reads every
 * event-scoped request makes; the events tests compare what both forms return.
 */
const EVENT_COLUMNS = Prisma.sql`
  e.id, e.slug, e.name, e.city, e.country, e.venue, e.timezone, e.starts_at AS "startsAt", e.ends_at AS "endsAt",
  e.format::text AS format, e.capacity, e.status::text AS status, e.series_id AS "seriesId", e.parent_event_id AS "parentEventId",
  json_build_object('id', s.id, 'slug', s.slug, 'languages', s.languages, 'name', s.name) AS series,
  CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('slug', p.slug) END AS "parentEvent"`;

/**
 * What an event-scoped read checks of its caller, as a CTE body for a statement that reads the page too (one round
 * trip per request): the caller's account (null columns when it is gone), the edition `slug` (null when there is
 * none), the caller's roles in it, and `granted`, true only when the account and the edition exist and the caller is
 * an administrator or holds one of `allowed`. The statement reads its rows only when `granted`; the service still
 * judges the columns by the visibility policy (roleAccess), which gives the problem to answer.
 */
export function callerAccessSql(slug: string, userId: string, allowed: readonly EventRole[]): Prisma.Sql {
  return Prisma.sql`
    SELECT u.email AS caller_email, u.is_admin AS caller_admin, e.id AS event_id, e.status::text AS event_status,
           r.roles AS event_roles,
           e.id IS NOT NULL AND u.id IS NOT NULL AND (u.is_admin OR r.roles && ${allowed}::text[]) AS granted
      FROM (SELECT 1) AS one
      LEFT JOIN users u ON u.id = ${userId}::uuid
      LEFT JOIN events e ON e.slug = ${slug}
      CROSS JOIN LATERAL (SELECT COALESCE(array_agg(g.role::text), '{}') AS roles
                            FROM role_grants g WHERE g.event_id = e.id AND g.user_id = u.id) r`;
}

/** The columns callerAccessSql adds to each row of the statement that runs it. */
export interface CallerAccessColumns {
  caller_email: string | null;
  caller_admin: boolean | null;
  event_status: EventStatus | null;
  event_roles: EventRole[];
}

export type SeriesRecord = Prisma.SeriesGetPayload<{ select: typeof SERIES_FIELDS }>;

export interface EventWrite {
  name?: LocalizedText;
  city?: LocalizedText;
  country?: string;
  venue?: LocalizedText | null;
  timezone?: string;
  startsAt?: Date;
  endsAt?: Date;
  format?: EventFormat;
  capacity?: number | null;
  status?: EventStatus;
}

@Injectable()
export class EventsRepository {
  constructor(private readonly tx: TransactionHost) {}

  createSeries(data: { slug: string; languages: string[]; name: LocalizedText }): Promise<SeriesRecord> {
    return this.tx.db.series.create({ data, select: SERIES_FIELDS });
  }

  updateSeries(id: string, data: { languages?: string[]; name?: LocalizedText }): Promise<SeriesRecord> {
    return this.tx.db.series.update({ where: { id }, data, select: SERIES_FIELDS });
  }

  findSeries(slug: string): Promise<SeriesRecord | null> {
    return this.tx.db.series.findUnique({ where: { slug }, select: SERIES_FIELDS });
  }

  /** The series row locked for the rest of the transaction: a change of its languages and a write checked against them run one after the other. */
  async lockSeries(id: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT id FROM series WHERE id = ${id}::uuid FOR UPDATE`;
  }

  /**
   * What keeps the series from publishing in exactly `languages` (primary first), computed by the same SQL function
   * the series trigger runs: texts in other languages, texts without the primary one, published reports in others.
   */
  async languageProblems(seriesId: string, languages: string[]): Promise<{ unpublished: LanguageUse[]; primaryMissing: LanguageUse[] }> {
    const rows = await this.tx.db.$queryRaw<{ event_slug: string | null; field: string; language: string; problem: string; uses: bigint }[]>`
      SELECT event_slug, field, language, problem, uses FROM lectern_series_language_uses(${seriesId}::uuid, ${languages}::text[])
       ORDER BY event_slug NULLS FIRST, field, language`;
    const use = (r: (typeof rows)[number]): LanguageUse => ({ event: r.event_slug, field: r.field, language: r.language, uses: Number(r.uses) });
    return {
      unpublished: rows.filter((r) => r.problem !== 'primary_missing').map(use),
      primaryMissing: rows.filter((r) => r.problem === 'primary_missing').map(use),
    };
  }

  listSeries(): Promise<SeriesRecord[]> {
    return this.tx.db.series.findMany({ orderBy: { slug: 'asc' }, select: SERIES_FIELDS });
  }

  createEvent(data: EventWrite & { seriesId: string; slug: string; parentEventId: string | null }): Promise<EventRecord> {
    return this.tx.db.event.create({ data: { ...data, venue: data.venue ?? Prisma.DbNull } as Prisma.EventUncheckedCreateInput, select: EVENT_FIELDS });
  }

  /** As written in SQL (TransactionHost.read): the public page of an edition reads it on every request. */
  async findBySlug(slug: string): Promise<EventRecord | null> {
    const [event] = await this.tx.read<EventRecord>(Prisma.sql`
      SELECT ${EVENT_COLUMNS}
        FROM events e JOIN series s ON s.id = e.series_id LEFT JOIN events p ON p.id = e.parent_event_id
       WHERE e.slug = ${slug}`);
    return event ?? null;
  }

  /** The event and the caller's roles in it, in one query: what every event-scoped route checks first. */
  async findWithRoles(slug: string, userId: string | undefined): Promise<(EventRecord & { roleGrants: { role: EventRole }[] }) | null> {
    if (userId === undefined) {
      const event = await this.findBySlug(slug);
      return event && { ...event, roleGrants: [] };
    }
    const [event] = await this.tx.read<EventRecord & { roleGrants: { role: EventRole }[] }>(Prisma.sql`
      SELECT ${EVENT_COLUMNS},
             COALESCE((SELECT json_agg(json_build_object('role', g.role))
                         FROM role_grants g WHERE g.event_id = e.id AND g.user_id = ${userId}::uuid), '[]') AS "roleGrants"
        FROM events e JOIN series s ON s.id = e.series_id LEFT JOIN events p ON p.id = e.parent_event_id
       WHERE e.slug = ${slug}`);
    return event ?? null;
  }

  /**
   * findWithRoles with the caller's account read in the same statement (one round trip instead of two): what an
   * event-scoped read checks on every request. `account` is null when the token's user no longer exists.
   */
  async findWithRolesAndAccount(
    slug: string,
    userId: string,
  ): Promise<{ account: AuthUser | null; event: (EventRecord & { roleGrants: { role: EventRole }[] }) | null }> {
    const [row] = await this.tx.read<{ account: AuthUser | null } & ((EventRecord & { roleGrants: { role: EventRole }[] }) | { id: null })>(Prisma.sql`
      SELECT (SELECT json_build_object('id', u.id, 'email', u.email, 'isAdmin', u.is_admin) FROM users u WHERE u.id = ${userId}::uuid) AS account,
             ev.*
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (
          SELECT ${EVENT_COLUMNS},
                 COALESCE((SELECT json_agg(json_build_object('role', g.role))
                             FROM role_grants g WHERE g.event_id = e.id AND g.user_id = ${userId}::uuid), '[]') AS "roleGrants"
            FROM events e JOIN series s ON s.id = e.series_id LEFT JOIN events p ON p.id = e.parent_event_id
           WHERE e.slug = ${slug}) AS ev ON true`);
    const { account, ...event } = row;
    return { account, event: event.id === null ? null : event };
  }

  /** Keyset page ordered by start date, newest first. */
  listPage(filter: { seriesSlug?: string; statuses: EventStatus[] }, limit: number, after?: KeysetPosition) {
    const where: Prisma.EventWhereInput = {
      status: { in: filter.statuses },
      ...(filter.seriesSlug ? { series: { slug: filter.seriesSlug } } : {}),
      ...(after
        ? { OR: [{ startsAt: { lt: after.at } }, { startsAt: after.at, id: { lt: after.id } }] }
        : {}),
    };
    return this.tx.db.event.findMany({
      where,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: EVENT_FIELDS,
    });
  }

  updateEvent(id: string, data: EventWrite): Promise<EventRecord> {
    const { venue, ...rest } = data;
    return this.tx.db.event.update({
      where: { id },
      data: { ...rest, ...(venue === undefined ? {} : { venue: venue ?? Prisma.DbNull }) },
      select: EVENT_FIELDS,
    });
  }

  isOrganiserInSeries(userId: string, seriesId: string) {
    return this.tx.db.roleGrant
      .count({ where: { userId, role: EventRole.ORGANISER, event: { seriesId } } })
      .then((count) => count > 0);
  }

  /**
   * Takes the event row's lock for the rest of the transaction, so that concurrent role changes on one event run
   * one after the other (two organisers removing each other must not leave the event with none).
   */
  async lockEvent(eventId: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT id FROM events WHERE id = ${eventId}::uuid FOR UPDATE`;
  }

  listGrants(eventId: string) {
    return this.tx.db.roleGrant.findMany({
      where: { eventId },
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    });
  }

  findGrant(eventId: string, grantId: string) {
    return this.tx.db.roleGrant.findFirst({
      where: { id: grantId, eventId },
      select: { id: true, role: true, userId: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    });
  }

  /** Inserts the grant unless it exists; returns it either way, with whether it was new. */
  async upsertGrant(eventId: string, userId: string, role: EventRole, grantedById: string | null) {
    const existing = await this.tx.db.roleGrant.findUnique({
      where: { eventId_userId_role: { eventId, userId, role } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const created = await this.tx.db.roleGrant.upsert({
      where: { eventId_userId_role: { eventId, userId, role } },
      create: { eventId, userId, role, grantedById },
      update: {},
      select: { id: true },
    });
    return { id: created.id, created: true };
  }

  deleteGrant(id: string) {
    return this.tx.db.roleGrant.delete({ where: { id } });
  }

  countRole(eventId: string, role: EventRole) {
    return this.tx.db.roleGrant.count({ where: { eventId, role } });
  }
}
