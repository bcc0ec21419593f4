import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { RegistrationsModule } from '@lectern/domains/registrations/registrations.module';
import { RegistrationsController } from './registrations.controller';
import { TicketTypesController } from './ticket-types.controller';
import { VouchersController } from './vouchers.controller';
import { CheckInController } from './checkin.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, RegistrationsModule],
  controllers: [RegistrationsController, TicketTypesController, VouchersController, CheckInController],
})
export class RegistrationsHttpModule {}
