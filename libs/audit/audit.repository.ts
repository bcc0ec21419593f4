import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { Statement, TransactionHost } from '@lectern/database/transaction.host';
import { attribution } from './attribution';
import { DomainEventType, DomainEvents } from './domain-events';

export interface AuditInput {
  eventId?: string | null;
  actorId?: string | null;
  requestId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * jsonb text for a raw statement; undefined and null both store SQL NULL. Rows are stamped with clock_timestamp(),
 * not the transaction's start: the notification resolvers compare an outbox row's time with the rows the same
 * transaction wrote before it ("who was a speaker when this happened"), so it must not predate them.
 */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** A column of the rows an entriesFor/eventsFor statement reads: a name written in the code, never a request's. */
export type Column = string;

const columnOf = (column: Column) => Prisma.raw(`r."${column}"`);

/** A domain event and its payload, as the outbox keeps it. */
export type OutboxEvent = { [T in DomainEventType]: { type: T; payload: DomainEvents[T] } }[DomainEventType];

/**
 * The audit log and the outbox. Callers write here inside the same TransactionHost.run as the change itself, or
 * pass `entry`/`events` statements to TransactionHost.runAsOne with the change's own statement, so a change without
 * its audit entry or domain event (or the reverse) can never be committed.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The audit entry and the domain events the change causes, in one statement. */
  async record(entry: AuditInput, ...events: OutboxEvent[]): Promise<void> {
    await this.tx.runAsOne([this.entry(entry), ...(events.length > 0 ? [this.events(events)] : [])]);
  }

  async publish<T extends DomainEventType>(type: T, payload: DomainEvents[T]): Promise<void> {
    await this.publishMany(type, [payload]);
  }

  /** One statement for many events of a type (a sweep may publish hundreds), in the order given. */
  async publishMany<T extends DomainEventType>(type: T, payloads: DomainEvents[T][]): Promise<void> {
    if (payloads.length === 0) return;
    await this.tx.runAsOne([this.events(payloads.map((payload) => ({ type, payload }) as OutboxEvent))]);
  }

  /** A change made through an API token names the token besides its creator (the actor). */
  entry(entry: AuditInput): Statement {
    const apiTokenId = attribution.getStore()?.apiTokenId ?? null;
    return Prisma.sql`
      INSERT INTO audit_log (event_id, actor_id, request_id, action, entity_type, entity_id, before, after, api_token_id, created_at)
      VALUES (${entry.eventId ?? null}::uuid, ${entry.actorId ?? null}::uuid, ${entry.requestId ?? null}, ${entry.action},
        ${entry.entityType}, ${entry.entityId}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${apiTokenId}::uuid,
        clock_timestamp())`;
  }

  /**
   * The audit entry of each row that a data-modifying CTE named `rows` returns, for a statement that decides in SQL
   * whether it writes at all. Values named by `Column` are that row's columns; `after` maps keys to columns (or null).
   */
  entriesFor(
    rows: string,
    entry: Omit<AuditInput, 'eventId' | 'entityId' | 'before' | 'after'> & { eventId: Column; entityId: Column; after: Record<string, Column | null> },
  ): Statement {
    const apiTokenId = attribution.getStore()?.apiTokenId ?? null;
    const after = Prisma.join(
      Object.entries(entry.after).map(([key, column]) => Prisma.sql`${key}::text, ${column === null ? Prisma.sql`NULL` : columnOf(column)}`),
      ', ',
    );
    return Prisma.sql`
      INSERT INTO audit_log (event_id, actor_id, request_id, action, entity_type, entity_id, after, api_token_id, created_at)
      SELECT ${columnOf(entry.eventId)}, ${entry.actorId ?? null}::uuid, ${entry.requestId ?? null}, ${entry.action},
        ${entry.entityType}, ${columnOf(entry.entityId)}::text, jsonb_build_object(${after}), ${apiTokenId}::uuid, clock_timestamp()
        FROM ${Prisma.raw(rows)} r`;
  }

  /**
   * The domain event `type` of each row of a data-modifying CTE named `rows` whose column `when.column` equals
   * `when.equals`; `payload` maps keys to columns as entriesFor does.
   */
  eventsFor(rows: string, type: DomainEventType, payload: Record<string, Column> & { eventId: Column }, when: { column: Column; equals: string }): Statement {
    const object = Prisma.join(
      Object.entries(payload).map(([key, column]) => Prisma.sql`${key}::text, ${columnOf(column)}`),
      ', ',
    );
    return Prisma.sql`
      INSERT INTO outbox (event_id, type, payload, created_at)
      SELECT ${columnOf(payload.eventId)}, ${type}, jsonb_build_object(${object}), clock_timestamp()
        FROM ${Prisma.raw(rows)} r WHERE ${columnOf(when.column)}::text = ${when.equals}`;
  }

  /**
   * One INSERT for all the events, so that their ids (the relay's order) follow the order given: sibling
   * statements of one WITH run in no defined order.
   */
  events(events: OutboxEvent[]): Statement {
    return Prisma.sql`
      INSERT INTO outbox (event_id, type, payload, created_at)
      SELECT (e.value->'payload'->>'eventId')::uuid, e.value->>'type', e.value->'payload', clock_timestamp()
        FROM jsonb_array_elements(${JSON.stringify(events)}::jsonb) WITH ORDINALITY AS e(value, n)
       ORDER BY e.n`;
  }

  /** Newest first, keyset-paginated by id. */
  listForEvent(eventId: string, limit: number, beforeId?: bigint) {
    return this.tx.db.auditEntry.findMany({
      where: { eventId, ...(beforeId !== undefined ? { id: { lt: beforeId } } : {}) },
      orderBy: { id: 'desc' },
      take: limit + 1,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        requestId: true,
        apiTokenId: true,
        createdAt: true,
        actor: { select: { id: true, email: true, name: true } },
      },
    });
  }
}
