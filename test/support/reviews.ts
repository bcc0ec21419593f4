import { expect } from 'vitest';
import { AssignmentRunDto } from '@api/reviews/assignments.dto';
import { ReviewSettingsDto } from '@api/reviews/review-settings.dto';
import { Wire } from './api-types';
import { TestApi, signUp } from './harness';
import { User, profile } from './cfp';

/** Review settings with a window open from 2000 to 2099, so the real clock is inside it. */
export async function openReview(api: TestApi, slug: string, token: string, body: Record<string, unknown> = {}) {
  const put = await api.http.request<Wire<ReviewSettingsDto>>('PUT', `/v1/events/${slug}/review-settings`, {
    token,
    body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', ...body },
  });
  expect(put.status, put.text).toBe(200);
  return put.body;
}

export async function grantRole(api: TestApi, slug: string, token: string, email: string, role: string) {
  const granted = await api.http.post(`/v1/events/${slug}/roles`, { email, role }, { token });
  expect(granted.status, granted.text).toBe(201);
}

/** A new user with the REVIEWER role in the event; with a speaker profile when `company` is given. */
export async function reviewer(api: TestApi, slug: string, organiserToken: string, label: string, company?: string): Promise<User> {
  const user = await signUp(api.http, label);
  if (company !== undefined) {
    const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token: user.token, body: profile(`Reviewer ${label}`, { company }) });
    expect(saved.status, saved.text).toBe(200);
  }
  await grantRole(api, slug, organiserToken, user.email, 'REVIEWER');
  return user;
}

/** A review body giving every default criterion the same score. */
export const review = (score: number, extra: Record<string, unknown> = {}) => ({
  scores: { relevance: score, clarity: score, originality: score, expertise: score },
  confidence: 2,
  ...extra,
});

export async function autoAssign(api: TestApi, slug: string, token: string) {
  const run = await api.http.post<Wire<AssignmentRunDto>>(`/v1/events/${slug}/review-assignments/auto`, undefined, { token });
  expect(run.status, run.text).toBe(200);
  return run.body;
}
