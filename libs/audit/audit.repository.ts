import { Injectable } from '@nestjs/common';
import { Prisma } from '../database/generated/client';
import { TransactionHost } from '../database/transaction.host';
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


const json = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/**
 * The audit log and the outbox. Callers write here inside the same TransactionHost.run as the change itself, so a
 * change without its audit entry or domain event (or the reverse) can never be committed.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TransactionHost) {}

  async record(entry: AuditInput): Promise<void> {
    await this.tx.db.auditEntry.create({
      data: {
        eventId: entry.eventId ?? null,
        actorId: entry.actorId ?? null,
        requestId: entry.requestId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: json(entry.before),
        after: json(entry.after),
      },
    });
  }

  async publish<T extends DomainEventType>(type: T, payload: DomainEvents[T]): Promise<void> {
    await this.tx.db.outboxEvent.create({
      data: { eventId: payload.eventId, type, payload: { ...payload } as Prisma.InputJsonObject },
    });
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
        createdAt: true,
        actor: { select: { id: true, email: true, name: true } },
      },
    });
  }
}
