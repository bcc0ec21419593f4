"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.collectRegistrations = collectRegistrations;
const sql_1 = require("./sql");
/**
 * Every attendee figure in one scan of the edition's registrations.
 *
 * Counting rules:
 * - a registration counts when it is CONFIRMED: pending payments, waiting-list entries and cancellations do not;
 * - in person or virtual follows the ticket type's attendance (virtual = the livestream / virtual registrations);
 * - the self-described answers (country, company size, job function, industry, gender, first time) exist only for
 *   registrations that consented to aggregate reporting (a CHECK constraint keeps them NULL otherwise); a NULL is
 *   "not answered", so every breakdown's answers plus its not-answered add up to the registrations;
 * - the ticket mix is per ticket type (the organiser's names, e.g. "All access", "VIP"), not per category.
 *
 * Why this shape: seven GROUP BYs would read the table seven times, and a seven-way GROUPING SETS keeps seven hash
 * tables per row. Two composite grouping sets of low cardinality (ticket type x first time x gender x company
 * size, and country x job function x industry: a few thousand groups at most) are one pass; the per-dimension
 * totals are then summed from those few thousand rows.
 */
const DIMENSIONS_SQL = `
WITH counted AS (
  SELECT GROUPING(r.ticket_type_id) AS in_set_b,
         r.ticket_type_id, r.first_time_attendee, r.gender, r.company_size, r.country, r.job_function, r.industry,
         count(*) AS n
    FROM registrations r
   WHERE r.event_id = $1::uuid AND r.state = 'CONFIRMED'
   GROUP BY GROUPING SETS ((r.ticket_type_id, r.first_time_attendee, r.gender, r.company_size),
                           (r.country, r.job_function, r.industry))
), set_a AS (
  SELECT c.n, c.ticket_type_id, c.first_time_attendee, c.gender, c.company_size, t.attendance
    FROM counted c JOIN ticket_types t ON t.id = c.ticket_type_id
   WHERE c.in_set_b = 0
), dims AS (
  SELECT CASE WHEN GROUPING(ticket_type_id) = 0 THEN 'ticketType'
              WHEN GROUPING(attendance) = 0 THEN 'attendance'
              WHEN GROUPING(first_time_attendee) = 0 THEN 'firstTime'
              WHEN GROUPING(gender) = 0 THEN 'gender'
              WHEN GROUPING(company_size) = 0 THEN 'companySize'
              ELSE 'total' END AS dimension,
         COALESCE(ticket_type_id::text, attendance::text, first_time_attendee::text, gender::text, company_size::text) AS key,
         COALESCE(sum(n), 0)::int AS count
    FROM set_a
   GROUP BY GROUPING SETS ((ticket_type_id), (attendance), (first_time_attendee), (gender), (company_size), ())
  UNION ALL
  SELECT CASE WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(job_function) = 0 THEN 'jobFunction' ELSE 'industry' END,
         COALESCE(country::text, job_function::text, industry::text),
         sum(n)::int
    FROM counted
   WHERE in_set_b = 1
   GROUP BY GROUPING SETS ((country), (job_function), (industry))
)
SELECT d.dimension, d.key, d.count, t.name, t.name_zh
  FROM dims d LEFT JOIN ticket_types t ON d.dimension = 'ticketType' AND t.id::text = d.key`;
/**
 * Checked in = a counted in-person registration with at least one check-in (any day). A semi-join: the check-ins'
 * registration ids are hashed once and the registrations probed, instead of one index lookup per registration.
 */
const CHECKED_IN_SQL = `
SELECT count(*)::int AS checked_in
  FROM registrations r
 WHERE r.event_id = $1::uuid AND r.state = 'CONFIRMED'
   AND r.ticket_type_id IN (SELECT t.id FROM ticket_types t WHERE t.event_id = $1::uuid AND t.attendance = 'IN_PERSON')
   AND r.id IN (SELECT c.registration_id FROM check_ins c WHERE c.event_id = $1::uuid)`;
async function collectRegistrations(sql, eventId) {
    const rows = await sql(DIMENSIONS_SQL, [eventId]);
    const [checked] = await sql(CHECKED_IN_SQL, [eventId]);
    const of = (dimension) => rows.filter((row) => row.dimension === dimension);
    const countOf = (dimension, key) => (0, sql_1.whole)(of(dimension).find((row) => row.key === key)?.count ?? 0);
    const answers = (dimension) => ({
        groups: of(dimension)
            .filter((row) => row.key !== null)
            .map((row) => ({ key: row.key, count: (0, sql_1.whole)(row.count) })),
        notAnswered: countOf(dimension, null),
    });
    const total = countOf('total', null);
    const yes = countOf('firstTime', 'true');
    return {
        registrations: {
            total,
            inPerson: countOf('attendance', 'IN_PERSON'),
            virtual: countOf('attendance', 'VIRTUAL'),
            checkedIn: (0, sql_1.whole)(checked?.checked_in ?? 0),
        },
        firstTime: { yes, respondents: yes + countOf('firstTime', 'false') },
        countries: answers('country'),
        companySize: answers('companySize'),
        jobFunction: answers('jobFunction'),
        industry: answers('industry'),
        gender: answers('gender'),
        ticketTypes: of('ticketType').map((row) => {
            const group = { key: row.key, count: (0, sql_1.whole)(row.count) };
            if (row.name)
                group.name = row.name;
            if (row.name_zh)
                group.nameZh = row.name_zh;
            return group;
        }),
    };
}
//# sourceMappingURL=registrations.js.map