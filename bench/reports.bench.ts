import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '@lectern/project-root';
import { BenchRow, BenchScenario, goal } from './bench.types';
import { Rendering } from './reports.child';

const REGISTRATIONS = 1_000_000;
/** Earlier editions of the series (2018 back to 2009), all of them in the trends; the latest has the most registrations. */
const EARLIER_EDITIONS = 10;
const PREVIOUS_REGISTRATIONS = 2_500;
const SUBMISSIONS = 10_000;
const REVIEWS_PER_SUBMISSION = 5;
const SPEAKERS = 2_000;
const REVIEWERS = 500;
const RUNS = 3;

/** Every country but China, for the 17% of answers that are not CN (43 countries in all). */
const OTHER_COUNTRIES = [
  'US', 'JP', 'KR', 'IN', 'SG', 'DE', 'GB', 'FR', 'NL', 'CA', 'AU', 'TW', 'HK', 'MY', 'ID', 'TH', 'VN', 'PH', 'IL', 'RU', 'BR',
  'ES', 'IT', 'SE', 'FI', 'CH', 'PL', 'NZ', 'MX', 'AR', 'ZA', 'EG', 'TR', 'AE', 'SA', 'PK', 'BD', 'IE', 'BE', 'AT', 'DK', 'NO',
];

/**
 * Sequential ids instead of random ones: a million random UUIDs scatter inserts over every page of each index, which
 * made loading several times slower than the work being measured. `entity` keeps the kinds of rows apart.
 */
