import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { toSummaryView } from './registration.views';
import { RegistrationsRepository } from './registrations.repository';
import { ListRegistrationsQuery } from './registrations.types';

/** The header row is bare names, unquoted, as spreadsheets and scripts alike read it. */
const CSV_HEADER = ['id', 'state', 'attendee_name', 'attendee_email', 'ticket_type', 'category', 'attendance',
  'price_cents', 'currency', 'paid_at', 'confirmed_at', 'cancelled_at', 'cancel_reason', 'check_ins', 'created_at'];

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

  /**
   * Every registration matching the filter (the cursor is ignored) as a CSV stream, one statement, constant memory;
   * ticket types named in the edition's primary language, as organisers read the export.
   */
  exportCsv(access: EventAccess, query: ListRegistrationsQuery): Promise<Readable> {
    return this.registrations.streamExport(
      access.event.id,
      { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q },
      access.event.series.languages[0],
      `${CSV_HEADER.join(',')}\r\n`,
    );
  }
}
