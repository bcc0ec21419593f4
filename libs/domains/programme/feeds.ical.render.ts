import { textIn } from '@lectern/i18n/localized-text';
import { FeedInput } from './c3voc.render';
import { Calendar, CalendarEvent } from './ical';
import { ReleasedSession } from './release.policy';

/**
 * The events of a programme calendar (whole programme, one room, one speaker): the released sessions `keep`
 * chooses, and those cancelled since an earlier release as STATUS:CANCELLED in their last slot, so a subscribed
 * calendar removes them. UIDs are the ones the release e-mails use; SEQUENCE is the version that last changed the
 * session (feeds.history.ts). Speakers appear by their public name, never by e-mail.
 */
export function programmeCalendar(
  input: FeedInput,
  sequence: ReadonlyMap<string, number>,
  name: string,
  keep: (session: ReleasedSession) => boolean,
  stamp: Date,
): Calendar {
  const programmeUrl = `${input.baseUrl}/events/${encodeURIComponent(input.event.slug)}/programme`;
  const rooms = new Map(input.rooms.map((room) => [room.id, textIn(room.name, input.language ?? 'en', ['en']) ?? '']));
  const event = (session: ReleasedSession, cancelled: boolean): CalendarEvent => {
    const detail = input.details.get(session.submissionId);
    const speakers = (detail?.speakers ?? []).map((speaker) => speaker.name).join(', ');
    return {
      uid: `${session.submissionId}@lectern`,
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      summary: cancelled && input.cancelledTitle ? input.cancelledTitle(session.title) : session.title,
      location: rooms.get(session.roomId),
      description: [speakers, detail?.abstract ?? ''].filter(Boolean).join('\n\n') || undefined,
      url: `${programmeUrl}/sessions/${session.submissionId}`,
      sequence: sequence.get(session.submissionId) ?? input.version,
      cancelled,
    };
  };
  const events = [
    ...input.sessions.filter(keep).map((s) => event(s, false)),
    ...(input.cancelled ?? []).filter(keep).map((s) => event(s, true)),
  ].sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return { name, stamp, events };
}
