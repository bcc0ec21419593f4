import { Client } from 'pg';
import { EventRole } from '@lectern/database/generated/enums';
import { reviewerPageSql } from '@lectern/domains/reviews/reviews.repository';
import { BenchScenario } from './bench.types';
import { Walker, measurePagedList } from './paged-list';
import { apiCaller, createCfpEvent } from './support';

const SUBMISSIONS = 2_000;
const SPEAKERS = 600;

/**
 * `submissions` submitted proposals by `speakers` speakers (profiles with a few hundred companies), every one
 * assigned to the reviewer, two thirds of them reviewed by the reviewer with a score per criterion of the event's
 * review form. Straight into the tables; the event needs its CFP (formats), tracks and review settings first.
 * Shared with test/integration/reviews-listing.test.ts.
 */
export async function seedReviewerListing(
  db: Client,
  p: { eventId: string; reviewerId: string; stamp: string; submissions: number; speakers: number },
) {
  await db.query(
    `INSERT INTO users (id, email, password_hash, name, created_at, updated_at)
     SELECT gen_random_uuid(), 'review-bench-' || $1 || '-' || g || '@bench.lectern', 'not-a-hash', 'Speaker ' || $1 || ' ' || g, now(), now()
       FROM generate_series(1, $2::int) AS g`,
    [p.stamp, p.speakers],
  );
  await db.query(
    `INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
     SELECT id, name, 'Bio', 'Company ' || $1 || ' ' || (abs(hashtext(email)) % 300), 'Engineer', 'CN', false, now()
       FROM users WHERE email LIKE 'review-bench-' || $1 || '-%'`,
    [p.stamp],
  );
  await db.query(
    `INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language,
                              submitted_at, state_changed_at, updated_at)
     SELECT gen_random_uuid(), $1, 'RB' || $3 || '-' || lpad(g::text, 5, '0'), 'CFP', 'SUBMITTED', 'Proposal number ' || g,
            repeat('An abstract of reasonable length. ', 20),
            (SELECT array_agg(id ORDER BY slug) FROM session_formats WHERE event_id = $1 AND open_for_submissions)[1 + g % 5],
            (SELECT array_agg(id ORDER BY slug) FROM tracks WHERE event_id = $1)[1 + g % (SELECT count(*) FROM tracks WHERE event_id = $1)::int],
            (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED']::"AudienceLevel"[])[1 + g % 3], 'en',
            now() - make_interval(secs => g * 37), now(), now()
       FROM generate_series(1, $2::int) AS g`,
    [p.eventId, p.submissions, p.stamp],
  );
  await db.query(
    `WITH s AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1),
          u AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'review-bench-' || $2 || '-%')
     INSERT INTO submission_speakers (id, submission_id, user_id, role, first_time_speaker)
     SELECT gen_random_uuid(), s.id, u.id, 'OWNER'::"SpeakerRole", false FROM s JOIN u ON u.n = 1 + s.n % $3`,
    [p.eventId, p.stamp, p.speakers],
  );
  await db.query(
    `INSERT INTO review_assignments (id, event_id, submission_id, reviewer_id, automatic)
     SELECT gen_random_uuid(), $1, id, $2, true FROM submissions WHERE event_id = $1`,
    [p.eventId, p.reviewerId],
  );
  await db.query(
    `INSERT INTO reviews (id, event_id, submission_id, reviewer_id, score, confidence, committee_comment, speaker_comment, updated_at)
     SELECT gen_random_uuid(), $1, s.id, $2, 0, 1 + n % 3, 'Committee note ' || n, CASE WHEN n % 2 = 0 THEN 'Speaker note ' || n END, now()
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1) s
      WHERE n % 3 <> 0`,
    [p.eventId, p.reviewerId],
  );
  await db.query(
    `INSERT INTO review_scores (review_id, criterion_id, score)
     SELECT r.id, c.id, 1 + abs(hashtext(r.id::text || c.key)) % 5
       FROM reviews r JOIN review_criteria c ON c.event_id = r.event_id
      WHERE r.event_id = $1`,
    [p.eventId],
  );
  await db.query(
    `UPDATE reviews r SET score = w.score
       FROM (SELECT sc.review_id, sum(c.weight * sc.score) / sum(c.weight) AS score
               FROM review_scores sc JOIN review_criteria c ON c.id = sc.criterion_id GROUP BY sc.review_id) w
      WHERE w.review_id = r.id AND r.event_id = $1`,
    [p.eventId],
  );
  await db.query('ANALYZE submissions, submission_speakers, speaker_profiles, review_assignments, reviews, review_scores');
}

/**
 * The reviewer's pages through raw `pg`: the very statement the API's repository sends, built by the same function,
 * so the baseline does the same work, the caller's account, edition and role check included.
 */
function baselineWalker(db: Client, slug: string, reviewerId: string, pageSize: number): Walker {
  let after: string | null = null;
  return async () => {
    const statement = reviewerPageSql({ slug, reviewerId, allowed: [EventRole.REVIEWER], after, limit: pageSize, reviewed: null });
    const started = process.hrtime.bigint();
    const page: { rows: { code: string | null }[] } = await db.query(statement.text, statement.values);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const items = page.rows.filter((row) => row.code !== null).slice(0, pageSize);
    const last = page.rows.length <= pageSize;
    if (!last) after = items[items.length - 1].code;
    return { ms, rows: items.length, last };
  };
}

/**
 * A reviewer pages through 2,000 assigned submissions with their own scores (pages of 50 and of 200), on the
 * real API process, next to the same keyset statement through raw `pg` in the same run. Statements per page are
 * counted on an in-process instance of the same application (PrismaService.statementCount).
 */
export const scenario: BenchScenario = async (env) => {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  const api = await env.startApi();
  try {
    const adminToken = await env.adminToken(api.url);
    const call = apiCaller(api.url, adminToken);
    const stamp = Date.now().toString(36);
    const { slug, eventId } = await createCfpEvent(call, 'reviews', stamp);
    await call('PUT', `/v1/events/${slug}/review-settings`, { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T23:59:59' });
    const reviewer = await call<{ token: string; user: { id: string } }>('POST', '/v1/auth/signup', { email: `reviewer-${stamp}@bench.lectern`, password: 'bench-reviewer-password', name: 'Bench reviewer' });
    await call('POST', `/v1/events/${slug}/roles`, { email: `reviewer-${stamp}@bench.lectern`, role: 'REVIEWER' });
    const token = reviewer.token;
    const reviewerId = reviewer.user.id;
    env.log(`reviews: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions, all assigned to one reviewer`);
    await seedReviewerListing(db, { eventId: eventId, reviewerId, stamp, submissions: SUBMISSIONS, speakers: SPEAKERS });

    const { rows, ratios, goals } = await measurePagedList(env, api, {
      name: 'reviews',
      what: "the reviewer's list",
      path: `/v1/events/${slug}/review/assignments`,
      token,
      baseline: 'raw pg, same statement (access check included)',
      baselineWalker: (size) => baselineWalker(db, slug, reviewerId, size),
      goals: { p50: 1.5 },
      statements: '(account, edition and roles checked in the page statement, with the review settings)',
      counted: { label: 'with scores', test: (item) => item.review !== null },
    });
    return { scenario: 'GET /v1/events/{slug}/review/assignments, 2,000 assigned submissions with scores, page by page (reviewer)', rows, ratios, goals };
  } finally {
    await api.close();
    await db.end();
  }
};