/** A translated name as stored (jsonb, language → text); the bench's texts contain no quotes. */
const en = (text: string) => `jsonb_build_object('en', '${text}')`;
const zh = (text: string, chinese: string) => `jsonb_build_object('en', '${text}', 'zh-CN', '${chinese}')`;
const id = (run: string, entity: number, n: string) => `('${run}-${entity.toString(16).padStart(4, '0')}-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

type Step = (label: string, sql: string, values?: unknown[]) => Promise<void>;

/**
 * The ten earlier editions the trends compare (k = 1 is 2018, k = 10 is 2009), smaller the further back: 2,500 down
 * to 250 registrations with fewer countries, 900 down to 100 CFP proposals. The oldest ones lack what Lectern did
 * not yet hold, so the trends show those figures as missing: 2009 had no CFP, 2009 and 2010 no sponsors recorded,
 * the editions before 2014 no scholarship programme.
 */
async function earlierEditions(run: string, step: Step): Promise<void> {
  const series = id(run, 1, '1');
  const edition = id(run, 2, '100 + k');
  const editions = `generate_series(1, ${EARLIER_EDITIONS}) AS k`;
  await step(`${EARLIER_EDITIONS} earlier editions`, `
    INSERT INTO events (id, series_id, parent_event_id, slug, name, city, country, venue, timezone, starts_at, ends_at, format, status, updated_at)
    SELECT ${edition}, ${series}, NULL, 'bench-kc-china-' || (2019 - k) || '-${run}',
           jsonb_build_object('en', 'KubeCon China ' || (2019 - k), 'zh-CN', 'KubeCon 中国 ' || (2019 - k)), ${zh('Shanghai', '上海')}, 'CN', ${en('Expo')},
           'Asia/Shanghai', make_timestamptz(2019 - k, 11, 13, 1, 0, 0, 'UTC'), make_timestamptz(2019 - k, 11, 15, 10, 0, 0, 'UTC'),
           'IN_PERSON', 'COMPLETED', now()
      FROM ${editions}`);
  await step('their ticket types and formats', `
    WITH t AS (INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
               SELECT ${id(run, 3, '100 + k')}, ${edition}, ${en('All access')}, 'CORPORATE', 'IN_PERSON', now() FROM ${editions} RETURNING 1)
    INSERT INTO session_formats (id, event_id, slug, name, duration_minutes, max_speakers, updated_at)
    SELECT ${id(run, 8, '100 + k')}, ${edition}, 'breakout', ${zh('Breakout sessions', '分组会议')}, 35, 3, now() FROM ${editions}`);
  await step('their registrations', `
    INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token,
                               consent_to_report, country, first_time_attendee, confirmed_at, updated_at)
    SELECT ${id(run, 6, 'k * 100000 + n')}, ${edition}, ${id(run, 4, 'n')}, ${id(run, 3, '100 + k')}, 'CONFIRMED', 'Attendee ' || n, 'a@bench.lectern',
           0, 'USD', '${run}-' || k || '-' || n, n % 10 <> 0,
           CASE WHEN n % 10 <> 0 THEN CASE WHEN (n * 2003) % 100 < 85 THEN 'CN' ELSE ($2::text[])[1 + (n * 31) % (12 + 3 * (${EARLIER_EDITIONS} - k))] END END,
           CASE WHEN n % 10 <> 0 THEN (n * 23) % 10 < 5 + k % 3 END, now(), now()
      FROM ${editions} CROSS JOIN LATERAL generate_series(1, $1::int * (${EARLIER_EDITIONS} + 1 - k) / ${EARLIER_EDITIONS}) AS n`,
    [PREVIOUS_REGISTRATIONS, OTHER_COUNTRIES]);
  await step('their CFP proposals (none in 2009)', `
    INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, language, submitted_at, updated_at)
    SELECT ${id(run, 20, 'k * 100000 + n')}, ${edition}, 'B-' || n, 'CFP', (CASE WHEN n % 4 = 0 THEN 'CONFIRMED' ELSE 'REJECTED' END)::"SubmissionState",
           'Proposal ' || n, 'An abstract.', ${id(run, 8, '100 + k')}, 'en', make_timestamptz(2019 - k, 8, 1, 0, 0, 0, 'UTC'), now()
      FROM ${editions} CROSS JOIN LATERAL generate_series(1, 100 * (${EARLIER_EDITIONS} - k)) AS n`);
  await step('their sponsors (none recorded before 2011)', `
    INSERT INTO sponsors (id, event_id, name, tier, updated_at)
    SELECT ${id(run, 14, 'k * 1000 + g')}, ${edition}, 'Sponsor ' || g, 'GOLD', now()
      FROM ${editions} CROSS JOIN LATERAL generate_series(1, 40 - 4 * k) AS g WHERE k <= ${EARLIER_EDITIONS - 2}`);
  await step('their scholarships (a programme since 2014)', `
    WITH p AS (INSERT INTO scholarship_programmes (id, event_id, key, name, kind, opens_at, closes_at, currency, budget_minor, travel_cap_minor, updated_at)
               SELECT ${id(run, 17, '100 + k')}, ${edition}, 'diversity', ${en('Diversity scholarship')}, 'DIVERSITY', make_date(2019 - k, 1, 1),
                      make_date(2019 - k, 4, 1), 'USD', 100000000, 150000, now()
                 FROM generate_series(1, 5) AS k RETURNING 1),
         a AS (INSERT INTO scholarship_applications (id, programme_id, user_id, statement, travel_origin, consent_given_at, updated_at)
               SELECT ${id(run, 18, 'k * 1000 + g')}, ${id(run, 17, '100 + k')}, ${id(run, 4, 'g')}, 'Statement', 'CN', now(), now()
                 FROM generate_series(1, 5) AS k CROSS JOIN generate_series(1, 60) AS g RETURNING 1)
    INSERT INTO scholarship_awards (id, programme_id, application_id, state, travel_grant_minor, includes_registration, offered_at, updated_at)
    SELECT ${id(run, 19, 'k * 1000 + g')}, ${id(run, 17, '100 + k')}, ${id(run, 18, 'k * 1000 + g')}, 'ACCEPTED', 100000, true, now(), now()
      FROM generate_series(1, 5) AS k CROSS JOIN LATERAL generate_series(1, 60 - 10 * k) AS g`);
}

/**
 * KubeCon China 2019 at a thousand times its size: 1,000,000 registrations (83% of those answering from China), ten
 * earlier editions (2009 to 2018), 10,000 CFP submissions with 50,000 reviews, sponsors, partners, media, co-located events and
 * scholarships. Multi-row INSERT ... SELECT generate_series, with triggers off for the loading session only
 * (`session_replication_role = replica`: the seat-check trigger would otherwise run a million times).
 */
async function seed(db: Client, log: (line: string) => void): Promise<string> {
  const run = randomBytes(4).toString('hex');
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const started = Date.now();
    const result = await db.query(sql, values);
    log(`reports: ${label} (${result.rowCount ?? 0} rows, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  const series = id(run, 1, '1');
  const event = id(run, 2, '1');
  const ticket = (n: number) => id(run, 3, String(n));

  try {
    await db.query('SET session_replication_role = replica');
  } catch {
    log('reports: not a superuser, loading with triggers on (slower)');
  }
  await step('series and editions', `
    WITH s AS (INSERT INTO series (id, slug, languages, name, updated_at)
               VALUES (${series}, 'bench-kubecon-china-${run}', ARRAY['en', 'zh-CN'], ${zh('KubeCon + CloudNativeCon China', 'KubeCon + CloudNativeCon 中国')}, now()))
    INSERT INTO events (id, series_id, parent_event_id, slug, name, city, country, venue, timezone, starts_at, ends_at, format, status, updated_at)
    VALUES (${event}, ${series}, NULL, 'bench-kc-china-2019-${run}', ${zh('KubeCon + CloudNativeCon + Open Source Summit China 2019', 'KubeCon + CloudNativeCon + 开源峰会中国 2019')},
            ${zh('Shanghai', '上海')}, 'CN', ${en('Shanghai Expo Centre')}, 'Asia/Shanghai',
            '2019-06-24T01:00:00Z', '2019-06-26T10:00:00Z', 'HYBRID', 'COMPLETED', now())`);
  await earlierEditions(run, step);
  await step('co-located events', `
    INSERT INTO events (id, series_id, parent_event_id, slug, name, city, country, timezone, starts_at, ends_at, format, status, updated_at)
    SELECT ${id(run, 2, 'g + 10')}, ${series}, ${event}, 'bench-colo-' || g || '-${run}', jsonb_build_object('en', 'Co-located event ' || g), ${en('Shanghai')}, 'CN',
           'Asia/Shanghai', '2019-06-23T01:00:00Z', '2019-06-23T10:00:00Z', 'IN_PERSON', 'COMPLETED', now()
      FROM generate_series(1, 14) AS g`);
  const tickets: [string, string, string][] = [
    ['All access', 'CORPORATE', 'IN_PERSON'], ['All access VIP', 'CORPORATE', 'IN_PERSON'], ['Individual / academic', 'INDIVIDUAL', 'IN_PERSON'],
    ['Speaker', 'SPEAKER', 'IN_PERSON'], ['Sponsor', 'SPONSOR', 'IN_PERSON'], ['Media', 'MEDIA', 'IN_PERSON'], ['Livestream', 'VIRTUAL', 'VIRTUAL'],
  ];
  await step('ticket types', `
    INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
    VALUES ${tickets.map(([name, category, attendance], i) => `(${ticket(i + 1)}, ${event}, ${en(name)}, '${category}', '${attendance}', now())`).join(', ')}`);
  await step('users', `
    INSERT INTO users (id, email, password_hash, name, updated_at)
    SELECT ${id(run, 4, 'g')}, 'bench-${run}-' || g || '@bench.lectern', 'not-a-hash', 'Person ' || g, now()
      FROM generate_series(1, $1::int) AS g`, [REGISTRATIONS + SPEAKERS + REVIEWERS]);
  await step('registrations', `
    INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token,
                               consent_to_report, country, company_size, job_function, industry, first_time_attendee, gender,
                               confirmed_at, cancelled_at, cancel_reason, updated_at)
    SELECT ${id(run, 5, 'n')}, ${event}, ${id(run, 4, 'n')},
           CASE WHEN n % 100 < 46 THEN ${ticket(1)} WHEN n % 100 < 51 THEN ${ticket(2)} WHEN n % 100 < 59 THEN ${ticket(3)}
                WHEN n % 100 < 68 THEN ${ticket(4)} WHEN n % 100 < 90 THEN ${ticket(5)} WHEN n % 100 < 92 THEN ${ticket(6)} ELSE ${ticket(7)} END,
           (CASE WHEN n % 50 = 0 THEN 'CANCELLED' WHEN n % 97 = 0 THEN 'PENDING' ELSE 'CONFIRMED' END)::"RegistrationState",
           'Attendee ' || n, 'attendee-' || n || '@bench.lectern', 0, 'USD', '${run}-' || n,
           consent,
           CASE WHEN consent THEN CASE WHEN (n * 2003) % 100 < 83 THEN 'CN' ELSE ($2::text[])[1 + (n * 31) % ${OTHER_COUNTRIES.length}] END END,
           CASE WHEN consent THEN (enum_range(NULL::"CompanySize"))[1 + (n * 13) % 6] END,
           CASE WHEN consent THEN (enum_range(NULL::"JobFunction"))[1 + (n * 17) % 14] END,
           CASE WHEN consent THEN (enum_range(NULL::"Industry"))[1 + (n * 19) % 14] END,
           CASE WHEN consent THEN (n * 23) % 10 < 6 END,
           CASE WHEN consent AND n % 4 <> 0 THEN (enum_range(NULL::"Gender"))[1 + (n * 29) % 5] END,
           now(), CASE WHEN n % 50 = 0 THEN now() END, CASE WHEN n % 50 = 0 THEN 'ATTENDEE'::"CancelReason" END, now()
      FROM (SELECT n, n % 10 <> 0 AS consent FROM generate_series(1, $1::int) AS n) AS g`, [REGISTRATIONS, OTHER_COUNTRIES]);
  await step('check-ins (about 70% of in-person registrations, a sixth of them on two days)', `
    INSERT INTO check_ins (id, event_id, registration_id, day)
    SELECT ${id(run, 7, "n * 2 + (d - DATE '2019-06-24')")}, ${event}, ${id(run, 5, 'n')}, d
      FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT DATE '2019-06-24' AS d UNION ALL SELECT DATE '2019-06-25' WHERE n % 6 = 0) AS days
     WHERE n % 100 < 92 AND n % 10 < 8`, [REGISTRATIONS]);

  await step('formats and tracks', `
    WITH f AS (INSERT INTO session_formats (id, event_id, slug, name, duration_minutes, max_speakers, updated_at)
               VALUES (${id(run, 8, '1')}, ${event}, 'keynote', ${zh('Keynotes', '主论坛演讲')}, 15, 2, now()),
                      (${id(run, 8, '2')}, ${event}, 'breakout', ${zh('Breakout sessions', '分组会议')}, 35, 3, now()),
                      (${id(run, 8, '3')}, ${event}, 'maintainer', ${zh('Maintainer track sessions', '维护者专场')}, 35, 3, now()),
                      (${id(run, 8, '4')}, ${event}, 'lightning', ${zh('Lightning talks', '闪电演讲')}, 5, 1, now()))
    INSERT INTO tracks (id, event_id, slug, name, updated_at)
    SELECT ${id(run, 9, 'g')}, ${event}, 'track-' || g, jsonb_build_object('en', 'Track ' || g), now() FROM generate_series(1, 8) AS g`);
  await step('submissions', `
    INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, language, submitted_at, updated_at)
    SELECT ${id(run, 10, 'n')}, ${event}, 'B-' || n, 'CFP',
           (CASE WHEN n % 5 = 0 THEN (ARRAY['ACCEPTED', 'CONFIRMED', 'CONFIRMED', 'DECLINED'])[1 + n / 5 % 4]
                 WHEN n % 5 = 1 THEN 'WAITLISTED' WHEN n % 50 = 2 THEN 'WITHDRAWN' ELSE 'REJECTED' END)::"SubmissionState",
           'Proposal ' || n, 'An abstract.',
           CASE WHEN n % 100 < 3 THEN ${id(run, 8, '1')} WHEN n % 100 < 80 THEN ${id(run, 8, '2')}
                WHEN n % 100 < 95 THEN ${id(run, 8, '3')} ELSE ${id(run, 8, '4')} END,
           ${id(run, 9, '1 + n % 8')}, 'en', '2019-02-01T00:00:00Z', now()
      FROM generate_series(1, $1::int) AS n`, [SUBMISSIONS]);
  await step('speakers', `
    INSERT INTO submission_speakers (id, submission_id, user_id, role, first_time_speaker)
    SELECT ${id(run, 11, 'n')}, ${id(run, 10, 'n')}, ${id(run, 4, `${REGISTRATIONS} + 1 + n % ${SPEAKERS}`)}, 'OWNER', n % 3 = 0
      FROM generate_series(1, $1::int) AS n`, [SUBMISSIONS]);
  await step('review assignments', `
    INSERT INTO review_assignments (id, event_id, submission_id, reviewer_id, automatic)
    SELECT ${id(run, 12, `n * ${REVIEWS_PER_SUBMISSION} + k`)}, ${event}, ${id(run, 10, 'n')},
           ${id(run, 4, `${REGISTRATIONS + SPEAKERS} + 1 + (n * ${REVIEWS_PER_SUBMISSION} + k) % ${REVIEWERS}`)}, true
      FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(0, ${REVIEWS_PER_SUBMISSION - 1}) AS k`, [SUBMISSIONS]);
  await step('reviews', `
    INSERT INTO reviews (id, event_id, submission_id, reviewer_id, score, confidence, updated_at)
    SELECT ${id(run, 13, 'n')}, event_id, submission_id, reviewer_id, 1 + (n % 40) / 10.0, 1 + n % 3, now()
      FROM (SELECT row_number() OVER () AS n, * FROM review_assignments WHERE event_id = ${event}) AS a`);

  await step('sponsors, community partners, media', `
    WITH s AS (INSERT INTO sponsors (id, event_id, name, tier, updated_at)
               SELECT ${id(run, 14, 'g')}, ${event}, 'Sponsor ' || g,
                      (ARRAY['STRATEGIC','DOUBLE_DIAMOND','DIAMOND','DIAMOND','PLATINUM','PLATINUM'])[g]::"SponsorTier", now()
                 FROM generate_series(1, 6) AS g
               UNION ALL
               SELECT ${id(run, 14, 'g')}, ${event}, 'Sponsor ' || g,
                      (CASE WHEN g <= 16 THEN 'GOLD' WHEN g <= 30 THEN 'SILVER' ELSE 'START_UP' END)::"SponsorTier", now()
                 FROM generate_series(7, 42) AS g RETURNING 1),
         p AS (INSERT INTO community_partners (id, event_id, name, updated_at)
               SELECT ${id(run, 15, 'g')}, ${event}, 'Community ' || g, now() FROM generate_series(1, 9) AS g RETURNING 1)
    INSERT INTO media_accreditations (id, event_id, name, outlet, kind, language, updated_at)
    SELECT ${id(run, 16, 'g')}, ${event}, 'Journalist ' || g, 'Outlet ' || g, CASE WHEN g % 6 = 0 THEN 'ANALYST' ELSE 'MEDIA' END::"MediaKind",
           CASE WHEN g <= 13 THEN 'en' ELSE 'zh' END, now()
      FROM generate_series(1, 54) AS g`);
  await step('scholarships', `
    WITH p AS (INSERT INTO scholarship_programmes (id, event_id, key, name, kind, opens_at, closes_at, currency, budget_minor, travel_cap_minor, updated_at)
               VALUES (${id(run, 17, '1')}, ${event}, 'diversity', ${en('Diversity scholarship')}, 'DIVERSITY', '2019-01-01', '2019-04-01', 'USD', 100000000, 150000, now())
               RETURNING id),
         a AS (INSERT INTO scholarship_applications (id, programme_id, user_id, statement, travel_origin, consent_given_at, updated_at)
               SELECT ${id(run, 18, 'g')}, ${id(run, 17, '1')}, ${id(run, 4, 'g')}, 'Statement', 'CN', now(), now()
                 FROM generate_series(1, 300) AS g RETURNING id)
    INSERT INTO scholarship_awards (id, programme_id, application_id, state, travel_grant_minor, includes_registration, offered_at, updated_at)
    SELECT ${id(run, 19, 'g')}, ${id(run, 17, '1')}, ${id(run, 18, 'g')}, 'ACCEPTED', 100000, true, now(), now()
      FROM generate_series(1, 80) AS g`);
  await db.query('RESET session_replication_role');
  await step('VACUUM ANALYZE (the steady state autovacuum keeps)', 'VACUUM ANALYZE events, users, registrations, check_ins, ticket_types, submissions, submission_speakers, reviews, review_assignments, sponsors, scholarship_programmes, scholarship_awards');
  const [{ event_id: eventId }] = (await db.query<{ event_id: string }>(`SELECT ${event}::text AS event_id`)).rows;
  return eventId;
}

