import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { PlatformModule } from '@lectern/platform/platform.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CfpHttpModule } from './cfp/cfp-http.module';
import { EventsHttpModule } from './events/events-http.module';
import { FactsHttpModule } from './facts/facts-http.module';
import { HealthModule } from './health/health.module';
import { RateLimitModule } from './http/rate-limit.module';
import { IntegrationsHttpModule } from './integrations/integrations-http.module';
import { LifecycleHttpModule } from './lifecycle/lifecycle-http.module';
import { ProgrammeHttpModule } from './programme/programme-http.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { OperationsHttpModule } from './operations/operations-http.module';
import { RegistrationsHttpModule } from './registrations/registrations-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { ReviewsHttpModule } from './reviews/reviews-http.module';
import { ScholarshipsHttpModule } from './scholarships/scholarships-http.module';

/** The HTTP API: one module of routes per domain over the domain modules in libs/domains; it only enqueues jobs. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        AuthHttpModule,
        // after AuthHttpModule: its guard runs first, so the account limit knows the account
        RateLimitModule,
        EventsHttpModule,
        FactsHttpModule,
        CfpHttpModule,
        ReviewsHttpModule,
        RegistrationsHttpModule,
        ProgrammeHttpModule,
        ReportsHttpModule,
        ScholarshipsHttpModule,
        HealthModule,
        NotificationsHttpModule,
        OperationsHttpModule,
        IntegrationsHttpModule,
        LifecycleHttpModule,
      ],
    };
  }
}
