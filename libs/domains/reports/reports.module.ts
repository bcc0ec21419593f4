import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReportsService } from './reports.service';
import { ReportsRepository } from './reports.repository';
import { ReportQueue } from './report.queue';

/**
 * Requesting, listing, downloading and publishing transparency reports.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
  providers: [
    ReportsService,
    ReportsRepository,
    ReportQueue,
  ],
  exports: [
    ReportsService,
    ReportsRepository,
    ReportQueue,
  ],
})
export class ReportsModule {}
