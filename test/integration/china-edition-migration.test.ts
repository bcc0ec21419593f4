import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';
import { buildReport } from '@reports/build-report';
import { reportJson } from '@reports/produce-report';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { createScratchDatabase } from '@test/support/databases';

const LANGUAGES_MIGRATION = '20261204210000_languages_as_data';
/** The 2019 edition in the fixture. */
const EVENT_ID = '941a9130-683f-464e-ab8d-dc5e1f200687';
const fixture = (name: string) => readFileSync(join(projectRoot(), 'test', 'fixtures', name), 'utf8');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The old report JSON in today's shape of names: each `x` with its `xZh` becomes the map { en, zh-CN } (a missing
 * Chinese form left out, as the migration does), and the venue and the ticket types without a Chinese name, English
 * only then, a map with English alone.
 * Nothing else changes: every figure, key and other text must already be equal.
 */
function inTodaysShape(value: Json): Json {
  if (Array.isArray(value)) return value.map(inTodaysShape);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith('Zh') && key.slice(0, -2) in value) continue;
    const zh = value[`${key}Zh`];
    if (zh !== undefined && typeof item === 'string') out[key] = zh === null ? { en: item } : { en: item, 'zh-CN': zh };
    else if (key === 'venue' && typeof item === 'string') out[key] = { en: item };
    // a group of a distribution (a ticket type) then named in English only, its nameZh left out
    else if (key === 'name' && typeof item === 'string' && 'key' in value && 'count' in value) out[key] = { en: item };
    else out[key] = inTodaysShape(item);
  }
  return out;
}

/**
 * The demo's China editions through the languages-as-data migration: an edition written by the code before it (a
 * pg_dump of rows written by that code's report test helper, its previous edition and a co-located event included),
 * migrated, then reported by today's code. The report JSON equals the JSON the old code produced from the same rows
 * (committed beside the rows), but for the new shape of names and the two members the migration added.
 */
describe('a China edition written before languages-as-data, reported after it', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let folder: string;
  let report: Record<string, Json>;

  beforeAll(async () => {
    database = await createScratchDatabase('china-before-languages');
    folder = mkdtempSync(join(tmpdir(), 'lectern-china-'));
    const all = join(projectRoot(), 'prisma', 'migrations');
    cpSync(all, folder, { recursive: true, filter: (source) => !/^\d{14}_/.test(basename(source)) || basename(source) < LANGUAGES_MIGRATION });
    await migrate(database.url, folder);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query(fixture('china-edition-before-languages.sql'));
    } finally {
      await db.end();
    }
    cpSync(all, folder, { recursive: true });
    await migrate(database.url, folder);

    const reader = new Client({ connectionString: database.url });
    await reader.connect();
    try {
      const sql = async <T,>(text: string, values: unknown[] = []) => (await reader.query(text, values)).rows as T[];
      const model = buildReport(await collectReportInput(sql, EVENT_ID, { privacyThreshold: 5, generatedAt: new Date('2019-07-15T08:00:00Z') }));
      report = JSON.parse(reportJson(model)) as Record<string, Json>;
    } finally {
      await reader.end();
    }
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('gives the same figures and texts as before, names now one map per field', () => {
    // came later, not with this migration: sharedCfp, speakerOrigins and changes (issue 15); the organisers' choices,
    // the trends and format 2 (issue 20), compared below as far as the first format had them
    const { languages, labels, sharedCfp, speakerOrigins, changes, choices, format, ...rest } = report;
    const { format: formatBefore, ...before } = JSON.parse(fixture('china-edition-report-before-languages.json')) as Record<string, Json>;
    // format 2 gave each trend row more figures and each entered fact a unit: compare what format 1 had
    const { yearOverYear, organiserFacts, ...others } = rest as Record<string, Json[]>;
    const { yearOverYear: trendsBefore, organiserFacts: factsBefore, ...othersBefore } = inTodaysShape(before) as Record<string, Json[]>;
    expect(others).toEqual(othersBefore);
    expect(yearOverYear).toMatchObject(trendsBefore);
    expect(yearOverYear).toHaveLength(trendsBefore.length);
    expect(organiserFacts).toEqual(factsBefore.map((fact) => ({ ...(fact as Record<string, Json>), unit: null })));
    expect([formatBefore, format]).toEqual(['lectern-transparency-report/1', 'lectern-transparency-report/4']);
    expect(changes).toEqual([]);
    expect(choices).toEqual({ introduction: null, omittedSections: [], topCountries: 10 });
    // what the migration added: the series' languages (its reports came in English and Chinese) and their labels
    expect(languages).toEqual(['en', 'zh-CN']);
    expect(Object.keys(labels as Record<string, Json>)).toEqual(['en', 'zh-CN']);
    expect(sharedCfp).toBeNull();
    expect(speakerOrigins).toMatchObject({ international: 0 });
  });

  it('is no empty comparison: the edition has its figures and its Chinese names', () => {
    expect(report.headline).toMatchObject({ registrations: 39, sponsors: 3, cfpSubmissions: 17 });
    expect((report.headline as Record<string, Json>).registrationsChange).toMatchObject({ previousRegistrations: 20, previousName: { en: 'KubeCon China 2018', 'zh-CN': 'KubeCon 中国 2018' } });
    expect(report.event).toMatchObject({ name: { en: 'KubeCon + CloudNativeCon + Open Source Summit China 2019', 'zh-CN': 'KubeCon + CloudNativeCon + 开源峰会中国 2019' } });
  });
});
