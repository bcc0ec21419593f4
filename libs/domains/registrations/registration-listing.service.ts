import { Readable } from 'node:stream';
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

  /** Every registration matching the filter (the cursor is ignored) as a CSV stream, one query, constant memory. */
  exportCsv(access: EventAccess, query: ListRegistrationsQuery): Promise<Readable> {
    return this.registrations.streamExport(
      access.event.id,
      { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q },
      `${CSV_HEADER.join(',')}\r\n`,
      (r) =>
        csvRow([r.id, r.state, r.attendee_name, r.attendee_email,
          textIn(localizedText(r.ticket_type), access.event.series.languages[0]), r.category, r.attendance, r.price_cents,
          r.currency, iso(r.paid_at), iso(r.confirmed_at), iso(r.cancelled_at), r.cancel_reason, r.check_ins, iso(r.created_at)]),
    );
  }
}
