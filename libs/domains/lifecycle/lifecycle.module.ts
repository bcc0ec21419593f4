import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { CloneRepository } from './clone.repository';
import { CloneService } from './clone.service';
import { LifecycleRepository } from './lifecycle.repository';
import { LifecycleService } from './lifecycle.service';

/** An edition over its whole life: cloned from an earlier one, postponed, cancelled, moved online. */
@Module({
  imports: [EventsModule],
  providers: [CloneRepository, CloneService, LifecycleRepository, LifecycleService],
  exports: [CloneService, LifecycleService],
})
export class LifecycleModule {}
