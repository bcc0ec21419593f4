import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '@lectern/domains/auth/token.service';
import { TOKEN_SCOPES } from '@lectern/domains/integrations/api-token.scopes';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { createScratchDatabase } from '@test/support/databases';
import { OpenApiDocument } from '@test/support/contract';
import { openCfp, speaker, submitted } from '@test/support/cfp';
import { grantRole, openReview } from '@test/support/reviews';

/**
 * Every operation of /docs-json, as every kind of caller, with parameters, queries and bodies generated from the
 * document's schemas and mixed with hostile values: no answer may be a 5xx, and a refused write may leave no row
 * behind. The API runs on a database of its own, so the row counts of all its tables are this test's alone.
 *
 * The run is seeded: the seed is printed, and FUZZ_SEED=<seed> generates the same requests again.
 */

// eslint-disable-next-line no-restricted-properties -- the seed is this test's own input, not the application's configuration
const SEED_INPUT = process.env.FUZZ_SEED;
const SEED = SEED_INPUT !== undefined && /^-?\d+$/.test(SEED_INPUT) ? Number(SEED_INPUT) : Math.floor(Math.random() * 2 ** 31);
/** Requests per operation and role; with about 150 operations and 11 roles, a few thousand in all. */
const SAMPLES = 2;
/** Requests in flight at once; writes still go one at a time. */
const CONCURRENCY = 4;

type Schema = { [keyword: string]: unknown };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  template: string;
  parameters: Parameter[];
  body?: Schema;
  writes: boolean;
}
interface FuzzRequest {
  path: string;
  body?: string;
  contentType?: string;
  /** What was generated, for the failure report. */
  described: string;
}
interface Role {
  name: string;
  authorization?: string;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Strings PostgreSQL, JSON, URLs or our parsers find hard. */
const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '',
  ' ',
  'x'.repeat(5000),
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '%00',
  '%',
  '%zz',
  '\u202e\u0301',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '9'.repeat(400),
  '-1',
  '1e999',
  'null',
  '{}',
  '__proto__',
  'constructor',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 2,
  0.5,
  [],
  {},
  [null],
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":1}}'),
  nested(40),
  ...HOSTILE_STRINGS,
];

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** Path segments and query values as they go on the wire: escapes that do not decode, NUL, long segments. */
const HOSTILE_SEGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '%00',
  'a%00b',
  '%2F',
  '..',
  '%2e%2e',
  'x'.repeat(600),
  '9'.repeat(100),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-fffffffffffff',
  '-1',
  '1e999',
  'null',
  '%F0%9F%92%A9',
  '%uD800',
];

function resolveRef(document: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    current = document.components.schemas[current.$ref.replace('#/components/schemas/', '')];
  }
  return current;
}

/** Values a schema describes; `depth` bounds recursion through $refs. */
function valid(document: OpenApiDocument, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveRef(document, raw);
  if (!schema || depth > 5) return fc.constant('x');
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const options = schema[combinator] as Schema[] | undefined;
    if (options?.length) return fc.oneof(...options.map((option) => valid(document, option, depth + 1)));
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = schema.type as string | undefined;
  switch (type) {
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -10;
      const max = typeof schema.maximum === 'number' ? schema.maximum : Math.max(min, 0) + 5000;
      return type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = valid(document, schema.items as Schema | undefined, depth + 1);
      return fc.array(items, { minLength: typeof schema.minItems === 'number' ? Math.min(schema.minItems, 3) : 0, maxLength: 3 });
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const names = Object.keys(properties);
      if (names.length === 0) {
        return type === 'object' ? fc.dictionary(fc.constantFrom('en', 'zh-CN', 'ja', 'x'), fc.string({ maxLength: 20 }), { maxKeys: 2 }) : fc.string();
      }
      const required = new Set((schema.required ?? []) as string[]);
      const record = Object.fromEntries(names.map((name) => [name, valid(document, properties[name], depth + 1)]));
      return fc.record(record, { requiredKeys: names.filter((name) => required.has(name)) });
    }
    default:
      return stringFor(schema);
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default: {
      const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 40) : 40;
      const minLength = typeof schema.minLength === 'number' ? Math.min(schema.minLength, maxLength) : 0;
      return fc.string({ minLength, maxLength });
    }
  }
}

