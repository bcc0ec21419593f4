import { Module } from '@nestjs/common';
import { ClockModule } from '../../../../libs/clock/clock.module';
import { EventsModule } from '../events/events.module';
import { CheckInController } from './checkin.controller';
import { CheckInRepository } from './checkin.repository';
import { CheckInService } from './checkin.service';
import { IdempotencyRepository } from './idempotency.repository';
import { InventoryRepository } from './inventory.repository';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';
import { TicketTypesController } from './ticket-types.controller';
import { TicketTypesRepository } from './ticket-types.repository';
import { TicketTypesService } from './ticket-types.service';
import { VouchersController } from './vouchers.controller';
import { VouchersRepository } from './vouchers.repository';
import { VouchersService } from './vouchers.service';
import { WaitlistService } from './waitlist.service';

@Module({
  imports: [ClockModule, EventsModule],
  controllers: [RegistrationsController, TicketTypesController, VouchersController, CheckInController],
  providers: [
    RegistrationsService,
    TicketTypesService,
    VouchersService,
    CheckInService,
    WaitlistService,
    RegistrationsRepository,
    TicketTypesRepository,
    VouchersRepository,
    CheckInRepository,
    InventoryRepository,
    IdempotencyRepository,
  ],
  exports: [RegistrationsService, WaitlistService],
})
export class RegistrationsModule {}
