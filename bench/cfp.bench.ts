import { Client } from 'pg';
import { EventRole } from '@lectern/database/generated/enums';
import { KeysetPosition } from '@lectern/database/keyset';
import { criteriaOf } from '@lectern/domains/cfp/submission-listing.service';
import { SubmissionPageRow, submissionPageSql } from '@lectern/domains/cfp/submissions.repository';
import { BenchScenario } from './bench.types';
import { Walker, measurePagedList } from './paged-list';
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
 * The organisers' pages through raw `pg`: the very statement the API's repository sends, built by the same function
 * with the same default filter, so the baseline does the same work, the caller's account, edition and role check
 * included, and reads the page's items as the API's client does (parsing the JSON the statement wrote). What the API
 * adds is HTTP, the token's verification, Nest, the judgement of that check and the response around the items.
 */
function baselineWalker(db: Client, slug: string, callerId: string, pageSize: number): Walker {
  let after: KeysetPosition | undefined;
  return async () => {
    const statement = submissionPageSql({ slug, callerId, allowed: [EventRole.ORGANISER], criteria: criteriaOf({}), limit: pageSize, after });
    const started = process.hrtime.bigint();
    const page: { rows: Pick<SubmissionPageRow, 'items' | 'more' | 'lastAt' | 'lastId'>[] } = await db.query(statement.text, statement.values);
    const items = JSON.parse(page.rows[0].items) as unknown[];
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const { more, lastAt, lastId } = page.rows[0];
    if (more && lastAt && lastId) after = { at: lastAt, id: lastId };
    return { ms, rows: items.length, last: !more || !lastAt || !lastId };
  };
}

/**
 * An organiser pages through 5,000 submissions (pages of 50 and of 200), on the real API process, next to the
 * same statement through raw `pg` in the same run. Statements per page are counted on an in-process instance
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
    const organiser = await call<{ token: string; user: { id: string } }>('POST', '/v1/auth/signup', { email: `organiser-${stamp}@bench.lectern`, password: 'bench-organiser-password', name: 'Bench organiser' });
    await call('POST', `/v1/events/${slug}/roles`, { email: `organiser-${stamp}@bench.lectern`, role: 'ORGANISER' });
    const token = organiser.token;
    env.log(`cfp: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions`);
    await seed(db, eventId, stamp);

    const { rows, ratios, goals } = await measurePagedList(env, api, {
      name: 'cfp',
      what: 'the list',
      path: `/v1/events/${slug}/submissions`,
      token,
      baseline: 'raw pg, same statement (access check included)',
      baselineWalker: (size) => baselineWalker(db, slug, organiser.user.id, size),
      goals: { p50: 2, p99: 1.5 },
      statements: '(account, edition and roles checked in the page statement)',
    });
    return { scenario: 'GET /v1/events/{slug}/submissions, 5,000 submissions page by page (organiser)', rows, ratios, goals };
  } finally {
    await api.close();
    await db.end();
  }
};
