import { Module } from '@nestjs/common';
import { WorkerReportsModule } from '../reports/reports.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceService } from './maintenance.service';

@Module({ imports: [WorkerReportsModule], providers: [MaintenanceProcessor, MaintenanceService, MaintenanceRepository] })
export class MaintenanceModule {}
