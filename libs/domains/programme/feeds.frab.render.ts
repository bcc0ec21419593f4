import { toZonedIso } from '@lectern/clock/zoned-time';
import { textIn } from '@lectern/i18n/localized-text';
import { FeedInput, acronymOf, numericId } from './c3voc.render';

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all, even escaped
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text and attribute values: the five XML specials escaped, characters XML 1.0 forbids dropped. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

type Attributes = Record<string, string | number | undefined>;

/** One element on one line: `<name a="…">text</name>`, or self-closing when it has no text. */
function element(name: string, text: string | null | undefined, attributes: Attributes = {}): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlText(String(value))}"`)
    .join('');
  return text === null || text === undefined || text === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlText(text)}</${name}>`;
}

/**
 * The XSD's event slug (`[a-z0-9_]{4,}-[a-z0-9\-_]{4,}`): the acronym (only `[a-z0-9_]`, four or more) and the
 * session's code, both unique, so slugs are unique and stable across versions.
 */
export function frabSlug(acronym: string, code: string): string {
  const tail = code.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '');
  return `${acronym}-${tail.length >= 4 ? tail : tail.padEnd(4, '_')}`;
}

/**
 * The frab/pentabarf `schedule.xml` (the XSD at https://c3voc.de/schedule/schema.xsd) of a released version: the
 * same content as the c3voc `schedule.json` of the same input, the layout frab, pretalx and their consumers read.
 * Times carry the edition's offset; GUIDs are the sessions', rooms' and speakers' ids, stable across versions. A
 * cancelled session stays in its last slot with a marked title and its recording opted out (the format has no
 * state of its own, and the c3voc tracker skips an opted-out slot).
 */
export function renderFrabXml(input: FeedInput): string {
  const { event } = input;
  const timezone = event.timezone;
  const local = (instant: string | Date) => toZonedIso(typeof instant === 'string' ? new Date(instant) : instant, timezone);
  const acronym = acronymOf(event.slug);
  const dropped = new Set((input.cancelled ?? []).map((s) => s.submissionId));
  const sessions = [...input.sessions, ...(input.cancelled ?? [])].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code),
  );
  const roomName = (id: string) => textIn(input.rooms.find((room) => room.id === id)?.name, input.language ?? 'en', ['en']) ?? '';
  const tracks = new Map<string, string>();
  for (const detail of input.details.values()) if (detail.track) tracks.set(detail.track.slug, detail.track.name);
  const programmeUrl = `${input.baseUrl}/events/${encodeURIComponent(event.slug)}/programme`;

  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<schedule>'];
  lines.push(`  ${element('generator', null, { name: 'lectern', version: '0.1.0' })}`);
  lines.push(`  ${element('url', `${programmeUrl}/schedule.xml`)}`);
  lines.push(`  ${element('version', String(input.version))}`);
  lines.push('  <conference>');
  lines.push(`    ${element('acronym', acronym)}`);
  lines.push(`    ${element('title', event.name)}`);
  lines.push(`    ${element('start', local(event.startsAt).slice(0, 10))}`);
  lines.push(`    ${element('end', local(event.endsAt).slice(0, 10))}`);
  lines.push(`    ${element('days', String(input.days.length))}`);
  lines.push(`    ${element('timeslot_duration', '00:05')}`);
  lines.push(`    ${element('base_url', `${input.baseUrl}/`)}`);
  lines.push(`    ${element('url', programmeUrl)}`);
  lines.push(`    ${element('time_zone_name', timezone)}`);
  for (const [slug, name] of [...tracks].sort(([a], [b]) => a.localeCompare(b))) {
    // the XSD's track slug must start with a letter; an id that does not is left out rather than made up
    lines.push(`    ${element('track', null, { name, slug: /^[a-z][a-z0-9-]+$/.test(slug) ? slug : undefined })}`);
  }
  lines.push('  </conference>');
  input.days.forEach((day, index) => {
    const opens = day.opensAt.toISOString();
    const closes = day.closesAt.toISOString();
    lines.push(`  <day index="${index + 1}" date="${day.date}" start="${local(day.opensAt)}" end="${local(day.closesAt)}">`);
    const inDay = sessions.filter((s) => s.startsAt >= opens && s.startsAt < closes);
    for (const room of input.rooms) {
      const inRoom = inDay.filter((s) => s.roomId === room.id);
      if (inRoom.length === 0) {
        lines.push(`    ${element('room', null, { name: roomName(room.id), guid: room.id })}`);
        continue;
      }
      lines.push(`    <room name="${xmlText(roomName(room.id))}" guid="${room.id}">`);
      for (const s of inRoom) {
        const detail = input.details.get(s.submissionId);
        const cancelled = dropped.has(s.submissionId);
        const start = local(s.startsAt);
        const minutes = Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000);
        lines.push(`      <event guid="${s.submissionId}" id="${numericId(s.code)}">`);
        const children = [
          element('date', start),
          element('start', start.slice(11, 16)),
          element('duration', hhmm(minutes)),
          element('room', roomName(s.roomId)),
          element('slug', frabSlug(acronym, s.code)),
          element('url', `${programmeUrl}/sessions/${s.submissionId}`),
          element('title', cancelled && input.cancelledTitle ? input.cancelledTitle(s.title) : s.title),
          element('subtitle', null),
          element('track', detail?.track?.name ?? null),
          element('type', detail?.format?.slug ?? 'talk'),
          element('language', detail?.language ?? null),
          element('abstract', detail?.abstract ?? null),
          element('description', null),
        ];
        if (cancelled) children.push(`<recording>${element('license', null)}${element('optout', 'true')}</recording>`);
        const persons = (detail?.speakers ?? []).map((speaker) => element('person', speaker.name, { guid: speaker.id }));
        children.push(persons.length > 0 ? `<persons>${persons.join('')}</persons>` : element('persons', null));
        children.push(element('links', null));
        for (const child of children) lines.push(`        ${child}`);
        lines.push('      </event>');
      }
      lines.push('    </room>');
    }
    lines.push('  </day>');
  });
  lines.push('</schedule>');
  return lines.join('\n') + '\n';
}
