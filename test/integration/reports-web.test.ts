import { createHash, randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DomUtils, parseDocument } from 'htmlparser2';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { Language, translator } from '@lectern/i18n/i18n';
import { TransparencyReport } from '@reports/report.model';
import { ReportScratch } from '@test/support/report-scratch';
import { ReportBody, finished, printedNumbers, waitForReport } from '@test/support/reports';
import { ensureBuilt } from '@test/support/worker-process';
import { TestApi, createEventWithOrganiser, logIn, startApi, testConfig } from '@test/support/harness';
import { Problem } from '@test/support/api-types';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const LANGUAGES: Language[] = ['en', 'zh-CN'];
const FACT_URL = 'https://www.cncf.io/reports/kubecon-2030/';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The JSON's value at a `data-path` ("attendees.countries.items[2].count"). */
function at(json: unknown, path: string): unknown {
  return (path.match(/[^.[\]]+/g) ?? []).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], json);
}

/** Every number of the JSON with its path, as the page's `data-path` names it (money by its `minor`). */
function jsonNumbers(value: unknown): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') found.set(path, node);
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(value, '');
  return found;
}

/** A page as a browser's parser reads it (htmlparser2, entities decoded), with the look-ups the checks need. */
function readPage(html: string) {
  const document = parseDocument(html);
  const all = (tag: string, root: Parameters<typeof DomUtils.getElementsByTagName>[1] = document) => DomUtils.getElementsByTagName(tag, root, true);
  const text = (element: Element) => DomUtils.textContent(element).trim();
  const data = (root: Parameters<typeof DomUtils.getElementsByTagName>[1] = document) =>
    all('data', root).map((el) => ({ path: el.attribs['data-path'], value: Number(el.attribs.value), text: text(el) }));
  const elements = DomUtils.findAll(() => true, document.children);
  /** The table whose caption reads `caption`; its body rows. */
  const rows = (caption: string) => {
    const table = all('table').find((t) => all('caption', t).some((c) => text(c) === caption));
    expect(table, `a table captioned "${caption}"`).toBeDefined();
    return all('tr', all('tbody', table)[0]);
  };
  /** The chart titled `title`: its description's entries ("label: figures"). */
  const chart = (title: string) => {
    const svg = all('svg').find((s) => all('title', s).some((t) => text(t) === title));
    expect(svg, `a chart titled "${title}"`).toBeDefined();
    const [titleId, descId] = svg!.attribs['aria-labelledby'].split(' ');
    expect(svg!.attribs.role).toBe('img');
    expect(all('title', svg)[0].attribs.id).toBe(titleId);
    const desc = all('desc', svg)[0];
    expect(desc.attribs.id).toBe(descId);
    return text(desc).split('; ');
  };
  return { document, all, text, data, elements, rows, chart };
}

/** Registrations from four countries (some checked in), a CFP, sponsors, a scholarship programme, a figure with its source; two earlier editions, one without ticket types. */
async function fillEdition(db: ReportScratch, eventId: string, seriesSlug: string) {
  const [{ id: seriesId }] = (await db.db.query<{ id: string }>('SELECT id FROM series WHERE slug = $1', [seriesSlug])).rows;
  const older = await db.event(seriesId, { name: 'Web Conference 2028', starts_at: new Date('2028-06-24T01:00:00Z'), ends_at: new Date('2028-06-26T01:00:00Z') });
  await db.registrations(9, older.id, await db.ticketType(older.id, 'All access', 'CORPORATE', 'IN_PERSON'));
  // no ticket types in Lectern: its registrations are unknown, shown as such and never as 0
  await db.event(seriesId, { name: 'Web Conference 2029', starts_at: new Date('2029-06-24T01:00:00Z'), ends_at: new Date('2029-06-26T01:00:00Z') });

  const ticket = await db.ticketType(eventId, 'All access', 'CORPORATE', 'IN_PERSON', '全场通行票');
  const chinese = await db.registrations(14, eventId, ticket, { country: 'CN', company_size: 'SIZE_3000_PLUS', first_time_attendee: true });
  // the edition used check-in, so the report has its check-in line (format 4 leaves it out of one that did not)
  for (const id of chinese.slice(0, 10)) await db.checkIn(eventId, id);
  await db.registrations(7, eventId, ticket, { country: 'JP', company_size: 'SIZE_50_249', first_time_attendee: false });
  await db.registrations(6, eventId, ticket, { country: 'US', first_time_attendee: true });
  await db.registrations(2, eventId, ticket, { country: 'FR' });
  await db.registrations(4, eventId, await db.ticketType(eventId, 'Livestream', 'VIRTUAL', 'VIRTUAL', '直播'));

  const breakout = await db.format(eventId, 'breakout', 'Breakout sessions', '分组会议');
  const cloud = await db.track(eventId, 'cloud', 'Cloud native', '云原生');
  const security = await db.track(eventId, 'security', 'Security', '安全');
  for (let i = 0; i < 6; i++) await db.submission(eventId, { state: 'REJECTED', formatId: breakout, trackId: i < 3 ? cloud : security });
  await db.submission(eventId, { state: 'CONFIRMED', formatId: breakout, trackId: cloud }, [[await db.user('speaker'), true]]);
  await db.submission(eventId, { state: 'CONFIRMED', formatId: breakout, trackId: security }, [[await db.user('speaker'), false]]);

  await db.sponsor(eventId, 'Huawei', 'STRATEGIC');
  await db.sponsor(eventId, 'Alibaba Cloud', 'GOLD');
  await db.fact(eventId, {
    kind: 'FIGURE',
    label: { en: 'Livestream views', 'zh-CN': '直播观看' },
    value: 12_000,
    unit: { en: 'views', 'zh-CN': '次' },
    source: 'CNCF',
    url: FACT_URL,
  });
  const programme = await db.programme(eventId, 'diversity', 'DIVERSITY');
  for (let i = 0; i < 6; i++) {
    const application = await db.application(programme);
    if (i < 5) await db.award(programme, application, 'ACCEPTED', 80_000);
  }
}

