import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';

export interface DayHours {
  /** The local date, YYYY-MM-DD. */
  date: string;
  opensAt: Date;
  closesAt: Date;
}

const DAY_MS = 86_400_000;

/** The local dates from `first` to `last` inclusive (YYYY-MM-DD, calendar arithmetic, no time zone involved). */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The edition's days when organisers set none: every local date from its start to its end, each open from the
 * start's time of day to the end's (an edition from 09:00 on the first day to 18:00 on the last runs 09:00–18:00
 * each day), in its time zone, so a day that crosses a daylight-saving change keeps its wall-clock hours.
 */
export function defaultDays(startsAt: Date, endsAt: Date, timeZone: string): DayHours[] {
  const start = toZonedIso(startsAt, timeZone);
  const end = toZonedIso(endsAt, timeZone);
  const opens = start.slice(11, 16);
  let closes = end.slice(11, 16);
  if (closes <= opens) closes = '23:59';
  return datesBetween(start.slice(0, 10), end.slice(0, 10)).flatMap((date) => {
    const opensAt = parseZonedDateTime(`${date}T${opens}`, timeZone);
    const closesAt = parseZonedDateTime(`${date}T${closes}`, timeZone);
    return opensAt && closesAt && closesAt > opensAt ? [{ date, opensAt, closesAt }] : [];
  });
}
