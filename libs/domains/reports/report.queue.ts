import { Injectable } from '@nestjs/common';
import { QUEUES } from '@lectern/queue/queue.contract';
import { InjectProducer, Producer } from '@lectern/queue/queue.producer';

/**
 * The one place report jobs are added: by the API when a report is requested, and by the worker's sweep for
 * reports whose job was lost or whose run died. The job id is the report's, so a report whose job is still live in
 * Redis does not get a second one.
 */
@Injectable()
export class ReportQueue {
  constructor(@InjectProducer(QUEUES.reports) private readonly producer: Producer<'reports'>) {}

  enqueue(reportIds: readonly string[]): Promise<void> {
    return this.producer.add(
      'reports.generate',
      reportIds.map((reportId) => ({ reportId })),
    );
  }
}
