import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { PageQuery } from '@lectern/database/pagination.types';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { FactKind } from './fact-kinds.policy';
import { FactData, FactTable, FactsRepository } from './facts.repository';

/**
 * Facts about an edition that its registrations and CFP cannot tell: sponsors by tier, community partners, media
 * and analyst accreditations, and figures or clippings typed in by organisers. Organisers only; every change is
 * audited with the event. One path for every kind; what differs is its FactKind (fact-kinds.policy.ts).
 */
@Injectable()
export class FactsService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async list<T extends FactTable, V>(kind: FactKind<T, never, never, V>, access: EventAccess, query: PageQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.facts.list(kind.table, access.event.id, limit, decodeKeyset(query.cursor));
    const { page, nextCursor } = keysetPage(rows, limit, (row) => row.createdAt);
    return { items: page.map(kind.view), nextCursor };
  }

  create<T extends FactTable, C, V>(kind: FactKind<T, C, never, V>, actor: Actor, access: EventAccess, input: C): Promise<V> {
    const data = kind.created(input);
    kind.check?.(data, access.event.series.languages);
    return this.tx.run(async () => {
      try {
        const row = await this.facts.create(kind.table, access.event.id, data);
        const view = kind.view(row);
        await this.record(kind.entityType, actor, access, 'created', row.id, undefined, view);
        return view;
      } catch (error) {
        throw this.refusal(kind, error, data);
      }
    });
  }

  update<T extends FactTable, U, V>(kind: FactKind<T, never, U, V>, actor: Actor, access: EventAccess, id: string, input: U): Promise<V> {
    return this.tx.run(async () => {
      const before = await this.facts.find(kind.table, access.event.id, id);
      if (!before) throw kind.notFound();
      const changes = kind.changed(input);
      const merged: FactData<T> = { ...before, ...changes };
      kind.check?.(merged, access.event.series.languages);
      try {
        const after = kind.view(await this.facts.update(kind.table, id, changes));
        await this.record(kind.entityType, actor, access, 'updated', id, kind.view(before), after);
        return after;
      } catch (error) {
        throw this.refusal(kind, error, merged);
      }
    });
  }

  delete<T extends FactTable>(kind: FactKind<T, never, never, unknown>, actor: Actor, access: EventAccess, id: string): Promise<void> {
    return this.tx.run(async () => {
      const before = await this.facts.find(kind.table, access.event.id, id);
      if (!before) throw kind.notFound();
      await this.facts.delete(kind.table, id);
      await this.record(kind.entityType, actor, access, 'deleted', id, kind.view(before));
    });
  }

  /** A name already taken, for kinds whose names are unique per event; any other error as it came. */
  private refusal<T extends FactTable>(kind: FactKind<T, never, never, unknown>, error: unknown, row: FactData<T>): unknown {
    return kind.nameTaken && isUniqueViolation(error, 'name') ? kind.nameTaken(row) : error;
  }

  private record(
    entityType: string,
    actor: Actor,
    access: EventAccess,
    action: 'created' | 'updated' | 'deleted',
    entityId: string,
    before?: unknown,
    after?: unknown,
  ) {
    return this.audit.record({
      eventId: access.event.id,
      actorId: actor.id,
      requestId: actor.requestId,
      action: `${entityType}.${action}`,
      entityType,
      entityId,
      before,
      after,
    });
  }
}
