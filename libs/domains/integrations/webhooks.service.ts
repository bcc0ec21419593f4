import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { WebhookErrors } from './integrations.errors';
import { newWebhookSecret } from './webhook-signature';
import { UnsafeTargetError, checkTargetAddresses, checkTargetUrl } from './webhook-target.policy';
import { WebhooksRepository } from './webhooks.repository';
import { CreateWebhookInput, UpdateWebhookInput } from './webhooks.types';

/** Organisers' webhook subscriptions: the target rules, the secret shown once, rotation, the delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, access: EventAccess, input: CreateWebhookInput) {
    const url = await this.safeTarget(input.url);
    const secret = newWebhookSecret();
    const subscription = await this.tx.run(async () => {
      const created = await this.webhooks.create({
        eventId: access.event.id,
        url,
        description: input.description ?? null,
        eventTypes: [...new Set(input.eventTypes)].sort(),
        secret,
        createdById: actor.id,
      });
      await this.auditChange(actor, access, 'webhook.created', created.id, { url, eventTypes: created.eventTypes });
      return created;
    });
    return { ...subscription, secret };
  }

  list(access: EventAccess) {
    return this.webhooks.list(access.event.id);
  }

  async update(actor: Actor, access: EventAccess, id: string, input: UpdateWebhookInput) {
    await this.existing(access, id);
    const url = input.url === undefined ? undefined : await this.safeTarget(input.url);
    return this.tx.run(async () => {
      const updated = await this.webhooks.update(id, {
        url,
        description: input.description,
        eventTypes: input.eventTypes && [...new Set(input.eventTypes)].sort(),
        active: input.active,
      });
      await this.auditChange(actor, access, 'webhook.updated', id, { url, eventTypes: input.eventTypes, active: input.active });
      return updated;
    });
  }

  async remove(actor: Actor, access: EventAccess, id: string): Promise<void> {
    await this.existing(access, id);
    await this.tx.run(async () => {
      await this.webhooks.remove(id);
      await this.auditChange(actor, access, 'webhook.deleted', id, null);
    });
  }

  /** A new secret, shown once; the previous one keeps signing alongside it for WEBHOOK_SECRET_OVERLAP_SECONDS. */
  async rotateSecret(actor: Actor, access: EventAccess, id: string) {
    await this.existing(access, id);
    const secret = newWebhookSecret();
    return this.tx.run(async () => {
      await this.webhooks.rotate(id, secret, this.config.webhooks.secretOverlapSeconds);
      await this.auditChange(actor, access, 'webhook.secret_rotated', id, null);
      const rotated = await this.existing(access, id);
      return { secret, previousSecretUntil: rotated.previousSecretUntil };
    });
  }

  async deliveries(access: EventAccess, id: string, limit: number, before?: Date) {
    await this.existing(access, id);
    return this.webhooks.deliveries(id, limit, before);
  }

  /** Sends a delivery again, with its webhook-id, whatever became of it; the relay gives it a job. */
  async redeliver(actor: Actor, access: EventAccess, id: string, deliveryId: string): Promise<void> {
    await this.existing(access, id);
    await this.tx.run(async () => {
      if (!(await this.webhooks.redeliver(id, deliveryId))) throw WebhookErrors.deliveryNotFound();
      await this.auditChange(actor, access, 'webhook.redelivered', id, { deliveryId });
    });
  }

  private async existing(access: EventAccess, id: string) {
    const found = await this.webhooks.find(access.event.id, id);
    if (!found) throw WebhookErrors.notFound();
    return found;
  }

  private async safeTarget(raw: string): Promise<string> {
    const { allowHosts } = this.config.webhooks;
    try {
      const url = checkTargetUrl(raw, allowHosts);
      await checkTargetAddresses(url, allowHosts);
      return url.toString();
    } catch (error) {
      if (error instanceof UnsafeTargetError) throw WebhookErrors.targetUnsafe(error.problem);
      throw error;
    }
  }

  private auditChange(actor: Actor, access: EventAccess, action: string, id: string, after: unknown) {
    return this.audit.record({
      eventId: access.event.id,
      actorId: actor.id,
      requestId: actor.requestId,
      action,
      entityType: 'webhook_subscription',
      entityId: id,
      after,
    });
  }
}
