import { Client } from 'pg';
import { BenchScenario } from './bench.types';
import { measurePagedList } from './paged-list';
import { apiCaller, createCfpEvent } from './support';

const SUBMISSIONS = 5_000;
const SPEAKERS = 1_000;

/** Speakers with profiles and 5,000 submitted proposals (a third with a co-speaker), straight into the tables. */
async function seed(db: Client, eventId: string, stamp: string) {
  await db.query(
    `INSERT INTO users (id, email, password_hash, name, created_at, updated_at)
     SELECT gen_random_uuid(), 'cfp-bench-' || $1 || '-' || g || '@bench.lectern', 'not-a-hash', 'Speaker ' || g, now(), now()
       FROM generate_series(1, $2::int) AS g`,
    [stamp, SPEAKERS],
  );
  await db.query(
    `INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
     SELECT id, name, 'Bio', 'Company ' || (random() * 300)::int, 'Engineer', (ARRAY['CN','US','DE','IN','JP'])[1 + (random() * 4)::int],
            random() < 0.4, now()
       FROM users WHERE email LIKE 'cfp-bench-' || $1 || '-%'`,
    [stamp],
  );
  await db.query(
    `INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language,
                              submitted_at, state_changed_at, updated_at)
     SELECT gen_random_uuid(), $1, 'BENCH-' || lpad(g::text, 5, '0'), 'CFP', 'SUBMITTED', 'Proposal number ' || g,
            repeat('An abstract of reasonable length. ', 25),
            (SELECT array_agg(id ORDER BY slug) FROM session_formats WHERE event_id = $1 AND open_for_submissions)[1 + g % 5],
            (SELECT array_agg(id ORDER BY slug) FROM tracks WHERE event_id = $1)[1 + g % 8],
            (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED']::"AudienceLevel"[])[1 + g % 3],
            CASE WHEN g % 5 = 0 THEN 'zh-CN' ELSE 'en' END,
            now() - make_interval(secs => g * 37), now(), now()
       FROM generate_series(1, $2::int) AS g`,
    [eventId, SUBMISSIONS],
  );
  await db.query(
    `WITH s AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1),
          u AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'cfp-bench-' || $2 || '-%')
     INSERT INTO submission_speakers (id, submission_id, user_id, role, first_time_speaker)
     SELECT gen_random_uuid(), s.id, u.id, 'OWNER'::"SpeakerRole", false FROM s JOIN u ON u.n = 1 + s.n % $3
     UNION ALL
     SELECT gen_random_uuid(), s.id, u.id, 'CO_SPEAKER'::"SpeakerRole", true FROM s JOIN u ON u.n = 1 + (s.n + 500) % $3 WHERE s.n % 3 = 0`,
    [eventId, stamp, SPEAKERS],
  );
  await db.query('ANALYZE submissions, submission_speakers, users, speaker_profiles');
}

/**
 * The keyset page the API serves, as one hand-written statement through raw `pg`: same filter, order, columns,
 * format, track and speakers (aggregated as JSON). What the API adds is HTTP, the token and role checks, Nest,
 * Prisma's query compilation and the mapping to the response.
 */
const BASELINE_PAGE = `
  SELECT s.id, s.code, s.origin, s.state, s.title, s.level, s.language, s.submitted_at,
         CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('slug', f.slug, 'name', f.name) END AS format,
         CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('slug', t.slug, 'name', t.name) END AS track,
         COALESCE((SELECT json_agg(json_build_object('role', ss.role, 'name', COALESCE(p.name, u.name),
                                                    'company', p.company, 'country', p.country)
                                   ORDER BY ss.role, ss.created_at)
                     FROM submission_speakers ss JOIN users u ON u.id = ss.user_id
                     LEFT JOIN speaker_profiles p ON p.user_id = u.id
                    WHERE ss.submission_id = s.id), '[]') AS speakers
    FROM submissions s
    LEFT JOIN session_formats f ON f.id = s.format_id
    LEFT JOIN tracks t ON t.id = s.track_id
   WHERE s.event_id = $1 AND s.origin = 'CFP' AND s.state <> 'DRAFT' AND s.submitted_at IS NOT NULL
     AND ($2::timestamptz IS NULL OR (s.submitted_at, s.id) < ($2::timestamptz, $3::uuid))
   ORDER BY s.submitted_at DESC, s.id DESC
   LIMIT $4`;

async function walkBaseline(db: Client, eventId: string, pageSize: number) {
  const latencies: number[] = [];
  let after: { at: Date; id: string } | null = null;
  let rows = 0;
  for (;;) {
    const started = process.hrtime.bigint();
    const page: { rows: { id: string; submitted_at: Date }[] } = await db.query(BASELINE_PAGE, [eventId, after?.at ?? null, after?.id ?? null, pageSize + 1]);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    const items = page.rows.slice(0, pageSize);
    rows += items.length;
    if (page.rows.length <= pageSize) return { latencies, rows };
    const last = items[items.length - 1];
    after = { at: last.submitted_at, id: last.id };
  }
}

/**
 * An organiser pages through 5,000 submissions (pages of 50 and of 200), on the real API process, next to the
 * same keyset query through raw `pg` in the same run. Statements per page are counted on an in-process instance
 * of the same application (PrismaService.statementCount), since the API process's counter is not reachable.
 */
export const scenario: BenchScenario = async (env) => {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  const api = await env.startApi();
  try {
    const adminToken = await env.adminToken(api.url);
    const call = apiCaller(api.url, adminToken);
    const stamp = Date.now().toString(36);
    const { slug, eventId } = await createCfpEvent(call, 'cfp', stamp);
    const organiser = await call<{ token: string }>('POST', '/v1/auth/signup', { email: `organiser-${stamp}@bench.lectern`, password: 'bench-organiser-password', name: 'Bench organiser' });
    await call('POST', `/v1/events/${slug}/roles`, { email: `organiser-${stamp}@bench.lectern`, role: 'ORGANISER' });
    const token = organiser.token;
    env.log(`cfp: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions`);
    await seed(db, eventId, stamp);

    const { rows, ratios, goals } = await measurePagedList(env, api, {
      name: 'cfp',
      what: 'the list',
      path: `/v1/events/${slug}/submissions`,
      token,
      baseline: 'raw pg keyset query',
      walkBaseline: (size) => walkBaseline(db, eventId, size),
      goals: { p50: 2, p99: 1.5 },
      statements: '(edition + roles + account, page)',
    });
    return { scenario: 'GET /v1/events/{slug}/submissions, 5,000 submissions page by page (organiser)', rows, ratios, goals };
  } finally {
    await api.close();
    await db.end();
  }
};
