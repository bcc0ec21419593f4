import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReportsModule } from '@lectern/domains/reports/reports.module';
import { ReportsController } from './reports.controller';
import { ReportChoicesController } from './report-choices.controller';
import { ReportSchemaController } from './report-schema.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, ReportsModule],
  controllers: [ReportsController, ReportChoicesController, ReportSchemaController],
})
export class ReportsHttpModule {}
