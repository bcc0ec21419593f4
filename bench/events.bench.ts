import { BenchScenario, goal } from './bench.types';
import { load, startProcess } from './support';

const CONNECTIONS = 32;
const SECONDS = 10;

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

    env.log(`events: loading the API for ${SECONDS}s at ${CONNECTIONS} connections`);
    const apiResult = await load({ url: `${api.url}/v1/events/${slug}`, connections: CONNECTIONS, duration: SECONDS, warmupSeconds: 2 });
    await api.close();

    const baseline = await startProcess('bench/baseline-server.js', env.childEnv, '/health');
    env.log(`events: loading the baseline for ${SECONDS}s at ${CONNECTIONS} connections`);
    const baseResult = await load({ url: `${baseline.url}/events/${slug}`, connections: CONNECTIONS, duration: SECONDS, warmupSeconds: 2 });
    await baseline.close();

    const ratio = apiResult.requestsPerSecond / baseResult.requestsPerSecond;
    return {
      scenario: 'GET /v1/events/{slug}',
      rows: [
        { label: 'Lectern API (Nest + Fastify + Prisma 7)', 'req/s': apiResult.requestsPerSecond, 'p50 ms': apiResult.p50, 'p99 ms': apiResult.p99, 'non-2xx': apiResult.non2xx },
        { label: 'baseline (bare Fastify + raw pg)', 'req/s': baseResult.requestsPerSecond, 'p50 ms': baseResult.p50, 'p99 ms': baseResult.p99, 'non-2xx': baseResult.non2xx },
      ],
      goals: [goal('GET /v1/events/{slug}: API / bare Fastify + raw pg req/s', ratio, '>=', 0.7)],
      ratios: [`API / baseline throughput = ${ratio.toFixed(2)}; p99 ${apiResult.p99} ms vs ${baseResult.p99} ms (${CONNECTIONS} connections, ${SECONDS} s)`],
    };
  } finally {
    await api.close();
  }
};
