import { expect } from 'vitest';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { Wire } from './api-types';
import { User, openCfp, speaker } from './cfp';
import { TestApi } from './harness';

/** Helpers of the programme tests: an edition with sessions ready to schedule. */

export type Edition = Awaited<ReturnType<typeof openCfp>>;

/** An invited session (accepted from the start); confirmed by its owner unless asked otherwise. */
export async function session(
  api: TestApi,
  edition: Edition,
  speakers: User[],
  extra: Record<string, unknown> = {},
  confirm = true,
): Promise<Wire<SubmissionDto>> {
  const base = `/v1/events/${edition.slug}`;
  const created = await api.http.post<Wire<SubmissionDto>>(
    `${base}/invited-sessions`,
    {
      title: `Session ${Math.random().toString(36).slice(2, 8)}`,
      abstract: 'An abstract.',
      format: 'breakout',
      track: 'scheduling',
      level: 'INTERMEDIATE',
      language: 'en',
      speakers: speakers.map((user) => ({ email: user.email })),
      ...extra,
    },
    { token: edition.organiser.token },
  );
  expect(created.status, created.text).toBe(201);
  if (confirm) {
    const confirmed = await api.http.post(`${base}/submissions/${created.body.id}/confirm`, undefined, { token: speakers[0].token });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  return created.body;
}

export async function room(api: TestApi, edition: Edition, slug: string, capacity: number, extra: Record<string, unknown> = {}) {
  const created = await api.http.post(
    `/v1/events/${edition.slug}/rooms`,
    { slug, name: { en: `Room ${slug}`, 'zh-CN': `${slug} 厅` }, capacity, ...extra },
    { token: edition.organiser.token },
  );
  expect(created.status, created.text).toBe(201);
  return created.body;
}

export { openCfp, speaker };
