import { Injectable } from '@nestjs/common';
import { csvRow } from '@lectern/csv/csv.format';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { toSummaryView } from './registration.views';
import { RegistrationsRepository } from './registrations.repository';
import { ListRegistrationsQuery } from './registrations.types';
import { localizedText, textIn } from '@lectern/i18n/localized-text';

/** The header row is bare names, unquoted, as spreadsheets and scripts alike read it. */
const CSV_HEADER = ['id', 'state', 'attendee_name', 'attendee_email', 'ticket_type', 'category', 'attendance',
  'price_cents', 'currency', 'paid_at', 'confirmed_at', 'cancelled_at', 'cancel_reason', 'check_ins', 'created_at'];

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The organisers' list of an event's registrations, and the same as CSV; no self-described data in either. */
@Injectable()
export class RegistrationListingService {
  constructor(private readonly registrations: RegistrationsRepository) {}

  async list(access: EventAccess, query: ListRegistrationsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.registrations.listPage(
      access.event.id,
      { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q },
      limit,
      decodeKeyset(query.cursor),
    );
    const { page, nextCursor } = keysetPage(rows, limit, (r) => r.createdAt);
    return { items: page.map(({ _count, ...r }) => ({ ...toSummaryView(r), checkIns: _count.checkIns })), nextCursor };
  }

  /** Every registration matching the filter as CSV, read page by page (a bounded number of queries per page). */
  async exportCsv(access: EventAccess, query: ListRegistrationsQuery): Promise<string> {
    let csv = `${CSV_HEADER.join(',')}\r\n`;
    let cursor: string | undefined;
    do {
      const page = await this.list(access, { ...query, limit: 200, cursor });
      for (const r of page.items) {
        csv += csvRow([r.id, r.state, r.attendeeName, r.attendeeEmail, textIn(localizedText(r.ticketType.name), access.event.series.languages[0]), r.ticketType.category,
          r.ticketType.attendance, r.priceCents, r.currency, iso(r.paidAt), iso(r.confirmedAt), iso(r.cancelledAt),
          r.cancelReason, r.checkIns, iso(r.createdAt)]);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return csv;
  }
}