interface ChildResult {
  baselineMs: number;
  statisticsMs: number;
  baselineRuns: number[];
  statisticsRuns: number[];
  slowestStatements: { sql: string; ms: number }[];
  statementCount: number;
  /** Whether the child warmed both its connections up (WARM_UP_BACKEND) before timing anything. */
  warmConnections: boolean;
  buildMs: number;
  /** Per language: the first render (parsing its font when no earlier language used it) and the median of the next ones. */
  renders: Record<string, Rendering>;
  /** The web edition, per language, timed the same way. */
  html: Record<string, Rendering>;
  /** Rows of the trends besides the edition itself. */
  earlierEditions: number;
  registrations: number;
  maxRssMb: number;
}

function runChild(databaseUrl: string, eventId: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'bench', 'reports.child.js'), databaseUrl, eventId, String(RUNS)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as ChildResult) : reject(new Error(`reports.child exited with ${code}`))));
  });
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * One report on a million registrations: the statistics (every aggregate statement in one snapshot) next to a
 * single GROUP BY country over the same registrations, then the PDF and the web edition in each language of the
 * edition, timed per language, in a process of their own whose peak RSS is the job's.
 */
export const scenario: BenchScenario = async (env) => {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  try {
    const started = Date.now();
    const eventId = await seed(db, env.log);
    env.log(`reports: data loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring (${RUNS} runs each, medians)`);
    const result = await runChild(env.databaseUrl, eventId);
    const ratio = result.statisticsMs / result.baselineMs;
    const renders = Object.entries(result.renders);
    const html = Object.entries(result.html);
    return {
      scenario: `Transparency report on ${REGISTRATIONS.toLocaleString('en')} registrations, ${SUBMISSIONS.toLocaleString('en')} submissions, ${(SUBMISSIONS * REVIEWS_PER_SUBMISSION).toLocaleString('en')} reviews, ${result.earlierEditions} earlier editions in the trends`,
      rows: [
        { label: `connections: the baseline's and the report's both ${result.warmConnections ? 'warm (WARM_UP_BACKEND run once on each, as PrismaService does)' : 'cold'}`, 'median ms': '', runs: '' },
        { label: 'baseline: SELECT country, count(*) ... GROUP BY country', 'median ms': round(result.baselineMs), runs: result.baselineRuns.map((ms) => round(ms, 0)).join(' / ') },
        { label: `collectReportInput (${result.statementCount} statements, REPEATABLE READ)`, 'median ms': round(result.statisticsMs), runs: result.statisticsRuns.map((ms) => round(ms, 0)).join(' / ') },
        ...result.slowestStatements.map((s) => ({ label: `  of which: ${s.sql} ...`, 'median ms': '', runs: `${round(s.ms, 0)} (last run)` })),
        { label: 'buildReport', 'median ms': round(result.buildMs), runs: '1' },
        ...renders.map(([language, r]) => ({
          label: `render PDF ${language} (${r.pages} pages, ${round(r.bytes / 1024, 0)} KB; first render ${round(r.firstMs, 0)} ms; median CPU ${round(r.cpuMs, 0)} ms)`,
          'median ms': round(r.ms),
          runs: r.runs.map((ms) => round(ms, 0)).join(' / '),
        })),
        ...html.map(([language, r]) => ({
          label: `render HTML ${language} (${round(r.bytes / 1024, 0)} KB; first render ${round(r.firstMs, 0)} ms; median CPU ${round(r.cpuMs, 0)} ms)`,
          'median ms': round(r.ms),
          runs: r.runs.map((ms) => round(ms, 0)).join(' / '),
        })),
        { label: `peak RSS of the process doing the work: ${round(result.maxRssMb, 0)} MB`, 'median ms': '', runs: '' },
      ] satisfies BenchRow[],
      ratios: [
        `statistics / GROUP BY country baseline = ${ratio.toFixed(2)} (goal <= 2; ${round(result.statisticsMs, 0)} ms vs ${round(result.baselineMs, 0)} ms, ${result.registrations.toLocaleString('en')} counted registrations; both on ${result.warmConnections ? 'warm' : 'cold'} connections)`,
        `PDF render (median of warm renders, wall / CPU) ${renders.map(([language, r]) => `${language} ${round(r.ms / 1000, 2)} / ${round(r.cpuMs / 1000, 2)} s`).join(', ')}; slowest first render ${round(Math.max(...renders.map(([, r]) => r.firstMs)) / 1000, 2)} s (goal < 2 s each)`,
        `HTML render (median of warm renders, wall / CPU) ${html.map(([language, r]) => `${language} ${round(r.ms / 1000, 2)} / ${round(r.cpuMs / 1000, 2)} s`).join(', ')}; slowest first render ${round(Math.max(...html.map(([, r]) => r.firstMs)) / 1000, 2)} s (goal < 2 s each)`,
        `peak RSS ${round(result.maxRssMb, 0)} MB (goal < 512 MB)`,
      ],
      goals: [
        goal('report statistics / one GROUP BY country', ratio, '<=', 2),
        ...renders.map(([language, r]) => goal(`report PDF render ${language}, median wall s`, r.ms / 1000, '<=', 2)),
        ...html.map(([language, r]) => goal(`report HTML render ${language}, median wall s`, r.ms / 1000, '<=', 2)),
        goal('report peak RSS, MB', result.maxRssMb, '<=', 512),
      ],
    };
  } finally {
    await db.end();
  }
};
