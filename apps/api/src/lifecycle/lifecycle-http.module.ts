import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { LifecycleModule } from '@lectern/domains/lifecycle/lifecycle.module';
import { LifecycleController } from './lifecycle.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, LifecycleModule],
  controllers: [LifecycleController],
})
export class LifecycleHttpModule {}
