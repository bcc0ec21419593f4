import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';
import { createScratchDatabase, query } from '@test/support/databases';

const LANGUAGES_MIGRATION = '20261204210000_languages_as_data';

/** Whether `source` (a path being copied from prisma/migrations) is a migration folder at or after `first`. */
function isMigrationFrom(source: string, first: string): boolean {
  const name = basename(source);
  return /^\d{14}_/.test(name) && name >= first;
}

/**
 * The migration that folds every `x` + `x_zh` column into one jsonb LocalizedText, run on a database holding rows
 * written in the old shape: no value is lost, and an e-mail planned before it still has its edition's names.
 */
describe('languages-as-data migration', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let folder: string;
  const ids = {
    series: '00000000-0000-4000-8000-000000000001',
    event: '00000000-0000-4000-8000-000000000002',
    question: '00000000-0000-4000-8000-000000000003',
    report: '00000000-0000-4000-8000-000000000004',
  };

  beforeAll(async () => {
    database = await createScratchDatabase('languages');
    folder = mkdtempSync(join(tmpdir(), 'lectern-languages-'));
    const all = join(projectRoot(), 'prisma', 'migrations');
    // First every migration before the languages one: the database as it stood with `_zh` columns and plain texts.
    cpSync(all, folder, { recursive: true, filter: (source) => !isMigrationFrom(source, LANGUAGES_MIGRATION) });
    await migrate(database.url, folder);
    await query(database.url, `INSERT INTO series (id, slug, name, name_zh, updated_at) VALUES ($1, 'kubecon-china', 'KubeCon China', 'KubeCon 中国', now())`, [ids.series]);
    await query(
      database.url,
      `INSERT INTO events (id, series_id, slug, name, name_zh, city, city_zh, country, venue, timezone, starts_at, ends_at, format, updated_at)
       VALUES ($1, $2, 'kcc-2019', 'KubeCon China 2019', 'KubeCon 中国 2019', 'Shanghai', '上海', 'CN', 'Expo Centre', 'Asia/Shanghai',
               '2019-06-24T01:00:00Z', '2019-06-26T10:00:00Z', 'IN_PERSON', now())`,
      [ids.event, ids.series],
    );
    await query(
      database.url,
      `INSERT INTO tracks (id, event_id, slug, name, name_zh, description, updated_at) VALUES
         (gen_random_uuid(), $1, 'ai', 'AI', '人工智能', 'Models, inference and MLOps', now()), (gen_random_uuid(), $1, 'cloud', 'Cloud', NULL, '', now())`,
      [ids.event],
    );
    await query(
      database.url,
      `INSERT INTO session_formats (id, event_id, slug, name, description, duration_minutes, max_speakers, updated_at)
       VALUES (gen_random_uuid(), $1, 'tutorial', 'Tutorial', 'Hands-on, laptops open', 90, 4, now())`,
      [ids.event],
    );
    await query(
      database.url,
      `INSERT INTO cfp_questions (id, event_id, scope, type, label, help_text, options, updated_at) VALUES
         ($2, $1, 'SUBMISSION', 'MULTI_CHOICE', 'Given before?', 'Where, if so', ARRAY['No', 'Yes, at a meetup', 'No', 'Yes, at a conference'], now()),
         (gen_random_uuid(), $1, 'SPEAKER', 'TEXT', 'Dietary needs', NULL, '{}', now())`,
      [ids.event, ids.question],
    );
    await query(database.url, `INSERT INTO review_settings (event_id, opens_at, closes_at, updated_at) VALUES ($1, now(), now() + interval '1 day', now())`, [ids.event]);
    await query(
      database.url,
      `INSERT INTO review_criteria (id, event_id, key, name, name_zh, description, weight) VALUES (gen_random_uuid(), $1, 'relevance', 'Relevance', '相关性', 'Fits the audience', 2)`,
      [ids.event],
    );
    await query(
      database.url,
      `INSERT INTO scholarship_programmes (id, event_id, key, name, description, kind, opens_at, closes_at, currency, budget_minor, travel_cap_minor, updated_at)
       VALUES (gen_random_uuid(), $1, 'diversity', 'Diversity', 'For people under-represented in tech', 'DIVERSITY', now(), now() + interval '1 day', 'USD', 100000, 50000, now())`,
      [ids.event],
    );
    cpSync(all, folder, { recursive: true });
    await migrate(database.url, folder);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('folds each name and its Chinese form into one map, keeping every value', async () => {
    const [series] = await query(database.url, 'SELECT languages, name FROM series WHERE id = $1', [ids.series]);
    expect(series).toEqual({ languages: ['en', 'zh-CN'], name: { en: 'KubeCon China', 'zh-CN': 'KubeCon 中国' } });
    const [event] = await query(database.url, 'SELECT name, city, venue FROM events WHERE id = $1', [ids.event]);
    expect(event).toEqual({
      name: { en: 'KubeCon China 2019', 'zh-CN': 'KubeCon 中国 2019' },
      city: { en: 'Shanghai', 'zh-CN': '上海' },
      venue: { en: 'Expo Centre' },
    });
    const tracks = await query(database.url, 'SELECT slug, name FROM tracks ORDER BY slug');
    expect(tracks).toEqual([
      { slug: 'ai', name: { en: 'AI', 'zh-CN': '人工智能' } },
      { slug: 'cloud', name: { en: 'Cloud' } },
    ]);
    const left = await query(database.url, `SELECT table_name, column_name FROM information_schema.columns WHERE column_name LIKE '%\\_zh'`);
    expect(left).toEqual([]);
  });

  it('keeps each description, help text and option, in the series\' primary language; answers keep their values', async () => {
    expect(await query(database.url, 'SELECT slug, description FROM tracks ORDER BY slug')).toEqual([
      { slug: 'ai', description: { en: 'Models, inference and MLOps' } },
      { slug: 'cloud', description: null },
    ]);
    expect(await query(database.url, 'SELECT description FROM session_formats')).toEqual([{ description: { en: 'Hands-on, laptops open' } }]);
    expect(await query(database.url, 'SELECT description FROM review_criteria')).toEqual([{ description: { en: 'Fits the audience' } }]);
    expect(await query(database.url, 'SELECT description FROM scholarship_programmes')).toEqual([{ description: { en: 'For people under-represented in tech' } }]);
    expect(await query(database.url, 'SELECT type, help_text, options FROM cfp_questions ORDER BY type')).toEqual([
      { type: 'TEXT', help_text: null, options: [] },
      {
        type: 'MULTI_CHOICE',
        help_text: { en: 'Where, if so' },
        options: [
          { value: 'No', label: { en: 'No' } },
          { value: 'Yes, at a meetup', label: { en: 'Yes, at a meetup' } },
          { value: 'Yes, at a conference', label: { en: 'Yes, at a conference' } },
        ],
      },
    ]);
    await expect(query(database.url, `UPDATE cfp_questions SET options = '[{"value": "", "label": {"en": "Blank"}}]' WHERE id = $1`, [ids.question])).rejects.toThrow(/cfp_questions_options_valid/);
    await expect(query(database.url, `UPDATE cfp_questions SET options = '[]' WHERE id = $1`, [ids.question])).rejects.toThrow(/cfp_questions_options_check/);
    await expect(query(database.url, `UPDATE tracks SET description = '"text"' WHERE slug = 'ai'`)).rejects.toThrow(/tracks_description_localized/);
  });

  it('refuses, in SQL, languages the texts contradict and texts the languages do not allow', async () => {
    await expect(query(database.url, `UPDATE series SET languages = '{en}' WHERE id = $1`, [ids.series])).rejects.toThrow(/LECTERN_SERIES_LANGUAGE_IN_USE/);
    await expect(query(database.url, `UPDATE series SET languages = '{zh-CN,en}' WHERE id = $1`, [ids.series])).rejects.toThrow(/LECTERN_SERIES_LANGUAGE_IN_USE/);
    await expect(query(database.url, `UPDATE tracks SET name = '{"en": "AI", "ko": "인공지능"}' WHERE slug = 'ai'`)).rejects.toThrow(/LECTERN_LANGUAGES_CHANGED/);
    await expect(query(database.url, `UPDATE tracks SET description = '{"zh-CN": "模型"}' WHERE slug = 'ai'`)).rejects.toThrow(/LECTERN_LANGUAGES_CHANGED/);
    await expect(
      query(database.url, `UPDATE cfp_questions SET options = '[{"value": "No", "label": {"en": "No", "ja": "いいえ"}}]' WHERE id = $1`, [ids.question]),
    ).rejects.toThrow(/LECTERN_LANGUAGES_CHANGED/);
    await query(database.url, `UPDATE series SET languages = '{en,zh-CN,ko}' WHERE id = $1`, [ids.series]);
    // A published report in Korean keeps Korean among the series' languages; an unpublished one does not.
    await query(
      database.url,
      `INSERT INTO reports (id, event_id, status, privacy_threshold, report_json, json_sha256, generated_at, published_at, updated_at)
       VALUES ($1, $2, 'SUCCEEDED', 5, '{}', repeat('0', 64), now(), NULL, now())`,
      [ids.report, ids.event],
    );
    await query(database.url, `INSERT INTO report_files (report_id, language, pdf, sha256, size_bytes) VALUES ($1, 'ko', '\\x00', repeat('0', 64), 1)`, [ids.report]);
    await query(database.url, `UPDATE series SET languages = '{en,zh-CN}' WHERE id = $1`, [ids.series]);
    await query(database.url, `UPDATE series SET languages = '{en,zh-CN,ko}' WHERE id = $1`, [ids.series]);
    await query(database.url, `UPDATE reports SET published_at = now() WHERE id = $1`, [ids.report]);
    await expect(query(database.url, `UPDATE series SET languages = '{en,zh-CN}' WHERE id = $1`, [ids.series])).rejects.toThrow(/LECTERN_SERIES_LANGUAGE_IN_USE/);
    await query(database.url, `UPDATE tracks SET name = '{"en": "AI", "ko": "인공지능"}' WHERE slug = 'ai'`);
    expect(await query(database.url, `SELECT name FROM tracks WHERE slug = 'ai'`)).toEqual([{ name: { en: 'AI', ko: '인공지능' } }]);
  });

  it('starts new series in English, and refuses a malformed language list or an empty text', async () => {
    await query(database.url, `INSERT INTO series (id, slug, name, updated_at) VALUES (gen_random_uuid(), 'forum', '{"en": "Forum"}', now())`);
    expect(await query(database.url, `SELECT languages FROM series WHERE slug = 'forum'`)).toEqual([{ languages: ['en'] }]);
    await expect(query(database.url, `UPDATE series SET languages = '{}' WHERE slug = 'forum'`)).rejects.toThrow(/series_languages_valid/);
    await expect(query(database.url, `UPDATE series SET languages = '{en,en}' WHERE slug = 'forum'`)).rejects.toThrow(/series_languages_valid/);
    await expect(query(database.url, `UPDATE series SET languages = '{"not a tag"}' WHERE slug = 'forum'`)).rejects.toThrow(/series_languages_valid/);
    await expect(query(database.url, `UPDATE series SET name = '{}' WHERE slug = 'forum'`)).rejects.toThrow(/series_name_localized/);
    await expect(query(database.url, `UPDATE series SET name = '{"en": ""}' WHERE slug = 'forum'`)).rejects.toThrow(/series_name_localized/);
    await expect(query(database.url, `UPDATE series SET name = '"Forum"' WHERE slug = 'forum'`)).rejects.toThrow(/series_name_localized/);
  });
});
