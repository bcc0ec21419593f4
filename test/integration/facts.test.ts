import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { AuditPageDto } from '@api/events/events.dto';
import { CommunityPartnerDto, CommunityPartnerPageDto, EventFactDto, EventFactPageDto, MediaAccreditationDto, SponsorDto, SponsorPageDto } from '@api/facts/facts.dto';

describe('event facts', () => {
  let api: TestApi;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi();
    adminToken = await logIn(api.http, api.adminEmail);
  });
  afterAll(() => api.close());

  it('lets an organiser add, list, change and remove sponsors, and audits each change', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const created = await api.http.post<Wire<SponsorDto>>(`/v1/events/${slug}/sponsors`, { name: '  Huawei ', tier: 'STRATEGIC', website: 'https://www.huawei.com' }, { token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Huawei', tier: 'STRATEGIC', website: 'https://www.huawei.com' });
    await api.http.post(`/v1/events/${slug}/sponsors`, { name: '腾讯云', tier: 'GOLD' }, { token });

    const list = await api.http.get<Wire<SponsorPageDto>>(`/v1/events/${slug}/sponsors`, { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string; tier: string }) => [s.name, s.tier])).toEqual([['Huawei', 'STRATEGIC'], ['腾讯云', 'GOLD']]);

    const id = created.body.id;
    const changed = await api.http.patch(`/v1/events/${slug}/sponsors/${id}`, { tier: 'DIAMOND', website: null }, { token });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Huawei', tier: 'DIAMOND', website: null });

    expect((await api.http.delete(`/v1/events/${slug}/sponsors/${id}`, { token })).status).toBe(204);
    expect((await api.http.delete<Problem>(`/v1/events/${slug}/sponsors/${id}`, { token })).body.code).toBe('SPONSOR_NOT_FOUND');
    expect((await api.http.get<Wire<SponsorPageDto>>(`/v1/events/${slug}/sponsors`, { token })).body.items).toHaveLength(1);

    const audit = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${slug}/audit`, { token });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sponsor.created', 'sponsor.updated', 'sponsor.deleted']));
  });

  it('keeps everyone but the edition’s organisers and administrators out', async () => {
    const a = await createEventWithOrganiser(api);
    const b = await createEventWithOrganiser(api);
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`/v1/events/${a.slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: a.organiser.token });
    const sponsor = await api.http.post<Wire<SponsorDto>>(`/v1/events/${a.slug}/sponsors`, { name: 'PingCAP', tier: 'SILVER' }, { token: a.organiser.token });
    expect(sponsor.status).toBe(201);

    for (const path of ['sponsors', 'community-partners', 'media', 'facts']) {
      expect((await api.http.get(`/v1/events/${a.slug}/${path}`)).status, path).toBe(401);
      expect((await api.http.get(`/v1/events/${a.slug}/${path}`, { token: b.organiser.token })).status, path).toBe(403);
      expect((await api.http.get(`/v1/events/${a.slug}/${path}`, { token: reviewer.token })).status, path).toBe(403);
      expect((await api.http.get(`/v1/events/${a.slug}/${path}`, { token: adminToken })).status, path).toBe(200);
    }
    const writes: [string, string, unknown][] = [
      ['POST', `/v1/events/${a.slug}/sponsors`, { name: 'Intruder', tier: 'GOLD' }],
      ['POST', `/v1/events/${a.slug}/community-partners`, { name: 'Intruder' }],
      ['POST', `/v1/events/${a.slug}/media`, { name: 'X', outlet: 'Y', kind: 'MEDIA', language: 'en' }],
      ['POST', `/v1/events/${a.slug}/facts`, { kind: 'NOTE', label: { en: 'Intruder' } }],
      ['PATCH', `/v1/events/${a.slug}/sponsors/${sponsor.body.id}`, { tier: 'GOLD' }],
      ['DELETE', `/v1/events/${a.slug}/sponsors/${sponsor.body.id}`, undefined],
    ];
    for (const [method, path, body] of writes) {
      expect((await api.http.request(method, path, { body })).status, `${method} ${path}`).toBe(401);
      const foreign = await api.http.request<Problem>(method, path, { body, token: b.organiser.token });
      expect(foreign.status, `${method} ${path}`).toBe(403);
      expect(foreign.body.code).toBe('FORBIDDEN');
    }
    // the other edition's organiser cannot reach A's sponsor through B's URL either
    const crossed = await api.http.patch<Problem>(`/v1/events/${b.slug}/sponsors/${sponsor.body.id}`, { tier: 'GOLD' }, { token: b.organiser.token });
    expect(crossed.status).toBe(404);
    expect(crossed.body.code).toBe('SPONSOR_NOT_FOUND');
    const list = await api.http.get<Wire<SponsorPageDto>>(`/v1/events/${a.slug}/sponsors`, { token: a.organiser.token });
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'PingCAP', tier: 'SILVER' })]);
    expect((await api.http.get<Wire<CommunityPartnerPageDto>>(`/v1/events/${a.slug}/community-partners`, { token: a.organiser.token })).body.items).toEqual([]);
  });

  it('refuses a second sponsor or partner of the same name, also when both arrive at once', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => api.http.post<Problem>(`/v1/events/${slug}/sponsors`, { name: 'Alibaba Cloud', tier: 'PLATINUM' }, { token })),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(attempts.find((r) => r.status === 409)?.body.code).toBe('SPONSOR_EXISTS');
    expect((await api.http.get<Wire<SponsorPageDto>>(`/v1/events/${slug}/sponsors`, { token })).body.items).toHaveLength(1);

    const partner = await api.http.post(`/v1/events/${slug}/community-partners`, { name: 'OSChina' }, { token });
    const other = await api.http.post<Wire<CommunityPartnerDto>>(`/v1/events/${slug}/community-partners`, { name: 'CNCF Ambassadors' }, { token });
    const renamed = await api.http.patch(`/v1/events/${slug}/community-partners/${other.body.id}`, { name: 'OSChina' }, { token, lang: 'zh-CN' });
    expect(renamed.status).toBe(409);
    expect(renamed.body).toMatchObject({ code: 'COMMUNITY_PARTNER_EXISTS', detail: '“OSChina”已经是本活动的社区合作伙伴。' });
    expect(partner.status).toBe(201);
    // the same name is fine in another edition
    const elsewhere = await createEventWithOrganiser(api);
    expect((await api.http.post(`/v1/events/${elsewhere.slug}/sponsors`, { name: 'Alibaba Cloud', tier: 'GOLD' }, { token: elsewhere.organiser.token })).status).toBe(201);
  });

  it('explains invalid input per field in English and in Chinese', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const bad = { name: '   ', tier: 'PAPER', website: 'ftp://example.org', extra: 1 };
    const en = await api.http.post<Problem>(`/v1/events/${slug}/sponsors`, bad, { token, lang: 'en' });
    expect(en.status).toBe(400);
    const byField = (body: Problem) =>
      Object.fromEntries(body.errors!.map((e) => [`${e.field}:${e.code}`, e.message]));
    expect(byField(en.body)).toMatchObject({
      'name:minLength': 'name must be at least 1 characters long.',
      'tier:isEnum': expect.stringContaining('tier must be one of: STRATEGIC, DOUBLE_DIAMOND'),
      'website:isUrl': 'website must be an http(s) URL, e.g. https://example.org.',
      'extra:unknownField': 'extra is not a known field.',
    });
    const zh = await api.http.post<Problem>(`/v1/events/${slug}/sponsors`, bad, { token, lang: 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(byField(zh.body)).toMatchObject({
      'website:isUrl': 'website 必须是 http(s) 网址，例如 https://example.org。',
      'tier:isEnum': expect.stringContaining('tier 必须是以下之一'),
    });

    const language = await api.http.post<Problem>(`/v1/events/${slug}/media`, { name: 'Li Wei', outlet: 'InfoQ', kind: 'MEDIA', language: 'xx' }, { token, lang: 'zh-CN' });
    expect(language.status).toBe(400);
    expect(byField(language.body)).toEqual({ 'language:isLanguageCode': 'language 必须是 ISO 639 语言代码，例如 en 或 zh。' });

    const figure = await api.http.post<Problem>(`/v1/events/${slug}/facts`, { kind: 'FIGURE', label: { en: 'Pieces of media coverage' } }, { token, lang: 'zh-CN' });
    expect(figure.status).toBe(400);
    expect(figure.body).toMatchObject({ code: 'EVENT_FACT_VALUE_REQUIRED', detail: expect.stringContaining('FIGURE') });
    expect(figure.body.errors).toEqual([{ field: 'value', code: 'isDefined', message: 'value 为必填项。' }]);
    const figureEn = await api.http.post<Problem>(`/v1/events/${slug}/facts`, { kind: 'FIGURE', label: { en: 'Coverage' }, value: 1.234, publishedOn: '2019-02-30' }, { token });
    expect(byField(figureEn.body)).toMatchObject({ 'value:isNumber': 'value must be a number.', 'publishedOn:isIso8601': expect.any(String) });
    // numbers JavaScript writes with an exponent: 1e-323 has 323 decimals, 1.5e-7 eight (a 500 once, not a 400)
    for (const value of [1e-323, 1.5e-7]) {
      const tiny = await api.http.post<Problem>(`/v1/events/${slug}/facts`, { kind: 'FIGURE', label: { en: 'Coverage' }, value }, { token });
      expect([tiny.status, tiny.body.errors], String(value)).toEqual([400, [{ field: 'value', code: 'isNumber', message: 'value must be a number.' }]]);
    }
    const large = await api.http.post<Problem>(`/v1/events/${slug}/facts`, { kind: 'FIGURE', label: { en: 'Coverage' }, value: 1e21 }, { token });
    expect(large.body.errors?.map((error) => `${error.field}:${error.code}`)).toEqual(['value:max']);

    const sponsor = await api.http.post<Wire<SponsorDto>>(`/v1/events/${slug}/sponsors`, { name: 'Huawei', tier: 'STRATEGIC' }, { token });
    const nulled = await api.http.patch<Problem>(`/v1/events/${slug}/sponsors/${sponsor.body.id}`, { name: null, tier: null }, { token });
    expect(nulled.status).toBe(400);
    expect(Object.keys(byField(nulled.body))).toEqual(expect.arrayContaining(['name:isString', 'tier:isEnum']));
    expect((await api.http.patch<Problem>(`/v1/events/${slug}/sponsors/not-a-uuid`, { tier: 'GOLD' }, { token })).body.errors![0]).toMatchObject({ field: 'sponsorId', code: 'isUUID' });
    // nothing was written by any refused request
    expect((await api.http.get<Wire<SponsorPageDto>>(`/v1/events/${slug}/sponsors`, { token })).body.items).toEqual([expect.objectContaining({ name: 'Huawei', tier: 'STRATEGIC' })]);
    expect((await api.http.get<Wire<EventFactPageDto>>(`/v1/events/${slug}/facts`, { token })).body.items).toEqual([]);
  });

  it('records media accreditations with a normalised working language', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const created = await api.http.post<Wire<MediaAccreditationDto>>(`/v1/events/${slug}/media`, { name: '王芳', outlet: '新华社', kind: 'MEDIA', language: ' ZH ' }, { token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '王芳', outlet: '新华社', kind: 'MEDIA', language: 'zh' });
    const changed = await api.http.patch(`/v1/events/${slug}/media/${created.body.id}`, { kind: 'ANALYST', language: 'en' }, { token });
    expect(changed.body).toMatchObject({ kind: 'ANALYST', language: 'en', outlet: '新华社' });
    expect((await api.http.delete(`/v1/events/${slug}/media/${created.body.id}`, { token })).status).toBe(204);
  });

  it('keeps organiser-entered facts marked as such, and a figure always has its value', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    const clipping = await api.http.post<Wire<EventFactDto>>(
      `/v1/events/${slug}/facts`,
      { kind: 'PRESS_CLIPPING', label: { en: 'KubeCon China draws a record crowd' }, source: 'InfoQ', url: 'https://www.infoq.cn/article/kubecon', publishedOn: '2019-06-27', language: 'zh' },
      { token },
    );
    expect(clipping.status).toBe(201);
    expect(clipping.body).toMatchObject({ kind: 'PRESS_CLIPPING', publishedOn: '2019-06-27', value: null, enteredByOrganisers: true });
    const figure = await api.http.post<Wire<EventFactDto>>(`/v1/events/${slug}/facts`, { kind: 'FIGURE', label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' }, value: 184 }, { token });
    expect(figure.body).toMatchObject({ kind: 'FIGURE', value: 184, label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' } });

    const cleared = await api.http.patch<Problem>(`/v1/events/${slug}/facts/${figure.body.id}`, { value: null }, { token });
    expect(cleared.status).toBe(400);
    expect(cleared.body.code).toBe('EVENT_FACT_VALUE_REQUIRED');
    const toFigure = await api.http.patch<Problem>(`/v1/events/${slug}/facts/${clipping.body.id}`, { kind: 'FIGURE' }, { token });
    expect(toFigure.body.code).toBe('EVENT_FACT_VALUE_REQUIRED');
    const updated = await api.http.patch(`/v1/events/${slug}/facts/${clipping.body.id}`, { publishedOn: null, source: 'InfoQ 中文站' }, { token });
    expect(updated.body).toMatchObject({ publishedOn: null, source: 'InfoQ 中文站', kind: 'PRESS_CLIPPING', url: 'https://www.infoq.cn/article/kubecon' });

    const list = await api.http.get<Wire<EventFactPageDto>>(`/v1/events/${slug}/facts`, { token });
    expect(list.body.items.map((f: { kind: string; value: number | null }) => [f.kind, f.value])).toEqual([['PRESS_CLIPPING', null], ['FIGURE', 184]]);
  });

  it('pages lists with an opaque cursor', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const token = organiser.token;
    for (const name of ['A', 'B', 'C']) await api.http.post(`/v1/events/${slug}/community-partners`, { name }, { token });
    const first = await api.http.get<Wire<CommunityPartnerPageDto>>(`/v1/events/${slug}/community-partners?limit=2`, { token });
    expect(first.body.items.map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    const second = await api.http.get(`/v1/events/${slug}/community-partners?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ name: 'C' })], nextCursor: null });
    const forged = Buffer.from(JSON.stringify(['2019-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url');
    const bad = await api.http.get<Problem>(`/v1/events/${slug}/community-partners?cursor=${forged}`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CURSOR_INVALID');
  });
});
