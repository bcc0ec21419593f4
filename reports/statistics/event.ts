import { ReportInput } from '@reports/build-report';
import { SqlRunner, isoUtc } from './sql';

/** The edition the report is about no longer exists (deleted after the report was requested). */
export class ReportEventNotFoundError extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} does not exist`);
    this.name = 'ReportEventNotFoundError';
  }
}

interface EventRow {
  slug: string;
  name: string;
  name_zh: string | null;
  series_name: string;
  series_name_zh: string | null;
  city: string;
  city_zh: string | null;
  country: string;
  venue: string | null;
  timezone: string;
  starts_at: string;
  ends_at: string;
  format: ReportInput['event']['format'];
}

export async function collectEvent(sql: SqlRunner, eventId: string): Promise<ReportInput['event']> {
  const [row] = await sql<EventRow>(
    `SELECT e.slug, e.name, e.name_zh, s.name AS series_name, s.name_zh AS series_name_zh, e.city, e.city_zh, e.country, e.venue,
            e.timezone, ${isoUtc('e.starts_at')} AS starts_at, ${isoUtc('e.ends_at')} AS ends_at, e.format::text AS format
       FROM events e JOIN series s ON s.id = e.series_id
      WHERE e.id = $1::uuid`,
    [eventId],
  );
  if (!row) throw new ReportEventNotFoundError(eventId);
  return {
    slug: row.slug,
    name: row.name,
    nameZh: row.name_zh,
    seriesName: row.series_name,
    seriesNameZh: row.series_name_zh,
    city: row.city,
    cityZh: row.city_zh,
    country: row.country,
    venue: row.venue,
    timezone: row.timezone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    format: row.format,
  };
}
