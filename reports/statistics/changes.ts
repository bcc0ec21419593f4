import { ReportInput } from '@reports/build-report';
import { EditionChangeRow } from '@reports/report.model';
import { SqlRunner, isoUtc } from './sql';

/** The edition's postponements, reschedulings, cancellation and moves online, oldest first (edition_changes). */
const CHANGES_SQL = `
SELECT kind::text AS kind, ${isoUtc('created_at')} AS at,
       ${isoUtc('from_starts_at')} AS "fromStartsAt", ${isoUtc('from_ends_at')} AS "fromEndsAt", from_format::text AS "fromFormat", to_format::text AS "toFormat",
       ${isoUtc('to_starts_at')} AS "toStartsAt", ${isoUtc('to_ends_at')} AS "toEndsAt"
  FROM edition_changes WHERE event_id = $1::uuid ORDER BY created_at, id`;

export async function collectChanges(sql: SqlRunner, eventId: string): Promise<Pick<ReportInput, 'changes'>> {
  return { changes: await sql<EditionChangeRow>(CHANGES_SQL, [eventId]) };
}
