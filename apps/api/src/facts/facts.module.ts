import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { FactsController } from './facts.controller';
import { FactsRepository } from './facts.repository';
import { FactsService } from './facts.service';

@Module({
  imports: [EventsModule],
  controllers: [FactsController],
  providers: [FactsService, FactsRepository],
  exports: [FactsRepository],
})
export class FactsModule {}
