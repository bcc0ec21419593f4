import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventAccessGuard } from './event-access.guard';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [EventsService, EventsRepository, EventAccessGuard],
  exports: [EventsService, EventsRepository, EventAccessGuard],
})
export class EventsModule {}
