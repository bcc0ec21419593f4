import { Module } from '@nestjs/common';
import { ReportsProcessor } from './reports.processor';
import { WorkerReportsRepository } from './reports.repository';
import { WorkerReportsService } from './reports.service';

/** Produces transparency reports; the maintenance sweep uses its service to release stuck ones. */
@Module({
  providers: [WorkerReportsRepository, WorkerReportsService, ReportsProcessor],
  exports: [WorkerReportsService],
})
export class WorkerReportsModule {}
