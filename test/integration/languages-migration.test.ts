import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';
import { createScratchDatabase, query } from '@test/support/databases';

const LANGUAGES_MIGRATION = '20261204210000_languages_as_data';

/**
 * The migration that folds every `x` + `x_zh` column into one jsonb LocalizedText, run on a database holding rows
 * written in the old shape: no value is lost, and an e-mail planned before it still has its edition's names.
 */
describe('languages-as-data migration', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let folder: string;
  const ids = { series: '00000000-0000-4000-8000-000000000001', event: '00000000-0000-4000-8000-000000000002' };

  beforeAll(async () => {
    database = await createScratchDatabase('languages');
    folder = mkdtempSync(join(tmpdir(), 'lectern-languages-'));
    cpSync(join(projectRoot(), 'prisma', 'migrations'), folder, { recursive: true });
    const later = join(tmpdir(), `lectern-languages-later-${process.pid}`);
    rmSync(later, { recursive: true, force: true });
    cpSync(join(folder, LANGUAGES_MIGRATION), later, { recursive: true });
    rmSync(join(folder, LANGUAGES_MIGRATION), { recursive: true });
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
      `INSERT INTO tracks (id, event_id, slug, name, name_zh, updated_at) VALUES
         (gen_random_uuid(), $1, 'ai', 'AI', '人工智能', now()), (gen_random_uuid(), $1, 'cloud', 'Cloud', NULL, now())`,
      [ids.event],
    );
    cpSync(later, join(folder, LANGUAGES_MIGRATION), { recursive: true });
    rmSync(later, { recursive: true, force: true });
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
