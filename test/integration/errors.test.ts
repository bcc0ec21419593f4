import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateLanguage } from '@lectern/i18n/i18n';
import { TestApi, createEventWithOrganiser, logIn, startApi, uniqueSlug } from '@test/support/harness';
import { Problem } from '@test/support/api-types';

const PROBLEM = 'application/problem+json';

function expectProblem(response: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect(response.body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:lectern:problem:/) });
  const body = response.body as Problem;
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
}

describe('problem+json errors in both languages', () => {
  let api: TestApi;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi({ BODY_LIMIT_BYTES: '2048' });
    adminToken = await logIn(api.http, api.adminEmail);
  });
  afterAll(() => api.close());

  it('refuses a tampered keyset cursor with 400 CURSOR_INVALID on every list, never a database error', async () => {
    const { slug } = await createEventWithOrganiser(api);
    const cursor = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const tampered = [cursor(['yesterday', '00000000-0000-4000-8000-000000000000']), cursor(['2019-06-24T01:00:00.000Z', 'not-a-uuid'])];
    const lists = ['/v1/events', ...['registrations', 'vouchers', 'reports', 'submissions', 'notifications', 'scholarships/applications',
      'scholarships/awards', 'sponsors', 'community-partners', 'media', 'facts'].map((list) => `/v1/events/${slug}/${list}`)];
    for (const list of lists) {
      for (const bad of tampered) expectProblem(await api.http.get(`${list}?cursor=${bad}`, { token: adminToken }), 400, 'CURSOR_INVALID');
    }
  });

  it('reports validation errors per field, translated', async () => {
    const body = { seriesSlug: 'Not A Slug', slug: uniqueSlug(), name: { en: '' }, city: { en: 'Shanghai' }, country: 'XX', timezone: 'Asia/Shanghai', startsAt: 'tomorrow', endsAt: '2019-06-26T10:00:00Z', format: 'ON_THE_MOON' };
    const en = await api.http.post<Problem>('/v1/events', body, { token: adminToken, lang: 'en-GB,en;q=0.9' });
    expectProblem(en, 400, 'VALIDATION_FAILED');
    const fields = Object.fromEntries(en.body.errors!.map((e) => [`${e.field}:${e.code}`, e]));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['seriesSlug:matches', 'name:isLocalizedText', 'country:isISO31661Alpha2', 'startsAt:isIso8601', 'format:isEnum']));
    expect(fields['name:isLocalizedText'].message).toBe('name must map language tags to texts of at most 200 characters, e.g. {"en": "Seoul", "ko": "서울"}.');
    expect(fields['format:isEnum'].message).toBe('format must be one of: IN_PERSON, VIRTUAL, HYBRID.');

    const zh = await api.http.post<Problem>('/v1/events', body, { token: adminToken, lang: 'zh-CN' });
    expectProblem(zh, 400, 'VALIDATION_FAILED');
    expect(zh.body.title).toBe('请求无效');
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    const zhName = zh.body.errors!.find((e) => e.field === 'name' && e.code === 'isLocalizedText');
    expect(zhName!.message).toBe('name 必须是从语言标签到文本的映射，每段文本不超过 200 个字符，例如 {"en": "Shanghai", "zh-CN": "上海"}。');
  });

  it('answers in Japanese and Korean for readers who ask for them', async () => {
    const ja = await api.http.request<Problem>('POST', '/v1/auth/login', { rawBody: '{oops', lang: 'ja-JP,ja;q=0.9,en;q=0.5' });
    expectProblem(ja, 400, 'MALFORMED_JSON');
    expect(ja.headers.get('content-language')).toBe('ja');
    expect(ja.body.title).toBe('JSON の形式が正しくありません');
    expect(ja.body.detail).toBe('リクエスト本文が有効な JSON ではありません。');
    const body = { seriesSlug: 'x', slug: uniqueSlug(), name: { en: '' }, city: { en: 'Seoul' }, country: 'KR', timezone: 'Asia/Seoul', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', format: 'IN_PERSON' };
    const ko = await api.http.post<Problem>('/v1/events', body, { token: adminToken, lang: 'ko-KR' });
    expectProblem(ko, 400, 'VALIDATION_FAILED');
    expect(ko.headers.get('content-language')).toBe('ko');
    expect(ko.body.title).toBe('잘못된 요청');
    expect(ko.body.errors!.find((e) => e.field === 'name' && e.code === 'isLocalizedText')!.message).toBe('name 값은 언어 태그와 텍스트(각 200자 이하)의 대응이어야 합니다(예: {"en": "Seoul", "ko": "서울"}).');
  });

  it('rejects unknown body fields instead of ignoring them', async () => {
    for (const lang of ['en', 'zh']) {
      const response = await api.http.post<Problem>('/v1/auth/login', { email: 'a@b.co', password: 'x', isAdmin: true }, { lang });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'isAdmin', code: 'unknownField', message: lang === 'en' ? 'isAdmin is not a known field.' : 'isAdmin 不是可识别的字段。' }),
      ]);
    }
  });

  it('answers malformed JSON with a 400', async () => {
    const en = await api.http.request<Problem>('POST', '/v1/auth/login', { rawBody: '{"email": "a@b.co", ' });
    expectProblem(en, 400, 'MALFORMED_JSON');
    expect(en.body.detail).toBe('The request body is not valid JSON.');
    const zh = await api.http.request<Problem>('POST', '/v1/auth/login', { rawBody: '{oops', lang: 'zh-CN' });
    expectProblem(zh, 400, 'MALFORMED_JSON');
    expect(zh.body.detail).toBe('请求体不是有效的 JSON。');
  });

  it('answers a body that is not an object, or no body at all, with a 400', async () => {
    expectProblem(await api.http.request('POST', '/v1/auth/login', { rawBody: '[1,2,3]' }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.http.request('POST', '/v1/auth/login', { rawBody: '"text"' }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.http.request('POST', '/v1/auth/login'), 400, 'VALIDATION_FAILED');
  });

  it('answers an oversized body with a 413', async () => {
    const big = { email: 'a@b.co', password: 'x'.repeat(5000) };
    const en = await api.http.post<Problem>('/v1/auth/login', big);
    expectProblem(en, 413, 'PAYLOAD_TOO_LARGE');
    expect(en.body.detail).toContain('2048');
    const zh = await api.http.post<Problem>('/v1/auth/login', big, { lang: 'zh-CN' });
    expectProblem(zh, 413, 'PAYLOAD_TOO_LARGE');
    expect(zh.body.detail).toBe('请求体超过了 2048 字节的上限。');
  });

  it('answers an unsupported content type with a 415', async () => {
    const response = await api.http.request('POST', '/v1/auth/login', { rawBody: '<login/>', headers: { 'content-type': 'application/xml' } });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown routes with a 404 in the same shape', async () => {
    const en = await api.http.get<Problem>('/v1/no-such-thing?x=1');
    expectProblem(en, 404, 'ROUTE_NOT_FOUND');
    expect(en.body.detail).toBe('There is no route GET /v1/no-such-thing.');
    const zh = await api.http.request<Problem>('DELETE', '/v1/events', { lang: 'zh-CN' });
    expectProblem(zh, 404, 'ROUTE_NOT_FOUND');
    expect(zh.body.detail).toBe('不存在路由 DELETE /v1/events。');
  });

  it('answers a malformed path parameter with a 400, not a database error', async () => {
    const { slug } = await (async () => {
      const seriesSlug = uniqueSlug('series');
      await api.http.post('/v1/series', { slug: seriesSlug, name: { en: 'S' } }, { token: adminToken });
      const slug = uniqueSlug();
      await api.http.post('/v1/events', { seriesSlug, slug, name: { en: 'E' }, city: { en: 'X' }, country: 'CN', timezone: 'UTC', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', format: 'VIRTUAL' }, { token: adminToken });
      return { slug };
    })();
    const response = await api.http.delete<Problem>(`/v1/events/${slug}/roles/not-a-uuid`, { token: adminToken });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.body.errors![0]).toMatchObject({ field: 'grantId', code: 'isUUID' });
  });

  it('echoes a sane incoming request id and makes one otherwise', async () => {
    const given = await api.http.get('/health/live', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc-123');
    const hostile = await api.http.get('/health/live', { headers: { 'x-request-id': 'bad id with spaces <script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('negotiates the language from Accept-Language q-values', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('fr-FR, zh-CN;q=0.8, en;q=0.5')).toBe('zh-CN');
    expect(negotiateLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(negotiateLanguage('zh-TW, en;q=0.1')).toBe('en');
    expect(negotiateLanguage('en;q=0.2, zh;q=0.9')).toBe('zh-CN');
    expect(negotiateLanguage('de')).toBe('en');
  });
});
