import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText, localizedText } from '@lectern/i18n/localized-text';
import { TemplateOverride } from '@lectern/mail/message-context';

export interface TemplateVersionRecord {
  template: string;
  version: number;
  subject: LocalizedText | null;
  body: LocalizedText | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
}

interface VersionRow {
  template: string;
  version: number;
  subject: unknown;
  body: unknown;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const toRecord = (row: VersionRow): TemplateVersionRecord => ({
  template: row.template,
  version: row.version,
  subject: row.subject === null ? null : localizedText(row.subject),
  body: row.body === null ? null : localizedText(row.body),
  createdById: row.created_by_id,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
});

/** Organisers' wording of an edition's messages, one row per version, and the edition's e-mail settings. */
@Injectable()
export class EmailTemplatesRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The latest version of each template the edition ever changed (a reset is a version without texts). */
  async current(eventId: string): Promise<TemplateVersionRecord[]> {
    const rows = await this.tx.db.$queryRaw<VersionRow[]>`
      SELECT DISTINCT ON (v.template) v.template, v.version, v.subject, v.body, v.created_by_id, u.name AS created_by_name, v.created_at
        FROM email_template_versions v LEFT JOIN users u ON u.id = v.created_by_id
       WHERE v.event_id = ${eventId}::uuid
       ORDER BY v.template, v.version DESC`;
    return rows.map(toRecord);
  }

  async history(eventId: string, template: string): Promise<TemplateVersionRecord[]> {
    const rows = await this.tx.db.$queryRaw<VersionRow[]>`
      SELECT v.template, v.version, v.subject, v.body, v.created_by_id, u.name AS created_by_name, v.created_at
        FROM email_template_versions v LEFT JOIN users u ON u.id = v.created_by_id
       WHERE v.event_id = ${eventId}::uuid AND v.template = ${template}
       ORDER BY v.version DESC`;
    return rows.map(toRecord);
  }

  /**
   * The next version, numbered under a transaction-scoped advisory lock of (edition, template) so two organisers
   * saving at once get consecutive versions; the unique key refuses anything else.
   */
  async addVersion(
    eventId: string,
    template: string,
    texts: { subject: LocalizedText; body: LocalizedText } | null,
    actorId: string,
  ): Promise<TemplateVersionRecord> {
    await this.tx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`email-template:${eventId}:${template}`}, 0))`;
    const rows = await this.tx.db.$queryRaw<VersionRow[]>`
      INSERT INTO email_template_versions (id, event_id, template, version, subject, body, created_by_id)
      SELECT gen_random_uuid(), ${eventId}::uuid, ${template},
             coalesce((SELECT max(version) FROM email_template_versions WHERE event_id = ${eventId}::uuid AND template = ${template}), 0) + 1,
             ${texts ? JSON.stringify(texts.subject) : null}::jsonb, ${texts ? JSON.stringify(texts.body) : null}::jsonb, ${actorId}::uuid
      RETURNING template, version, subject, body, created_by_id, (SELECT name FROM users WHERE id = ${actorId}::uuid) AS created_by_name, created_at`;
    return toRecord(rows[0]);
  }

  /** The overrides in force for the templates given: what a dispatch stores with each message. */
  async overridesFor(eventId: string): Promise<Map<string, TemplateOverride>> {
    const overrides = new Map<string, TemplateOverride>();
    for (const record of await this.current(eventId)) {
      if (record.subject && record.body) overrides.set(record.template, { version: record.version, subject: record.subject, body: record.body });
    }
    return overrides;
  }

  async holdsDecisions(eventId: string): Promise<boolean> {
    const rows = await this.tx.db.$queryRaw<{ hold_decisions: boolean }[]>`
      SELECT hold_decisions FROM email_settings WHERE event_id = ${eventId}::uuid`;
    return rows[0]?.hold_decisions ?? false;
  }

  async setHoldDecisions(eventId: string, hold: boolean): Promise<void> {
    await this.tx.db.$executeRaw`
      INSERT INTO email_settings (event_id, hold_decisions, updated_at) VALUES (${eventId}::uuid, ${hold}, now())
      ON CONFLICT (event_id) DO UPDATE SET hold_decisions = EXCLUDED.hold_decisions, updated_at = now()`;
  }
}
