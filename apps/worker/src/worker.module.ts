import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { NotificationDeliveryModule } from '@lectern/domains/notifications/notification-delivery.module';
import { RegistrationsModule } from '@lectern/domains/registrations/registrations.module';
import { ReportGenerationModule } from '@lectern/domains/reports/report-generation.module';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { PlatformModule } from '@lectern/platform/platform.module';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceService } from './maintenance/maintenance.service';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { ExpireOffersProcessor } from './registrations/expire-offers.processor';
import { ReportsProcessor } from './reports/reports.processor';

/** The worker: the domain modules it runs jobs of, and one processor per queue. It has no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, 'worker'),
        AuthModule,
        ReviewsModule,
        RegistrationsModule,
        NotificationDeliveryModule,
        ReportGenerationModule,
      ],
      providers: [MaintenanceService, MaintenanceProcessor, ExpireOffersProcessor, NotificationsProcessor, ReportsProcessor],
    };
  }
}
