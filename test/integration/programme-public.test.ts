import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '@lectern/project-root';
import { expectProblem } from '@test/support/cfp';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { Edition, openCfp, room, session, speaker } from '@test/support/programme';

// A copy of the published schema (test/fixtures/c3voc/README.md says where it comes from).
const C3VOC_SCHEMA = join(projectRoot(), 'test', 'fixtures', 'c3voc', 'schema.json');

/** The published c3voc JSON Schema (draft-06); its extra annotations (examples, deprecated, $todo) are not keywords. */
function c3vocValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat('color', true);
  return ajv.compile(JSON.parse(readFileSync(C3VOC_SCHEMA, 'utf8')) as object);
}

interface C3voc {
  schedule: {
    version: string;
    conference: { days: { rooms: Record<string, { guid: string; date: string; title: string; persons: { name: string }[] }[]> }[] };
  };
}

describe('programme: the public schedule.json, from released versions only', () => {
  let api: TestApi;
  let edition: Edition;
  let base: string;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    edition = await openCfp(api);
    base = `/v1/events/${edition.slug}`;
    token = edition.organiser.token;
    await room(api, edition, 'hall-a', 1000);
    await room(api, edition, 'hall-b', 300);
  });
  afterAll(() => api.close());

  const place = (id: string, roomSlug: string, startsAt: string) =>
    api.http.request('PUT', `${base}/schedule/placements/${id}`, { token, body: { room: roomSlug, startsAt } });
  const sessionsOf = (doc: C3voc) => doc.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());

  it('serves the latest release, valid against the published schema, with validators, never the draft or an e-mail', async () => {
    expectProblem(await api.http.get(`${base}/programme/schedule.json`), 404, 'PROGRAMME_NOT_RELEASED');

    const ada = await speaker(api, 'ada');
    const lin = await speaker(api, 'lin');
    const talk = await session(api, edition, [ada], { title: 'Scheduling 10,000 pods' });
    const zh = await session(api, edition, [lin], { title: '大规模集群的调度', language: 'zh-CN', track: undefined });
    const joint = await session(api, edition, [ada, lin], { title: 'Joint keynote', format: 'keynote' });
    expect((await place(talk.id, 'hall-a', '2030-06-24T09:00')).status).toBe(200);
    expect((await place(zh.id, 'hall-b', '2030-06-24T09:00')).status).toBe(200);
    expect((await place(joint.id, 'hall-a', '2030-06-25T09:00')).status).toBe(200);
    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);

    const first = await api.http.get<C3voc>(`${base}/programme/schedule.json`);
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    const validate = c3vocValidator();
    expect(validate(first.body), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(first.body.schedule.version).toBe('1');
    const placed = sessionsOf(first.body);
    expect(placed.map((s) => [s.title, s.date]).sort()).toEqual([
      ['Joint keynote', '2030-06-25T09:00:00+08:00'],
      ['Scheduling 10,000 pods', '2030-06-24T09:00:00+08:00'],
      ['大规模集群的调度', '2030-06-24T09:00:00+08:00'],
    ]);
    expect(placed.find((s) => s.guid === joint.id)?.persons.map((p) => p.name).sort()).toEqual(['Speaker ada', 'Speaker lin']);
    for (const email of [ada.email, lin.email, edition.organiser.email]) expect(first.text).not.toContain(email);

    // validators: the same bytes until the next release
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"v1-/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    const cached = await api.http.get(`${base}/programme/schedule.json`, { headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect((await api.http.get(`${base}/programme/schedule.json`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);

    // a draft change is never visible anonymously
    expect((await place(talk.id, 'hall-b', '2030-06-26T15:00')).status).toBe(200);
    const still = await api.http.get<C3voc>(`${base}/programme/schedule.json`);
    expect(still.text).toBe(first.text);
    expect(still.headers.get('etag')).toBe(etag);

    // until it is released
    expect((await api.http.post(`${base}/schedule/releases`, {}, { token })).status).toBe(201);
    const second = await api.http.get<C3voc>(`${base}/programme/schedule.json`, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toMatch(/^"v2-/);
    expect(validate(second.body), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sessionsOf(second.body).find((s) => s.guid === talk.id)?.date).toBe('2030-06-26T15:00:00+08:00');
  });

  it('shows nothing of a draft edition to outsiders', async () => {
    const hidden = await createEventWithOrganiser(api, {}, false);
    expectProblem(await api.http.get(`/v1/events/${hidden.slug}/programme/schedule.json`), 404, 'EVENT_NOT_FOUND');
  });
});
