import { Injectable } from '@nestjs/common';
import { ApiTokenKind, EventRole } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';

const TOKEN_VIEW = {
  id: true,
  kind: true,
  name: true,
  displayPrefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, email: true, name: true } },
  event: { select: { slug: true } },
  series: { select: { slug: true } },
} as const;

export interface NewApiToken {
  kind: ApiTokenKind;
  name: string;
  tokenHash: string;
  displayPrefix: string;
  createdById: string;
  eventId: string | null;
  seriesId: string | null;
  scopes: string[];
  expiresAt: Date;
}

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(token: NewApiToken) {
    return this.tx.db.apiToken.create({ data: token, select: TOKEN_VIEW });
  }

  /** The token with its creator as the creator stands now (a deleted account takes its tokens with it). */
  findByHash(tokenHash: string) {
    return this.tx.db.apiToken.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        kind: true,
        scopes: true,
        eventId: true,
        seriesId: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
        createdBy: { select: { id: true, email: true, isAdmin: true } },
      },
    });
  }

  /** Last use to the minute: a busy device must not write the row on every scan. */
  async touch(id: string): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE api_tokens SET last_used_at = now()
       WHERE id = ${id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  }

  findEventTarget(slug: string) {
    return this.tx.db.event.findUnique({ where: { slug }, select: { id: true, seriesId: true } });
  }

  findSeries(slug: string) {
    return this.tx.db.series.findUnique({ where: { slug }, select: { id: true } });
  }

  async rolesIn(eventId: string, userId: string): Promise<EventRole[]> {
    const grants = await this.tx.db.roleGrant.findMany({ where: { eventId, userId }, select: { role: true } });
    return grants.map((g) => g.role);
  }

  async holdsRoleInSeries(seriesId: string, userId: string): Promise<boolean> {
    return (await this.tx.db.roleGrant.count({ where: { userId, event: { seriesId } } })) > 0;
  }

  listOfCreator(userId: string) {
    return this.tx.db.apiToken.findMany({ where: { createdById: userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: TOKEN_VIEW });
  }

  listOfEvent(eventId: string) {
    return this.tx.db.apiToken.findMany({ where: { eventId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: TOKEN_VIEW });
  }

  find(id: string) {
    return this.tx.db.apiToken.findUnique({ where: { id }, select: { ...TOKEN_VIEW, eventId: true, createdById: true } });
  }

  /** Revoking twice keeps the first time. */
  async markRevoked(id: string): Promise<void> {
    await this.tx.db.$executeRaw`UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${id}::uuid`;
  }
}

export type ApiTokenRecord = Awaited<ReturnType<ApiTokensRepository['create']>>;
