import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReportsService } from './reports.service';
import { ReportsRepository } from './reports.repository';

/**
 * Requesting, listing, downloading and publishing transparency reports.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
  providers: [
    ReportsService,
    ReportsRepository,
  ],
  exports: [
    ReportsService,
    ReportsRepository,
  ],
})
export class ReportsModule {}
