import { Client } from 'pg';
import pino from 'pino';
import { createApiApp } from '../apps/api/src/app.factory';
import { reviewerPageSql } from '../apps/api/src/reviews/reviews.repository';
import { loadConfig } from '../libs/config/config';
import { PrismaService } from '../libs/database/prisma.service';
import { BenchRow, BenchScenario } from './bench.types';
import { apiCaller, createCfpEvent, latencySummary as summary } from './support';

const SUBMISSIONS = 2_000;
const SPEAKERS = 600;
const PAGE_SIZES = [50, 200];
/** Full walks through the 2,000 per page size: 120 timed pages of 50 and 30 of 200. */
const WALKS = 3;


/**
 * `submissions` submitted proposals by `speakers` speakers (profiles with a few hundred companies), every one
 * assigned to the reviewer, two thirds of them reviewed by the reviewer with a score per criterion of the event's
 * review form. Straight into the tables; the event needs its CFP (formats), tracks and review settings first.
 * Shared with test/reviews-listing.test.ts.
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

/** The reviewer's pages through raw `pg`: the very statement the API's repository sends, built by the same function. */
async function walkBaseline(db: Client, eventId: string, reviewerId: string, pageSize: number) {
  const latencies: number[] = [];
  let after: string | null = null;
  let rows = 0;
  for (;;) {
    const statement = reviewerPageSql({ eventId, reviewerId, after, limit: pageSize, reviewed: null, withSpeakers: false });
    const started = process.hrtime.bigint();
    const page: { rows: { code: string | null }[] } = await db.query(statement.text, statement.values as unknown[]);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    const items = page.rows.filter((row) => row.code !== null).slice(0, pageSize);
    rows += items.length;
    if (page.rows.length <= pageSize) return { latencies, rows };
    after = items[items.length - 1].code;
  }
}

/** Pages through the reviewer's list over HTTP; `statements` (when given) reads the statement counter around each page. */
async function walkApi(url: string, token: string, pageSize: number, statements?: () => number) {
  const latencies: number[] = [];
  const perPage: number[] = [];
  let cursor: string | null = null;
  let rows = 0;
  let scored = 0;
  do {
    const before = statements?.() ?? 0;
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}?limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { items: { review: unknown }[]; nextCursor: string | null };
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (statements) perPage.push(statements() - before);
    if (!response.ok) throw new Error(`list failed: ${response.status} ${JSON.stringify(page)}`);
    rows += page.items.length;
    scored += page.items.filter((item) => item.review !== null).length;
    cursor = page.nextCursor;
  } while (cursor);
  return { latencies, rows, scored, perPage };
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
    const reviewer = await call('POST', '/v1/auth/signup', { email: `reviewer-${stamp}@bench.lectern`, password: 'bench-reviewer-password', name: 'Bench reviewer' });
    await call('POST', `/v1/events/${slug}/roles`, { email: `reviewer-${stamp}@bench.lectern`, role: 'REVIEWER' });
    const token = reviewer.token as string;
    const reviewerId = reviewer.user.id as string;
    env.log(`reviews: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions, all assigned to one reviewer`);
    await seedReviewerListing(db, { eventId: eventId, reviewerId, stamp, submissions: SUBMISSIONS, speakers: SPEAKERS });

    const listUrl = `${api.url}/v1/events/${slug}/review/assignments`;
    const rows: BenchRow[] = [];
    const ratios: string[] = [];
    for (const size of PAGE_SIZES) {
      env.log(`reviews: ${WALKS} walks through the reviewer's list in pages of ${size}, API then raw pg`);
      await walkApi(listUrl, token, size);
      await walkBaseline(db, eventId, reviewerId, size);
      const apiLatencies: number[] = [];
      const baseLatencies: number[] = [];
      let apiRows = 0;
      let baseRows = 0;
      for (let walk = 0; walk < WALKS; walk += 1) {
        const fromApi = await walkApi(listUrl, token, size);
        const fromPg = await walkBaseline(db, eventId, reviewerId, size);
        apiLatencies.push(...fromApi.latencies);
        baseLatencies.push(...fromPg.latencies);
        apiRows = fromApi.rows;
        baseRows = fromPg.rows;
      }
      const a = summary(apiLatencies);
      const b = summary(baseLatencies);
      rows.push({ label: `API, pages of ${size}`, 'rows/walk': apiRows, pages: a.pages, 'p50 ms': a.p50, 'p99 ms': a.p99, 'max ms': a.max });
      rows.push({ label: `raw pg, same statement, pages of ${size}`, 'rows/walk': baseRows, pages: b.pages, 'p50 ms': b.p50, 'p99 ms': b.p99, 'max ms': b.max });
      ratios.push(`pages of ${size}: API / raw pg p50 = ${(a.p50 / b.p50).toFixed(2)}, p99 = ${(a.p99 / b.p99).toFixed(2)} (${a.p99} ms vs ${b.p99} ms)`);
    }
    await api.close();

    env.log('reviews: counting statements per page on an in-process instance');
    const app = await createApiApp(loadConfig({ ...env.childEnv, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const prisma = app.get(PrismaService);
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      for (const size of PAGE_SIZES) {
        const counted = await walkApi(`${url}/v1/events/${slug}/review/assignments`, token, size, () => prisma.statementCount);
        const distinct = [...new Set(counted.perPage)].sort((x, y) => x - y);
        rows.push({ label: `statements per page of ${size}`, 'rows/walk': counted.rows, pages: counted.perPage.length, 'p50 ms': '', 'p99 ms': '', 'max ms': '', statements: distinct.join(', ') });
        ratios.push(`pages of ${size}: ${distinct.join(' or ')} SQL statements per page (token, event + role, review settings, page) over ${counted.perPage.length} pages, ${counted.scored} of ${counted.rows} with scores`);
      }
    } finally {
      await app.close();
    }
    return { scenario: 'GET /v1/events/{slug}/review/assignments, 2,000 assigned submissions with scores, page by page (reviewer)', rows, ratios };
  } finally {
    await api.close();
    await db.end();
  }
};
