import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { RegistrationsService } from './registrations.service';
import { TicketTypesService } from './ticket-types.service';
import { VouchersService } from './vouchers.service';
import { CheckInService } from './checkin.service';
import { WaitlistService } from './waitlist.service';
import { RegistrationsRepository } from './registrations.repository';
import { TicketTypesRepository } from './ticket-types.repository';
import { VouchersRepository } from './vouchers.repository';
import { CheckInRepository } from './checkin.repository';
import { InventoryRepository } from './inventory.repository';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * Ticket types, quotas, vouchers, registrations, the waiting list and check-in.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
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
  exports: [
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
})
export class RegistrationsModule {}
