import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { propose } from '@lectern/domains/programme/proposal.policy';
import { overlaps, within } from '@lectern/domains/programme/schedule-problems.policy';
import { BenchRow, BenchScenario, goal } from './bench.types';
import { STATIC_BODY_FILE, conferenceFixture } from './programme-fixture';
import { BENCH_TRACKS, apiCaller, createCfpEvent, load, startProcess } from './support';

const CONNECTIONS = 32;
const SECONDS = 10;
const SESSIONS = 250;
const ROOMS = 12;

interface Draft {
  placements: { room: string; startsAt: string; endsAt: string; speakerIds: string[]; problems: { code: string }[] }[];
}

/** Hard conflicts of a draft as the API returns it: two sessions in one room, or one speaker in two places, at once. */
function hardConflicts(draft: Draft): number {
  const slots = draft.placements.map((p) => ({ ...p, start: Date.parse(p.startsAt), end: Date.parse(p.endsAt) }));
  let found = 0;
  for (let i = 0; i < slots.length; i += 1) {
    for (let j = i + 1; j < slots.length; j += 1) {
      if (!overlaps(slots[i], slots[j])) continue;
      if (slots[i].room === slots[j].room) found += 1;
      if (slots[i].speakerIds.some((id) => slots[j].speakerIds.includes(id))) found += 1;
    }
  }
  return found;
}

/**
 * The programme: the automatic first draft for 250 sessions, 12 rooms and 3 days (in process on the fixture the
 * unit tests use, and through HTTP on sessions seeded in the database), then the public schedule.json of the
 * released version at 32 connections next to a bare Fastify route serving the same bytes from memory.
 */