/** A valid value, now and then with one hostile value somewhere inside. */
function hostile(document: OpenApiDocument, schema: Schema | undefined): fc.Arbitrary<unknown> {
  const spoil = (value: unknown, pick: number, replacement: unknown): unknown => {
    if (value === null || typeof value !== 'object') return replacement;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return replacement;
    const [key, inner] = entries[pick % entries.length];
    const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
    (copy as Record<string, unknown>)[key] = pick % 3 === 0 ? replacement : spoil(inner, Math.floor(pick / 3), replacement);
    return copy;
  };
  return fc.oneof(
    { weight: 3, arbitrary: valid(document, schema) },
    { weight: 4, arbitrary: fc.tuple(valid(document, schema), fc.nat(), fc.constantFrom(...HOSTILE_VALUES)).map(([value, pick, bad]) => spoil(value, pick, bad)) },
    { weight: 1, arbitrary: fc.tuple(valid(document, schema), fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 })).map(([value, key, extra]) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: extra } : value)) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  );
}

const RAW_BODIES: { body: string; contentType?: string }[] = [
  { body: 'null' },
  { body: '[]' },
  { body: '"x"' },
  { body: '1' },
  { body: '{' },
  { body: '' },
  { body: '{"a":1,"a":2}' },
  { body: '{"__proto__":{"isAdmin":true}}' },
  { body: '['.repeat(3000) + ']'.repeat(3000) },
  { body: '{"x":"\\u0000"}' },
  { body: '{"x":"\\ud800"}' },
  { body: 'a=1', contentType: 'application/x-www-form-urlencoded' },
  { body: '{}', contentType: 'text/plain' },
  { body: '{}', contentType: 'application/json; charset=latin1' },
];

function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
}

function requestFor(document: OpenApiDocument, operation: Operation, realValues: (name: string, template: string) => string[]): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const segment = (parameter: Parameter) => {
    const real = realValues(parameter.name, operation.template);
    return fc.oneof(
      { weight: real.length > 0 ? 6 : 0, arbitrary: real.length > 0 ? fc.constantFrom(...real).map(encodeSegment) : fc.constant('x') },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(encodeSegment) },
    );
  };
  const queryValue = (parameter: Parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: valid(document, parameter.schema).map((value) => encodeSegment(String(value))) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
      { weight: 1, arbitrary: fc.constant('') },
    );
  const path = fc
    .tuple(
      fc.tuple(...pathParameters.map(segment)),
      fc.tuple(...queryParameters.map((parameter) => fc.option(queryValue(parameter), { nil: undefined }))),
      fc.option(fc.constantFrom('%', 'unknown=1', 'limit=1&limit=2', 'cursor=%00', '__proto__=1'), { nil: undefined, freq: 4 }),
    )
    .map(([segments, values, extra]) => {
      let index = 0;
      const pathname = operation.template.replace(/\{[^}]+\}/g, () => segments[index++]);
      const query = queryParameters.flatMap((parameter, i) => (values[i] === undefined ? [] : [`${parameter.name}=${values[i]}`]));
      if (extra !== undefined) query.push(extra);
      return query.length > 0 ? `${pathname}?${query.join('&')}` : pathname;
    });
  const body: fc.Arbitrary<{ body?: string; contentType?: string }> = !operation.writes
    ? fc.constant({})
    : operation.body
    ? fc.oneof(
        { weight: 6, arbitrary: hostile(document, operation.body).map((value) => ({ body: JSON.stringify(value) })) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES, { body: '{"unexpected":1}' }) },
      );
  return fc.tuple(path, body).map(([generatedPath, generatedBody]) => ({
    path: generatedPath,
    ...generatedBody,
    described: `${operation.method.toUpperCase()} ${generatedPath}${generatedBody.body !== undefined ? ` ${generatedBody.contentType ?? 'application/json'} ${generatedBody.body.slice(0, 300)}` : ''}`,
  }));
}

