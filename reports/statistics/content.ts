import { LocalizedText } from '@lectern/i18n/localized-text';
import { AcceptanceInput } from '@reports/build-report';
import { SessionFormatCount } from '@reports/report.model';
import { SqlRunner, whole } from './sql';

export interface ContentStatistics {
  submissions: { held: boolean; total: number; accepted: number; byTrack: AcceptanceInput[]; byFormat: AcceptanceInput[] };
  sessionsByFormat: SessionFormatCount[];
  speakers: { total: number; firstTime: number };
}

/**
 * The CFP's figures. Counting rules:
 * - a CFP submission is a proposal of origin CFP that was submitted: every state but DRAFT (a withdrawn proposal
 *   was submitted, so it counts); sessions organisers added directly (origin INVITED) never do, nor proposals
 *   offered to editions of a shared CFP, which count in each edition's sharedCfp section instead;
 * - accepted = the committee accepted it: ACCEPTED, CONFIRMED by the speaker, or DECLINED by the speaker after
 *   acceptance; the acceptance rate is accepted over CFP submissions, overall, per track and per format;
 * - a proposal without a track (or format) counts in the totals but in no per-track (per-format) row;
 * - the edition held a CFP when it has CFP settings or a proposal of origin CFP (drafts too), as the trends decide
 *   for earlier editions; without one its CFP figures are absent from the report, not 0.
 */
const ACCEPTANCE_SQL = `
WITH counted AS (
  SELECT GROUPING(s.track_id) AS no_track, GROUPING(s.format_id) AS no_format, s.track_id, s.format_id,
         count(*)::int AS submissions,
         count(*) FILTER (WHERE s.state IN ('ACCEPTED', 'CONFIRMED', 'DECLINED'))::int AS accepted
    FROM submissions s
   WHERE s.event_id = $1::uuid AND s.origin = 'CFP' AND s.state <> 'DRAFT'
     AND NOT EXISTS (SELECT 1 FROM submission_offers o WHERE o.submission_id = s.id)
   GROUP BY GROUPING SETS ((), (s.track_id), (s.format_id))
)
SELECT CASE WHEN c.no_track = 0 THEN 'track' WHEN c.no_format = 0 THEN 'format' ELSE 'total' END AS dimension,
       COALESCE(t.slug, f.slug) AS key, COALESCE(t.name, f.name) AS name,
       c.submissions, c.accepted,
       EXISTS (SELECT 1 FROM cfp_settings cs WHERE cs.event_id = $1::uuid)
         OR EXISTS (SELECT 1 FROM submissions p WHERE p.event_id = $1::uuid AND p.origin = 'CFP') AS held
  FROM counted c
  LEFT JOIN tracks t ON c.no_track = 0 AND t.id = c.track_id
  LEFT JOIN session_formats f ON c.no_format = 0 AND f.id = c.format_id
 WHERE (c.no_track = 1 OR c.track_id IS NOT NULL) AND (c.no_format = 1 OR c.format_id IS NOT NULL)`;

/**
 * The programme as held. Counting rules:
 * - a session is a submission of either origin (CFP proposals and invited sessions alike) that is ACCEPTED or
 *   CONFIRMED; a DECLINED or WITHDRAWN one is not held; sessions are counted per format (one without a format is
 *   in none);
 * - speakers are the distinct people on those sessions; a first-time speaker is one whose first-time flag (copied
 *   from their profile when the submission was committed) is true on any of their sessions.
 */
const SESSIONS_SQL = `
WITH held AS (
  SELECT s.id, s.format_id FROM submissions s WHERE s.event_id = $1::uuid AND s.state IN ('ACCEPTED', 'CONFIRMED')
), people AS (
  SELECT ss.user_id, bool_or(ss.first_time_speaker) AS first_time
    FROM held h JOIN submission_speakers ss ON ss.submission_id = h.id
   GROUP BY ss.user_id
)
SELECT 'format' AS dimension, f.slug AS key, f.name, count(*)::int AS count, NULL::int AS first_time
  FROM held h JOIN session_formats f ON f.id = h.format_id
 GROUP BY f.id, f.slug, f.name
UNION ALL
SELECT 'speakers', NULL, NULL, count(*)::int, (count(*) FILTER (WHERE first_time))::int
  FROM people`;

interface AcceptanceRow {
  dimension: 'total' | 'track' | 'format';
  key: string | null;
  name: LocalizedText | null;
  submissions: unknown;
  accepted: unknown;
  held: boolean;
}

interface SessionRow {
  dimension: 'format' | 'speakers';
  key: string | null;
  name: LocalizedText | null;
  count: unknown;
  first_time: unknown;
}

const acceptance = (row: AcceptanceRow): AcceptanceInput => ({
  key: row.key as string,
  name: row.name,
  submissions: whole(row.submissions),
  accepted: whole(row.accepted),
});

export async function collectContent(sql: SqlRunner, eventId: string): Promise<ContentStatistics> {
  const cfp = await sql<AcceptanceRow>(ACCEPTANCE_SQL, [eventId]);
  const sessions = await sql<SessionRow>(SESSIONS_SQL, [eventId]);
  const total = cfp.find((row) => row.dimension === 'total');
  const speakers = sessions.find((row) => row.dimension === 'speakers');
  return {
    submissions: {
      held: total?.held ?? false,
      total: whole(total?.submissions ?? 0),
      accepted: whole(total?.accepted ?? 0),
      byTrack: cfp.filter((row) => row.dimension === 'track').map(acceptance),
      byFormat: cfp.filter((row) => row.dimension === 'format').map(acceptance),
    },
    sessionsByFormat: sessions
      .filter((row) => row.dimension === 'format')
      .map((row) => ({ key: row.key as string, name: row.name, count: whole(row.count) })),
    speakers: { total: whole(speakers?.count ?? 0), firstTime: whole(speakers?.first_time ?? 0) },
  };
}
