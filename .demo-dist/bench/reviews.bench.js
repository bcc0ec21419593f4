"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.scenario = void 0;
exports.seedReviewerListing = seedReviewerListing;
const pg_1 = require("pg");
const pino_1 = __importDefault(require("pino"));
const app_factory_1 = require("../apps/api/src/app.factory");
const reviews_repository_1 = require("../apps/api/src/reviews/reviews.repository");
const config_1 = require("../libs/config/config");
const prisma_service_1 = require("../libs/database/prisma.service");
const SUBMISSIONS = 2_000;
const SPEAKERS = 600;
const PAGE_SIZES = [50, 200];
/** Full walks through the 2,000 per page size: 120 timed pages of 50 and 30 of 200. */
const WALKS = 3;
function percentile(sorted, p) {
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (ms) => Math.round(ms * 10) / 10;
function summary(latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { pages: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0) };
}
/**
 * `submissions` submitted proposals by `speakers` speakers (profiles with a few hundred companies), every one
 * assigned to the reviewer, two thirds of them reviewed by the reviewer with a score per criterion of the event's
 * review form. Straight into the tables; the event needs its CFP (formats), tracks and review settings first.
 * Shared with test/reviews-listing.test.ts.
 */
async function seedReviewerListing(db, p) {
    await db.query(`INSERT INTO users (id, email, password_hash, name, created_at, updated_at)
     SELECT gen_random_uuid(), 'review-bench-' || $1 || '-' || g || '@bench.lectern', 'not-a-hash', 'Speaker ' || $1 || ' ' || g, now(), now()
       FROM generate_series(1, $2::int) AS g`, [p.stamp, p.speakers]);
    await db.query(`INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
     SELECT id, name, 'Bio', 'Company ' || $1 || ' ' || (abs(hashtext(email)) % 300), 'Engineer', 'CN', false, now()
       FROM users WHERE email LIKE 'review-bench-' || $1 || '-%'`, [p.stamp]);
    await db.query(`INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language,
                              submitted_at, state_changed_at, updated_at)
     SELECT gen_random_uuid(), $1, 'RB' || $3 || '-' || lpad(g::text, 5, '0'), 'CFP', 'SUBMITTED', 'Proposal number ' || g,
            repeat('An abstract of reasonable length. ', 20),
            (SELECT array_agg(id ORDER BY slug) FROM session_formats WHERE event_id = $1 AND open_for_submissions)[1 + g % 5],
            (SELECT array_agg(id ORDER BY slug) FROM tracks WHERE event_id = $1)[1 + g % (SELECT count(*) FROM tracks WHERE event_id = $1)::int],
            (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED']::"AudienceLevel"[])[1 + g % 3], 'en',
            now() - make_interval(secs => g * 37), now(), now()
       FROM generate_series(1, $2::int) AS g`, [p.eventId, p.submissions, p.stamp]);
    await db.query(`WITH s AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1),
          u AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'review-bench-' || $2 || '-%')
     INSERT INTO submission_speakers (id, submission_id, user_id, role, first_time_speaker)
     SELECT gen_random_uuid(), s.id, u.id, 'OWNER'::"SpeakerRole", false FROM s JOIN u ON u.n = 1 + s.n % $3`, [p.eventId, p.stamp, p.speakers]);
    await db.query(`INSERT INTO review_assignments (id, event_id, submission_id, reviewer_id, automatic)
     SELECT gen_random_uuid(), $1, id, $2, true FROM submissions WHERE event_id = $1`, [p.eventId, p.reviewerId]);
    await db.query(`INSERT INTO reviews (id, event_id, submission_id, reviewer_id, score, confidence, committee_comment, speaker_comment, updated_at)
     SELECT gen_random_uuid(), $1, s.id, $2, 0, 1 + n % 3, 'Committee note ' || n, CASE WHEN n % 2 = 0 THEN 'Speaker note ' || n END, now()
       FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1) s
      WHERE n % 3 <> 0`, [p.eventId, p.reviewerId]);
    await db.query(`INSERT INTO review_scores (review_id, criterion_id, score)
     SELECT r.id, c.id, 1 + abs(hashtext(r.id::text || c.key)) % 5
       FROM reviews r JOIN review_criteria c ON c.event_id = r.event_id
      WHERE r.event_id = $1`, [p.eventId]);
    await db.query(`UPDATE reviews r SET score = w.score
       FROM (SELECT sc.review_id, sum(c.weight * sc.score) / sum(c.weight) AS score
               FROM review_scores sc JOIN review_criteria c ON c.id = sc.criterion_id GROUP BY sc.review_id) w
      WHERE w.review_id = r.id AND r.event_id = $1`, [p.eventId]);
    await db.query('ANALYZE submissions, submission_speakers, speaker_profiles, review_assignments, reviews, review_scores');
}
/** The reviewer's pages through raw `pg`: the very statement the API's repository sends, built by the same function. */
async function walkBaseline(db, eventId, reviewerId, pageSize) {
    const latencies = [];
    let after = null;
    let rows = 0;
    for (;;) {
        const statement = (0, reviews_repository_1.reviewerPageSql)({ eventId, reviewerId, after, limit: pageSize, reviewed: null, withSpeakers: false });
        const started = process.hrtime.bigint();
        const page = await db.query(statement.text, statement.values);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        const items = page.rows.filter((row) => row.code !== null).slice(0, pageSize);
        rows += items.length;
        if (page.rows.length <= pageSize)
            return { latencies, rows };
        after = items[items.length - 1].code;
    }
}
/** Pages through the reviewer's list over HTTP; `statements` (when given) reads the statement counter around each page. */
async function walkApi(url, token, pageSize, statements) {
    const latencies = [];
    const perPage = [];
    let cursor = null;
    let rows = 0;
    let scored = 0;
    do {
        const before = statements?.() ?? 0;
        const started = process.hrtime.bigint();
        const response = await fetch(`${url}?limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
        const page = (await response.json());
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (statements)
            perPage.push(statements() - before);
        if (!response.ok)
            throw new Error(`list failed: ${response.status} ${JSON.stringify(page)}`);
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
const scenario = async (env) => {
    const db = new pg_1.Client({ connectionString: env.databaseUrl });
    await db.connect();
    const api = await env.startApi();
    try {
        const adminToken = await env.adminToken(api.url);
        const call = async (method, path, body, token = adminToken) => {
            const response = await fetch(api.url + path, {
                method,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify(body),
            });
            if (!response.ok)
                throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
            return (await response.json());
        };
        const stamp = Date.now().toString(36);
        const slug = `bench-reviews-${stamp}`;
        await call('POST', '/v1/series', { slug: `bench-reviews-series-${stamp}`, name: 'Bench series' });
        const event = await call('POST', '/v1/events', {
            seriesSlug: `bench-reviews-series-${stamp}`, slug, name: 'Bench reviews', city: 'Shanghai', country: 'CN',
            timezone: 'Asia/Shanghai', startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON',
        });
        await call('PATCH', `/v1/events/${slug}`, { status: 'PUBLISHED' });
        await call('PUT', `/v1/events/${slug}/cfp`, { opensAt: '2030-01-01T00:00:00', closesAt: '2030-03-01T23:59:59', maxSubmissionsPerSpeaker: 3 });
        for (const track of ['ai', 'networking', 'observability', 'runtime', 'security', 'storage', 'platform', 'community']) {
            await call('POST', `/v1/events/${slug}/cfp/tracks`, { slug: track, name: track });
        }
        await call('PUT', `/v1/events/${slug}/review-settings`, { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T23:59:59' });
        const reviewer = await call('POST', '/v1/auth/signup', { email: `reviewer-${stamp}@bench.lectern`, password: 'bench-reviewer-password', name: 'Bench reviewer' });
        await call('POST', `/v1/events/${slug}/roles`, { email: `reviewer-${stamp}@bench.lectern`, role: 'REVIEWER' });
        const token = reviewer.token;
        const reviewerId = reviewer.user.id;
        env.log(`reviews: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions, all assigned to one reviewer`);
        await seedReviewerListing(db, { eventId: event.id, reviewerId, stamp, submissions: SUBMISSIONS, speakers: SPEAKERS });
        const listUrl = `${api.url}/v1/events/${slug}/review/assignments`;
        const rows = [];
        const ratios = [];
        for (const size of PAGE_SIZES) {
            env.log(`reviews: ${WALKS} walks through the reviewer's list in pages of ${size}, API then raw pg`);
            await walkApi(listUrl, token, size);
            await walkBaseline(db, event.id, reviewerId, size);
            const apiLatencies = [];
            const baseLatencies = [];
            let apiRows = 0;
            let baseRows = 0;
            for (let walk = 0; walk < WALKS; walk += 1) {
                const fromApi = await walkApi(listUrl, token, size);
                const fromPg = await walkBaseline(db, event.id, reviewerId, size);
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
        const app = await (0, app_factory_1.createApiApp)((0, config_1.loadConfig)({ ...env.childEnv, LOG_LEVEL: 'silent' }), (0, pino_1.default)({ level: 'silent' }));
        await app.listen({ port: 0, host: '127.0.0.1' });
        try {
            const prisma = app.get(prisma_service_1.PrismaService);
            const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
            for (const size of PAGE_SIZES) {
                const counted = await walkApi(`${url}/v1/events/${slug}/review/assignments`, token, size, () => prisma.statementCount);
                const distinct = [...new Set(counted.perPage)].sort((x, y) => x - y);
                rows.push({ label: `statements per page of ${size}`, 'rows/walk': counted.rows, pages: counted.perPage.length, 'p50 ms': '', 'p99 ms': '', 'max ms': '', statements: distinct.join(', ') });
                ratios.push(`pages of ${size}: ${distinct.join(' or ')} SQL statements per page (token, event + role, review settings, page) over ${counted.perPage.length} pages, ${counted.scored} of ${counted.rows} with scores`);
            }
        }
        finally {
            await app.close();
        }
        return { scenario: 'GET /v1/events/{slug}/review/assignments, 2,000 assigned submissions with scores, page by page (reviewer)', rows, ratios };
    }
    finally {
        await api.close();
        await db.end();
    }
};
exports.scenario = scenario;
//# sourceMappingURL=reviews.bench.js.map