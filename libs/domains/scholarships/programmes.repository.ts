import { Injectable } from '@nestjs/common';
import { EventRole, Prisma, ScholarshipKind } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText } from '@lectern/i18n/localized-text';

const PROGRAMME_FIELDS = {
  id: true,
  eventId: true,
  key: true,
  name: true,
  description: true,
  kind: true,
  opensAt: true,
  closesAt: true,
  currency: true,
  budgetMinor: true,
  travelCapMinor: true,
  ticketTypeId: true,
  reviewsPerApplication: true,
  createdAt: true,
  updatedAt: true,
  ticketType: { select: { id: true, name: true } },
} as const satisfies Prisma.ScholarshipProgrammeSelect;

export type ProgrammeRecord = Prisma.ScholarshipProgrammeGetPayload<{ select: typeof PROGRAMME_FIELDS }>;

export interface ProgrammeWrite {
  key?: string;
  name?: LocalizedText;
  description?: LocalizedText | null;
  kind?: ScholarshipKind;
  opensAt?: Date;
  closesAt?: Date;
  currency?: string;
  budgetMinor?: number;
  travelCapMinor?: number;
  ticketTypeId?: string | null;
  reviewsPerApplication?: number;
}

/** The row as locked for an award: what the budget check needs. */
export interface LockedProgramme {
  id: string;
  currency: string;
  budgetMinor: number;
  travelCapMinor: number;
  ticketTypeId: string | null;
}

/**
 * Per programme, the figures organisers and the transparency report need; counts and amounts only, never content.
 * Applications that count are the submitted ones; funds granted are the grants of accepted awards.
 */
export interface ProgrammeTotalsRow {
  programme_id: string;
  key: string;
  name: LocalizedText;
  kind: ScholarshipKind;
  currency: string;
  budget_minor: number;
  applications: number;
  withdrawn: number;
  offered: number;
  accepted: number;
  declined: number;
  revoked: number;
  committed_minor: number;
  granted_minor: number;
  registrations: number;
}

@Injectable()
export class ProgrammesRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(data: Required<ProgrammeWrite> & { eventId: string }): Promise<ProgrammeRecord> {
    return this.tx.db.scholarshipProgramme.create({ data: { ...data, description: data.description ?? Prisma.DbNull }, select: PROGRAMME_FIELDS });
  }

  update(id: string, data: ProgrammeWrite): Promise<ProgrammeRecord> {
    return this.tx.db.scholarshipProgramme.update({
      where: { id },
      data: { ...data, description: data.description === null ? Prisma.DbNull : data.description },
      select: PROGRAMME_FIELDS,
    });
  }

  find(eventId: string, id: string): Promise<ProgrammeRecord | null> {
    return this.tx.db.scholarshipProgramme.findFirst({ where: { id, eventId }, select: PROGRAMME_FIELDS });
  }

  list(eventId: string): Promise<ProgrammeRecord[]> {
    return this.tx.db.scholarshipProgramme.findMany({
      where: { eventId },
      orderBy: [{ opensAt: 'asc' }, { key: 'asc' }],
      select: PROGRAMME_FIELDS,
    });
  }

  /** Row-locks the programme until the transaction ends: awards and budget changes of one programme queue here. */
  async lock(eventId: string, id: string): Promise<LockedProgramme | null> {
    const rows = await this.tx.db.$queryRaw<
      { id: string; currency: string; budget_minor: number; travel_cap_minor: number; ticket_type_id: string | null }[]
    >`
      SELECT id::text AS id, currency, budget_minor, travel_cap_minor, ticket_type_id::text AS ticket_type_id
        FROM scholarship_programmes WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    const row = rows[0];
    return row
      ? { id: row.id, currency: row.currency, budgetMinor: row.budget_minor, travelCapMinor: row.travel_cap_minor, ticketTypeId: row.ticket_type_id }
      : null;
  }

  /** The grants of the awards that count against the budget (offered or accepted). */
  async committedMinor(programmeId: string): Promise<number> {
    const rows = await this.tx.db.$queryRaw<{ committed: number }[]>`
      SELECT coalesce(sum(travel_grant_minor), 0)::int AS committed
        FROM scholarship_awards WHERE programme_id = ${programmeId}::uuid AND state IN ('OFFERED', 'ACCEPTED')`;
    return rows[0]?.committed ?? 0;
  }

  countAwards(programmeId: string): Promise<number> {
    return this.tx.db.scholarshipAward.count({ where: { programmeId } });
  }

  findTicketType(eventId: string, id: string) {
    return this.tx.db.ticketType.findFirst({ where: { id, eventId }, select: { id: true } });
  }

  /** The user ids holding the committee role in the event. */
  async committeeMembers(eventId: string): Promise<string[]> {
    const grants = await this.tx.db.roleGrant.findMany({
      where: { eventId, role: EventRole.SCHOLARSHIP_COMMITTEE },
      select: { userId: true },
    });
    return grants.map((g) => g.userId);
  }

  /** One statement for every programme of the event. */
  totals(eventId: string): Promise<ProgrammeTotalsRow[]> {
    return this.tx.db.$queryRaw<ProgrammeTotalsRow[]>`
      SELECT p.id::text AS programme_id, p.key, p.name, p.kind, p.currency, p.budget_minor,
             (SELECT count(*)::int FROM scholarship_applications a WHERE a.programme_id = p.id AND a.state = 'SUBMITTED') AS applications,
             (SELECT count(*)::int FROM scholarship_applications a WHERE a.programme_id = p.id AND a.state = 'WITHDRAWN') AS withdrawn,
             count(w.id) FILTER (WHERE w.state = 'OFFERED')::int AS offered,
             count(w.id) FILTER (WHERE w.state = 'ACCEPTED')::int AS accepted,
             count(w.id) FILTER (WHERE w.state = 'DECLINED')::int AS declined,
             count(w.id) FILTER (WHERE w.state = 'REVOKED')::int AS revoked,
             coalesce(sum(w.travel_grant_minor) FILTER (WHERE w.state IN ('OFFERED', 'ACCEPTED')), 0)::int AS committed_minor,
             coalesce(sum(w.travel_grant_minor) FILTER (WHERE w.state = 'ACCEPTED'), 0)::int AS granted_minor,
             count(w.id) FILTER (WHERE w.state IN ('OFFERED', 'ACCEPTED') AND w.includes_registration)::int AS registrations
        FROM scholarship_programmes p
        LEFT JOIN scholarship_awards w ON w.programme_id = p.id
       WHERE p.event_id = ${eventId}::uuid
       GROUP BY p.id
       ORDER BY p.opens_at, p.key`;
  }
}
