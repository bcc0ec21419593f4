import { createHash, randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { Language } from '@lectern/i18n/i18n';
import { QUEUES, REPORT_JOB_ID } from '@lectern/queue/queue.contract';
import { bullConnection } from '@lectern/redis/redis.connection';
import { buildReport } from '@reports/build-report';
import { reportJson } from '@reports/produce-report';
import { TransparencyReport } from '@reports/report.model';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { readPdf } from '@test/support/pdf-text';
import { ReportScratch } from '@test/support/report-scratch';
import { ReportBody, finished, printedNumbers, waitForReport } from '@test/support/reports';
import { ensureBuilt } from '@test/support/worker-process';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi, testConfig } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { ReportDto, ReportPageDto } from '@api/reports/reports.dto';

const LANGUAGES: Language[] = ['en', 'zh-CN'];
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A small edition: registrations from four countries, a CFP, sponsors, partners, media, a scholarship, a fact. */
async function fillEdition(db: ReportScratch, eventId: string, seriesSlug: string) {
  const [{ id: seriesId }] = (await db.db.query<{ id: string }>('SELECT id FROM series WHERE slug = $1', [seriesSlug])).rows;
  const previous = await db.event(seriesId, { name: 'Test Conference 2029', starts_at: new Date('2029-06-24T01:00:00Z'), ends_at: new Date('2029-06-26T01:00:00Z') });
  const previousTicket = await db.ticketType(previous.id, 'All access', 'CORPORATE', 'IN_PERSON');
  await db.registrations(8, previous.id, previousTicket);

  const allAccess = await db.ticketType(eventId, 'All access', 'CORPORATE', 'IN_PERSON', '全场通行票');
  const livestream = await db.ticketType(eventId, 'Livestream', 'VIRTUAL', 'VIRTUAL', '直播');
  const cn = await db.registrations(12, eventId, allAccess, {
    country: 'CN', company_size: 'SIZE_3000_PLUS', job_function: 'DEVELOPER', industry: 'INFORMATION_TECHNOLOGY', first_time_attendee: true, gender: 'MAN',
  });
  await db.registrations(6, eventId, allAccess, {
    country: 'US', company_size: 'SIZE_50_249', job_function: 'ARCHITECT', industry: 'FINANCIALS', first_time_attendee: false, gender: 'WOMAN',
  });
  await db.registrations(2, eventId, allAccess, { country: 'DE', first_time_attendee: true });
  await db.registrations(1, eventId, allAccess, { country: 'BR' });
  await db.registrations(5, eventId, livestream);
  for (const id of cn.slice(0, 10)) await db.checkIn(eventId, id);

  const keynote = await db.format(eventId, 'keynote', 'Keynotes', '主论坛演讲');
  const breakout = await db.format(eventId, 'breakout', 'Breakout sessions', '分组会议');
  const cloud = await db.track(eventId, 'cloud', 'Cloud native', '云原生');
  const speakers = [await db.user('speaker'), await db.user('speaker'), await db.user('speaker')];
  for (let i = 0; i < 8; i++) await db.submission(eventId, { state: 'REJECTED', formatId: breakout, trackId: cloud });
  await db.submission(eventId, { state: 'CONFIRMED', formatId: breakout, trackId: cloud }, [[speakers[0], true]]);
  await db.submission(eventId, { state: 'ACCEPTED', formatId: breakout, trackId: cloud }, [[speakers[1], false]]);
  await db.submission(eventId, { state: 'CONFIRMED', origin: 'INVITED', formatId: keynote }, [[speakers[2], true]]);

  await db.sponsor(eventId, 'Huawei', 'STRATEGIC');
  await db.sponsor(eventId, 'PingCAP', 'GOLD');
  await db.partner(eventId, 'OSChina');
  for (let i = 0; i < 6; i++) await db.media(eventId, 'MEDIA', 'zh');
  for (let i = 0; i < 5; i++) await db.media(eventId, 'ANALYST', 'en');
  await db.fact(eventId, { kind: 'FIGURE', label: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' }, value: 184 });
  const programme = await db.programme(eventId, 'diversity', 'DIVERSITY');
  for (let i = 0; i < 7; i++) {
    const application = await db.application(programme);
    if (i < 5) await db.award(programme, application, 'ACCEPTED', 120_000);
  }
}

describe('transparency reports through the API and a real worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let queue: Queue;
  let db: ReportScratch;
  let edition: Awaited<ReturnType<typeof createEventWithOrganiser>>;
  let organiserToken: string;
  let reportId: string;

  beforeAll(async () => {
    await ensureBuilt();
    // a prefix of its own, so no other test's worker takes these jobs
    const prefix = `${testConfig().redis.prefix}_reports_${randomBytes(2).toString('hex')}`;
    api = await startApi({ REDIS_PREFIX: prefix });
    worker = await createWorker(testConfig({ REDIS_PREFIX: prefix, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();
    queue = new Queue(QUEUES.reports, bullConnection(api.config.redis, 'producer'));
    db = await ReportScratch.connect();
    edition = await createEventWithOrganiser(api, { name: { en: 'Test Conference 2030', 'zh-CN': '测试大会 2030' } });
    organiserToken = await logIn(api.http, edition.organiser.email);
    await fillEdition(db, edition.event.id, edition.seriesSlug);
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await api?.close();
    await db?.close();
  });

  const path = (suffix = '') => `/v1/events/${edition.slug}/reports${suffix}`;

  it('queues one report and one job for concurrent requests', async () => {
    // with the queue paused, the job waits where it can be counted
    await queue.pause();
    try {
      const responses = await Promise.all([1, 2, 3, 4, 5].map(() => api.http.post<ReportBody>(path(), undefined, { token: organiserToken })));
      expect(responses.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
      const ids = new Set(responses.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      reportId = responses[0].body.id;
      expect(responses[0].body).toMatchObject({ status: 'QUEUED', progress: 0, attempts: 0, privacyThreshold: 5, files: [], json: null });
      const rows = await db.db.query('SELECT id FROM reports WHERE event_id = $1', [edition.event.id]);
      expect(rows.rowCount).toBe(1);
      const audit = await db.db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'report.requested'`, [reportId]);
      expect(audit.rowCount).toBe(1);
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
      expect((await queue.getJob(REPORT_JOB_ID(reportId)))?.data).toEqual({ reportId });
    } finally {
      await queue.resume();
    }
  });

  it('produces both editions and the JSON, with progress, checksums and one row per file', async () => {
    const seen: number[] = [];
    const report = await waitForReport(api.http, edition.slug, reportId, organiserToken, (r) => {
      seen.push(r.progress);
      return finished(r);
    });
    expect(report).toMatchObject({ status: 'SUCCEEDED', progress: 100, attempts: 1, failureReason: null, lastError: null, publishedAt: null });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(report.files.map((f: { language: string }) => f.language)).toEqual(['en', 'zh-CN']);
    const files = await db.db.query<{ language: string; sha256: string; size_bytes: number; pdf: Buffer }>('SELECT language, sha256, size_bytes, pdf FROM report_files WHERE report_id = $1 ORDER BY language', [reportId]);
    expect(files.rows.map((f) => [f.language, f.sha256, f.size_bytes])).toEqual(
      report.files.map((f: { language: string; sha256: string; sizeBytes: number }) => [f.language, f.sha256, f.sizeBytes]),
    );
    for (const file of files.rows) expect(sha256(file.pdf)).toBe(file.sha256);

    // the stored JSON is exactly what the statistics give for the same snapshot and generation instant
    const json = await api.http.get<TransparencyReport>(path(`/${reportId}/json`), { token: organiserToken });
    expect(json.status).toBe(200);
    expect(json.headers.get('etag')).toBe(`"${report.json!.sha256}"`);
    expect(sha256(json.text)).toBe(report.json!.sha256);
    const expected = buildReport(await collectReportInput(db.sql, edition.event.id, { privacyThreshold: 5, generatedAt: new Date(report.generatedAt!) }));
    expect(json.text).toBe(reportJson(expected));
    expect(json.body.headline).toMatchObject({
      registrations: 26,
      // 26 - 8 from the 2029 edition = 18, 225% up
      registrationsChange: { previousRegistrations: 8, delta: 18, deltaPercent: 225 },
      cfpSubmissions: 10,
      acceptanceRatePercent: 20,
      virtualRegistrations: 5,
      scholarshipsAwarded: 5,
      mediaAndAnalysts: 11,
    });
  });

  it('prints every number of the JSON in both PDF editions, with the Chinese text extractable', async () => {
    const json = (await api.http.get(path(`/${reportId}/json`), { token: organiserToken })).body as TransparencyReport;
    for (const language of LANGUAGES) {
      const response = await fetch(`${api.http.baseUrl}${path(`/${reportId}/pdf?lang=${language}`)}`, { headers: { authorization: `Bearer ${organiserToken}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-language')).toBe(language);
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
      const text = await readPdf(pdf);
      expect(text.language).toBe(language);
      const numbers = printedNumbers(json, language);
      expect(numbers.length).toBeGreaterThan(100);
      expect(numbers.filter((n) => !text.compact.includes(squeeze(n.text))), language).toEqual([]);
      if (language === 'zh-CN') for (const phrase of ['透明度报告', '测试大会2030', '全场通行票', '条媒体报道']) expect(text.compact).toContain(phrase);
    }
  });

  it('answers 304 to a current ETag and 200 to any other', async () => {
    const first = await api.http.get(path(`/${reportId}/pdf?lang=zh-CN`), { token: organiserToken });
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`]) {
      const again = await api.http.get(path(`/${reportId}/pdf?lang=zh-CN`), { token: organiserToken, headers: { 'if-none-match': header } });
      expect(again.status, header).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    const other = await api.http.get(path(`/${reportId}/pdf?lang=zh-CN`), { token: organiserToken, headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    // the English edition has its own tag
    const english = await api.http.get(path(`/${reportId}/pdf?lang=en`), { token: organiserToken, headers: { 'if-none-match': etag } });
    expect(english.status).toBe(200);
    const json = await api.http.get(path(`/${reportId}/json`), { token: organiserToken });
    const jsonAgain = await api.http.get(path(`/${reportId}/json`), { token: organiserToken, headers: { 'if-none-match': json.headers.get('etag')! } });
    expect(jsonAgain.status).toBe(304);
    const badLanguage = await api.http.get(path(`/${reportId}/pdf?lang=fr`), { token: organiserToken });
    expect(badLanguage.status).toBe(400);
  });

  it('lets only organisers see a report until it is published, and anyone after', async () => {
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`/v1/events/${edition.slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: edition.adminToken });
    const otherEdition = await createEventWithOrganiser(api);
    const otherOrganiser = await logIn(api.http, otherEdition.organiser.email);
    const outsiders: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['reviewer', reviewer.token],
      ['organiser of another event', otherOrganiser],
    ];

    for (const [who, token] of outsiders) {
      expect((await api.http.get(path(`/${reportId}/pdf?lang=en`), { token })).status, who).toBe(404);
      expect((await api.http.get(path(`/${reportId}/json`), { token })).status, who).toBe(404);
      expect((await api.http.get(path(`/${reportId}`), { token })).status, who).toBe(404);
      expect((await api.http.get<Wire<ReportPageDto>>(path(), { token })).body.items, who).toEqual([]);
    }
    expect((await api.http.post(path(`/${reportId}/publish`))).status).toBe(401);
    expect((await api.http.post(path(`/${reportId}/publish`), undefined, { token: reviewer.token })).status).toBe(403);
    expect((await api.http.post(path(`/${reportId}/publish`), undefined, { token: otherOrganiser })).status).toBe(403);
    expect((await api.http.post(path(), undefined, { token: reviewer.token })).status).toBe(403);
    expect((await api.http.post(path(), undefined)).status).toBe(401);

    const published = await api.http.post<ReportBody>(path(`/${reportId}/publish`), undefined, { token: organiserToken });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const again = await api.http.post<ReportBody>(path(`/${reportId}/publish`), undefined, { token: organiserToken });
    expect(again.body.publishedAt).toBe(published.body.publishedAt);
    // one domain event for the first publication only: what webhook subscribers hear as report.published
    const events = await db.db.query(`SELECT payload FROM outbox WHERE type = 'report.published' AND payload->>'reportId' = $1`, [reportId]);
    expect(events.rows).toEqual([{ payload: { eventId: edition.event.id, reportId } }]);

    for (const [who, token] of outsiders) {
      const pdf = await api.http.get(path(`/${reportId}/pdf?lang=zh-CN`), { token });
      expect(pdf.status, who).toBe(200);
      expect(pdf.headers.get('cache-control')).toBe('public, max-age=3600');
      expect((await api.http.get(path(`/${reportId}/json`), { token })).status, who).toBe(200);
      expect((await api.http.get<Wire<ReportPageDto>>(path(), { token })).body.items.map((r) => r.id), who).toEqual([reportId]);
    }
  });

  it('fails a report its data cannot describe at once, with the reason, and never retries it', async () => {
    const broken = await createEventWithOrganiser(api);
    const token = await logIn(api.http, broken.organiser.email);
    const ticket = await db.ticketType(broken.event.id, 'All access', 'CORPORATE', 'IN_PERSON');
    // not a country: the report could never say which continent it is on
    await db.registrations(1, broken.event.id, ticket, { country: 'ZZ' });
    const queued = await api.http.post<Wire<ReportDto>>(`/v1/events/${broken.slug}/reports`, undefined, { token });
    expect(queued.status).toBe(202);
    const report = await waitForReport(api.http, broken.slug, queued.body.id, token, finished);
    expect(report).toMatchObject({ status: 'FAILED', attempts: 1, failureReason: 'unknown country code ZZ', files: [], json: null });
    const pdf = await api.http.get<Problem>(`/v1/events/${broken.slug}/reports/${report.id}/pdf`, { token });
    expect(pdf.status).toBe(409);
    expect(pdf.body.code).toBe('REPORT_NOT_READY');
    expect((await api.http.post<Problem>(`/v1/events/${broken.slug}/reports/${report.id}/publish`, undefined, { token })).body.code).toBe('REPORT_NOT_READY');
    // a failed report does not block a new request
    const next = await api.http.post<Wire<ReportDto>>(`/v1/events/${broken.slug}/reports`, undefined, { token });
    expect(next.body.id).not.toBe(report.id);
    await waitForReport(api.http, broken.slug, next.body.id, token, finished);
  });

  it('refuses malformed ids and unknown reports with problems, never a 500', async () => {
    expect((await api.http.get(path('/not-a-uuid'), { token: organiserToken })).status).toBe(400);
    const missing = await api.http.get(path('/00000000-0000-4000-8000-000000000000'), { token: organiserToken, lang: 'zh-CN' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'REPORT_NOT_FOUND', title: '未找到报告' });
    expect((await api.http.get('/v1/events/no-such-event/reports')).status).toBe(404);
  });
});
