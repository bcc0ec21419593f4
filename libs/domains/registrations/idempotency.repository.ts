import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { Statement, TransactionHost } from '@lectern/database/transaction.host';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'stored'; requestHash: string; status: number; body: string }
  | { kind: 'in-flight'; requestHash: string }
  /** Lost a race for the record; read it again. */
  | { kind: 'gone' };

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Claims (user, key) for one request, in statements of their own outside the request's transaction, so that a
   * twin request sees the claim at once. The record is read before anything is written: the first request writes
   * its response into the record inside its own, still open transaction, and a plain read does not wait for that
   * (an insert on the same key would), so the twin learns at once that the first is in flight. A record past its
   * expiry is claimed again as if it were absent.
   */
  async claim(userId: string, key: string, requestHash: string, now: Date, leaseUntil: Date): Promise<IdempotencyClaim> {
    const existing = await this.tx.db.idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: { requestHash: true, responseStatus: true, responseBody: true, expiresAt: true },
    });
    if (!existing) {
      const inserted = await this.tx.db.$executeRaw`
        INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, expires_at)
        VALUES (${userId}::uuid, ${key}, ${requestHash}, ${now}::timestamptz, ${leaseUntil}::timestamptz)
        ON CONFLICT (user_id, key) DO NOTHING`;
      return inserted === 1 ? { kind: 'claimed' } : { kind: 'gone' };
    }
    if (existing.expiresAt <= now) {
      const { count } = await this.tx.db.idempotencyKey.updateMany({
        where: { userId, key, expiresAt: { lte: now } },
        data: { requestHash, responseStatus: null, responseBody: null, createdAt: now, expiresAt: leaseUntil },
      });
      return count === 1 ? { kind: 'claimed' } : { kind: 'gone' };
    }
    if (existing.responseStatus === null) return { kind: 'in-flight', requestHash: existing.requestHash };
    return { kind: 'stored', requestHash: existing.requestHash, status: existing.responseStatus, body: existing.responseBody ?? '' };
  }

  /** Stores the response; run with the statements that made it (TransactionHost.runAsOne), so both commit or neither does. */
  completion(userId: string, key: string, status: number, body: string, expiresAt: Date): Statement {
    return Prisma.sql`
      UPDATE idempotency_keys SET response_status = ${status}, response_body = ${body}, expires_at = ${expiresAt}::timestamptz
      WHERE user_id = ${userId}::uuid AND key = ${key}`;
  }

  /** Drops an unfinished claim after a failure, so the client may retry with the same key. */
  async release(userId: string, key: string): Promise<void> {
    await this.tx.db.idempotencyKey.deleteMany({ where: { userId, key, responseStatus: null } });
  }

  /** Keys past IDEMPOTENCY_TTL_SECONDS replay nothing any more; the worker's sweep deletes them. */
  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.tx.db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
