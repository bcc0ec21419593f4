import { Module } from '@nestjs/common';
import { AuditRepository } from '../../../../libs/audit/audit.repository';
import { ClockModule } from '../../../../libs/clock/clock.module';
import { InventoryRepository } from '../../../api/src/registrations/inventory.repository';
import { RegistrationsRepository } from '../../../api/src/registrations/registrations.repository';
import { WaitlistService } from '../../../api/src/registrations/waitlist.service';
import { ExpireOffersProcessor } from './expire-offers.processor';

/** The API's waiting-list rules, run by the worker on a schedule: one implementation, two entry points. */
@Module({
  imports: [ClockModule],
  providers: [ExpireOffersProcessor, WaitlistService, InventoryRepository, RegistrationsRepository, AuditRepository],
})
export class WorkerRegistrationsModule {}
