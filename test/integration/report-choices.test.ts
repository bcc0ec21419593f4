import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { AuditPageDto } from '@api/events/events.dto';
import { EventFactDto } from '@api/facts/facts.dto';
import { ReportChoicesDto } from '@api/reports/report-choices.dto';
import { REPORT_SCHEMA, REPORT_SCHEMA_ID } from '@reports/report.schema';

describe('the organisers’ choices for the report', () => {
  let api: TestApi;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi();
    adminToken = await logIn(api.http, api.adminEmail);
  });
  afterAll(() => api.close());
  const put = <T = unknown>(path: string, body: unknown, options: { token?: string; headers?: Record<string, string> } = {}) =>
    api.http.request<T>('PUT', path, { ...options, body });

  it('starts from the defaults, takes a full set of choices, and audits the change', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const path = `/v1/events/${slug}/report-choices`;
    const defaults = await api.http.get<Wire<ReportChoicesDto>>(path, { token });
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({ introduction: null, omittedSections: [], topCountries: 10, updatedAt: null });

    const chosen = await put<Wire<ReportChoicesDto>>(
      path,
      { introduction: { en: 'Thank you, Shanghai.', 'zh-CN': '谢谢上海。' }, omittedSections: ['organiserFacts', 'gender'], topCountries: 15 },
      { token },
    );
    expect(chosen.status).toBe(200);
    // kept in the order the report prints its sections
    expect(chosen.body).toMatchObject({ introduction: { en: 'Thank you, Shanghai.', 'zh-CN': '谢谢上海。' }, omittedSections: ['gender', 'organiserFacts'], topCountries: 15 });
    expect(chosen.body.updatedAt).not.toBeNull();
    expect((await api.http.get<Wire<ReportChoicesDto>>(path, { token })).body).toEqual(chosen.body);

    // a PUT replaces every choice: what it leaves out goes back to its default
    const reset = await put<Wire<ReportChoicesDto>>(path, { topCountries: 5 }, { token });
    expect(reset.body).toMatchObject({ introduction: null, omittedSections: [], topCountries: 5 });

    const audit = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${slug}/audit`, { token });
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'report_choices.updated')).toHaveLength(2);
  });

  it('refuses bad choices with a problem naming the field, and writes nothing', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const path = `/v1/events/${slug}/report-choices`;
    await put(path, { topCountries: 12 }, { token });
    const bad: [unknown, string, string][] = [
      [{ omittedSections: ['sponsors'] }, 'VALIDATION_FAILED', 'omittedSections'],
      [{ omittedSections: ['gender', 'gender'] }, 'VALIDATION_FAILED', 'omittedSections'],
      [{ topCountries: 2 }, 'VALIDATION_FAILED', 'topCountries'],
      [{ topCountries: 31 }, 'VALIDATION_FAILED', 'topCountries'],
      [{ topCountries: 10.5 }, 'VALIDATION_FAILED', 'topCountries'],
      [{ introduction: { 'zh-CN': '只有中文' } }, 'LOCALIZED_TEXT_INVALID', 'introduction.en'],
      [{ introduction: { en: 'Hi', ko: '안녕' } }, 'LOCALIZED_TEXT_INVALID', 'introduction.ko'],
    ];
    for (const [body, code, field] of bad) {
      const response = await put<Problem>(path, body, { token, headers: { 'accept-language': 'zh-CN' } });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code, JSON.stringify(body)).toBe(code);
      expect(response.body.errors?.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect((await api.http.get<Wire<ReportChoicesDto>>(path, { token })).body).toMatchObject({ introduction: null, omittedSections: [], topCountries: 12 });
  });

  it('lets only the edition’s organisers and administrators read or set them', async () => {
    const a = await createEventWithOrganiser(api);
    const b = await createEventWithOrganiser(api);
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`/v1/events/${a.slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: a.organiser.token });
    const path = `/v1/events/${a.slug}/report-choices`;
    expect((await api.http.get(path)).status).toBe(401);
    expect((await api.http.get(path, { token: reviewer.token })).status).toBe(403);
    expect((await put(path, { topCountries: 5 }, { token: b.organiser.token })).status).toBe(403);
    expect((await put(path, { topCountries: 5 }, { token: adminToken })).status).toBe(200);
    expect((await api.http.get<Wire<ReportChoicesDto>>(path, { token: a.organiser.token })).body.topCountries).toBe(5);
  });

  it('keeps the unit of an entered figure in the edition’s languages', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const created = await api.http.post<Wire<EventFactDto>>(
      `/v1/events/${slug}/facts`,
      { kind: 'FIGURE', label: { en: 'Livestream audience', 'zh-CN': '直播观看' }, value: 12000, unit: { en: 'viewers', 'zh-CN': '人次' }, source: 'Bilibili' },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ value: 12000, unit: { en: 'viewers', 'zh-CN': '人次' }, source: 'Bilibili' });
    const cleared = await api.http.patch<Wire<EventFactDto>>(`/v1/events/${slug}/facts/${created.body.id}`, { unit: null }, { token });
    expect(cleared.body.unit).toBeNull();
    const wrong = await api.http.patch<Problem>(`/v1/events/${slug}/facts/${created.body.id}`, { unit: { ja: '人' } }, { token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('LOCALIZED_TEXT_INVALID');
  });

  it('serves the versioned JSON Schema of the report to anyone', async () => {
    const response = await api.http.get<Record<string, unknown>>('/v1/report-schema');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(REPORT_SCHEMA)));
    expect(response.body.$id).toBe(REPORT_SCHEMA_ID);
    // it is a schema Ajv compiles as it is served
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    expect(() => ajv.compile(response.body)).not.toThrow();
  });
});
