import { LocalizedText } from '@lectern/i18n/localized-text';
import { Answers, ReportInput } from '@reports/build-report';
import { GroupCount } from '@reports/stats';
import { BesideRunner, SqlRunner, applySettings, importSnapshot, whole } from './sql';

export type RegistrationStatistics = Pick<
  ReportInput,
  'registrations' | 'firstTime' | 'countries' | 'companySize' | 'jobFunction' | 'industry' | 'gender' | 'ticketTypes'
>;

/**
 * Every attendee figure, in one reading of the edition's registrations.
 *
 * Counting rules:
 * - a registration counts when it is CONFIRMED: pending payments, waiting-list entries and cancellations do not;
 * - in person or virtual follows the ticket type's attendance (virtual = the livestream / virtual registrations);
 * - checked in = a counted in-person registration with at least one check-in, any day (first_checked_in_at, which
 *   a trigger on check_ins keeps, so no semi-join with the check-ins is needed);
 * - the edition used check-in when at least one check-in of it is recorded (a row in check_ins, whatever the state
 *   or ticket of its registration now); without one, checked in is null, not 0. Lectern has no switch that turns
 *   check-in on, and a check-in staff grant or device token says that somebody could scan badges, not that the
 *   edition checked people in with Lectern: a recorded scan is the only sign that it did. So an edition that
 *   scanned only virtual tickets, or registrations cancelled since, keeps its real 0 of its in-person registrations,
 *   and one that never scanned (held elsewhere, or not yet held) has no check-in figure;
 * - the self-described answers (country, company size, job function, industry, gender, first time) exist only for
 *   registrations that consented to aggregate reporting (a CHECK constraint keeps them NULL otherwise); a NULL is
 *   "not answered", so every breakdown's answers plus its not-answered add up to the registrations;
 * - the ticket mix is per ticket type (the organiser's names, e.g. "All access", "VIP"), not per category.
 *
 * Why this shape: most of a statement's cost over a million registrations is reading each row's columns, and the
 * answers sit behind the row's text columns (name, e-mail, badge token), so each statement that reads them pays
 * about as much as the baseline's whole `GROUP BY country` (single-process CPU on the bench's data: 180 ms to read
 * the columns, 260 ms with the baseline's grouping, 310 and 290 ms for the two groupings below apart, 430 ms for
 * both in one statement). So one statement reads them once, for two groupings over composite keys of low
 * cardinality (ticket type x first time x gender x company size; country x job function x industry: a few
 * thousand groups at most), and the per-dimension totals are summed from those groups. One GROUP BY over all seven
 * would need no second hash table, but its groups multiply: about 500,000 for a million registrations answering
 * independently (the planner's estimate too), against about 13,000 for the two.
 *
 * PostgreSQL runs GROUPING SETS in one process (it does not aggregate grouping sets in parallel workers), so with a
 * `beside` connection in the same snapshot the statement runs twice at once, each on its own part of the table's
 * pages (a TID range: `ctid` below or from a page half-way between the pages of the edition's first and last
 * registration), and the two results are added up (sumDimensions). Every row is in exactly one part whatever the
 * split page, which only balances the work. Without `beside` the statement runs once over every row, with the
 * same figures.
 */
const scanSql = (part: 'all' | 'below' | 'from') => `
WITH counted AS (
  SELECT GROUPING(r.country) = 1 AS of_tickets, r.ticket_type_id, r.first_time_attendee, r.gender, r.company_size,
         r.country, r.job_function, r.industry, count(*) AS n, count(*) FILTER (WHERE r.first_checked_in_at IS NOT NULL) AS checked
    FROM registrations r
   WHERE r.event_id = $1::uuid AND r.state = 'CONFIRMED'${part === 'all' ? '' : ` AND r.ctid ${part === 'below' ? '<' : '>='} $2::tid`}
   GROUP BY GROUPING SETS ((r.ticket_type_id, r.first_time_attendee, r.gender, r.company_size), (r.country, r.job_function, r.industry))
), typed AS (
  SELECT c.*, t.attendance FROM counted c JOIN ticket_types t ON t.id = c.ticket_type_id WHERE c.of_tickets
), tickets AS (
  SELECT CASE WHEN GROUPING(ticket_type_id) = 0 THEN 'ticketType'
              WHEN GROUPING(attendance) = 0 THEN 'attendance'
              WHEN GROUPING(first_time_attendee) = 0 THEN 'firstTime'
              WHEN GROUPING(gender) = 0 THEN 'gender'
              WHEN GROUPING(company_size) = 0 THEN 'companySize'
              ELSE 'total' END AS dimension,
         COALESCE(ticket_type_id::text, attendance::text, first_time_attendee::text, gender::text, company_size::text) AS key,
         COALESCE(sum(n), 0)::int AS count, COALESCE(sum(checked), 0)::int AS checked
    FROM typed
   GROUP BY GROUPING SETS ((ticket_type_id), (attendance), (first_time_attendee), (gender), (company_size), ())
)
SELECT d.dimension, d.key, d.count, d.checked, t.name,
       EXISTS (SELECT 1 FROM check_ins c WHERE c.event_id = $1::uuid) AS check_ins_recorded
  FROM tickets d LEFT JOIN ticket_types t ON d.dimension = 'ticketType' AND t.id::text = d.key
UNION ALL
SELECT CASE WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(job_function) = 0 THEN 'jobFunction' ELSE 'industry' END,
       COALESCE(country::text, job_function::text, industry::text), sum(n)::int, NULL, NULL, NULL
  FROM counted
 WHERE NOT of_tickets
 GROUP BY GROUPING SETS ((country), (job_function), (industry))`;

