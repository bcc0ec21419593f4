import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JobContext, JobHandler } from '@lectern/queue/job-handler.decorator';
import { GenerateResult, PermanentReportError, ReportGenerationService } from '@lectern/domains/reports/report-generation.service';

@Injectable()
export class ReportsProcessor {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly reports: ReportGenerationService) {}

  /** The last attempt's failure ends the report (FAILED); an earlier one leaves it QUEUED for BullMQ's retry. */
  @JobHandler('reports.generate')
  async generate({ payload, attemptsMade, lastAttempt }: JobContext<'reports.generate'>): Promise<GenerateResult> {
    try {
      const result = await this.reports.generate(payload.reportId, lastAttempt);
      this.logger.log(`report ${payload.reportId}: ${result.outcome}`);
      return result;
    } catch (error) {
      if (error instanceof PermanentReportError) throw new UnrecoverableError(error.message);
      this.logger.warn(`report ${payload.reportId} attempt ${attemptsMade + 1} failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
