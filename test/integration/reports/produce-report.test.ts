import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportScratch } from '@test/support/report-scratch';
import { ensureBuilt } from '@test/support/worker-process';
import { buildReport } from '@reports/build-report';
import { produceReport, reportJson } from '@reports/produce-report';
import { ThreadRenderer } from '@reports/render/thread-renderer';
import { collectReportInput } from '@reports/statistics/collect-report-input';

describe('produceReport', () => {
  let db: ReportScratch;
  let eventId: string;
  const generatedAt = new Date('2019-07-15T08:00:00Z');

  beforeAll(async () => {
    await ensureBuilt();
    db = await ReportScratch.connect();
    eventId = (await db.event(await db.series())).id;
    const ticket = await db.ticketType(eventId, 'All access', 'CORPORATE', 'IN_PERSON', '全场通行票');
    await db.registrations(7, eventId, ticket, { country: 'CN', first_time_attendee: true });
    await db.registrations(5, eventId, ticket, { country: 'US', first_time_attendee: false });
    await db.sponsor(eventId, 'Huawei', 'STRATEGIC');
  }, 120_000);
  afterAll(() => db.close());

  it('gives the model, its JSON and both editions, reporting progress after each step', async () => {
    const progress: [number, string][] = [];
    const produced = await produceReport(db.sql, eventId, {
      generatedAt,
      privacyThreshold: 5,
      onProgress: (percent, step) => {
        progress.push([percent, step]);
      },
    });
    expect(progress).toEqual([[40, 'statistics'], [65, 'en'], [90, 'zh-CN']]);
    const expected = buildReport(await collectReportInput(db.sql, eventId, { privacyThreshold: 5, generatedAt }));
    expect(produced.model).toEqual(expected);
    expect(produced.json).toBe(reportJson(expected));
    expect((JSON.parse(produced.json) as { headline: unknown }).headline).toMatchObject({ registrations: 12, sponsors: 1, countries: 2 });
    for (const language of ['en', 'zh-CN'] as const) expect(produced.pdf[language].subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders the same bytes in a worker thread as on the calling thread', async () => {
    const renderer = new ThreadRenderer();
    try {
      const [inThread, onThisThread] = await Promise.all([
        produceReport(db.sql, eventId, { generatedAt, privacyThreshold: 5, render: renderer.render }),
        produceReport(db.sql, eventId, { generatedAt, privacyThreshold: 5 }),
      ]);
      for (const language of ['en', 'zh-CN'] as const) expect(inThread.pdf[language].equals(onThisThread.pdf[language]), language).toBe(true);
    } finally {
      await renderer.close();
    }
    // a closed renderer refuses work instead of hanging
    await expect(renderer.render(buildReport(await collectReportInput(db.sql, eventId, { privacyThreshold: 5, generatedAt })), 'en')).rejects.toThrow(
      /closed/,
    );
  });
});
