import { Module } from '@nestjs/common';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { MailTransport } from '@lectern/mail/mail.transport';
import { AudienceRepository } from './audience.repository';
import { ComposeRepository } from './compose.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { EmailTemplatesRepository } from './email-templates.repository';
import { DeliveriesService } from './deliveries.service';
import { OutboxMetrics } from './outbox.metrics';
import { RelayService } from './relay.service';

/**
 * The outbox relay, recipient dispatch and e-mail delivery. Only the worker imports it: it holds the SMTP transport
 * and the relay that moves outbox rows into jobs, and serves the outbox backlog's metrics.
 */
@Module({
  imports: [ReviewsModule],
  providers: [DeliveriesRepository, AudienceRepository, ComposeRepository, EmailTemplatesRepository, DeliveriesService, RelayService, MailTransport, OutboxMetrics],
  exports: [DeliveriesService, RelayService],
})
export class NotificationDeliveryModule {}
