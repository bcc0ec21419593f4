import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JobContext, JobHandler } from '@lectern/queue/job-handler.decorator';
import {
  DeliveryResult,
  DispatchResult,
  DeliveriesService,
  PermanentDeliveryError,
} from '@lectern/domains/notifications/deliveries.service';

@Injectable()
export class NotificationsProcessor {
  constructor(private readonly notifications: DeliveriesService) {}

  /** A dispatch that fails on its last attempt is recorded as failed before BullMQ gives up on it. */
  @JobHandler('notifications.dispatch')
  async dispatch({ payload, lastAttempt }: JobContext<'notifications.dispatch'>): Promise<DispatchResult> {
    const outboxId = BigInt(payload.outboxId);
    try {
      return await this.notifications.dispatch(outboxId);
    } catch (error) {
      if (lastAttempt) await this.notifications.recordDispatchFailure(outboxId, error);
      throw error;
    }
  }

  @JobHandler('notifications.deliver')
  async deliver(job: JobContext<'notifications.deliver'>): Promise<DeliveryResult> {
    let result: DeliveryResult;
    try {
      result = await this.notifications.deliver(job.payload.deliveryId, job.payload.generation);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    }
    // not a failed attempt: look again when the other run's claim ends
    if (result.outcome === 'busy') return job.postpone(result.retryInMs);
    return result;
  }
}
