import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@lectern/audit/audit.module';
import { ClockModule } from '@lectern/clock/clock.module';
import { AppConfig } from '@lectern/config/config';
import { ConfigModule } from '@lectern/config/config.module';
import { DatabaseModule } from '@lectern/database/database.module';
import { HealthChecksModule } from '@lectern/health/health.module';
import { MetricsModule } from '@lectern/metrics/metrics.module';
import { QueueModule } from '@lectern/queue/queue.module';
import { RedisModule } from '@lectern/redis/redis.module';

/**
 * What every process stands on, the API and the worker alike: configuration, Postgres, Redis, queue producers,
 * audit, clock, the readiness checks and the metrics registry. Only the worker adds QueueWorkers, which runs the jobs.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AuditModule,
        ClockModule,
        HealthChecksModule,
        MetricsModule,
        QueueModule.forRoot(config),
      ],
    };
  }
}
