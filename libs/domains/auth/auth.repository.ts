import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  locale: string;
  isAdmin: boolean;
  createdAt: Date;
}

const USER_FIELDS = { id: true, email: true, name: true, locale: true, timeZone: true, isAdmin: true, createdAt: true } as const;

@Injectable()
export class AuthRepository {
  constructor(private readonly tx: TransactionHost) {}

  createUser(data: { email: string; passwordHash: string; name: string; locale: string; isAdmin?: boolean }) {
    return this.tx.db.user.create({ data, select: USER_FIELDS });
  }

  /** USER_FIELDS as SQL (TransactionHost.read): every signed-in request reads its account here, against revocation. */
  async findById(id: string): Promise<UserRecord | null> {
    const [user] = await this.tx.read<UserRecord>(Prisma.sql`
      SELECT id, email, name, locale, time_zone AS "timeZone", is_admin AS "isAdmin", created_at AS "createdAt"
        FROM users WHERE id = ${id}::uuid`);
    return user ?? null;
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.tx.db.user.findUnique({ where: { email }, select: USER_FIELDS });
  }

  findCredentials(email: string) {
    return this.tx.db.user.findUnique({ where: { email }, select: { ...USER_FIELDS, passwordHash: true } });
  }

  updateUser(id: string, data: { passwordHash?: string; isAdmin?: boolean; name?: string; locale?: string; timeZone?: string | null }) {
    return this.tx.db.user.update({ where: { id }, data, select: USER_FIELDS });
  }

  /**
   * Counts one attempt against a throttle key and returns the new count. The counter restarts when its window
   * has passed. One statement, so concurrent attempts each see a distinct count and none slips past the limit.
   */
  async countAttempt(key: string, windowSeconds: number): Promise<{ count: number; expiresAt: Date }> {
    const rows = await this.tx.db.$queryRaw<{ failures: number; expires_at: Date }[]>`
      INSERT INTO login_throttle (key, failures, expires_at)
      VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttle.expires_at <= now() THEN 1 ELSE login_throttle.failures + 1 END,
        expires_at = CASE WHEN login_throttle.expires_at <= now() THEN EXCLUDED.expires_at
                          ELSE login_throttle.expires_at END
      RETURNING failures, expires_at`;
    return { count: rows[0].failures, expiresAt: rows[0].expires_at };
  }

  async clearAttempts(key: string): Promise<void> {
    await this.tx.db.loginThrottle.deleteMany({ where: { key } });
  }

  rolesOf(userId: string) {
    return this.tx.db.roleGrant.findMany({
      where: { userId },
      select: { role: true, event: { select: { slug: true, name: true } } },
      orderBy: [{ createdAt: 'asc' }],
    });
  }

  /** Throttle rows whose window has closed count for nothing; the worker's sweep deletes them. */
  async deleteExpiredLoginThrottles(now: Date): Promise<number> {
    const { count } = await this.tx.db.loginThrottle.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
