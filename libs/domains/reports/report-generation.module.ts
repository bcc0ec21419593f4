import { Module } from '@nestjs/common';
import { ReportConnections } from './report-connections';
import { ReportGenerationRepository } from './report-generation.repository';
import { ReportGenerationService } from './report-generation.service';
import { ReportsModule } from './reports.module';

/**
 * Producing a transparency report: statistics, both editions rendered, stored. Only the worker imports it; its
 * sweep adds report jobs through the ReportQueue of ReportsModule.
 */
@Module({
  imports: [ReportsModule],
  providers: [ReportConnections, ReportGenerationRepository, ReportGenerationService],
  exports: [ReportGenerationService],
})
export class ReportGenerationModule {}
