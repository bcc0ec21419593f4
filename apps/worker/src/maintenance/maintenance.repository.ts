import { Injectable } from '@nestjs/common';
import { TransactionHost } from '../../../../libs/database/transaction.host';

@Injectable()
export class MaintenanceRepository {
  constructor(private readonly tx: TransactionHost) {}

  async deleteExpiredLoginThrottles(now: Date): Promise<number> {
    const { count } = await this.tx.db.loginThrottle.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }

  async deleteExpiredIdempotencyKeys(now: Date): Promise<number> {
    const { count } = await this.tx.db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
