import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { FactsService } from './facts.service';
import { FactsRepository } from './facts.repository';

/**
 * Facts organisers enter that the system cannot know: sponsors, partners, media, other figures.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
  providers: [
    FactsService,
    FactsRepository,
  ],
  exports: [
    FactsService,
    FactsRepository,
  ],
})
export class FactsModule {}
