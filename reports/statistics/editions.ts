import { LocalizedText } from '@lectern/i18n/localized-text';
import { EditionSummary } from '@reports/build-report';
import { SqlRunner, isoUtc, whole } from './sql';

/** The year-over-year table shows at most this many earlier editions. */
export const EARLIER_EDITIONS = 10;

/**
 * Earlier editions of the same series for the year-over-year table; the last of them (the latest edition starting
 * before this one) is "the previous edition" of the headline. Counting rules:
 * - an earlier edition is one of the same series, of the same kind (main edition or co-located event), starting
 *   before this one, that was not a draft and not cancelled;
 * - its registrations are counted as this edition's are (CONFIRMED);
 * - its CFP submissions are counted as this edition's are, and are unknown (null) when that edition never had a CFP
 *   in Lectern (no CFP settings and no CFP proposal); its sponsors are unknown when none was recorded.
 */
const EDITIONS_SQL = `
SELECT p.slug, p.name, ${isoUtc('p.starts_at')} AS starts_at,
       (SELECT count(*) FROM registrations r WHERE r.event_id = p.id AND r.state = 'CONFIRMED')::int AS registrations,
       CASE WHEN EXISTS (SELECT 1 FROM cfp_settings c WHERE c.event_id = p.id)
              OR EXISTS (SELECT 1 FROM submissions s WHERE s.event_id = p.id AND s.origin = 'CFP')
            THEN (SELECT count(*) FROM submissions s
                   WHERE s.event_id = p.id AND s.origin = 'CFP' AND s.state <> 'DRAFT')::int
       END AS cfp_submissions,
       NULLIF((SELECT count(*) FROM sponsors sp WHERE sp.event_id = p.id), 0)::int AS sponsors
  FROM events e
  JOIN events p ON p.series_id = e.series_id AND p.id <> e.id AND p.starts_at < e.starts_at
               AND (p.parent_event_id IS NULL) = (e.parent_event_id IS NULL)
               AND p.status NOT IN ('DRAFT', 'CANCELLED')
 WHERE e.id = $1::uuid
 ORDER BY p.starts_at DESC, p.slug DESC
 LIMIT ${EARLIER_EDITIONS}`;

interface EditionRow {
  slug: string;
  name: LocalizedText;
  starts_at: string;
  registrations: unknown;
  cfp_submissions: unknown;
  sponsors: unknown;
}

export async function collectEarlierEditions(sql: SqlRunner, eventId: string): Promise<EditionSummary[]> {
  const rows = await sql<EditionRow>(EDITIONS_SQL, [eventId]);
  return rows.reverse().map((row) => ({
    slug: row.slug,
    name: row.name,
    startsAt: row.starts_at,
    registrations: whole(row.registrations),
    cfpSubmissions: row.cfp_submissions === null ? null : whole(row.cfp_submissions),
    sponsors: row.sponsors === null ? null : whole(row.sponsors),
  }));
}
