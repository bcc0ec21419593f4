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
  /** VIRTUAL (the default): nobody attends in person; HYBRID: the venue stays, with the in-person types kept. */
  format?: 'VIRTUAL' | 'HYBRID';
  /**
   * Every in-person ticket type still on sale, once: the virtual type its registrations become, null to cancel
   * them, or (hybrid only) the type itself to keep it on sale in person.
   */
  ticketTypes: { from: string; to: string | null }[];
}
