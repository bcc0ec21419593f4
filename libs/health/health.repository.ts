import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';

@Injectable()
export class HealthRepository {
  constructor(private readonly tx: TransactionHost) {}

  async ping(): Promise<void> {
    await this.tx.db.$queryRaw`SELECT 1`;
  }
}
