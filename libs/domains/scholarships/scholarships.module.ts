import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { RegistrationsModule } from '@lectern/domains/registrations/registrations.module';
import { ProgrammesService } from './programmes.service';
import { ProgrammesRepository } from './programmes.repository';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './applications.repository';
import { CommitteeService } from './committee.service';
import { CommitteeRepository } from './committee.repository';
import { AwardsService } from './awards.service';
import { AwardsRepository } from './awards.repository';

/**
 * Scholarship programmes, applications, committee review and awards.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule, RegistrationsModule],
  providers: [
    ProgrammesService,
    ProgrammesRepository,
    ApplicationsService,
    ApplicationsRepository,
    CommitteeService,
    CommitteeRepository,
    AwardsService,
    AwardsRepository,
  ],
  exports: [
    ProgrammesService,
    ProgrammesRepository,
    ApplicationsService,
    ApplicationsRepository,
    CommitteeService,
    CommitteeRepository,
    AwardsService,
    AwardsRepository,
  ],
})
export class ScholarshipsModule {}
