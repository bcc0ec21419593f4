import { TicketCategory, Attendance } from '@lectern/database/generated/enums';
import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CreateQuotaInput {
  name: string;
  size?: number | null;
  ticketTypeIds: string[];
}

export interface CreateTicketTypeInput {
  name: LocalizedText;
  category: TicketCategory;
  attendance: Attendance;
  priceCents?: number;
  currency?: string;
  salesStartAt?: string;
  salesEndAt?: string;
  hidden?: boolean;
}

export interface UpdateQuotaInput {
  name?: string;
  size?: number | null;
  ticketTypeIds?: string[];
}

/** Attendance cannot change: registrations already count against the capacity (or not) because of it. */
export interface UpdateTicketTypeInput {
  name?: LocalizedText;
  category?: TicketCategory;
  priceCents?: number;
  currency?: string;
  salesStartAt?: string | null;
  salesEndAt?: string | null;
  hidden?: boolean;
}
