import { Module } from '@nestjs/common';
import { VisibleEventGuard } from '../cfp/cfp-access.guard';
import { EventsModule } from '../events/events.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { AwardsController } from './awards.controller';
import { AwardsRepository } from './awards.repository';
import { AwardsService } from './awards.service';
import { CommitteeController } from './committee.controller';
import { CommitteeRepository } from './committee.repository';
import { CommitteeService } from './committee.service';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [EventsModule, RegistrationsModule],
  controllers: [ProgrammesController, ApplicationsController, CommitteeController, AwardsController],
  providers: [
    ProgrammesService,
    ProgrammesRepository,
    ApplicationsService,
    ApplicationsRepository,
    CommitteeService,
    CommitteeRepository,
    AwardsService,
    AwardsRepository,
    VisibleEventGuard,
  ],
})
export class ScholarshipsModule {}
