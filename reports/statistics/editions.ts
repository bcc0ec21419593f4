import { LocalizedText } from '@lectern/i18n/localized-text';
import { EditionSummary } from '@reports/build-report';
import { SqlRunner, isoUtc, whole } from './sql';

/** The trends show at most this many earlier editions. */
export const EARLIER_EDITIONS = 10;

/**
 * Earlier editions of the same series for the trends; the last of them (the latest edition starting before this
 * one) is "the previous edition" of the headline. One statement for all of them. Counting rules:
 * - an earlier edition is one of the same series, of the same kind (main edition or co-located event), starting
 *   before this one, that was not a draft and not cancelled;
 * - every figure is counted as this edition's is (CONFIRMED registrations, first-time answers, countries given,
 *   CFP submissions and acceptances without proposals offered through a shared CFP, sessions held with a format,
 *   standing scholarship awards), and is unknown (null), never zero, where that edition's data is not in Lectern:
 *   registrations (and with them first-time share and countries) when it had no ticket type; countries when nobody
 *   gave one; CFP figures when it never had a CFP (no CFP settings and no CFP proposal); sessions when it had no
 *   submission at all; sponsors when none was recorded; scholarships when it had no programme.
 */
const EDITIONS_SQL = `
SELECT p.slug, p.name, ${isoUtc('p.starts_at')} AS starts_at,
       EXISTS (SELECT 1 FROM ticket_types t WHERE t.event_id = p.id) AS has_registrations,
       r.registrations, r.first_time, r.first_time_respondents, r.countries,
       EXISTS (SELECT 1 FROM cfp_settings c WHERE c.event_id = p.id)
         OR EXISTS (SELECT 1 FROM submissions s WHERE s.event_id = p.id AND s.origin = 'CFP') AS has_cfp,
       x.cfp_submissions, x.cfp_accepted, x.sessions, x.any_submission,
       NULLIF((SELECT count(*) FROM sponsors sp WHERE sp.event_id = p.id), 0)::int AS sponsors,
       CASE WHEN EXISTS (SELECT 1 FROM scholarship_programmes sp WHERE sp.event_id = p.id)
            THEN (SELECT count(*) FROM scholarship_awards a JOIN scholarship_programmes sp ON sp.id = a.programme_id
                   WHERE sp.event_id = p.id AND a.state IN ('OFFERED', 'ACCEPTED'))::int
       END AS scholarships
  FROM events e
  JOIN events p ON p.series_id = e.series_id AND p.id <> e.id AND p.starts_at < e.starts_at
               AND (p.parent_event_id IS NULL) = (e.parent_event_id IS NULL)
               AND p.status NOT IN ('DRAFT', 'CANCELLED')
 CROSS JOIN LATERAL (
   SELECT count(*)::int AS registrations,
          count(*) FILTER (WHERE g.first_time_attendee)::int AS first_time,
          count(g.first_time_attendee)::int AS first_time_respondents,
          count(DISTINCT g.country)::int AS countries
     FROM registrations g WHERE g.event_id = p.id AND g.state = 'CONFIRMED') r
 CROSS JOIN LATERAL (
   SELECT (count(*) FILTER (WHERE s.origin = 'CFP' AND s.state <> 'DRAFT' AND NOT o.offered))::int AS cfp_submissions,
          (count(*) FILTER (WHERE s.origin = 'CFP' AND s.state IN ('ACCEPTED', 'CONFIRMED', 'DECLINED') AND NOT o.offered))::int AS cfp_accepted,
          (count(*) FILTER (WHERE s.state IN ('ACCEPTED', 'CONFIRMED') AND s.format_id IS NOT NULL))::int AS sessions,
          count(*) > 0 AS any_submission
     FROM submissions s
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM submission_offers so WHERE so.submission_id = s.id) AS offered) o
    WHERE s.event_id = p.id) x
 WHERE e.id = $1::uuid
 ORDER BY p.starts_at DESC, p.slug DESC
 LIMIT ${EARLIER_EDITIONS}`;

interface EditionRow {
  slug: string;
  name: LocalizedText;
  starts_at: string;
  has_registrations: boolean;
  registrations: unknown;
  first_time: unknown;
  first_time_respondents: unknown;
  countries: unknown;
  has_cfp: boolean;
  cfp_submissions: unknown;
  cfp_accepted: unknown;
  sessions: unknown;
  any_submission: boolean;
  sponsors: unknown;
  scholarships: unknown;
}

const orNull = (value: unknown) => (value === null ? null : whole(value));

export async function collectEarlierEditions(sql: SqlRunner, eventId: string): Promise<EditionSummary[]> {
  const rows = await sql<EditionRow>(EDITIONS_SQL, [eventId]);
  return rows.reverse().map((row) => {
    const registered = row.has_registrations;
    const countries = whole(row.countries);
    return {
      slug: row.slug,
      name: row.name,
      startsAt: row.starts_at,
      registrations: registered ? whole(row.registrations) : null,
      firstTime: registered ? { yes: whole(row.first_time), respondents: whole(row.first_time_respondents) } : null,
      countries: registered && countries > 0 ? countries : null,
      cfpSubmissions: row.has_cfp ? whole(row.cfp_submissions) : null,
      cfpAccepted: row.has_cfp ? whole(row.cfp_accepted) : null,
      sessions: row.any_submission ? whole(row.sessions) : null,
      sponsors: orNull(row.sponsors),
      scholarshipsAwarded: orNull(row.scholarships),
    };
  });
}
