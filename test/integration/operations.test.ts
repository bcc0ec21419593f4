import SwaggerParser from '@apidevtools/swagger-parser';
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReadinessDto } from '@api/health/health.dto';
import { Wire } from '@test/support/api-types';
import { OpenApiDocument } from '@test/support/contract';
import { TestApi, startApi } from '@test/support/harness';
import { TcpProxy } from '@test/support/tcp-proxy';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe();
  }
  return last;
}

describe('operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('answers liveness and readiness', async () => {
    expect((await api.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await api.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics with a request latency histogram by route', async () => {
    await api.http.get('/v1/events');
    const metrics = await api.http.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/lectern_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/v1\/events",status_code="200"\} \d+/);
    expect(metrics.text).toContain('lectern_process_cpu_user_seconds_total');
  });

  it('publishes a valid OpenAPI 3 document listing every route with its auth', async () => {
    const served = await api.http.get<OpenApiDocument>('/docs-json');
    expect(served.status).toBe(200);
    const document = served.body;
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(JSON.parse(served.text) as Parameters<typeof SwaggerParser.validate>[0])).resolves.toBeTruthy();

    const documented = new Set<string>();
    for (const [path, operations] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    // everything documented is really served...
    const fastify = api.app.getHttpAdapter().getInstance();
    for (const entry of documented) {
      const [method, path] = entry.split(' ');
      expect(fastify.hasRoute({ method: method, url: path.replace(/\{([^}]+)\}/g, ':$1') }), entry).toBe(true);
    }
    // ...and every route of every controller is documented
    expect([...documented].sort()).toEqual(controllerRoutes(api).sort());
    for (const expected of [
      'POST /v1/auth/signup', 'POST /v1/auth/login', 'GET /v1/me', 'POST /v1/series', 'GET /v1/series',
      'POST /v1/events', 'GET /v1/events', 'GET /v1/events/{slug}', 'PATCH /v1/events/{slug}',
      'GET /v1/events/{slug}/roles', 'POST /v1/events/{slug}/roles', 'DELETE /v1/events/{slug}/roles/{grantId}',
      'GET /v1/events/{slug}/audit', 'GET /health/live', 'GET /health/ready', 'GET /metrics',
    ]) {
      expect(documented, expected).toContain(expected);
    }
    const me = document.paths['/v1/me'].get;
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/v1/events/{slug}'].patch.description).toContain('ORGANISER');
    expect(document.paths['/v1/events'].post.responses['400'].content!['application/problem+json']).toBeDefined();
    expect(document.components.schemas.ProblemDto).toBeDefined();
    // the reviewer's body, not the scholarship committee's: their DTO classes once shared a name, and Swagger kept one
    const review = document.paths['/v1/events/{slug}/review/submissions/{id}/review'].post.requestBody!.content['application/json'];
    expect(review.schema).toEqual({ $ref: '#/components/schemas/ReviewInputDto' });
    expect(Object.keys(document.components.schemas.ReviewInputDto.properties as object)).toEqual(
      expect.arrayContaining(['scores', 'confidence']),
    );
    expect(document.components.schemas.CommitteeReviewInputDto.properties).toHaveProperty('score');
  });

  it('serves the Swagger UI at /docs', async () => {
    const ui = await api.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});

/** Method and path of every handler of every controller, read from Nest's own routing metadata. */
function controllerRoutes(api: TestApi): string[] {
  const routes: string[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const version = Reflect.getMetadata(VERSION_METADATA, controller) as string | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (name === 'constructor' || path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const full = ['', version ? `v${version}` : '', base, path]
          .flatMap((part) => part.split('/'))
          .filter(Boolean)
          .map((segment) => segment.replace(/^:(.+)$/, '{$1}'))
          .join('/');
        routes.push(`${method} /${full}`);
      }
    }
  }
  return routes;
}

describe('readiness when a dependency goes away', () => {
  it('reports Postgres unreachable with a 503 and recovers', async () => {
    const database = new URL(inject('databaseUrl'));
    const proxy = new TcpProxy(database.hostname, Number(database.port || 5432));
    const port = await proxy.start();
    database.port = String(port);
    const api = await startApi({ DATABASE_URL: database.toString() });
    try {
      expect((await api.http.get('/health/ready')).status).toBe(200);
      await proxy.cut();
      const down = await eventually(() => api.http.get('/health/ready'), (r) => r.status === 503);
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { postgres: 'down', redis: 'up' } });
      await proxy.restore();
      const up = await eventually(() => api.http.get<Wire<ReadinessDto>>('/health/ready'), (r) => r.status === 200);
      expect(up.body.checks).toEqual({ postgres: 'up', redis: 'up' });
    } finally {
      await api.close();
      await proxy.stop();
    }
  });

  it('reports Redis unreachable with a 503 and recovers', async () => {
    const redis = new URL(inject('redisUrl'));
    const proxy = new TcpProxy(redis.hostname, Number(redis.port || 6379));
    const port = await proxy.start();
    redis.port = String(port);
    const api = await startApi({ REDIS_URL: redis.toString() });
    try {
      expect((await eventually(() => api.http.get('/health/ready'), (r) => r.status === 200)).status).toBe(200);
      await proxy.cut();
      const down = await eventually(() => api.http.get('/health/ready'), (r) => r.status === 503);
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { postgres: 'up', redis: 'down' } });
      await proxy.restore();
      const up = await eventually(() => api.http.get<Wire<ReadinessDto>>('/health/ready'), (r) => r.status === 200);
      expect(up.body.checks).toEqual({ postgres: 'up', redis: 'up' });
    } finally {
      await api.close();
      await proxy.stop();
    }
  });
});