/**
 * The snapshot for the `beside` connection, and the page to split the registrations at: half-way between the
 * pages of the edition's first and last registration by creation (two probes of its (event_id, created_at) index),
 * as a TID. Rows mostly sit in the order they were written, so each part gets about half of them. No row when the
 * edition has no registration.
 */
const SPLIT_SQL = `
SELECT pg_export_snapshot() AS snapshot,
       '(' || (first.page + last.page) / 2 || ',0)' AS page
  FROM (SELECT (ctid::text::point)[0]::bigint AS page FROM registrations WHERE event_id = $1::uuid ORDER BY created_at, id LIMIT 1) first,
       (SELECT (ctid::text::point)[0]::bigint AS page FROM registrations WHERE event_id = $1::uuid ORDER BY created_at DESC, id DESC LIMIT 1) last`;

export interface DimensionRow {
  dimension: string;
  key: string | null;
  count: unknown;
  /** Of `count`, those checked in (ticket rows only). */
  checked?: unknown;
  /** Whether the edition has any check-in recorded (ticket rows only, the same on each). */
  check_ins_recorded?: boolean;
  name: LocalizedText | null;
}

/**
 * The rows of several parts of the registrations as the rows of all of them: the counts (and check-ins) of the same
 * dimension and key added up, in the order each first appears. Every part reports the total, zero when empty.
 */
export function sumDimensions(parts: DimensionRow[][]): DimensionRow[] {
  const add = (sum: unknown, value: unknown) => (value === null || value === undefined ? sum : whole(sum ?? 0) + whole(value));
  const summed = new Map<string, DimensionRow>();
  for (const row of parts.flat()) {
    const id = JSON.stringify([row.dimension, row.key]);
    const seen = summed.get(id);
    summed.set(
      id,
      seen
        ? { ...seen, count: add(seen.count, row.count), checked: add(seen.checked, row.checked), name: seen.name ?? row.name }
        : { ...row, count: whole(row.count), checked: add(row.checked, row.checked === null || row.checked === undefined ? null : 0) },
    );
  }
  return [...summed.values()];
}

async function scan(sql: SqlRunner, eventId: string, beside: BesideRunner | undefined): Promise<DimensionRow[]> {
  if (!beside) return sql<DimensionRow>(scanSql('all'), [eventId]);
  const [split] = await sql<{ snapshot: string; page: string }>(SPLIT_SQL, [eventId]);
  if (!split) return sql<DimensionRow>(scanSql('all'), [eventId]);
  const parts = await Promise.all([
    sql<DimensionRow>(scanSql('below'), [eventId, split.page]),
    beside(async (other) => {
      await importSnapshot(other, split.snapshot);
      await applySettings(other);
      return other<DimensionRow>(scanSql('from'), [eventId, split.page]);
    }),
  ]);
  return sumDimensions(parts);
}

export async function collectRegistrations(sql: SqlRunner, eventId: string, beside?: BesideRunner): Promise<RegistrationStatistics> {
  const rows = await scan(sql, eventId, beside);

  const of = (dimension: string) => rows.filter((row) => row.dimension === dimension);
  const countOf = (dimension: string, key: string | null) =>
    whole(of(dimension).find((row) => row.key === key)?.count ?? 0);
  const answers = (dimension: string): Answers => ({
    groups: of(dimension)
      .filter((row) => row.key !== null)
      .map((row) => ({ key: row.key as string, count: whole(row.count) })),
    notAnswered: countOf(dimension, null),
  });

  const total = countOf('total', null);
  const yes = countOf('firstTime', 'true');
  return {
    registrations: {
      total,
      inPerson: countOf('attendance', 'IN_PERSON'),
      virtual: countOf('attendance', 'VIRTUAL'),
      checkedIn: of('total')[0]?.check_ins_recorded
        ? whole(of('attendance').find((row) => row.key === 'IN_PERSON')?.checked ?? 0)
        : null,
    },
    firstTime: { yes, respondents: yes + countOf('firstTime', 'false') },
    countries: answers('country'),
    companySize: answers('companySize'),
    jobFunction: answers('jobFunction'),
    industry: answers('industry'),
    gender: answers('gender'),
    ticketTypes: of('ticketType').map((row) => {
      const group: GroupCount = { key: row.key as string, count: whole(row.count) };
      if (row.name) group.name = row.name;
      return group;
    }),
  };
}
