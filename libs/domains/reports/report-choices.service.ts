import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { DEFAULT_TOP_COUNTRIES, OPTIONAL_SECTIONS, OptionalSection } from '@reports/report.model';
import { ReportChoicesRecord, ReportChoicesRepository } from './report-choices.repository';
import { PutReportChoicesInput, ReportChoicesView } from './report-choices.types';

const view = (row: ReportChoicesRecord | null): ReportChoicesView => ({
  introduction: (row?.introduction as LocalizedText | null | undefined) ?? null,
  // stored in the order the report prints its sections, whatever order they were sent in
  omittedSections: OPTIONAL_SECTIONS.filter((section) => row?.omittedSections.includes(section)),
  topCountries: row?.topCountries ?? DEFAULT_TOP_COUNTRIES,
  updatedAt: row?.updatedAt ?? null,
});

/**
 * What the organisers choose for their edition's transparency report: an introduction in the edition's languages,
 * the optional sections left out, and how many countries are listed before "Other". The next report produced uses
 * them; reports already produced keep what they were made with.
 */
@Injectable()
export class ReportChoicesService {
  constructor(
    private readonly choices: ReportChoicesRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async get(access: EventAccess): Promise<ReportChoicesView> {
    return view(await this.choices.find(access.event.id));
  }

  /** Replaces every choice; a field left out goes back to its default. */
  put(actor: Actor, access: EventAccess, input: PutReportChoicesInput): Promise<ReportChoicesView> {
    assertLocalizedTexts(access.event.series.languages, { introduction: input.introduction });
    const omitted: OptionalSection[] = OPTIONAL_SECTIONS.filter((section) => input.omittedSections?.includes(section));
    return this.tx.run(async () => {
      const before = view(await this.choices.find(access.event.id));
      const after = view(
        await this.choices.upsert(access.event.id, {
          introduction: input.introduction ?? null,
          omittedSections: omitted,
          topCountries: input.topCountries ?? DEFAULT_TOP_COUNTRIES,
        }),
      );
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'report_choices.updated',
        entityType: 'report_choices',
        entityId: access.event.id,
        before,
        after,
      });
      return after;
    });
  }
}
