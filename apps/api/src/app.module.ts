import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../../../libs/audit/audit.module';
import { ClockModule } from '../../../libs/clock/clock.module';
import { AppConfig } from '../../../libs/config/config';
import { ConfigModule } from '../../../libs/config/config.module';
import { DatabaseModule } from '../../../libs/database/database.module';
import { QueueModule } from '../../../libs/queue/queue.module';
import { RedisModule } from '../../../libs/redis/redis.module';
import { AuthModule } from './auth/auth.module';
import { CfpModule } from './cfp/cfp.module';
import { EventsModule } from './events/events.module';
import { FactsModule } from './facts/facts.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ScholarshipsModule } from './scholarships/scholarships.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AuditModule,
        ClockModule,
        QueueModule.forRoot(config, 'producer'),
        AuthModule,
        EventsModule,
        FactsModule,
        CfpModule,
        ReviewsModule,
        RegistrationsModule,
        ReportsModule,
        ScholarshipsModule,
        HealthModule,
        NotificationsModule,
      ],
    };
  }
}
