import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HttpMetrics } from './http-metrics';

@Module({
  controllers: [HealthController],
  providers: [HttpMetrics],
  exports: [HttpMetrics],
})
export class HealthModule {}
