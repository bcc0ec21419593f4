/**
 * How long accepted speakers have to confirm or decline, and how many days before that deadline the owner is
 * reminded. An event's review settings start with these; an event without review settings (one that only adds
 * invited sessions) keeps them.
 */
export const CONFIRMATION_DEFAULTS = { days: 14, reminderDays: 3 } as const;
