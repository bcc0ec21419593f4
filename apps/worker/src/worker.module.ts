import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@lectern/config/config';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { WebhookDeliveryModule } from '@lectern/domains/integrations/webhook-delivery.module';
import { NotificationDeliveryModule } from '@lectern/domains/notifications/notification-delivery.module';
import { RegistrationsModule } from '@lectern/domains/registrations/registrations.module';
import { ReportGenerationModule } from '@lectern/domains/reports/report-generation.module';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { PlatformModule } from '@lectern/platform/platform.module';
import { QueueMetrics } from '@lectern/queue/queue.metrics';
import { QueueWorkers } from '@lectern/queue/queue.workers';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceService } from './maintenance/maintenance.service';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OperationsServer } from './operations/operations.server';
import { ExpireOffersProcessor } from './registrations/expire-offers.processor';
import { ReportsProcessor } from './reports/reports.processor';
import { WebhooksProcessor } from './integrations/webhooks.processor';

/**
 * The worker: the domain modules it runs jobs of, the processors whose `@JobHandler` methods run them, and
 * QueueWorkers, which finds those methods and runs one BullMQ worker per queue.
 * QueueWorkers is provided here, in the root module, so that shutdown closes it first (see QueueWorkers).
 * OperationsServer serves its health and metrics on WORKER_HTTP_PORT; QueueMetrics adds the queues' depths to them.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        DiscoveryModule,
        AuthModule,
        ReviewsModule,
        RegistrationsModule,
        NotificationDeliveryModule,
        ReportGenerationModule,
        WebhookDeliveryModule,
      ],
      providers: [
        QueueWorkers,
        QueueMetrics,
        OperationsServer,
        MaintenanceService,
        MaintenanceProcessor,
        ExpireOffersProcessor,
        NotificationsProcessor,
        ReportsProcessor,
        WebhooksProcessor,
      ],
    };
  }
}