export const scenario: BenchScenario = async (env) => {
  const fixture = conferenceFixture(SESSIONS, ROOMS, 3);
  const times: number[] = [];
  let last = propose(fixture);
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    last = propose(fixture);
    times.push(performance.now() - started);
  }
  const inProcessMs = Math.min(...times);
  const placed = last.placements;
  let fixtureHard = 0;
  for (let i = 0; i < placed.length; i += 1) {
    if (!fixture.days.some((day) => within(placed[i], day))) fixtureHard += 1;
    for (let j = i + 1; j < placed.length; j += 1) if (placed[i].roomId === placed[j].roomId && overlaps(placed[i], placed[j])) fixtureHard += 1;
  }

  const api = await env.startApi();
  const pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
  try {
    const call = apiCaller(api.url, await env.adminToken(api.url));
    const stamp = Date.now().toString(36);
    const { slug, eventId } = await createCfpEvent(call, 'programme', stamp);
    for (let r = 0; r < ROOMS; r += 1) {
      await call('POST', `/v1/events/${slug}/rooms`, { slug: `room-${r}`, name: { en: `Room ${r}` }, capacity: Math.max(60, 1000 - r * 85), position: r });
    }
    // 250 confirmed sessions by 225 speakers (some give two), seeded in one statement each: the CFP and review
    // that would lead here are measured by their own scenarios
    env.log(`programme: seeding ${SESSIONS} confirmed sessions`);
    await pool.query(
      `INSERT INTO users (id, email, password_hash, name, updated_at)
       SELECT gen_random_uuid(), 'programme-speaker-' || i || '-' || $1 || '@bench.lectern', 'x', 'Speaker ' || i, now()
         FROM generate_series(1, 225) i`,
      [stamp],
    );
    await pool.query(
      `INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
       SELECT id, name, 'Bio', 'Example Cloud', 'Engineer', 'CN', false, now() FROM users WHERE email LIKE 'programme-speaker-%-' || $1 || '@bench.lectern'`,
      [stamp],
    );
    await pool.query(
      `WITH formats AS (SELECT array_agg(id ORDER BY slug) AS ids FROM session_formats WHERE event_id = $1 AND slug IN ('breakout', 'keynote', 'lightning-talk', 'maintainer-track', 'workshop')),
            tracks AS (SELECT array_agg(id ORDER BY slug) AS ids FROM tracks WHERE event_id = $1)
       INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language, submitted_at, updated_at)
       SELECT gen_random_uuid(), $1, 'BENCH-' || lpad(i::text, 4, '0'), 'CFP', 'CONFIRMED', 'Session ' || i, 'Abstract ' || i,
              formats.ids[CASE WHEN i % 10 < 6 THEN 1 WHEN i % 10 < 8 THEN 4 WHEN i % 10 = 8 THEN 3 ELSE 2 END],
              tracks.ids[1 + i % ${BENCH_TRACKS.length}], 'INTERMEDIATE', 'en', now(), now()
         FROM generate_series(1, ${SESSIONS}) i, formats, tracks`,
      [eventId],
    );
    await pool.query(
      `INSERT INTO submission_speakers (id, submission_id, user_id, role)
       SELECT gen_random_uuid(), s.id, u.id, 'OWNER'
         FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM submissions WHERE event_id = $1) s
         JOIN (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'programme-speaker-%-' || $2 || '@bench.lectern') u
           ON u.n = 1 + (s.n - 1) % 225`,
      [eventId, stamp],
    );

    const started = performance.now();
    const proposal = await call<{ placed: number; unplaced: unknown[]; proposalMs: number; problems: { total: number; counts: Record<string, number> } }>(
      'POST', `/v1/events/${slug}/schedule/proposal`, {},
    );
    const httpMs = performance.now() - started;
    const draft = await call<Draft>('GET', `/v1/events/${slug}/schedule/draft`, undefined);
    const hard = hardConflicts(draft);
    await call('POST', `/v1/events/${slug}/schedule/releases`, {});

    const feedUrl = `${api.url}/v1/events/${slug}/programme/schedule.json`;
    const bytes = Buffer.from(await (await fetch(feedUrl)).arrayBuffer());
    writeFileSync(STATIC_BODY_FILE(), bytes);
    env.log(`programme: loading schedule.json (${bytes.length} bytes) for ${SECONDS}s at ${CONNECTIONS} connections`);
    const apiResult = await load({ url: feedUrl, connections: CONNECTIONS, duration: SECONDS, warmupSeconds: 2 });
    await api.close();

    const baseline = await startProcess('bench/static-baseline-server.js', env.childEnv, '/health');
    env.log(`programme: loading the static baseline for ${SECONDS}s at ${CONNECTIONS} connections`);
    const baseResult = await load({ url: `${baseline.url}/schedule.json`, connections: CONNECTIONS, duration: SECONDS, warmupSeconds: 2 });
    await baseline.close();

    const soft = Object.entries(proposal.problems.counts).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    const ratio = apiResult.requestsPerSecond / baseResult.requestsPerSecond;
    const rows: BenchRow[] = [
        { label: `proposal in process (fixture, best of 5)`, 'ms': Math.round(inProcessMs), placed: last.placements.length, 'hard conflicts': fixtureHard, 'soft (track overlaps / outside availability)': `${last.soft.trackOverlap} / ${last.soft.outsideAvailability}` },
        { label: 'POST …/schedule/proposal (HTTP, seeded sessions)', 'ms': Math.round(httpMs), placed: proposal.placed, 'hard conflicts': hard, 'soft (track overlaps / outside availability)': soft },
        { label: 'GET …/programme/schedule.json (API)', 'req/s': apiResult.requestsPerSecond, 'p50 ms': apiResult.p50, 'p99 ms': apiResult.p99, 'non-2xx': apiResult.non2xx },
        { label: 'same bytes, bare Fastify from memory', 'req/s': baseResult.requestsPerSecond, 'p50 ms': baseResult.p50, 'p99 ms': baseResult.p99, 'non-2xx': baseResult.non2xx },
    ];
    return {
      scenario: `programme: proposal for ${SESSIONS} sessions / ${ROOMS} rooms / 3 days; public schedule.json`,
      rows,
      ratios: [
        `proposal: ${Math.round(inProcessMs)} ms in process, ${Math.round(httpMs)} ms through HTTP (search ${proposal.proposalMs} ms); hard conflicts ${hard}; unplaced ${proposal.unplaced.length}; soft problems ${proposal.problems.total} (${soft})`,
        `schedule.json (${bytes.length} bytes): API / static baseline throughput = ${ratio.toFixed(2)}; p99 ${apiResult.p99} ms vs ${baseResult.p99} ms (${CONNECTIONS} connections, ${SECONDS} s)`,
      ],
      goals: [
        goal('schedule.json req/s: API / same bytes from bare Fastify', ratio, '>=', 0.8),
        goal('proposal hard conflicts', hard, '<=', 0),
      ],
    };
  } finally {
    await pool.end();
    await api.close();
  }
};
