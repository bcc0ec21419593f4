import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceService } from './maintenance.service';

@Module({ providers: [MaintenanceProcessor, MaintenanceService, MaintenanceRepository] })
export class MaintenanceModule {}
