import { Module } from '@nestjs/common';
import { AuditRepository } from '../../../../libs/audit/audit.repository';
import { ConfirmationsRepository } from '../../../api/src/reviews/confirmations.repository';
import { ConfirmationsService } from '../../../api/src/reviews/confirmations.service';
import { WorkerReportsModule } from '../reports/reports.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceService } from './maintenance.service';

/** The worker's periodic housekeeping; confirmation reminders are the review domain's rule, run on this schedule. */
@Module({
  imports: [WorkerReportsModule],
  providers: [MaintenanceProcessor, MaintenanceService, MaintenanceRepository, ConfirmationsService, ConfirmationsRepository, AuditRepository],
})
export class MaintenanceModule {}
