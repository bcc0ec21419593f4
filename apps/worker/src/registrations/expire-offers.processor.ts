import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { QUEUES, isScheduledRun, upsertSchedule } from '@lectern/queue/queue.contract';
import { WaitlistResult, WaitlistService } from '@lectern/domains/registrations/waitlist.service';

/**
 * Expires waiting-list offers and passes their seats on without waiting for a request. Registrations handle an
 * expired offer themselves when they meet one, so this schedule only decides how soon the next person hears.
 */
@Processor(QUEUES.registrations)
export class ExpireOffersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExpireOffersProcessor.name);

  constructor(
    private readonly waitlist: WaitlistService,
    @InjectQueue(QUEUES.registrations) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await upsertSchedule(this.queue, 'registrations.expire-offers', this.config.registrations.offerSweepEverySeconds);
  }

  async process(job: Job): Promise<WaitlistResult & { events: number }> {
    if (job.name !== 'registrations.expire-offers' || !isScheduledRun(job.data)) {
      throw new UnrecoverableError(`unknown registrations job ${job.name}`);
    }
    const result = await this.waitlist.processDue();
    if (result.expired > 0 || result.offered > 0) this.logger.log(`waiting lists processed: ${JSON.stringify(result)}`);
    return result;
  }
}
