import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../../libs/config/config';
import { ConfigModule } from '../../../libs/config/config.module';
import { DatabaseModule } from '../../../libs/database/database.module';
import { QueueModule } from '../../../libs/queue/queue.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WorkerRegistrationsModule } from './registrations/registrations.module';
import { WorkerReportsModule } from './reports/reports.module';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule.forRoot(config, 'worker'), MaintenanceModule, WorkerRegistrationsModule, NotificationsModule, WorkerReportsModule],
    };
  }
}
