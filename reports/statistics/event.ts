import { ReportInput } from '@reports/build-report';
import { OPTIONAL_SECTIONS, OptionalSection } from '@reports/report.model';
import { SqlRunner, isoUtc, textArray } from './sql';
import { LocalizedText } from '@lectern/i18n/localized-text';

/** The edition the report is about no longer exists (deleted after the report was requested). */
export class ReportEventNotFoundError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} does not exist`);
    this.name = 'ReportEventNotFoundError';
  }
}

interface EventRow {
  slug: string;
  languages: string[];
  name: LocalizedText;
  series_name: LocalizedText;
  city: LocalizedText;
  country: string;
  venue: LocalizedText | null;
  timezone: string;
  starts_at: string;
  ends_at: string;
  format: ReportInput['event']['format'];
  introduction: LocalizedText | null;
  omitted_sections: unknown;
  top_countries: number | null;
}

/** What the organisers chose for the report; defaults until they choose (no report_choices row). */
export type ChoiceInput = Pick<ReportInput, 'introduction' | 'omittedSections' | 'topCountries'>;

/**
 * The edition, the languages of its series (its primary first) that the report is written in, and the organisers'
 * choices for the report (in the same statement, so the report costs no more statements than before).
 */
export async function collectEvent(
  sql: SqlRunner,
  eventId: string,
): Promise<{ event: ReportInput['event']; languages: string[]; choices: ChoiceInput }> {
  const [row] = await sql<EventRow>(
    `SELECT e.slug, s.languages, e.name, s.name AS series_name, e.city, e.country, e.venue,
            e.timezone, ${isoUtc('e.starts_at')} AS starts_at, ${isoUtc('e.ends_at')} AS ends_at, e.format::text AS format,
            c.introduction, c.omitted_sections, c.top_countries
       FROM events e JOIN series s ON s.id = e.series_id
       LEFT JOIN report_choices c ON c.event_id = e.id
      WHERE e.id = $1::uuid`,
    [eventId],
  );
  if (!row) throw new ReportEventNotFoundError(eventId);
  const event = {
    slug: row.slug,
    name: row.name,
    seriesName: row.series_name,
    city: row.city,
    country: row.country,
    venue: row.venue,
    timezone: row.timezone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    format: row.format,
  };
  const choices: ChoiceInput = {
    introduction: row.introduction,
    omittedSections: textArray(row.omitted_sections).filter((section): section is OptionalSection =>
      (OPTIONAL_SECTIONS as readonly string[]).includes(section),
    ),
  };
  if (row.top_countries !== null) choices.topCountries = row.top_countries;
  return { event, languages: row.languages, choices };
}
