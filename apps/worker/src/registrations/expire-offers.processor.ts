import { Injectable, Logger } from '@nestjs/common';
import { JobHandler } from '@lectern/queue/job-handler.decorator';
import { WaitlistResult, WaitlistService } from '@lectern/domains/registrations/waitlist.service';

/**
 * Expires waiting-list offers and passes their seats on without waiting for a request. Registrations handle an
 * expired offer themselves when they meet one, so this schedule only decides how soon the next person hears.
 */
@Injectable()
export class ExpireOffersProcessor {
  private readonly logger = new Logger(ExpireOffersProcessor.name);

  constructor(private readonly waitlist: WaitlistService) {}

  @JobHandler('registrations.expire-offers')
  async expireOffers(): Promise<WaitlistResult & { events: number }> {
    const result = await this.waitlist.processDue();
    if (result.expired > 0 || result.offered > 0) this.logger.log(`waiting lists processed: ${JSON.stringify(result)}`);
    return result;
  }
}
