import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { Wire } from '@test/support/api-types';
import { TestApi, createEventWithOrganiser, logIn, startApi, testConfig } from '@test/support/harness';
import { readPdf } from '@test/support/pdf-text';
import { ReportScratch } from '@test/support/report-scratch';
import { ReportBody, finished, waitForReport } from '@test/support/reports';
import { ensureBuilt } from '@test/support/worker-process';

/** Editions beyond Chinese: each language of the series gets its own complete PDF, set in its script's font. */
const EDITIONS = [
  {
    language: 'ko',
    event: { en: 'Kubernetes Forum Seoul', ko: '쿠버네티스 포럼 서울' },
    city: { en: 'Seoul', ko: '서울' },
    ticket: { en: 'All access', ko: '전체 이용권' },
    country: 'KR',
    timezone: 'Asia/Seoul',
    title: '투명성보고서',
    font: 'NotoSansKR',
  },
  {
    language: 'ja',
    event: { en: 'KubeCon Japan', ja: 'クベコン・ジャパン' },
    city: { en: 'Tokyo', ja: '東京' },
    ticket: { en: 'All access', ja: '全日程チケット' },
    country: 'JP',
    timezone: 'Asia/Tokyo',
    title: '透明性レポート',
    font: 'NotoSansJP',
  },
] as const;

describe('reports in the languages each series publishes in, through the API and a real worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: ReportScratch;

  beforeAll(async () => {
    await ensureBuilt();
    // a prefix of its own, so no other test's worker takes these jobs
    const prefix = `${testConfig().redis.prefix}_langs_${randomBytes(2).toString('hex')}`;
    api = await startApi({ REDIS_PREFIX: prefix });
    worker = await createWorker(testConfig({ REDIS_PREFIX: prefix, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();
    db = await ReportScratch.connect();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.close();
  });

  for (const edition of EDITIONS) {
    it(`an edition in English and ${edition.language}: one PDF per language, names and text in its script, its font embedded`, async () => {
      const created = await createEventWithOrganiser(
        api,
        { name: edition.event, city: edition.city, country: edition.country, timezone: edition.timezone },
        true,
        ['en', edition.language],
      );
      const token = await logIn(api.http, created.organiser.email);
      const type = await api.http.post<Wire<TicketTypeDto>>(
        `/v1/events/${created.slug}/ticket-types`,
        { name: edition.ticket, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
        { token },
      );
      expect(type.status, type.text).toBe(201);
      await db.registrations(12, created.event.id, type.body.id, { country: edition.country, first_time_attendee: true });

      const requested = await api.http.post<ReportBody>(`/v1/events/${created.slug}/reports`, undefined, { token });
      expect(requested.status, requested.text).toBe(202);
      const report = await waitForReport(api.http, created.slug, requested.body.id, token, finished);
      expect(report.status, report.lastError ?? '').toBe('SUCCEEDED');
      expect(report.files.map((f) => f.language)).toEqual(['en', edition.language]);

      // The JSON carries the same words per language: what each PDF's title and sections are called.
      const json = await api.http.get<{ languages: string[]; labels: Record<string, { title: string; sections: Record<string, string> }> }>(
        `/v1/events/${created.slug}/reports/${report.id}/json`,
        { token },
      );
      expect(json.status, json.text).toBe(200);
      expect(Object.keys(json.body.labels)).toEqual(['en', edition.language]);
      expect(json.body.labels.en.title).toBe('Transparency report');
      expect(json.body.labels[edition.language].title.replace(/\s+/g, '')).toBe(edition.title);

      for (const language of ['en', edition.language]) {
        const response = await fetch(`${api.http.baseUrl}/v1/events/${created.slug}/reports/${report.id}/pdf?lang=${language}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-language')).toBe(language);
        const pdf = Buffer.from(await response.arrayBuffer());
        const text = await readPdf(pdf);
        expect(text.language).toBe(language);
        const squeeze = (value: string) => value.replace(/\s+/g, '');
        const names = edition as unknown as Record<'event' | 'ticket', Record<string, string>>;
        expect(text.compact).toContain(squeeze(names.event[language]));
        expect(text.compact).toContain(squeeze(names.ticket[language]));
        const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(\S+)/g)].map((m) => m[1]);
        if (language === edition.language) {
          expect(text.compact).toContain(edition.title);
          // embedded as a subset (ABCDEF+Name), not referenced
          expect(fonts.some((font) => new RegExp(`^[A-Z]{6}\\+${edition.font}`).test(font)), fonts.join(', ')).toBe(true);
        }
      }
    }, 120_000);
  }
});
