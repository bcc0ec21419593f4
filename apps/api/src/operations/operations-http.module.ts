import { Module } from '@nestjs/common';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { QueueDashboardController } from './queue-dashboard.controller';

/** The administrators' way into the queue dashboard; the dashboard itself is mounted by `mountQueueDashboard`. */
@Module({ imports: [AuthModule], controllers: [QueueDashboardController] })
export class OperationsHttpModule {}
