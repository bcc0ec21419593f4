import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { AudienceInput } from './email.types';

/** A person the audience reaches, as a message needs them. */
export interface AudienceMember {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** Proposal states a speaker filter means when it names none: everything that was submitted. */
const SUBMITTED_STATES = ['SUBMITTED', 'WITHDRAWN', 'ACCEPTED', 'REJECTED', 'WAITLISTED', 'CONFIRMED', 'DECLINED'];

const list = (values: string[] | undefined) => values ?? [];

/**
 * The people a composed message reaches: one query, the union of the groups chosen (UNION, so a person in
 * several groups is one row), filtered by the edition's own tracks, formats, ticket types and co-located events.
 */
@Injectable()
export class AudienceRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The audience as a query of `user_id`s, each once: what counts, samples and the worker's insert select from. */
  peopleSql(eventId: string, audience: AudienceInput): Prisma.Sql {
    const parts: Prisma.Sql[] = [];
    const { speakers, attendees } = audience;
    if (speakers) {
      const states = speakers.states?.length ? speakers.states : SUBMITTED_STATES;
      parts.push(Prisma.sql`
        SELECT sp.user_id FROM submissions s
          JOIN submission_speakers sp ON sp.submission_id = s.id
          LEFT JOIN tracks t ON t.id = s.track_id
          LEFT JOIN session_formats f ON f.id = s.format_id
         WHERE s.event_id = ${eventId}::uuid AND s.state::text = ANY(${states}::text[])
           AND (cardinality(${list(speakers.tracks)}::text[]) = 0 OR t.slug = ANY(${list(speakers.tracks)}::text[]))
           AND (cardinality(${list(speakers.formats)}::text[]) = 0 OR f.slug = ANY(${list(speakers.formats)}::text[]))`);
    }
    if (attendees) {
      const states = attendees.states?.length ? attendees.states : ['CONFIRMED'];
      const colocated = list(attendees.colocatedEvents);
      parts.push(Prisma.sql`
        SELECT r.user_id FROM registrations r
          JOIN ticket_types tt ON tt.id = r.ticket_type_id
          JOIN events e ON e.id = r.event_id
         WHERE (CASE WHEN cardinality(${colocated}::text[]) = 0 THEN e.id = ${eventId}::uuid
                     ELSE e.parent_event_id = ${eventId}::uuid AND e.slug = ANY(${colocated}::text[]) END)
           AND r.state::text = ANY(${states}::text[])
           AND (cardinality(${list(attendees.ticketTypes)}::text[]) = 0 OR tt.id::text = ANY(${list(attendees.ticketTypes)}::text[]))
           AND (cardinality(${list(attendees.attendance)}::text[]) = 0 OR tt.attendance::text = ANY(${list(attendees.attendance)}::text[]))
           AND (${attendees.checkedIn ?? null}::boolean IS NULL OR (r.first_checked_in_at IS NOT NULL) = ${attendees.checkedIn ?? null}::boolean)`);
    }
    if (audience.scholarshipRecipients) {
      parts.push(Prisma.sql`
        SELECT ap.user_id FROM scholarship_awards a
          JOIN scholarship_programmes p ON p.id = a.programme_id
          JOIN scholarship_applications ap ON ap.id = a.application_id
         WHERE p.event_id = ${eventId}::uuid AND a.state IN ('OFFERED', 'ACCEPTED')`);
    }
    const roles = [...(audience.reviewers ? ['REVIEWER'] : []), ...(audience.committee ? ['SCHOLARSHIP_COMMITTEE'] : [])];
    if (roles.length > 0) {
      parts.push(Prisma.sql`SELECT user_id FROM role_grants WHERE event_id = ${eventId}::uuid AND role::text = ANY(${roles}::text[])`);
    }
    return parts.length > 0 ? Prisma.join(parts, ' UNION ') : Prisma.sql`SELECT NULL::uuid AS user_id WHERE false`;
  }

  /** How many the audience reaches, by language, and the first few of them: a dry run. */
  async count(eventId: string, audience: AudienceInput, sampleSize: number): Promise<{ locales: { locale: string; count: number }[]; sample: AudienceMember[] }> {
    const locales = await this.tx.db.$queryRaw<{ locale: string; count: bigint }[]>`
      SELECT u.locale, count(*) AS count FROM (${this.peopleSql(eventId, audience)}) people
        JOIN users u ON u.id = people.user_id GROUP BY u.locale ORDER BY u.locale`;
    const sample = await this.tx.db.$queryRaw<AudienceMember[]>`
      SELECT u.id, u.email, u.name, u.locale FROM (${this.peopleSql(eventId, audience)}) people
        JOIN users u ON u.id = people.user_id ORDER BY u.name, u.id LIMIT ${sampleSize}`;
    return { locales: locales.map((row) => ({ locale: row.locale, count: Number(row.count) })), sample };
  }

  /** Of the slugs given, those that are not the edition's tracks. */
  async unknownTracks(eventId: string, slugs: string[]): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM tracks WHERE event_id = ${eventId}::uuid AND slug = ANY(${slugs}::text[])`;
    const known = new Set(rows.map((row) => row.slug));
    return slugs.filter((slug) => !known.has(slug));
  }

  async unknownFormats(eventId: string, slugs: string[]): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM session_formats WHERE event_id = ${eventId}::uuid AND slug = ANY(${slugs}::text[])`;
    const known = new Set(rows.map((row) => row.slug));
    return slugs.filter((slug) => !known.has(slug));
  }

  async unknownColocatedEvents(eventId: string, slugs: string[]): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM events WHERE parent_event_id = ${eventId}::uuid AND slug = ANY(${slugs}::text[])`;
    const known = new Set(rows.map((row) => row.slug));
    return slugs.filter((slug) => !known.has(slug));
  }

  /** Of the ticket type ids given, those not of the edition (nor of the co-located events named). */
  async unknownTicketTypes(eventId: string, ids: string[], colocated: string[]): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ id: string }[]>`
      SELECT tt.id::text AS id FROM ticket_types tt JOIN events e ON e.id = tt.event_id
       WHERE tt.id::text = ANY(${ids}::text[])
         AND (e.id = ${eventId}::uuid OR (e.parent_event_id = ${eventId}::uuid AND e.slug = ANY(${colocated}::text[])))`;
    const known = new Set(rows.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  /** A person who takes part in the edition (a role, a proposal, a registration): whom a preview may be for. */
  async personOfEdition(eventId: string, userId: string): Promise<AudienceMember | null> {
    const rows = await this.tx.db.$queryRaw<AudienceMember[]>`
      SELECT u.id, u.email, u.name, u.locale FROM users u
       WHERE u.id = ${userId}::uuid AND (
         EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.event_id = ${eventId}::uuid)
         OR EXISTS (SELECT 1 FROM submission_speakers sp JOIN submissions s ON s.id = sp.submission_id
                     WHERE sp.user_id = u.id AND s.event_id = ${eventId}::uuid AND s.state <> 'DRAFT')
         OR EXISTS (SELECT 1 FROM registrations r WHERE r.user_id = u.id AND r.event_id = ${eventId}::uuid))`;
    return rows[0] ?? null;
  }
}
