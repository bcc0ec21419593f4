import { expect, inject } from 'vitest';
import { query } from './databases';
import { CfpDto } from '@api/cfp/cfp.dto';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { Problem, Wire } from './api-types';
import { Response, TestApi, createEventWithOrganiser, signUp } from './harness';

/** Helpers shared by the CFP and review tests: an open CFP, speakers with profiles, submitted proposals. */

export type User = Awaited<ReturnType<typeof signUp>>;

const PROBLEM = 'application/problem+json';

export function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect((response.body as Problem).code).toBe(code);
}

export const profile = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  bio: `${name} maintains schedulers.`,
  company: 'Example Cloud',
  jobTitle: 'Engineer',
  country: 'cn',
  firstTimeSpeaker: true,
  ...extra,
});

/** A published event with an open CFP (wide window, real clock), one track, and a speaker with a profile. */
export async function openCfp(api: TestApi, settings: Record<string, unknown> = {}, eventOverrides: Record<string, unknown> = {}) {
  const event = await createEventWithOrganiser(api, eventOverrides);
  const token = event.organiser.token;
  const cfp = await api.http.request<Wire<CfpDto>>('PUT', `/v1/events/${event.slug}/cfp`, {
    token,
    body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', maxSubmissionsPerSpeaker: 3, ...settings },
  });
  expect(cfp.status, cfp.text).toBe(200);
  const track = await api.http.post(`/v1/events/${event.slug}/cfp/tracks`, { slug: 'scheduling', name: { en: 'Scheduling' } }, { token });
  expect(track.status, track.text).toBe(201);
  return { ...event, cfp: cfp.body };
}

export async function speaker(api: TestApi, label = 'speaker', extra: Record<string, unknown> = {}) {
  const user = await signUp(api.http, label);
  const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token: user.token, body: profile(`Speaker ${label}`, extra) });
  expect(saved.status, saved.text).toBe(200);
  return user;
}

export const complete = (title = 'Scheduling 10,000 pods', extra: Record<string, unknown> = {}) => ({
  title,
  abstract: 'How we schedule fast.',
  format: 'breakout',
  track: 'scheduling',
  level: 'INTERMEDIATE',
  language: 'en',
  ...extra,
});

export async function draft(api: TestApi, slug: string, user: User, body: Record<string, unknown> = complete()) {
  const created = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${slug}/submissions`, body, { token: user.token });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

export async function submitted(api: TestApi, slug: string, user: User, body?: Record<string, unknown>) {
  const created = await draft(api, slug, user, body);
  const done = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${slug}/submissions/${created.id}/submit`, undefined, { token: user.token });
  expect(done.status, done.text).toBe(200);
  return done.body;
}

export async function outboxOf(submissionId: string) {
  const rows = await query<{ type: string; payload: Record<string, unknown> }>(
    inject('databaseUrl'),
    `SELECT type, payload FROM outbox WHERE payload->>'submissionId' = $1 ORDER BY id`,
    [submissionId],
  );
  return rows;
}