describe('the web edition of a report through the API and a real worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: ReportScratch;
  let edition: Awaited<ReturnType<typeof createEventWithOrganiser>>;
  let organiserToken: string;
  let report: ReportBody;
  let json: TransparencyReport;

  beforeAll(async () => {
    await ensureBuilt();
    // a prefix of its own, so no other test's worker takes these jobs
    const prefix = `${testConfig().redis.prefix}_web_${randomBytes(2).toString('hex')}`;
    api = await startApi({ REDIS_PREFIX: prefix });
    worker = await createWorker(testConfig({ REDIS_PREFIX: prefix, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();
    db = await ReportScratch.connect();
    edition = await createEventWithOrganiser(api, { name: { en: 'Web Conference 2030', 'zh-CN': '网络大会 2030' } });
    organiserToken = await logIn(api.http, edition.organiser.email);
    await fillEdition(db, edition.event.id, edition.seriesSlug);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.close();
  });

  const path = (suffix = '') => `/v1/events/${edition.slug}/reports${suffix}`;

  it('stores a web edition per language beside the PDFs, listed with its checksum and address', async () => {
    const queued = await api.http.post<ReportBody>(path(), undefined, { token: organiserToken });
    expect(queued.status).toBe(202);
    expect(queued.body.html).toEqual([]);
    report = await waitForReport(api.http, edition.slug, queued.body.id, organiserToken, finished);
    expect(report.status).toBe('SUCCEEDED');
    const rows = await db.db.query<{ language: string; html: string; html_sha256: string; html_size_bytes: number }>(
      'SELECT language, html, html_sha256, html_size_bytes FROM report_files WHERE report_id = $1 ORDER BY language',
      [report.id],
    );
    expect(rows.rows.map((r) => r.language)).toEqual(LANGUAGES);
    for (const row of rows.rows) {
      expect(sha256(row.html)).toBe(row.html_sha256);
      expect(Buffer.byteLength(row.html, 'utf8')).toBe(row.html_size_bytes);
    }
    expect(report.html).toEqual(
      rows.rows.map((r) => ({ language: r.language, sha256: r.html_sha256, sizeBytes: r.html_size_bytes, url: path(`/${report.id}/html?lang=${r.language}`) })),
    );
    json = (await api.http.get<TransparencyReport>(path(`/${report.id}/json`), { token: organiserToken })).body;
  });

  it('serves JSON that is valid against the JSON Schema the API serves', async () => {
    const schema = await api.http.get<Record<string, unknown>>('/v1/report-schema');
    expect(schema.status).toBe(200);
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema.body);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    // the edition exercises what the web edition shows: trends with a missing figure, a scholarship, a linked fact
    expect(json.yearOverYear.map((row) => row.registrations)).toEqual([9, null, 33]);
    expect(json.headline.scholarshipsAwarded).toBe(5);
    expect(json.organiserFacts.map((fact) => fact.url)).toEqual([FACT_URL]);
  });

  for (const language of LANGUAGES) {
    it(`shows in the ${language} web edition exactly the JSON's figures: headline tiles, table rows, chart descriptions`, async () => {
      const t = translator(language);
      const label = (key: string) => t(`report:${key}`);
      const response = await api.http.get(path(`/${report.id}/html?lang=${language}`), { token: organiserToken });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-language')).toBe(language);
      expect(response.headers.get('etag')).toBe(`"${sha256(response.text)}"`);
      expect(response.headers.get('etag')).toBe(`"${report.html.find((h) => h.language === language)!.sha256}"`);
      expect(response.headers.get('last-modified')).toBe(new Date(report.finishedAt!).toUTCString());
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      const page = readPage(response.text);
      expect(page.all('html')[0].attribs.lang).toBe(language);

      // every figure: its value is the JSON's at the path it names, and it reads as the JSON's number in this language
      const printed = new Map(printedNumbers(json, language).map((n) => [n.path, n.text]));
      const figures = page.data();
      expect(figures.length).toBeGreaterThan(100);
      const wrong = figures.filter((f) => at(json, f.path) !== f.value);
      expect(wrong, 'values not equal to the JSON').toEqual([]);
      const misread = figures.filter((f) => !squeeze(f.text).includes(squeeze(printed.get(f.path.replace(/\.minor$/, '')) ?? '\u0000')));
      expect(misread, 'figures not reading as the JSON’s number').toEqual([]);
      // and every number of the JSON is on the page (a breakdown with nothing merged says so by saying nothing)
      const shown = new Set(figures.map((f) => f.path));
      const missing = [...jsonNumbers(json)].filter(([p, value]) => !shown.has(p) && !(p.endsWith('.privacy.mergedGroups') && value === 0));
      expect(missing, 'figures of the JSON not on the page').toEqual([]);

      // headline tiles: one per figure, holding the JSON's number
      const tiles = page.all('dd', page.all('dl').find((dl) => dl.attribs.class === 'figures'));
      const tile = (key: keyof TransparencyReport['headline']) => tiles.flatMap((dd) => page.data(dd)).find((f) => f.path === `headline.${key}`)?.value;
      for (const key of ['registrations', 'countries', 'cfpSubmissions', 'acceptanceRatePercent', 'sponsors', 'virtualRegistrations', 'scholarshipsAwarded'] as const) {
        expect(tile(key), key).toBe(json.headline[key]);
      }

      // tables: one row per item of the JSON, each row's figures at that item's index
      const countries = json.attendees.countries!;
      const countryRows = page.rows(label('attendees.countries'));
      expect(countryRows).toHaveLength(countries.items.length);
      countryRows.forEach((row, i) =>
        expect(page.data(row).filter((f) => !f.path.endsWith('.groups')).map((f) => [f.path, f.value])).toEqual([
          [`attendees.countries.items[${i}].count`, countries.items[i].count],
          [`attendees.countries.items[${i}].percent`, countries.items[i].percent],
        ]),
      );
      const tracks = page.rows(label('content.byTrack'));
      expect(tracks.map((row) => page.data(row).map((f) => f.value))).toEqual(
        json.content!.byTrack.map((row) => [row.submissions, row.accepted, row.acceptanceRatePercent]),
      );
      // trends: the edition without figures says "n/a" where a figure would be, never 0
      const trendRows = page.rows(label('yoy.title'));
      expect(trendRows).toHaveLength(json.yearOverYear.length);
      const cells = page.all('td', trendRows[1]);
      expect(page.data(trendRows[1])).toEqual([]);
      expect(cells.map((cell) => page.text(cell))).toEqual(cells.map(() => label('common.notAvailable')));

      // charts: an image whose description states each bar's figure, as the table beside it does
      const countryChart = page.chart(label('attendees.countries'));
      expect(countryChart).toHaveLength(countries.items.length);
      countryChart.forEach((entry, i) =>
        expect(squeeze(entry)).toContain(squeeze(`${printed.get(`attendees.countries.items[${i}].count`)} · ${printed.get(`attendees.countries.items[${i}].percent`)}`)),
      );
      const trendChart = page.chart(label('yoy.chartTitle'));
      expect(trendChart.map((entry) => entry.split(': ').at(-1))).toEqual(
        json.yearOverYear.map((row, i) => (row.registrations === null ? label('common.notAvailable') : printed.get(`yearOverYear[${i}].registrations`))),
      );
      expect(page.all('svg').length).toBeGreaterThan(5);

      // self-contained: no script, stylesheet, image, frame or media; the one URL is the organisers' plain link
      const external = page.elements.filter((el) =>
        ['script', 'link', 'img', 'iframe', 'frame', 'object', 'embed', 'source', 'video', 'audio', 'picture', 'base', 'image', 'use', 'form'].includes(el.name),
      );
      expect(external.map((el) => el.name)).toEqual([]);
      const withUrls = page.elements.filter((el) => Object.keys(el.attribs).some((name) => ['src', 'srcset', 'href', 'xlink:href', 'action', 'poster', 'data', 'background'].includes(name)));
      expect(withUrls.map((el) => [el.name, el.attribs.href])).toEqual([['a', FACT_URL]]);
      const styles = [...page.all('style').map((el) => page.text(el)), ...page.elements.map((el) => el.attribs.style ?? '')].join('\n');
      expect(styles).not.toMatch(/url\(|@import|@font-face/);
    });
  }

  it('answers a conditional request with 304 while the page is current, and refuses a language the report does not have', async () => {
    const url = path(`/${report.id}/html?lang=zh-CN`);
    const first = await api.http.get(url, { token: organiserToken });
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const current: Record<string, string>[] = [{ 'if-none-match': etag }, { 'if-none-match': `"other", ${etag}` }, { 'if-modified-since': lastModified }];
    for (const headers of current) {
      const again = await api.http.get(url, { token: organiserToken, headers });
      expect(again.status, JSON.stringify(headers)).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    // If-None-Match wins: another tag gets the page even with a current date
    expect((await api.http.get(url, { token: organiserToken, headers: { 'if-none-match': '"other"', 'if-modified-since': lastModified } })).status).toBe(200);
    expect((await api.http.get(url, { token: organiserToken, headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() } })).status).toBe(200);
    // each language has its own tag
    expect((await api.http.get(path(`/${report.id}/html?lang=en`), { token: organiserToken, headers: { 'if-none-match': etag } })).status).toBe(200);
    expect((await api.http.get(path(`/${report.id}/html?lang=fr`), { token: organiserToken })).status).toBe(400);
    const japanese = await api.http.get<Problem>(path(`/${report.id}/html?lang=ja`), { token: organiserToken });
    expect(japanese.status).toBe(404);
    expect(japanese.body.code).toBe('REPORT_NOT_FOUND');
  });

  it('sends the page with a Content-Security-Policy that allows no script and nothing from elsewhere', async () => {
    const response = await api.http.get(path(`/${report.id}/html?lang=en`), { token: organiserToken });
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // the API's own policy still holds everywhere else
    expect((await api.http.get(path(`/${report.id}/json`), { token: organiserToken })).headers.get('content-security-policy')).not.toBe(CSP);
  });

  it('is not found by anyone but the organisers until the report is published, and public after', async () => {
    for (const language of LANGUAGES) {
      const hidden = await api.http.get<Problem>(path(`/${report.id}/html?lang=${language}`));
      expect(hidden.status, language).toBe(404);
      expect(hidden.body.code).toBe('REPORT_NOT_FOUND');
    }
    expect((await api.http.post(path(`/${report.id}/publish`), undefined, { token: organiserToken })).status).toBe(200);
    for (const language of LANGUAGES) {
      const open = await api.http.get(path(`/${report.id}/html?lang=${language}`));
      expect(open.status, language).toBe(200);
      expect(open.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(open.headers.get('etag')).toBe(`"${report.html.find((h) => h.language === language)!.sha256}"`);
      expect(readPage(open.text).all('html')[0].attribs.lang).toBe(language);
    }
    const listed = await api.http.get<{ items: ReportBody[] }>(path());
    expect(listed.body.items.map((r) => r.html.map((h) => h.language))).toEqual([LANGUAGES]);
  });

  it('has no web edition for a report produced before web editions existed, and says so with a 404', async () => {
    await db.db.query('UPDATE report_files SET html = NULL, html_sha256 = NULL, html_size_bytes = NULL WHERE report_id = $1', [report.id]);
    const view = await api.http.get<ReportBody>(path(`/${report.id}`));
    expect(view.body.html).toEqual([]);
    expect(view.body.files.map((f) => f.language)).toEqual(LANGUAGES);
    const missing = await api.http.get<Problem>(path(`/${report.id}/html?lang=en`));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('REPORT_NOT_FOUND');
    // the three columns come together
    await expect(db.db.query(`UPDATE report_files SET html = '<p>' WHERE report_id = $1`, [report.id])).rejects.toThrow(/report_files_html_check/);
  });
});
