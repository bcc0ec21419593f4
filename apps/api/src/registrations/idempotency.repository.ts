import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../../../libs/database/transaction.host';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'stored'; requestHash: string; status: number; body: string }
  | { kind: 'in-flight'; requestHash: string }
  | { kind: 'gone' };

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Claims (user, key) for one request, in statements of their own outside the request's transaction, so that a
   * twin request sees the claim at once. Never waits on the first request: its stored response is written inside
   * its still-open transaction, and the twin reads the committed claim instead (in flight). A record past its
   * expiry is claimed again as if it were absent.
   */
  async claim(userId: string, key: string, requestHash: string, now: Date, leaseUntil: Date): Promise<IdempotencyClaim> {
    const inserted = await this.tx.db.$executeRaw`
      INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, expires_at)
      VALUES (${userId}::uuid, ${key}, ${requestHash}, ${now}::timestamptz, ${leaseUntil}::timestamptz)
      ON CONFLICT (user_id, key) DO NOTHING`;
    if (inserted === 1) return { kind: 'claimed' };
    const existing = await this.tx.db.idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: { requestHash: true, responseStatus: true, responseBody: true, expiresAt: true },
    });
    if (!existing) return { kind: 'gone' };
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

  /** Stores the response; called inside the transaction that made it, so both commit or neither does. */
  async complete(userId: string, key: string, status: number, body: string, expiresAt: Date): Promise<void> {
    await this.tx.db.idempotencyKey.update({
      where: { userId_key: { userId, key } },
      data: { responseStatus: status, responseBody: body, expiresAt },
      select: { userId: true },
    });
  }

  /** Drops an unfinished claim after a failure, so the client may retry with the same key. */
  async release(userId: string, key: string): Promise<void> {
    await this.tx.db.idempotencyKey.deleteMany({ where: { userId, key, responseStatus: null } });
  }
}
