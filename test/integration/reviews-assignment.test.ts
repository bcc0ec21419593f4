import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertUsers } from '@test/support/bulk-users';
import { expectProblem } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { openReview } from '@test/support/reviews';
import { AssignmentRunDto } from '@api/reviews/assignments.dto';
import { Wire } from '@test/support/api-types';

const SUBMISSIONS = 500;
const REVIEWERS = 40;
const SPEAKERS = 250;
const PER_SUBMISSION = 3;

/**
 * 500 submitted proposals in two tracks (one in five in security) and 40 reviewers, among them:
 * r0..r9 working for companies that some speakers work for (written with other case and spaces),
 * r10..r14 co-speakers on proposals 0..4 (so those conflict, and so does everything else their owners submitted),
 * r15..r19 with five declared conflicts each, r20..r23 limited to security and r24..r27 to runtime.
 * Everything is inserted with SQL except what the API must do itself (settings, tracks, track limits).
 */
describe('automatic assignment on 500 submissions and 40 reviewers', () => {
  let api: TestApi;
  let slug: string;
  let token: string;
  let eventId: string;
  let reviewerIds: string[];
  const db = () => inject('databaseUrl');

  beforeAll(async () => {
    api = await startApi();
    const event = await createEventWithOrganiser(api);
    slug = event.slug;
    token = event.organiser.token;
    eventId = event.event.id;
    const base = `/v1/events/${slug}`;
    expect((await api.http.request('PUT', `${base}/cfp`, { token, body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', maxSubmissionsPerSpeaker: 10 } })).status).toBe(200);
    for (const track of ['runtime', 'security']) expect((await api.http.post(`${base}/cfp/tracks`, { slug: track, name: { en: track } }, { token })).status).toBe(201);
    await openReview(api, slug, token, { reviewsPerSubmission: PER_SUBMISSION });

    const reviewers = await insertUsers(api, REVIEWERS, 'assign-reviewer');
    reviewerIds = reviewers.map((r) => r.id);
    const speakers = await insertUsers(api, SPEAKERS, 'assign-speaker');
    await query(db(), `INSERT INTO role_grants (id, event_id, user_id, role) SELECT gen_random_uuid(), $1, u, 'REVIEWER' FROM unnest($2::uuid[]) AS u`, [eventId, reviewerIds]);
    await query(
      db(),
      `INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
       SELECT u, 'Reviewer ' || n, 'Bio', 'Company ' || (n - 1), 'SRE', 'CN', false, now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n) WHERE n <= 10`,
      [reviewerIds],
    );
    await query(
      db(),
      `INSERT INTO speaker_profiles (user_id, name, bio, company, job_title, country, first_time_speaker, updated_at)
       SELECT u, 'Speaker ' || n, 'Bio', CASE WHEN n % 2 = 0 THEN '  COMPANY ' || (n % 50) || ' ' ELSE 'company ' || (n % 50) END,
              'Engineer', 'CN', false, now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [speakers.map((s) => s.id)],
    );
    await query(
      db(),
      `INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, track_id, level, language, submitted_at, state_changed_at, updated_at)
       SELECT gen_random_uuid(), $1, 'AS-' || lpad(g::text, 4, '0'), 'CFP', 'SUBMITTED', 'Proposal ' || g, 'Abstract',
              (SELECT id FROM session_formats WHERE event_id = $1 AND slug = 'breakout'),
              (SELECT id FROM tracks WHERE event_id = $1 AND slug = CASE WHEN g % 5 = 0 THEN 'security' ELSE 'runtime' END),
              'BEGINNER', 'en', now(), now(), now()
         FROM generate_series(0, $2::int - 1) AS g`,
      [eventId, SUBMISSIONS],
    );
    await query(
      db(),
      `INSERT INTO submission_speakers (id, submission_id, user_id, role)
       SELECT gen_random_uuid(), s.id, sp.u, 'OWNER' FROM submissions s
         JOIN unnest($2::uuid[]) WITH ORDINALITY AS sp(u, n) ON sp.n - 1 = substring(s.code from 4)::int % $3
        WHERE s.event_id = $1`,
      [eventId, speakers.map((s) => s.id), SPEAKERS],
    );
    await query(
      db(),
      `INSERT INTO submission_speakers (id, submission_id, user_id, role)
       SELECT gen_random_uuid(), s.id, ($2::uuid[])[10 + substring(s.code from 4)::int + 1], 'CO_SPEAKER' FROM submissions s
        WHERE s.event_id = $1 AND substring(s.code from 4)::int < 5`,
      [eventId, reviewerIds],
    );
    await query(
      db(),
      `INSERT INTO review_conflicts (id, event_id, reviewer_id, submission_id, reason)
       SELECT gen_random_uuid(), $1, ($2::uuid[])[16 + k], s.id, 'Declared'
         FROM generate_series(0, 4) AS k JOIN submissions s ON s.event_id = $1 AND substring(s.code from 4)::int % 100 = k * 7 + 3`,
      [eventId, reviewerIds],
    );
    for (const [index, track] of [[20, 'security'], [21, 'security'], [22, 'security'], [23, 'security'], [24, 'runtime'], [25, 'runtime'], [26, 'runtime'], [27, 'runtime']] as const) {
      const limited = await api.http.request('PUT', `${base}/reviewers/${reviewerIds[index]}/tracks`, { token, body: { tracks: [track] } });
      expect(limited.status, limited.text).toBe(200);
    }
    expectProblem(await api.http.request('PUT', `${base}/reviewers/${reviewerIds[0]}/tracks`, { token, body: { tracks: ['nope'] } }), 400, 'REVIEW_TRACK_UNKNOWN');
    expectProblem(await api.http.request('PUT', `${base}/reviewers/${speakers[0].id}/tracks`, { token, body: { tracks: [] } }), 404, 'REVIEWER_NOT_FOUND');
  }, 120_000);
  afterAll(() => api.close());

  const assignments = () =>
    query<{ id: string; reviewer_id: string; submission_id: string }>(db(), 'SELECT id, reviewer_id, submission_id FROM review_assignments WHERE event_id = $1 ORDER BY id', [eventId]);

  /** Every conflicting (reviewer, submission) pair, worked out here in TypeScript from the raw tables. */
  async function expectedConflicts() {
    // other test files share the database: speakers and companies count from anywhere, candidates from this event
    const speakers = await query<{ submission_id: string; user_id: string; event_id: string }>(
      db(),
      'SELECT ss.submission_id, ss.user_id, s.event_id FROM submission_speakers ss JOIN submissions s ON s.id = ss.submission_id',
    );
    const profiles = await query<{ user_id: string; company: string }>(db(), 'SELECT user_id, company FROM speaker_profiles');
    const declared = await query<{ reviewer_id: string; submission_id: string }>(db(), 'SELECT reviewer_id, submission_id FROM review_conflicts WHERE event_id = $1', [eventId]);
    const inEvent = new Set(speakers.filter((s) => s.event_id === eventId).map((s) => s.submission_id));
    const company = new Map(profiles.map((p) => [p.user_id, p.company.trim().toLowerCase()]));
    const submissionsOf = new Map<string, string[]>();
    const speakersOf = new Map<string, string[]>();
    for (const s of speakers) {
      submissionsOf.set(s.user_id, [...(submissionsOf.get(s.user_id) ?? []), s.submission_id]);
      speakersOf.set(s.submission_id, [...(speakersOf.get(s.submission_id) ?? []), s.user_id]);
    }
    const pairs = new Map<string, string>();
    for (const r of reviewerIds) {
      const partners = new Set((submissionsOf.get(r) ?? []).flatMap((s) => speakersOf.get(s)!).filter((u) => u !== r));
      for (const [submission, people] of speakersOf) {
        if (!inEvent.has(submission)) continue;
        if (people.includes(r)) pairs.set(`${r}/${submission}`, 'self');
        else if (people.some((p) => partners.has(p))) pairs.set(`${r}/${submission}`, 'co-speaker');
        else if (company.get(r) && people.some((p) => company.get(p) === company.get(r))) pairs.set(`${r}/${submission}`, 'company');
      }
    }
    for (const d of declared) pairs.set(`${d.reviewer_id}/${d.submission_id}`, 'declared');
    return pairs;
  }

  it('gives every submission its reviewers with loads within one, conflicts and track limits respected; re-running changes nothing', async () => {
    const conflicts = await expectedConflicts();
    const kinds = [...conflicts.values()].reduce((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {} as Record<string, number>);
    // the fixture really contains each kind of conflict: r0..r9 share a company with the owners of ten proposals
    // each, r10..r14 speak on one proposal and co-speak with the owner of one more, r15..r19 declared five
    expect(kinds).toEqual({ self: 5, 'co-speaker': 5, company: 100, declared: 25 });

    // two organisers start the run at the same moment: the lock makes one do the work and the other find it done
    const runs = await Promise.all([0, 1].map(() => api.http.post<Wire<AssignmentRunDto>>(`/v1/events/${slug}/review-assignments/auto`, undefined, { token })));
    expect(runs.map((r) => r.status)).toEqual([200, 200]);
    expect(runs.map((r) => r.body.added).sort((a, b) => a - b)).toEqual([0, SUBMISSIONS * PER_SUBMISSION]);
    const run = runs.find((r) => r.body.added > 0)!.body;
    expect(run).toMatchObject({ submissions: SUBMISSIONS, reviewers: REVIEWERS, reviewsPerSubmission: PER_SUBMISSION, removed: 0, understaffed: 0 });
    expect(run.loads.max - run.loads.min).toBeLessThanOrEqual(1);

    const made = await assignments();
    expect(made).toHaveLength(SUBMISSIONS * PER_SUBMISSION);
    const perSubmission = new Map<string, number>();
    const perReviewer = new Map<string, number>(reviewerIds.map((r) => [r, 0]));
    for (const a of made) {
      perSubmission.set(a.submission_id, (perSubmission.get(a.submission_id) ?? 0) + 1);
      perReviewer.set(a.reviewer_id, perReviewer.get(a.reviewer_id)! + 1);
    }
    expect(perSubmission.size).toBe(SUBMISSIONS);
    expect([...perSubmission.values()].every((n) => n === PER_SUBMISSION)).toBe(true);
    const loads = [...perReviewer.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect({ min: Math.min(...loads), max: Math.max(...loads) }).toEqual(run.loads);

    expect(made.filter((a) => conflicts.has(`${a.reviewer_id}/${a.submission_id}`))).toEqual([]);
    const tracks = await query<{ id: string; slug: string }>(db(), `SELECT s.id, t.slug FROM submissions s JOIN tracks t ON t.id = s.track_id WHERE s.event_id = $1`, [eventId]);
    const trackOf = new Map(tracks.map((t) => [t.id, t.slug]));
    const limitOf = (reviewerId: string) => {
      const index = reviewerIds.indexOf(reviewerId);
      return index >= 20 && index < 24 ? 'security' : index >= 24 && index < 28 ? 'runtime' : null;
    };
    expect(made.filter((a) => limitOf(a.reviewer_id) !== null && limitOf(a.reviewer_id) !== trackOf.get(a.submission_id))).toEqual([]);

    const again = await api.http.post(`/v1/events/${slug}/review-assignments/auto`, undefined, { token });
    expect(again.body).toMatchObject({ added: 0, removed: 0, understaffed: 0, loads: run.loads });
    expect(await assignments()).toEqual(made);
    const audit = await query<{ n: number }>(db(), `SELECT count(*)::int AS n FROM audit_log WHERE event_id = $1 AND action = 'review.assignments_generated'`, [eventId]);
    expect(audit[0].n).toBe(1);
  });

  it('tops up what is missing after a manual change, and refuses manual assignments that break the rules', async () => {
    const before = await assignments();
    const victim = before[0];
    expectProblem(await api.http.post(`/v1/events/${slug}/review-assignments`, { reviewerId: victim.reviewer_id, submissionId: victim.submission_id }, { token }), 409, 'REVIEW_ASSIGNMENT_EXISTS');
    expect((await api.http.delete(`/v1/events/${slug}/review-assignments/${victim.id}`, { token })).status).toBe(204);
    expectProblem(await api.http.delete(`/v1/events/${slug}/review-assignments/${victim.id}`, { token }), 404, 'REVIEW_ASSIGNMENT_NOT_FOUND');
    const securityOnly = reviewerIds[20];
    const runtimeProposal = await query<{ id: string }>(db(), `SELECT s.id FROM submissions s JOIN tracks t ON t.id = s.track_id WHERE s.event_id = $1 AND t.slug = 'runtime' LIMIT 1`, [eventId]);
    expectProblem(await api.http.post(`/v1/events/${slug}/review-assignments`, { reviewerId: securityOnly, submissionId: runtimeProposal[0].id }, { token }), 409, 'REVIEW_TRACK_RESTRICTED');
    const rerun = await api.http.post(`/v1/events/${slug}/review-assignments/auto`, undefined, { token });
    expect(rerun.body).toMatchObject({ added: 1, removed: 0 });
    const after = await assignments();
    expect(after).toHaveLength(before.length);
    expect(after.filter((a) => a.submission_id === victim.submission_id)).toHaveLength(PER_SUBMISSION);
  });
});
