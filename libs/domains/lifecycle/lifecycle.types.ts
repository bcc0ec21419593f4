import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CloneEditionInput {
  /** The new edition's slug. */
  slug: string;
  /** When the new edition starts; every instant of the source moves by the same amount. */
  startsAt: string;
  /** The new edition's name; the source's when absent. */
  name?: LocalizedText;
}

export interface PostponeEditionInput {
  /** New dates; both absent: to be announced. */
  startsAt?: string;
  endsAt?: string;
  /** Move the windows that depend on the dates (sales, CFP, review, scholarships, days, sessions) with them; default true. */
  shiftWindows?: boolean;
}

export interface RescheduleEditionInput {
  startsAt?: string;
  endsAt?: string;
  shiftWindows?: boolean;
}

export interface MoveOnlineInput {
  /** Every in-person ticket type of the edition, once: the virtual type its registrations become, or null to cancel them. */
  ticketTypes: { from: string; to: string | null }[];
}
