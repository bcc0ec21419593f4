import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedReviewerListing } from '../../bench/reviews.bench';
import { PrismaService } from '@lectern/database/prisma.service';
import { User } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { Response, TestApi, createEventWithOrganiser, logIn, startApi } from '@test/support/harness';
import { openReview, reviewer } from '@test/support/reviews';
import { AssignedSubmissionDto, RankedSubmissionDto } from '@api/reviews/reviews.dto';
import { Problem, Wire } from '@test/support/api-types';

const SUBMISSIONS = 2_000;

function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect((response.body as Problem).code).toBe(code);
}
/** The seed reviews every submission except each third one (by code). */
const REVIEWED = SUBMISSIONS - Math.floor(SUBMISSIONS / 3);

describe('a reviewer with 2,000 assigned submissions', () => {
  let api: TestApi;
  let base: string;
  let organiserToken: string;
  let rev: User;

  beforeAll(async () => {
    api = await startApi();
    const event = await createEventWithOrganiser(api);
    organiserToken = event.organiser.token;
    base = `/v1/events/${event.slug}`;
    const cfp = await api.http.request('PUT', `${base}/cfp`, {
      token: organiserToken,
      body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', maxSubmissionsPerSpeaker: 10 },
    });
    expect(cfp.status, cfp.text).toBe(200);
    for (const track of ['runtime', 'security', 'storage']) {
      expect((await api.http.post(`${base}/cfp/tracks`, { slug: track, name: { en: track } }, { token: organiserToken })).status).toBe(201);
    }
    await openReview(api, event.slug, organiserToken);
    rev = await reviewer(api, event.slug, organiserToken, 'bulk-reviewer');
    const db = new Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    try {
      await seedReviewerListing(db, { eventId: event.event.id, reviewerId: rev.id, stamp: 'listing', submissions: SUBMISSIONS, speakers: 300 });
    } finally {
      await db.end();
    }
  }, 120_000);
  afterAll(() => api.close());

  async function walk<Item>(path: string, token: string, limit: number) {
    const prisma = api.app.get(PrismaService);
    const pages: Response<{ items: Item[]; nextCursor: string | null; progress?: unknown }>[] = [];
    const statements: number[] = [];
    let cursor: string | null = null;
    do {
      const before = prisma.statementCount;
      const page: (typeof pages)[number] = await api.http.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
      statements.push(prisma.statementCount - before);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(page);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { items: pages.flatMap((p) => p.body.items), pages, statements };
  }

  it('lists them page by page with the reviewer’s scores, each page costing the same statements whatever its size', async () => {
    const small = await walk<Wire<AssignedSubmissionDto>>(`${base}/review/assignments`, rev.token, 50);
    const large = await walk<Wire<AssignedSubmissionDto>>(`${base}/review/assignments`, rev.token, 200);
    expect(small.items).toHaveLength(SUBMISSIONS);
    expect(new Set(small.items.map((i: { id: string }) => i.id)).size).toBe(SUBMISSIONS);
    expect(large.items.map((i: { id: string }) => i.id)).toEqual(small.items.map((i: { id: string }) => i.id));
    const codes = small.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual([...codes].sort());
    expect(small.items.filter((i: { review: unknown }) => i.review !== null)).toHaveLength(REVIEWED);
    for (const page of small.pages) expect(page.body.progress).toEqual({ assigned: SUBMISSIONS, reviewed: REVIEWED });

    // one statement per page: the caller's account, the edition and their roles checked with the page, the review
    // settings, formats, tracks and the reviewer's own scores: 40 pages of 50 and 10 of 200 each cost exactly that
    expect(small.statements).toHaveLength(40);
    expect(large.statements).toHaveLength(10);
    expect([...small.statements, ...large.statements].every((n) => n === 1)).toBe(true);

    const scored = small.items.find((i: { review: unknown }) => i.review !== null) as { id: string; review: { scores: Record<string, number>; score: number } };
    const stored = await query<{ key: string; score: number; weight: number }>(
      inject('databaseUrl'),
      `SELECT c.key, sc.score, c.weight FROM review_scores sc JOIN review_criteria c ON c.id = sc.criterion_id
         JOIN reviews r ON r.id = sc.review_id WHERE r.submission_id = $1 AND r.reviewer_id = $2`,
      [scored.id, rev.id],
    );
    expect(scored.review.scores).toEqual(Object.fromEntries(stored.map((s) => [s.key, s.score])));
    const weights = stored.reduce((sum, s) => sum + s.weight, 0);
    expect(scored.review.score).toBeCloseTo(stored.reduce((sum, s) => sum + s.weight * s.score, 0) / weights, 9);

    const pending = await walk<Wire<AssignedSubmissionDto>>(`${base}/review/assignments?status=PENDING`, rev.token, 200);
    expect(pending.items).toHaveLength(SUBMISSIONS - REVIEWED);
    expect(pending.items.every((i: { review: unknown }) => i.review === null)).toBe(true);
  });

  it('checks the caller on every page in the page\'s own statement, answering as the event guard does', async () => {
    expectProblem(await api.http.get(`${base}/review/assignments?limit=1`, { token: organiserToken }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get('/v1/events/no-such-edition/review/assignments', { token: rev.token }), 404, 'EVENT_NOT_FOUND');
    const admin = await logIn(api.http, api.adminEmail);
    expect((await api.http.get(`${base}/review/assignments?limit=1`, { token: admin })).status).toBe(200);
    // a reviewer of an edition whose review is not set up yet
    const bare = await createEventWithOrganiser(api);
    const early = await reviewer(api, bare.slug, bare.organiser.token, 'early-reviewer');
    expectProblem(await api.http.get(`/v1/events/${bare.slug}/review/assignments`, { token: early.token }), 404, 'REVIEW_NOT_CONFIGURED');
    // a reviewer of a draft edition sees it; once the role is gone, the edition does not exist for them
    const draft = await createEventWithOrganiser(api, {}, false);
    await openReview(api, draft.slug, draft.organiser.token);
    const drafting = await reviewer(api, draft.slug, draft.organiser.token, 'draft-reviewer');
    expect((await api.http.get(`/v1/events/${draft.slug}/review/assignments`, { token: drafting.token })).status).toBe(200);
    await query(inject('databaseUrl'), 'DELETE FROM role_grants WHERE user_id = $1', [drafting.id]);
    expectProblem(await api.http.get(`/v1/events/${draft.slug}/review/assignments`, { token: drafting.token }), 404, 'EVENT_NOT_FOUND');
    await query(inject('databaseUrl'), 'DELETE FROM users WHERE id = $1', [early.id]);
    expectProblem(await api.http.get(`/v1/events/${bare.slug}/review/assignments`, { token: early.token }), 401, 'TOKEN_INVALID');
  });

  it('ranks them for organisers with a fixed number of statements per page', async () => {
    const small = await walk<Wire<RankedSubmissionDto>>(`${base}/review-ranking`, organiserToken, 50);
    const large = await walk<Wire<RankedSubmissionDto>>(`${base}/review-ranking`, organiserToken, 200);
    expect(small.items).toHaveLength(SUBMISSIONS);
    expect(small.items.map((i: { rankOverall: number }) => i.rankOverall)).toEqual(Array.from({ length: SUBMISSIONS }, (_, i) => i + 1));
    expect(large.items.map((i: { id: string }) => i.id)).toEqual(small.items.map((i: { id: string }) => i.id));
    expect([...small.statements, ...large.statements].every((n) => n === 3)).toBe(true);
    // one reviewer: unscored proposals come last, and calibrated scores never increase down the ranking
    const calibrated: (number | null)[] = small.items.map((i: { calibrated: number | null }) => i.calibrated);
    expect(calibrated.slice(REVIEWED).every((c) => c === null)).toBe(true);
    const scoredPart = calibrated.slice(0, REVIEWED) as number[];
    expect(scoredPart.every((c, i) => i === 0 || c <= scoredPart[i - 1] + 1e-9)).toBe(true);
  });
});
