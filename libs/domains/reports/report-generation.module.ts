import { Module } from '@nestjs/common';
import { ReportGenerationRepository } from './report-generation.repository';
import { ReportGenerationService } from './report-generation.service';

/** Producing a transparency report: statistics, both editions rendered, stored. Only the worker imports it. */
@Module({
  providers: [ReportGenerationRepository, ReportGenerationService],
  exports: [ReportGenerationService],
})
export class ReportGenerationModule {}
