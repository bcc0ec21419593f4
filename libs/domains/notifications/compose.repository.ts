import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText, localizedText } from '@lectern/i18n/localized-text';
import { AudienceInput } from './email.types';

export interface ComposedMessageRecord {
  id: string;
  subject: LocalizedText;
  body: LocalizedText;
  audience: AudienceInput;
  createdById: string | null;
  createdAt: Date;
}

export interface ComposedSendRecord {
  id: string;
  sequence: number;
  recipients: number;
  sentById: string | null;
  createdAt: Date;
  /** Its deliveries by status; empty until the worker resolved the recipients. */
  deliveries: Record<string, number>;
  resolved: boolean;
}

interface MessageRow {
  id: string;
  subject: unknown;
  body: unknown;
  audience: unknown;
  created_by_id: string | null;
  created_at: Date;
}

const toMessage = (row: MessageRow): ComposedMessageRecord => ({
  id: row.id,
  subject: localizedText(row.subject),
  body: localizedText(row.body),
  audience: row.audience as AudienceInput,
  createdById: row.created_by_id,
  createdAt: row.created_at,
});

@Injectable()
export class ComposeRepository {
  constructor(private readonly tx: TransactionHost) {}

  async create(eventId: string, input: { subject: LocalizedText; body: LocalizedText; audience: AudienceInput }, actorId: string) {
    const rows = await this.tx.db.$queryRaw<MessageRow[]>`
      INSERT INTO composed_messages (id, event_id, subject, body, audience, created_by_id)
      VALUES (gen_random_uuid(), ${eventId}::uuid, ${JSON.stringify(input.subject)}::jsonb, ${JSON.stringify(input.body)}::jsonb,
              ${JSON.stringify(input.audience)}::jsonb, ${actorId}::uuid)
      RETURNING id, subject, body, audience, created_by_id, created_at`;
    return toMessage(rows[0]);
  }

  /** Scoped by edition, so another edition's message is not found; `lock` holds it for the transaction. */
  async find(eventId: string, id: string, lock = false): Promise<ComposedMessageRecord | null> {
    const rows = lock
      ? await this.tx.db.$queryRaw<MessageRow[]>`
          SELECT id, subject, body, audience, created_by_id, created_at FROM composed_messages
           WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`
      : await this.tx.db.$queryRaw<MessageRow[]>`
          SELECT id, subject, body, audience, created_by_id, created_at FROM composed_messages
           WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid`;
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async list(eventId: string, limit: number): Promise<ComposedMessageRecord[]> {
    const rows = await this.tx.db.$queryRaw<MessageRow[]>`
      SELECT id, subject, body, audience, created_by_id, created_at FROM composed_messages
       WHERE event_id = ${eventId}::uuid ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
    return rows.map(toMessage);
  }

  /** Each send with its deliveries counted by status, in one query. */
  async sends(messageId: string): Promise<ComposedSendRecord[]> {
    const rows = await this.tx.db.$queryRaw<
      { id: string; sequence: number; recipients: number; sent_by_id: string | null; created_at: Date; deliveries: Record<string, number> | null; resolved: boolean }[]
    >`
      SELECT s.id, s.sequence, s.recipients, s.sent_by_id, s.created_at,
             (SELECT jsonb_object_agg(status, n) FROM (
                SELECT d.status::text AS status, count(*)::int AS n FROM notification_deliveries d
                 WHERE d.outbox_id = s.outbox_id GROUP BY d.status) counts) AS deliveries,
             EXISTS (SELECT 1 FROM notification_dispatches nd WHERE nd.outbox_id = s.outbox_id AND nd.status = 'DONE') AS resolved
        FROM composed_message_sends s WHERE s.message_id = ${messageId}::uuid ORDER BY s.sequence`;
    return rows.map((row) => ({
      id: row.id,
      sequence: row.sequence,
      recipients: row.recipients,
      sentById: row.sent_by_id,
      createdAt: row.created_at,
      deliveries: row.deliveries ?? {},
      resolved: row.resolved,
    }));
  }

  async sendCount(messageId: string): Promise<number> {
    const rows = await this.tx.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM composed_message_sends WHERE message_id = ${messageId}::uuid`;
    return rows[0].n;
  }

  /**
   * The send and its domain event in one statement: the outbox row ('compose.sent') and the send that points at it
   * (unique), so each send has exactly one outbox row and its deliveries are unique per person by
   * notification_deliveries' (outbox_id, recipient_key) key. Written here rather than through the audit
   * repository because the send row needs the outbox row's id.
   */
  async addSend(eventId: string, messageId: string, sequence: number, recipients: number, actorId: string): Promise<string> {
    const rows = await this.tx.db.$queryRaw<{ id: string }[]>`
      WITH send AS (SELECT gen_random_uuid() AS id),
      event AS (
        INSERT INTO outbox (event_id, type, payload, created_at)
        SELECT ${eventId}::uuid, 'compose.sent',
               jsonb_build_object('eventId', ${eventId}::text, 'messageId', ${messageId}::text, 'sendId', send.id::text), clock_timestamp()
          FROM send
        RETURNING id)
      INSERT INTO composed_message_sends (id, message_id, sequence, outbox_id, recipients, sent_by_id)
      SELECT send.id, ${messageId}::uuid, ${sequence}, event.id, ${recipients}, ${actorId}::uuid FROM send, event
      RETURNING id`;
    return rows[0].id;
  }

  /** The message of a send, as the worker's resolver reads it. */
  async ofSend(eventId: string, sendId: string): Promise<ComposedMessageRecord | null> {
    const rows = await this.tx.db.$queryRaw<MessageRow[]>`
      SELECT m.id, m.subject, m.body, m.audience, m.created_by_id, m.created_at
        FROM composed_message_sends s JOIN composed_messages m ON m.id = s.message_id
       WHERE s.id = ${sendId}::uuid AND m.event_id = ${eventId}::uuid`;
    return rows[0] ? toMessage(rows[0]) : null;
  }
}
