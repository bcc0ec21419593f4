import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { User, complete, expectProblem, openCfp, outboxOf, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, startApi } from '@test/support/harness';
import { autoAssign, openReview, review, reviewer } from '@test/support/reviews';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { BulkDecisionResultDto, DecisionDto, ReleaseResultDto, SubmissionOutcomeDto } from '@api/reviews/decisions.dto';
import { RankingPageDto } from '@api/reviews/reviews.dto';
import { Wire } from '@test/support/api-types';

const TRACKS = { a: 'scheduling', b: 'security' } as const;

/**
 * Two tracks of five proposals each (a0..a4 in scheduling, b0..b4 in security), reviewed by three reviewers who
 * agree that 0 is the best and 4 the worst. Then decisions by rank, release, confirmation, and declines that
 * promote from the waitlist.
 */
describe('decisions', () => {
  let api: TestApi;
  let slug: string;
  let token: string;
  let base: string;
  const owners: Record<string, User> = {};
  const ids: Record<string, string> = {};
  const judges: User[] = [];

  const stateOf = async (key: string) =>
    (await query<{ state: string }>(inject('databaseUrl'), 'SELECT state::text AS state FROM submissions WHERE id = $1', [ids[key]]))[0].state;
  const statesOf = async (keys: string[]) => Object.fromEntries(await Promise.all(keys.map(async (k): Promise<[string, string]> => [k, await stateOf(k)])));
  const outcome = (key: string) => api.http.get(`${base}/submissions/${ids[key]}/decision`, { token: owners[key].token });
  const released = async (key: string) => (await outboxOf(ids[key])).filter((row) => row.type === 'submission.decision_released');

  beforeAll(async () => {
    api = await startApi();
    const event = await openCfp(api);
    slug = event.slug;
    token = event.organiser.token;
    base = `/v1/events/${slug}`;
    expect((await api.http.post(`${base}/cfp/tracks`, { slug: 'security', name: { en: 'Security' } }, { token })).status).toBe(201);
    await openReview(api, slug, token, { reviewsPerSubmission: 3 });
    for (const label of ['alpha', 'beta', 'gamma']) judges.push(await reviewer(api, slug, token, `judge-${label}`));
    for (const [prefix, track] of Object.entries(TRACKS)) {
      for (let i = 0; i < 5; i += 1) {
        const key = `${prefix}${i}`;
        owners[key] = await speaker(api, `owner-${key}`, { company: `Company ${key}` });
        ids[key] = (await submitted(api, slug, owners[key], complete(`Talk ${key}`, { track }))).id;
      }
    }
    expect((await autoAssign(api, slug, token)).added).toBe(30);
    for (const [n, judge] of judges.entries()) {
      for (const key of Object.keys(ids)) {
        const comments = n === 0 && key === 'a0' ? { speakerComment: 'Great demo idea', committeeComment: 'Committee only: strong accept' } : {};
        const done = await api.http.post(`${base}/review/submissions/${ids[key]}/review`, review(5 - Number(key[1]), comments), { token: judge.token });
        expect(done.status, done.text).toBe(201);
      }
    }
  });
  afterAll(() => api.close());

  it('decides one by one: vetted by the state machine, revisable until released', async () => {
    const path = `${base}/submissions/${ids.a4}/decision`;
    const one = await api.http.request('PUT', path, { token, body: { decision: 'ACCEPTED' } });
    expect(one.status, one.text).toBe(200);
    expect(one.body).toMatchObject({ submissionId: ids.a4, decision: 'ACCEPTED', releasedAt: null });
    expect((await api.http.request<Wire<DecisionDto>>('PUT', path, { token, body: { decision: 'REJECTED' } })).body.decision).toBe('REJECTED');
    expect((await api.http.delete(path, { token })).status).toBe(204);
    expectProblem(await api.http.delete(path, { token }), 404, 'DECISION_NOT_FOUND');
    expectProblem(await api.http.request('PUT', path, { token, body: { decision: 'MAYBE' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.http.request('PUT', path, { token: judges[0].token, body: { decision: 'ACCEPTED' } }), 403, 'FORBIDDEN');

    const invited = await api.http.post<Wire<SubmissionDto>>(
      `${base}/invited-sessions`,
      { title: 'Keynote', abstract: 'Invited.', format: 'keynote', language: 'en', speakers: [{ email: owners.a0.email }] },
      { token },
    );
    expect(invited.status, invited.text).toBe(201);
    expectProblem(await api.http.request('PUT', `${base}/submissions/${invited.body.id}/decision`, { token, body: { decision: 'REJECTED' } }), 409, 'REVIEW_SUBMISSION_NOT_REVIEWABLE');
    const audit = await query<{ action: string }>(inject('databaseUrl'), `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'decision.%' ORDER BY id`, [ids.a4]);
    expect(audit.map((a) => a.action)).toEqual(['decision.recorded', 'decision.recorded', 'decision.cleared']);
    const events = (await outboxOf(ids.a4)).filter((row) => row.type === 'submission.decision_recorded').map((row) => row.payload.decision);
    expect(events).toEqual(['ACCEPTED', 'REJECTED', null]);
  });

  it('ranks by calibrated score and decides in bulk by rank with per-track quotas, telling speakers nothing yet', async () => {
    const ranking = await api.http.get<Wire<RankingPageDto>>(`${base}/review-ranking?track=scheduling`, { token });
    expect(ranking.status, ranking.text).toBe(200);
    expect(ranking.body.items.map((i: { id: string }) => i.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4'].map((k) => ids[k]));
    expect(ranking.body.items[0]).toMatchObject({ rankInTrack: 1, reviews: 3, assigned: 3, wanted: 3, mean: 5, median: 5, decision: null });

    expectProblem(await api.http.post(`${base}/decisions/bulk`, { groupBy: 'TRACK' }, { token }), 400, 'DECISION_BULK_INVALID');
    expectProblem(await api.http.post(`${base}/decisions/bulk`, { acceptQuotas: { nope: 1 } }, { token }), 400, 'DECISION_GROUP_UNKNOWN');
    expectProblem(await api.http.post(`${base}/decisions/bulk`, { groupBy: 'EVENT', acceptQuotas: { security: 1 } }, { token }), 400, 'DECISION_BULK_INVALID');
    expectProblem(await api.http.post(`${base}/decisions/bulk`, { acceptQuotas: { security: -1 } }, { token }), 400, 'DECISION_BULK_INVALID');

    // a quota per format: the three best breakout sessions, whatever their track
    const byFormat = await api.http.post<Wire<BulkDecisionResultDto>>(`${base}/decisions/bulk`, { groupBy: 'FORMAT', acceptQuotas: { breakout: 3 } }, { token });
    expect(byFormat.status, byFormat.text).toBe(200);
    expect(byFormat.body.decided).toBe(3);
    expect(byFormat.body.groups.find((g) => g.group === 'breakout')).toEqual({ group: 'breakout', name: { en: 'Breakout session', 'zh-CN': '分组会议' }, eligible: 10, accepted: 3, waitlisted: 0, rejected: 0 });
    expect(byFormat.body.groups.find((g) => g.group === 'panel')).toMatchObject({ eligible: 0, accepted: 0 });

    // "accept the top 40% of each track": two of five in each
    const share = await api.http.post<Wire<BulkDecisionResultDto>>(`${base}/decisions/bulk`, { groupBy: 'TRACK', acceptPercent: 40 }, { token });
    expect(share.status, share.text).toBe(200);
    expect(share.body).toMatchObject({ groupBy: 'TRACK', decided: 4 });
    expect(share.body.groups).toEqual([
      { group: 'scheduling', name: { en: 'Scheduling' }, eligible: 5, accepted: 2, waitlisted: 0, rejected: 0 },
      { group: 'security', name: { en: 'Security' }, eligible: 5, accepted: 2, waitlisted: 0, rejected: 0 },
    ]);

    // per-track quotas replace the pending decisions
    const quotas = await api.http.post<Wire<BulkDecisionResultDto>>(
      `${base}/decisions/bulk`,
      { groupBy: 'TRACK', acceptQuotas: { scheduling: 2, security: 2 }, waitlistQuotas: { scheduling: 1, security: 2 }, rejectRest: true },
      { token },
    );
    expect(quotas.status, quotas.text).toBe(200);
    expect(quotas.body.groups).toEqual([
      { group: 'scheduling', name: { en: 'Scheduling' }, eligible: 5, accepted: 2, waitlisted: 1, rejected: 2 },
      { group: 'security', name: { en: 'Security' }, eligible: 5, accepted: 2, waitlisted: 2, rejected: 1 },
    ]);
    const all = await api.http.get<Wire<RankingPageDto>>(`${base}/review-ranking?limit=200`, { token });
    const byId = new Map(all.body.items.map((i) => [i.id, i]));
    const decisions = Object.fromEntries(Object.keys(ids).map((k) => [k, byId.get(ids[k])!.decision]));
    expect(decisions).toEqual({
      a0: 'ACCEPTED', a1: 'ACCEPTED', a2: 'WAITLISTED', a3: 'REJECTED', a4: 'REJECTED',
      b0: 'ACCEPTED', b1: 'ACCEPTED', b2: 'WAITLISTED', b3: 'WAITLISTED', b4: 'REJECTED',
    });
    expect(all.body.items.every((i: { decisionReleasedAt: string | null; state: string }) => i.decisionReleasedAt === null && i.state === 'SUBMITTED')).toBe(true);

    // the speakers see nothing yet: no decision, no comments, nothing to confirm, no released event
    const before = await outcome('a0');
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ state: 'SUBMITTED', decision: null, awaitingConfirmation: false, speakerComments: [] });
    expect(before.text).not.toContain('Great demo idea');
    const cfpView = await api.http.get<Wire<SubmissionDto>>(`${base}/submissions/${ids.a0}`, { token: owners.a0.token });
    expect(cfpView.body.state).toBe('SUBMITTED');
    expectProblem(await api.http.post(`${base}/submissions/${ids.a0}/confirm`, undefined, { token: owners.a0.token }), 409, 'SUBMISSION_TRANSITION');
    expect(await released('a0')).toEqual([]);
    expectProblem(await api.http.get(`${base}/submissions/${ids.a0}/decision`, { token: owners.a1.token }), 404, 'SUBMISSION_NOT_FOUND');
  });

  it('releases every pending decision at once: states change, one released event per submission', async () => {
    const release = await api.http.post(`${base}/decisions/release`, {}, { token });
    expect(release.status, release.text).toBe(200);
    expect(release.body).toEqual({ released: 10, accepted: 4, rejected: 3, waitlisted: 3, dropped: 0 });
    expect(await statesOf(Object.keys(ids))).toEqual({
      a0: 'ACCEPTED', a1: 'ACCEPTED', a2: 'WAITLISTED', a3: 'REJECTED', a4: 'REJECTED',
      b0: 'ACCEPTED', b1: 'ACCEPTED', b2: 'WAITLISTED', b3: 'WAITLISTED', b4: 'REJECTED',
    });
    for (const key of Object.keys(ids)) expect((await released(key)).map((r) => r.payload.decision)).toEqual([await stateOf(key)]);
    const changes = (await outboxOf(ids.a0)).filter((r) => r.type === 'submission.state_changed').map((r) => r.payload);
    expect(changes).toEqual([expect.objectContaining({ from: 'SUBMITTED', to: 'ACCEPTED' })]);
    expect((await api.http.post<Wire<ReleaseResultDto>>(`${base}/decisions/release`, {}, { token })).body.released).toBe(0);

    const accepted = await outcome('a0');
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', decision: 'ACCEPTED', awaitingConfirmation: true, speakerComments: ['Great demo idea'] });
    expect(accepted.text).not.toContain('Committee only');
    for (const judge of judges) {
      expect(accepted.text).not.toContain(judge.email);
      expect(accepted.text).not.toContain(judge.id);
      expect(accepted.text).not.toContain('judge-');
    }
    expect((await outcome('a3')).body).toMatchObject({ decision: 'REJECTED', awaitingConfirmation: false });
    expect((await outcome('b2')).body).toMatchObject({ decision: 'WAITLISTED', awaitingConfirmation: false });
    const organiserView = await api.http.get<Wire<SubmissionOutcomeDto>>(`${base}/submissions/${ids.a0}/decision`, { token });
    expect(organiserView.body.decision).toBe('ACCEPTED');
    expectProblem(await api.http.delete(`${base}/submissions/${ids.a0}/decision`, { token }), 404, 'DECISION_NOT_FOUND');
  });

  it('lets accepted speakers confirm or decline; a decline promotes the best waitlisted talk of its track', async () => {
    const confirmed = await api.http.post(`${base}/submissions/${ids.a0}/confirm`, undefined, { token: owners.a0.token });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'CONFIRMED', decision: 'ACCEPTED', awaitingConfirmation: false });
    expectProblem(await api.http.post(`${base}/submissions/${ids.a0}/decline`, undefined, { token: owners.a0.token }), 409, 'SUBMISSION_TRANSITION');
    expectProblem(await api.http.post(`${base}/submissions/${ids.a1}/decline`, undefined, { token: owners.a0.token }), 404, 'SUBMISSION_NOT_FOUND');

    const declined = await api.http.post(`${base}/submissions/${ids.a1}/decline`, undefined, { token: owners.a1.token });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ state: 'DECLINED', decision: 'ACCEPTED', awaitingConfirmation: false });
    expect(await statesOf(['a2', 'a3', 'a4'])).toEqual({ a2: 'ACCEPTED', a3: 'REJECTED', a4: 'REJECTED' });
    expect((await released('a2')).map((r) => r.payload.decision)).toEqual(['WAITLISTED', 'ACCEPTED']);
    expect((await outcome('a2')).body).toMatchObject({ decision: 'ACCEPTED', awaitingConfirmation: true });
    const promoted = await query<{ actor_id: string; after: { replaces: string } }>(
      inject('databaseUrl'),
      `SELECT actor_id, after FROM audit_log WHERE action = 'decision.promoted' AND entity_id = $1`,
      [ids.a2],
    );
    expect(promoted).toEqual([{ actor_id: owners.a1.id, after: expect.objectContaining({ replaces: ids.a1 }) }]);

    // nobody is left on the scheduling waitlist: the next decline promotes nothing
    expect((await api.http.post(`${base}/submissions/${ids.a2}/decline`, undefined, { token: owners.a2.token })).status).toBe(200);
    expect(await statesOf(['a3', 'a4'])).toEqual({ a3: 'REJECTED', a4: 'REJECTED' });

    // two declines in security at the same moment promote the two waitlisted talks, one each, best first
    const [first, second] = await Promise.all([
      api.http.post(`${base}/submissions/${ids.b0}/decline`, undefined, { token: owners.b0.token }),
      api.http.post(`${base}/submissions/${ids.b1}/decline`, undefined, { token: owners.b1.token }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await statesOf(['b0', 'b1', 'b2', 'b3', 'b4'])).toEqual({ b0: 'DECLINED', b1: 'DECLINED', b2: 'ACCEPTED', b3: 'ACCEPTED', b4: 'REJECTED' });
    expect((await released('b3')).map((r) => r.payload.decision)).toEqual(['WAITLISTED', 'ACCEPTED']);
  });

  it('drops a pending decision whose submission was withdrawn before release', async () => {
    const author = await speaker(api, 'changes-mind');
    const late = await submitted(api, slug, author, complete('Late proposal'));
    expect((await api.http.request('PUT', `${base}/submissions/${late.id}/decision`, { token, body: { decision: 'ACCEPTED' } })).status).toBe(200);
    expect((await api.http.post(`${base}/submissions/${late.id}/withdraw`, undefined, { token: author.token })).status).toBe(200);
    const release = await api.http.post(`${base}/decisions/release`, { submissionIds: [late.id] }, { token });
    expect(release.body).toEqual({ released: 0, accepted: 0, rejected: 0, waitlisted: 0, dropped: 1 });
    const outcomeView = await api.http.get(`${base}/submissions/${late.id}/decision`, { token: author.token });
    expect(outcomeView.body).toMatchObject({ state: 'WITHDRAWN', decision: null });
    expectProblem(await api.http.post(`${base}/decisions/release`, { submissionIds: ['nope'] }, { token }), 400, 'VALIDATION_FAILED');
  });
});
