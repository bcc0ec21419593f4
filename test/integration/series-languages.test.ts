import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, logIn, startApi, uniqueSlug } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { EventDto, SeriesDto } from '@api/events/events.dto';
import { CfpDto, TrackDto } from '@api/cfp/cfp.dto';

/**
 * Changing a series' languages after its editions have texts: adding one is free (texts read in the primary
 * language until translated), dropping one that texts use is a 409 naming where, and no interleaving of a change
 * of languages with writes of texts leaves a text in a language the series no longer publishes in.
 */
describe('changing a series’ languages', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startApi();
    token = await logIn(api.http, api.adminEmail);
  });
  afterAll(() => api.close());

  async function seriesWithEdition(languages: string[], names: Record<string, string>, withCfp = true) {
    const slug = uniqueSlug('forum');
    const series = await api.http.post<Wire<SeriesDto>>('/v1/series', { slug, languages, name: names }, { token });
    expect(series.status, series.text).toBe(201);
    const event = await api.http.post<Wire<EventDto>>(
      '/v1/events',
      {
        seriesSlug: slug, slug: uniqueSlug('seoul'), country: 'KR', timezone: 'Asia/Seoul', startsAt: '2030-12-09T00:00:00Z',
        endsAt: '2030-12-10T09:00:00Z', format: 'IN_PERSON', name: names, city: Object.fromEntries(Object.keys(names).map((l) => [l, `City ${l}`])),
      },
      { token },
    );
    expect(event.status, event.text).toBe(201);
    if (withCfp) {
      // Its default session formats are named in every language of the series.
      const cfp = await api.http.request('PUT', `/v1/events/${event.body.slug}/cfp`, { token, body: { opensAt: '2030-01-10T09:00:00', closesAt: '2030-03-01T23:59:59', maxSubmissionsPerSpeaker: 3 } });
      expect(cfp.status, cfp.text).toBe(200);
    }
    return { series: slug, event: event.body.slug };
  }

  it('adds a language freely, refuses to drop one still in use (naming where) or to leave texts without the primary one', async () => {
    const { series, event } = await seriesWithEdition(['en', 'ko'], { en: 'Kubernetes Forum', ko: '쿠버네티스 포럼' });
    const track = await api.http.post<Wire<TrackDto>>(`/v1/events/${event}/cfp/tracks`, { slug: 'security', name: { en: 'Security' }, description: { en: 'Policy', ko: '정책' } }, { token });
    expect(track.status, track.text).toBe(201);

    // Adding Japanese: allowed at once; untranslated texts simply have no Japanese yet (readers fall back to English).
    const added = await api.http.patch<Wire<SeriesDto>>(`/v1/series/${series}`, { languages: ['en', 'ko', 'ja'] }, { token });
    expect(added.status, added.text).toBe(200);
    expect(added.body.languages).toEqual(['en', 'ko', 'ja']);
    expect((await api.http.get<Wire<EventDto>>(`/v1/events/${event}`, { token })).body.name).toEqual({ en: 'Kubernetes Forum', ko: '쿠버네티스 포럼' });

    // Dropping Korean while the series name, the edition's name and city and the track's description are in Korean.
    const inUse = await api.http.patch<Problem>(`/v1/series/${series}`, { languages: ['en', 'ja'] }, { token, lang: 'ko' });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('SERIES_LANGUAGE_IN_USE');
    expect(inUse.body.title).toBe('사용 중인 언어');
    expect(inUse.body.languageUses).toEqual([
      { event: null, field: 'series.name', language: 'ko', uses: 1 },
      { event, field: 'events.city', language: 'ko', uses: 1 },
      { event, field: 'events.name', language: 'ko', uses: 1 },
      { event, field: 'session_formats.name', language: 'ko', uses: 6 },
      { event, field: 'tracks.description', language: 'ko', uses: 1 },
    ]);
    expect(inUse.body.detail).toContain('tracks.description');

    // Japanese first: no text is in Japanese yet, so every one of them lacks the new primary language.
    const newPrimary = await api.http.patch<Problem>(`/v1/series/${series}`, { languages: ['ja', 'en', 'ko'] }, { token });
    expect(newPrimary.status).toBe(409);
    expect(newPrimary.body.code).toBe('SERIES_PRIMARY_LANGUAGE_MISSING');
    expect(newPrimary.body.languageUses).toEqual(expect.arrayContaining([{ event, field: 'tracks.name', language: 'ja', uses: 1 }]));
    const none = await api.http.patch<Problem>(`/v1/series/${series}`, { languages: [] }, { token });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('SERIES_PRIMARY_LANGUAGE_MISSING');
    expect(none.body.detail).toBe('A series needs a primary language: the first of its list of languages.');
    expect((await api.http.get<Wire<SeriesDto>>(`/v1/series`, { token })).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: series, languages: ['en', 'ko', 'ja'] })]),
    );

    // Once the Korean texts are gone, Korean can go; the series' own name is renamed in the same request.
    expect((await api.http.patch(`/v1/events/${event}`, { name: { en: 'Kubernetes Forum' }, city: { en: 'City en' } }, { token })).status).toBe(200);
    expect((await api.http.patch(`/v1/events/${event}/cfp/tracks/security`, { description: { en: 'Policy' } }, { token })).status).toBe(200);
    const formats = (await api.http.get<Wire<CfpDto>>(`/v1/events/${event}/cfp`, { token })).body.formats;
    for (const format of formats) {
      expect((await api.http.patch(`/v1/events/${event}/cfp/formats/${format.slug}`, { name: { en: format.name.en } }, { token })).status).toBe(200);
    }
    const dropped = await api.http.patch<Wire<SeriesDto>>(`/v1/series/${series}`, { languages: ['en', 'ja'], name: { en: 'Kubernetes Forum' } }, { token });
    expect(dropped.status, dropped.text).toBe(200);
    expect(dropped.body).toMatchObject({ languages: ['en', 'ja'], name: { en: 'Kubernetes Forum' } });
  });

  it('never leaves a text in a dropped language when the change and the writes race', async () => {
    const { series, event } = await seriesWithEdition(['en', 'ja'], { en: 'KubeCon Japan' }, false);
    const writes = Array.from({ length: 8 }, (_, i) =>
      api.http.post(`/v1/events/${event}/cfp/tracks`, { slug: `track-${i}`, name: { en: `Track ${i}`, ja: `トラック ${i}` } }, { token }),
    );
    const drop = api.http.patch(`/v1/series/${series}`, { languages: ['en'] }, { token });
    const [dropped, ...written] = await Promise.all([drop, ...writes]);
    expect([200, 409]).toContain(dropped.status);
    for (const write of written) expect([201, 400, 409]).toContain(write.status);
    const [row] = await query<{ languages: string[] }>(inject('databaseUrl'), 'SELECT languages FROM series WHERE slug = $1', [series]);
    const japanese = await query(inject('databaseUrl'), `SELECT t.slug FROM tracks t JOIN events e ON e.id = t.event_id WHERE e.slug = $1 AND t.name ? 'ja'`, [event]);
    if (dropped.status === 200) {
      expect(row.languages).toEqual(['en']);
      expect(japanese).toEqual([]);
    } else {
      expect(row.languages).toEqual(['en', 'ja']);
      expect(japanese.length).toBeGreaterThan(0);
    }
    expect(japanese.length).toBe(written.filter((w) => w.status === 201).length);
  });
});
