import { BenchScenario, goal } from './bench.types';
import { LoadResult, combineRounds, load, startProcess } from './support';

const CONNECTIONS = 32;
/**
 * The API and the baseline take turns, ROUNDS times SECONDS each (which goes first alternating), after one warm-up
 * each: on this shared machine, one whole run of the API followed by one of the baseline put the ratio of one build
 * anywhere between 0.60 and 0.99 as load from elsewhere came and went; taking turns makes it fall on both alike.
 */
const ROUNDS = 5;
const SECONDS = 4;
const WARMUP_SECONDS = 2;

/** GET /v1/events/{slug} through the whole API next to the bare Fastify + raw pg baseline, same run, same DB. */
export const scenario: BenchScenario = async (env) => {
  const api = await env.startApi();
  try {
    const token = await env.adminToken(api.url);
    const seriesSlug = `bench-series-${Date.now()}`;
    const slug = `bench-event-${Date.now()}`;
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(api.url + path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    await post('/v1/series', { slug: seriesSlug, name: { en: 'Bench series' } });
    await post('/v1/events', {
      seriesSlug, slug, name: { en: 'Bench event' }, city: { en: 'Shanghai' }, country: 'CN', timezone: 'Asia/Shanghai',
      startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON', capacity: 3500,
    });
    await post(`/v1/events/${slug}`, { status: 'PUBLISHED' }, 'PATCH');

    const baseline = await startProcess('bench/baseline-server.js', env.childEnv, '/health');
    const targets = { api: `${api.url}/v1/events/${slug}`, baseline: `${baseline.url}/events/${slug}` };
    const rounds: Record<keyof typeof targets, LoadResult[]> = { api: [], baseline: [] };
    env.log(`events: ${ROUNDS} alternating rounds of ${SECONDS}s each at ${CONNECTIONS} connections`);
    try {
      for (const url of Object.values(targets)) await load({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
      for (let round = 0; round < ROUNDS; round += 1) {
        const order: (keyof typeof targets)[] = round % 2 === 0 ? ['api', 'baseline'] : ['baseline', 'api'];
        for (const target of order) rounds[target].push(await load({ url: targets[target], connections: CONNECTIONS, duration: SECONDS }));
      }
    } finally {
      await baseline.close();
    }
    const apiResult = combineRounds(rounds.api);
    const baseResult = combineRounds(rounds.baseline);
    const byRound = rounds.api.map((r, i) => (r.requestsPerSecond / rounds.baseline[i].requestsPerSecond).toFixed(2));

    const ratio = apiResult.requestsPerSecond / baseResult.requestsPerSecond;
    return {
      scenario: 'GET /v1/events/{slug}',
      rows: [
        { label: 'Lectern API (Nest + Fastify + Prisma 7)', 'req/s': apiResult.requestsPerSecond, 'p50 ms': apiResult.p50, 'p99 ms': apiResult.p99, 'non-2xx': apiResult.non2xx },
        { label: 'baseline (bare Fastify + raw pg)', 'req/s': baseResult.requestsPerSecond, 'p50 ms': baseResult.p50, 'p99 ms': baseResult.p99, 'non-2xx': baseResult.non2xx },
      ],
      goals: [goal('GET /v1/events/{slug}: API / bare Fastify + raw pg req/s', ratio, '>=', 0.7)],
      ratios: [
        `API / baseline throughput = ${ratio.toFixed(2)}; p99 ${apiResult.p99} ms vs ${baseResult.p99} ms (${CONNECTIONS} connections, ` +
          `${ROUNDS} alternating rounds of ${SECONDS} s each; req/s the rounds' mean, p50 and p99 the rounds' median; ` +
          `by round: ${byRound.join(', ')})`,
      ],
    };
  } finally {
    await api.close();
  }
};
