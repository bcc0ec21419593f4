import { Module } from '@nestjs/common';
import { ConfirmationsRepository } from '../../../api/src/reviews/confirmations.repository';
import { MailTransport } from './mail.transport';
import { NotificationQueue } from './notification.queue';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { RelayService } from './relay.service';

/** Outbox relay, recipient dispatch and e-mail delivery. */
@Module({
  providers: [NotificationsRepository, ConfirmationsRepository, NotificationsService, MailTransport, NotificationQueue, NotificationsProcessor, RelayService],
})
export class NotificationsModule {}
