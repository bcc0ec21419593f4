"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.scenario = void 0;
const pg_1 = require("pg");
const pino_1 = __importDefault(require("pino"));
const app_factory_1 = require("../apps/api/src/app.factory");
const config_1 = require("../libs/config/config");
const prisma_service_1 = require("../libs/database/prisma.service");
const SUBMISSIONS = 5_000;
const SPEAKERS = 1_000;
const PAGE_SIZES = [50, 200];
/** Full walks through the 5,000 per page size: 300 timed pages of 50 and 75 of 200. */
const WALKS = 3;
function percentile(sorted, p) {
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (ms) => Math.round(ms * 10) / 10;
function summary(latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { pages: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? 0) };
}
/** Speakers with profiles and 5,000 submitted proposals (a third with a co-speaker), straight into the tables. */
async function seed(db, eventId, stamp) {
    await db.query(`INSERT INTO users (id, email, password_hash, name, created_at, updated_at)
     SELECT gen_random_uuid(), 'cfp-bench-' || $1 || '-' || g || '@bench.lectern', 'not-a-hash', 'Speaker ' || g, now(), now()
       FROM generate_series(1, $2::int) AS g`, [stamp, SPEAKERS]);
    await db.query(`INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
     SELECT id, name, 'Bio', 'Company ' || (random() * 300)::int, 'Engineer', (ARRAY['CN','US','DE','IN','JP'])[1 + (random() * 4)::int],
            random() < 0.4, now()
       FROM users WHERE email LIKE 'cfp-bench-' || $1 || '-%'`, [stamp]);
    await db.query(`INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language,
                              submitted_at, state_changed_at, updated_at)
     SELECT gen_random_uuid(), $1, 'BENCH-' || lpad(g::text, 5, '0'), 'CFP', 'SUBMITTED', 'Proposal number ' || g,
            repeat('An abstract of reasonable length. ', 25),
            (SELECT array_agg(id ORDER BY slug) FROM session_formats WHERE event_id = $1 AND open_for_submissions)[1 + g % 5],
            (SELECT array_agg(id ORDER BY slug) FROM tracks WHERE event_id = $1)[1 + g % 8],
            (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED']::"AudienceLevel"[])[1 + g % 3],
            CASE WHEN g % 5 = 0 THEN 'zh-CN' ELSE 'en' END,
            now() - make_interval(secs => g * 37), now(), now()
       FROM generate_series(1, $2::int) AS g`, [eventId, SUBMISSIONS]);
    await db.query(`WITH s AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1),
          u AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'cfp-bench-' || $2 || '-%')
     INSERT INTO submission_speakers (id, submission_id, user_id, role, first_time_speaker)
     SELECT gen_random_uuid(), s.id, u.id, 'OWNER'::"SpeakerRole", false FROM s JOIN u ON u.n = 1 + s.n % $3
     UNION ALL
     SELECT gen_random_uuid(), s.id, u.id, 'CO_SPEAKER'::"SpeakerRole", true FROM s JOIN u ON u.n = 1 + (s.n + 500) % $3 WHERE s.n % 3 = 0`, [eventId, stamp, SPEAKERS]);
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
async function walkBaseline(db, eventId, pageSize) {
    const latencies = [];
    let after = null;
    let rows = 0;
    for (;;) {
        const started = process.hrtime.bigint();
        const page = await db.query(BASELINE_PAGE, [eventId, after?.at ?? null, after?.id ?? null, pageSize + 1]);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        const items = page.rows.slice(0, pageSize);
        rows += items.length;
        if (page.rows.length <= pageSize)
            return { latencies, rows };
        const last = items[items.length - 1];
        after = { at: last.submitted_at, id: last.id };
    }
}
/** Pages through the list over HTTP; `statements` (when given) reads the API's statement counter around each page. */
async function walkApi(url, token, pageSize, statements) {
    const latencies = [];
    const perPage = [];
    let cursor = null;
    let rows = 0;
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
        cursor = page.nextCursor;
    } while (cursor);
    return { latencies, rows, perPage };
}
/**
 * An organiser pages through 5,000 submissions (pages of 50 and of 200), on the real API process, next to the
 * same keyset query through raw `pg` in the same run. Statements per page are counted on an in-process instance
 * of the same application (PrismaService.statementCount), since the API process's counter is not reachable.
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
        const slug = `bench-cfp-${stamp}`;
        await call('POST', '/v1/series', { slug: `bench-cfp-series-${stamp}`, name: 'Bench series' });
        const event = await call('POST', '/v1/events', {
            seriesSlug: `bench-cfp-series-${stamp}`, slug, name: 'Bench CFP', city: 'Shanghai', country: 'CN',
            timezone: 'Asia/Shanghai', startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON',
        });
        await call('PATCH', `/v1/events/${slug}`, { status: 'PUBLISHED' });
        const organiser = await call('POST', '/v1/auth/signup', { email: `organiser-${stamp}@bench.lectern`, password: 'bench-organiser-password', name: 'Bench organiser' });
        await call('POST', `/v1/events/${slug}/roles`, { email: `organiser-${stamp}@bench.lectern`, role: 'ORGANISER' });
        const token = organiser.token;
        await call('PUT', `/v1/events/${slug}/cfp`, { opensAt: '2030-01-01T00:00:00', closesAt: '2030-03-01T23:59:59', maxSubmissionsPerSpeaker: 3 }, token);
        for (const track of ['ai', 'networking', 'observability', 'runtime', 'security', 'storage', 'platform', 'community']) {
            await call('POST', `/v1/events/${slug}/cfp/tracks`, { slug: track, name: track }, token);
        }
        env.log(`cfp: inserting ${SPEAKERS} speakers and ${SUBMISSIONS} submissions`);
        await seed(db, event.id, stamp);
        const listUrl = `${api.url}/v1/events/${slug}/submissions`;
        const rows = [];
        const ratios = [];
        for (const size of PAGE_SIZES) {
            env.log(`cfp: ${WALKS} walks through the list in pages of ${size}, API then raw pg`);
            await walkApi(listUrl, token, size);
            await walkBaseline(db, event.id, size);
            const apiLatencies = [];
            const baseLatencies = [];
            let apiRows = 0;
            let baseRows = 0;
            for (let walk = 0; walk < WALKS; walk += 1) {
                const fromApi = await walkApi(listUrl, token, size);
                const fromPg = await walkBaseline(db, event.id, size);
                apiLatencies.push(...fromApi.latencies);
                baseLatencies.push(...fromPg.latencies);
                apiRows = fromApi.rows;
                baseRows = fromPg.rows;
            }
            const a = summary(apiLatencies);
            const b = summary(baseLatencies);
            rows.push({ label: `API, pages of ${size}`, 'rows/walk': apiRows, pages: a.pages, 'p50 ms': a.p50, 'p99 ms': a.p99, 'max ms': a.max });
            rows.push({ label: `raw pg keyset query, pages of ${size}`, 'rows/walk': baseRows, pages: b.pages, 'p50 ms': b.p50, 'p99 ms': b.p99, 'max ms': b.max });
            ratios.push(`pages of ${size}: API / raw pg p50 = ${(a.p50 / b.p50).toFixed(2)}, p99 = ${(a.p99 / b.p99).toFixed(2)} (${a.p99} ms vs ${b.p99} ms)`);
        }
        await api.close();
        env.log('cfp: counting statements per page on an in-process instance');
        const app = await (0, app_factory_1.createApiApp)((0, config_1.loadConfig)({ ...env.childEnv, LOG_LEVEL: 'silent' }), (0, pino_1.default)({ level: 'silent' }));
        await app.listen({ port: 0, host: '127.0.0.1' });
        try {
            const prisma = app.get(prisma_service_1.PrismaService);
            const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
            for (const size of PAGE_SIZES) {
                const counted = await walkApi(`${url}/v1/events/${slug}/submissions`, token, size, () => prisma.statementCount);
                const distinct = [...new Set(counted.perPage)].sort((x, y) => x - y);
                rows.push({ label: `statements per page of ${size}`, 'rows/walk': counted.rows, pages: counted.perPage.length, 'p50 ms': '', 'p99 ms': '', 'max ms': '', statements: distinct.join(', ') });
                ratios.push(`pages of ${size}: ${distinct.join(' or ')} SQL statements per page (token, event + role, page) over ${counted.perPage.length} pages`);
            }
        }
        finally {
            await app.close();
        }
        return { scenario: 'GET /v1/events/{slug}/submissions, 5,000 submissions page by page (organiser)', rows, ratios };
    }
    finally {
        await api.close();
        await db.end();
    }
};
exports.scenario = scenario;
//# sourceMappingURL=cfp.bench.js.map