describe('fuzzing every operation as every role', () => {
  let api: TestApi;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Client;
  let countsSql: string;
  let setupSeconds = 0;
  const roles: Role[] = [];
  const slugs: string[] = [];
  const idsByTable = new Map<string, string[]>();

  const counts = async () => (await db.query<{ counts: Record<string, number> }>(countsSql)).rows[0].counts;
  /**
   * The net change in row count per table since the last call, read from the change log (see the triggers in
   * beforeAll) and emptied in the same statement: a read of the few rows logged since, instead of a count of every table.
   */
  const changes = async () =>
    Object.fromEntries(
      (
        await db.query<{ table_name: string; delta: number }>({
          name: 'fuzz-changes',
          text: `WITH taken AS (DELETE FROM fuzz_row_changes RETURNING table_name, delta)
                 SELECT table_name, sum(delta)::int AS delta FROM taken GROUP BY 1 HAVING sum(delta) <> 0 ORDER BY 1`,
        })
      ).rows.map((row) => [row.table_name, row.delta]),
    );

  beforeAll(async () => {
    const setupStarted = Date.now();
    scratch = await createScratchDatabase('fuzz', { migrated: true });
    api = await startApi({ DATABASE_URL: scratch.url });
    db = new Client({ connectionString: scratch.url });
    await db.connect();

    const http = api.http;
    const adminToken = await logIn(http, api.adminEmail);
    const edition = await openCfp(api);
    const other = await createEventWithOrganiser(api);
    slugs.push(edition.slug, edition.seriesSlug, other.slug, other.seriesSlug);
    const organiser = edition.organiser.token;

    const author = await speaker(api, 'fuzz-speaker');
    await submitted(api, edition.slug, author);
    const reviewerUser = await signUp(http, 'fuzz-reviewer');
    await grantRole(api, edition.slug, organiser, reviewerUser.email, 'REVIEWER');
    await openReview(api, edition.slug, organiser);
    await http.post(`/v1/events/${edition.slug}/review-assignments/auto`, undefined, { token: organiser });
    const committee = await signUp(http, 'fuzz-committee');
    await grantRole(api, edition.slug, organiser, committee.email, 'SCHOLARSHIP_COMMITTEE');

    const type = await http.post<{ id: string }>(
      `/v1/events/${edition.slug}/ticket-types`,
      { name: { en: 'Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: organiser },
    );
    expect(type.status, type.text).toBe(201);
    const attendee = await signUp(http, 'fuzz-attendee');
    const registration = await http.post(`/v1/events/${edition.slug}/registrations`, { ticketTypeId: type.body.id, attendeeName: 'Grace Hopper' }, { token: attendee.token });
    expect(registration.status, registration.text).toBe(201);
    const apiToken = await http.post<{ secret: string }>(
      '/v1/me/api-tokens',
      { name: 'Fuzz', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), eventSlug: edition.slug, scopes: TOKEN_SCOPES },
      { token: organiser },
    );
    expect(apiToken.status, apiToken.text).toBe(201);

    const tokens = api.app.get(TokenService);
    const ttl = api.config.auth.tokenTtlSeconds;
    const expired = await tokens.issue(author.id, new Date(Date.now() - 2 * ttl * 1000));
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: api.config.auth.tokenKeyId })
      .setSubject(author.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-server-secret-not-the-server-secret'));
    // signed with the real key for somebody who does not exist (or cannot: the subject is not an id)
    const ghost = await tokens.issue(randomUUID());
    const notAnId = await tokens.issue("x'\u0000");

    const bearer = (token: string) => `Bearer ${token}`;
    roles.push(
      { name: 'anonymous' },
      { name: 'attendee', authorization: bearer(attendee.token) },
      { name: 'speaker', authorization: bearer(author.token) },
      { name: 'reviewer', authorization: bearer(reviewerUser.token) },
      { name: 'scholarship committee', authorization: bearer(committee.token) },
      { name: 'organiser of another edition', authorization: bearer(other.organiser.token) },
      { name: 'API token (all scopes)', authorization: bearer(apiToken.body.secret) },
      { name: 'expired token', authorization: bearer(expired.token) },
      { name: 'forged token', authorization: bearer(forged) },
      { name: 'token of nobody', authorization: bearer(ghost.token) },
      { name: 'token whose subject is no id', authorization: bearer(notAnId.token) },
      { name: 'malformed bearer', authorization: 'Bearer %00.\u00ff.x' },
      // last: these two may delete or close what the others reach
      { name: 'organiser of this edition', authorization: bearer(organiser) },
      { name: 'administrator', authorization: bearer(adminToken) },
    );

    const tables = (
      await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows.map((row) => row.table_name);
    countsSql = `SELECT json_object_agg(t, n ORDER BY t) AS counts FROM (VALUES ${tables.map((table) => `('${table}', (SELECT count(*) FROM "${table}"))`).join(', ')}) AS c(t, n)`;
    for (const table of tables) {
      const hasId = await db.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id' AND data_type = 'uuid'`, [table]);
      if (hasId.rowCount) idsByTable.set(table, (await db.query<{ id: string }>(`SELECT id::text FROM "${table}" LIMIT 5`)).rows.map((row) => row.id));
    }
    // Every committed INSERT, DELETE (cascades included) and TRUNCATE of any table logs its net change in row count,
    // in the writing transaction itself, so a rolled-back write logs nothing and a committed one cannot escape.
    // ENABLE ALWAYS: the log is kept even in a session that sets session_replication_role = replica.
    await db.query(`
      CREATE TABLE fuzz_row_changes (table_name text NOT NULL, delta bigint NOT NULL);
      CREATE FUNCTION fuzz_log_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE n bigint;
        BEGIN
          SELECT count(*) INTO n FROM changed;
          IF n > 0 THEN
            INSERT INTO fuzz_row_changes VALUES (TG_TABLE_NAME, CASE TG_OP WHEN 'INSERT' THEN n ELSE -n END);
          END IF;
          RETURN NULL;
        END $$;
      CREATE FUNCTION fuzz_log_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE n bigint;
        BEGIN
          EXECUTE format('SELECT count(*) FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO n;
          INSERT INTO fuzz_row_changes VALUES (TG_TABLE_NAME, -n);
          RETURN NULL;
        END $$;
      ${tables
        .map(
          (table) => `
      CREATE TRIGGER fuzz_inserted AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_rows();
      CREATE TRIGGER fuzz_deleted AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_rows();
      CREATE TRIGGER fuzz_truncated BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_truncate();
      ALTER TABLE "${table}" ENABLE ALWAYS TRIGGER fuzz_inserted, ENABLE ALWAYS TRIGGER fuzz_deleted, ENABLE ALWAYS TRIGGER fuzz_truncated;`,
        )
        .join('')}
    `);
    setupSeconds = (Date.now() - setupStarted) / 1000;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await scratch?.drop();
  });

  /** Real values for a path parameter: slugs, or ids of the table the route names (`/ticket-types/{id}`). */
  const realValues = (name: string, template: string): string[] => {
    if (/slug/i.test(name)) return slugs;
    const before = template.split(`/{${name}}`)[0].split('/').pop() ?? '';
    const fromName = name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const candidate of [`${fromName}s`, fromName, before.replace(/-/g, '_')]) {
      const ids = idsByTable.get(candidate);
      if (ids?.length) return ids;
    }
    return [...idsByTable.values()].flat().slice(0, 20);
  };

  it('answers every generated request without a 5xx and writes nothing when it refuses', async () => {
    const started = Date.now();
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
    const document = (await (await fetch(`${api.http.baseUrl}/docs-json`)).json()) as OpenApiDocument & {
      paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }>>;
    };
    const operations: Operation[] = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          method,
          template,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content['application/json']?.schema,
          writes: WRITE_METHODS.has(method),
        })),
    );
    expect(operations.length).toBeGreaterThan(50);

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    const initial = await counts();
    const expected = { ...initial };
    let checks = 0;
    let checkMs = 0;
    // writes one at a time, so that a change in the row counts belongs to the write just answered; reads alongside
    let writes: Promise<unknown> = Promise.resolve();
    const serialised = <T>(work: () => Promise<T>): Promise<T> => {
      const next = writes.then(work);
      writes = next.catch(() => undefined);
      return next;
    };
    const send = async (role: Role, operation: Operation, request: FuzzRequest) => {
      const headers: Record<string, string> = {};
      if (role.authorization) headers.authorization = role.authorization;
      if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
      try {
        const response = await fetch(api.http.baseUrl + request.path, { method: operation.method.toUpperCase(), headers, body: request.body });
        return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
      } catch (error) {
        return { status: 0, contentType: '', text: String(error) };
      }
    };
    const combinations = roles.flatMap((role, roleIndex) => operations.map((operation, operationIndex) => ({ role, roleIndex, operation, operationIndex })));
    const run = async ({ role, roleIndex, operation, operationIndex }: (typeof combinations)[number]) => {
      const samples = fc.sample(requestFor(document, operation, realValues), { seed: SEED + roleIndex * 10_007 + operationIndex, numRuns: SAMPLES });
      for (const request of samples) {
        const where = `${role.name}: ${request.described}`;
        const answer = operation.writes
          ? await serialised(async () => {
              const answered = await send(role, operation, request);
              const checkStarted = performance.now();
              const changed = await changes();
              checkMs += performance.now() - checkStarted;
              checks++;
              if (answered.status >= 400 && answered.status < 500 && Object.keys(changed).length > 0) {
                failures.push(`${answered.status} wrote rows: ${where}\n  row counts changed by ${JSON.stringify(changed)}`);
              }
              for (const [table, delta] of Object.entries(changed)) expected[table] = (expected[table] ?? 0) + delta;
              return answered;
            })
          : await send(role, operation, request);
        requests++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 0 || answer.status >= 500) failures.push(`${answer.status} ${where}\n  ${answer.text.slice(0, 500)}`);
        else if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) {
          failures.push(`${answer.status} as ${answer.contentType || 'no content type'}, not a problem: ${where}\n  ${answer.text.slice(0, 300)}`);
        }
        if (answer.status < 300 && request.body !== undefined && operation.body && /^\s*(null|\[|"|\d|true|false)/.test(request.body)) {
          failures.push(`${answer.status}: a body that is no object was accepted: ${where}`);
        }
      }
    };
    const queue = [...combinations];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await run(next);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    // the log against a count of every table: a change the triggers missed would show here
    expect(await counts(), 'row counts at the end against those at the start plus every logged change').toEqual(expected);
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    console.log(
      `fuzz: ${operations.length} operations × ${roles.length} roles, ${requests} requests in ${seconds.toFixed(1)} s (set-up ${setupSeconds.toFixed(1)} s), seed ${SEED}\n` +
        `statuses ${histogram}\n` +
        `row-count checks after ${checks} writes: ${(checkMs / 1000).toFixed(1)} s in all`,
    );
    expect(failures, `seed ${SEED}\n${failures.slice(0, 30).join('\n')}`).toEqual([]);
  }, 600_000);
});
