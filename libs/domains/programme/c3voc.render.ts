import { toZonedIso } from '@lectern/clock/zoned-time';
import { LocalizedText, textIn } from '@lectern/i18n/localized-text';
import { ReleasedSession } from './release.policy';
import { DayHours } from './schedule-days.policy';

/** Everything the c3voc `schedule.json` of one released version shows; plain data, no queries. */
export interface FeedInput {
  event: { slug: string; name: string; timezone: string; startsAt: Date; endsAt: Date };
  version: number;
  baseUrl: string;
  /** The language room names are given in (English when absent); other names come resolved already. */
  language?: string;
  days: DayHours[];
  rooms: { id: string; name: LocalizedText; capacity: number }[];
  sessions: ReleasedSession[];
  /**
   * Sessions an earlier release showed and this one dropped (feeds.history.ts): kept in their last slot, marked
   * cancelled, so a consumer that saw them learns they are off rather than seeing them silently vanish.
   */
  cancelled?: ReleasedSession[];
  /** The title a cancelled session is shown with, in the feed's language. */
  cancelledTitle?: (title: string) => string;
  details: Map<
    string,
    {
      abstract: string | null;
      language: string | null;
      track: { slug: string; name: string } | null;
      format: { slug: string; name: string } | null;
      speakers: { id: string; name: string }[];
    }
  >;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** c3voc acronyms are lower-case words joined by underscores (its pattern allows no hyphen after the first character). */
export function acronymOf(slug: string): string {
  const acronym = slug.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return acronym.length >= 4 ? acronym : acronym.padEnd(4, '_');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The integer id both formats still require (frab's XSD wants it unique): the code's base-32 suffix read as a
 * number behind a leading 1, so suffixes of different lengths never meet. Codes are unique per CFP and the
 * suffix is a bijection of the code's number (submission-code.policy.ts), so ids are unique and stable.
 */
export function numericId(code: string): number {
  const suffix = code.slice(code.lastIndexOf('-') + 1).toUpperCase();
  let value = 1;
  for (const char of suffix) {
    const digit = CROCKFORD.indexOf(char);
    if (digit < 0) return 1;
    value = value * 32 + digit;
  }
  return value;
}

export function renderC3voc(input: FeedInput) {
  const { event, timezone } = { event: input.event, timezone: input.event.timezone };
  const rooms = input.rooms;
  const roomName = (name: LocalizedText) => textIn(name, input.language ?? 'en', ['en']) ?? '';
  const roomById = new Map(rooms.map((room) => [room.id, room]));
  const local = (iso: string | Date) => toZonedIso(typeof iso === 'string' ? new Date(iso) : iso, timezone);
  const dropped = new Set((input.cancelled ?? []).map((s) => s.submissionId));
  const sorted = [...input.sessions, ...(input.cancelled ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code));
  const tracks = new Map<string, string>();
  for (const detail of input.details.values()) if (detail.track) tracks.set(detail.track.slug, detail.track.name);
  const acronym = acronymOf(event.slug);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'lectern', version: '0.1.0' },
    schedule: {
      version: String(input.version),
      base_url: `${input.baseUrl}/`,
      conference: {
        acronym,
        title: event.name,
        start: local(event.startsAt).slice(0, 10),
        end: local(event.endsAt).slice(0, 10),
        daysCount: input.days.length,
        timeslot_duration: '00:05',
        ...(/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(timezone) ? { time_zone_name: timezone } : {}),
        url: `${input.baseUrl}/events/${encodeURIComponent(event.slug)}/programme`,
        tracks: [...tracks].sort(([a], [b]) => a.localeCompare(b)).map(([slug, name]) => ({ name, slug })),
        rooms: rooms.map((room) => ({ name: roomName(room.name), guid: room.id, capacity: room.capacity })),
        days: input.days.map((day, index) => {
          const inDay = sorted.filter((s) => s.startsAt >= day.opensAt.toISOString() && s.startsAt < day.closesAt.toISOString());
          return {
            index: index + 1,
            date: day.date,
            day_start: local(day.opensAt),
            day_end: local(day.closesAt),
            rooms: Object.fromEntries(
              rooms.map((room) => [
                roomName(room.name),
                inDay.filter((s) => s.roomId === room.id).map((s) => {
                  const detail = input.details.get(s.submissionId);
                  const minutes = Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000);
                  const start = local(s.startsAt);
                  return {
                    guid: s.submissionId,
                    id: numericId(s.code),
                    date: start,
                    start: start.slice(11, 16),
                    end: local(s.endsAt),
                    duration: hhmm(minutes),
                    room: roomName(roomById.get(s.roomId)?.name ?? {}),
                    slug: `${acronym.replace(/_/g, '-')}-${s.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, ''),
                    url: `${input.baseUrl}/events/${encodeURIComponent(event.slug)}/programme/sessions/${s.submissionId}`,
                    title: dropped.has(s.submissionId) && input.cancelledTitle ? input.cancelledTitle(s.title) : s.title,
                    subtitle: null,
                    track: detail?.track?.name ?? null,
                    type: detail?.format?.slug ?? 'talk',
                    language: detail?.language ?? null,
                    abstract: detail?.abstract ?? null,
                    description: null,
                    persons: (detail?.speakers ?? []).map((speaker) => ({ guid: speaker.id, name: speaker.name })),
                    links: [],
                    // c3voc has no state field: the recording tracker and the players read these to skip a slot
                    ...(dropped.has(s.submissionId) ? { do_not_record: true, do_not_stream: true } : {}),
                  };
                }),
              ]),
            ),
          };
        }),
      },
    },
  };
}
