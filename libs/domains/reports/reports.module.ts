import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReportsService } from './reports.service';
import { ReportsRepository } from './reports.repository';
import { ReportQueue } from './report.queue';
import { ReportChoicesRepository } from './report-choices.repository';
import { ReportChoicesService } from './report-choices.service';

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
    ReportChoicesService,
    ReportChoicesRepository,
  ],
  exports: [
    ReportsService,
    ReportsRepository,
    ReportQueue,
    ReportChoicesService,
  ],
})
export class ReportsModule {}
