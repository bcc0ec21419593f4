import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { inject } from 'vitest';
import { createApiApp } from '@api/app.factory';
import { AppConfig, loadConfig } from '@lectern/config/config';
import { EventDto } from '@api/events/events.dto';
import { SessionDto } from '@api/auth/auth.dto';
import { Wire } from './api-types';
import { ApiContract, OpenApiDocument } from './contract';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Configuration for this test run's database and Redis prefix, with overrides as environment variables. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: inject('redisPrefix'),
    TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '5',
    // every test signs in and writes from 127.0.0.1; the limits have their own tests with their own addresses
    LOGIN_MAX_ATTEMPTS_PER_CLIENT: '100000',
    // several workers run at once in one test run: each takes a free port for its health and metrics
    WORKER_HTTP_PORT: '0',
    RATE_LIMIT_WRITES_PER_CLIENT: '10000000',
    RATE_LIMIT_WRITES_PER_ACCOUNT: '10000000',
    ...overrides,
  });
}

export interface Response<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is and exempt from the request schema: for malformed or oversized bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
  lang?: string;
}

/**
 * HTTP client of the tests. With a contract (startApi gives one), every exchange is checked against the API's
 * OpenAPI document, and a mismatch fails the request with a ContractError.
 */
export class Http {
  constructor(
    readonly baseUrl: string,
    private readonly contract?: ApiContract,
  ) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.lang) headers['accept-language'] = options.lang;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) parsed = JSON.parse(text);
    this.contract?.check({
      method,
      path,
      body: options.body,
      raw: options.rawBody !== undefined,
      status: response.status,
      contentType: response.headers.get('content-type'),
      text,
    });
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  delete<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }
}

export interface TestApi {
  app: NestFastifyApplication;
  http: Http;
  config: AppConfig;
  adminEmail: string;
  close: () => Promise<void>;
}

/** A real API listening on a loopback port, against this run's database and Redis. */
export async function startApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const adminEmail = `admin-${randomBytes(4).toString('hex')}@test.lectern`;
  const config = testConfig({ ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: TEST_PASSWORD, ...overrides });
  const app = await createApiApp(config, pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const document = await fetch(`${url}/docs-json`);
  if (!document.ok) throw new Error(`/docs-json answered ${document.status}`);
  return {
    app,
    http: new Http(url, new ApiContract((await document.json()) as OpenApiDocument)),
    config,
    adminEmail,
    close: () => app.close(),
  };
}

export function uniqueEmail(label = 'user') {
  return `${label}-${randomUUID().slice(0, 8)}@test.lectern`;
}

export function uniqueSlug(label = 'event') {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

export async function signUp(http: Http, label = 'user') {
  const email = uniqueEmail(label);
  const response = await http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name: `Test ${label}` });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
  return { email, token: response.body.token, id: response.body.user.id };
}

export async function logIn(http: Http, email: string, password = TEST_PASSWORD) {
  const response = await http.post<Wire<SessionDto>>('/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
  return response.body.token;
}

/** A series and an edition (published unless asked otherwise) with a fresh organiser besides the administrator. */
export async function createEventWithOrganiser(
  api: TestApi,
  overrides: Record<string, unknown> = {},
  publish = true,
  languages: string[] = ['en', 'zh-CN'],
) {
  const adminToken = await logIn(api.http, api.adminEmail);
  const seriesSlug = uniqueSlug('series');
  const series = await api.http.post('/v1/series', { slug: seriesSlug, languages, name: { en: 'Test Series' } }, { token: adminToken });
  if (series.status !== 201) throw new Error(`series failed: ${series.text}`);
  const organiser = await signUp(api.http, 'organiser');
  const slug = uniqueSlug();
  const created = await api.http.post<Wire<EventDto>>(
    '/v1/events',
    {
      seriesSlug,
      slug,
      name: { en: 'Test Conference' },
      city: { en: 'Shanghai' },
      country: 'CN',
      timezone: 'Asia/Shanghai',
      startsAt: '2030-06-24T01:00:00Z',
      endsAt: '2030-06-26T10:00:00Z',
      format: 'IN_PERSON',
      capacity: 3500,
      ...overrides,
    },
    { token: adminToken },
  );
  if (created.status !== 201) throw new Error(`event failed: ${created.text}`);
  await api.http.post(`/v1/events/${slug}/roles`, { email: organiser.email, role: 'ORGANISER' }, { token: adminToken });
  if (publish) await api.http.patch(`/v1/events/${slug}`, { status: 'PUBLISHED' }, { token: adminToken });
  return { slug, seriesSlug, adminToken, organiser, event: created.body };
}
