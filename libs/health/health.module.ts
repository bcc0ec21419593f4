import { Global, Module } from '@nestjs/common';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Global()
@Module({ providers: [HealthService, HealthRepository], exports: [HealthService] })
export class HealthChecksModule {}
