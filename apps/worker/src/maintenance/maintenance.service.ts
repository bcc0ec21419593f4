import { Injectable } from '@nestjs/common';
import { MaintenanceRepository } from './maintenance.repository';

export interface SweepResult {
  loginThrottlesDeleted: number;
  idempotencyKeysDeleted: number;
}

@Injectable()
export class MaintenanceService {
  constructor(private readonly repository: MaintenanceRepository) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    return {
      loginThrottlesDeleted: await this.repository.deleteExpiredLoginThrottles(now),
      idempotencyKeysDeleted: await this.repository.deleteExpiredIdempotencyKeys(now),
    };
  }
}
