import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { RegistrationsService } from './registrations.service';
import { ComplimentaryRegistrationsService } from './complimentary-registrations.service';
import { CancellationsService } from './cancellations.service';
import { RegistrationStateService } from './registration-state.service';
import { RegistrationDetailsService } from './registration-details.service';
import { RegistrationListingService } from './registration-listing.service';
import { RegistrationWriter } from './registration-writer.service';
import { IdempotencyService } from './idempotency.service';
import { TicketTypesService } from './ticket-types.service';
import { VouchersService } from './vouchers.service';
import { CheckInService } from './checkin.service';
import { WaitlistService } from './waitlist.service';
import { SeatHints } from './seat-hints.service';
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
    RegistrationWriter,
    IdempotencyService,
    RegistrationsService,
    ComplimentaryRegistrationsService,
    CancellationsService,
    RegistrationStateService,
    RegistrationDetailsService,
    RegistrationListingService,
    TicketTypesService,
    VouchersService,
    CheckInService,
    WaitlistService,
    SeatHints,
    RegistrationsRepository,
    TicketTypesRepository,
    VouchersRepository,
    CheckInRepository,
    InventoryRepository,
    IdempotencyRepository,
  ],
  exports: [
    RegistrationsService,
    ComplimentaryRegistrationsService,
    CancellationsService,
    RegistrationStateService,
    RegistrationDetailsService,
    RegistrationListingService,
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
