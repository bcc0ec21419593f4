import { LocalizedText } from '@lectern/i18n/localized-text';
import { ScholarshipProgrammeInput } from '@reports/build-report';
import { SqlRunner, whole } from './sql';

/**
 * Applications and awards per scholarship programme of the edition. Counting rules:
 * - an application counts while it stands (SUBMITTED); a WITHDRAWN one does not;
 * - an award counts when it was made and still stands (OFFERED or ACCEPTED, the same awards that count against
 *   the programme's budget); DECLINED and REVOKED ones gave their place and money back;
 * - funds granted = the travel grants of those awards, in the programme's currency (a free registration is an
 *   award without money).
 * Programmes with no applications and no awards are listed too (the report shows them with zeros).
 */
const SCHOLARSHIPS_SQL = `
SELECT p.key, p.name, p.kind::text AS kind, p.currency,
       COALESCE(a.applications, 0)::int AS applications,
       COALESCE(w.awards, 0)::int AS awards,
       COALESCE(w.funds, 0)::bigint AS funds
  FROM scholarship_programmes p
  CROSS JOIN LATERAL (SELECT count(*) AS applications
                        FROM scholarship_applications
                       WHERE programme_id = p.id AND state = 'SUBMITTED') a
  CROSS JOIN LATERAL (SELECT count(*) AS awards, sum(travel_grant_minor) AS funds
                        FROM scholarship_awards
                       WHERE programme_id = p.id AND state IN ('OFFERED', 'ACCEPTED')) w
 WHERE p.event_id = $1::uuid
 ORDER BY p.key`;

interface ProgrammeRow {
  key: string;
  name: LocalizedText;
  kind: string;
  currency: string;
  applications: unknown;
  awards: unknown;
  funds: unknown;
}

export async function collectScholarships(sql: SqlRunner, eventId: string): Promise<ScholarshipProgrammeInput[]> {
  const rows = await sql<ProgrammeRow>(SCHOLARSHIPS_SQL, [eventId]);
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    applications: whole(row.applications),
    awards: whole(row.awards),
    fundsGrantedMinor: whole(row.funds),
  }));
}
