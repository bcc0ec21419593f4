import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RatedScore, aggregate } from '@lectern/scoring/calibration';
import { User, complete, openCfp, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, startApi } from '@test/support/harness';
import { autoAssign, openReview, reviewer } from '@test/support/reviews';
import { RankingPageDto } from '@api/reviews/reviews.dto';
import { Wire } from '@test/support/api-types';
import { OpenApiDocument } from '@test/support/contract';

/** Per neutral reviewer: relevance and clarity for proposals p0 (best) .. p5 (worst); weighted scores strictly fall. */
const NEUTRAL: { relevance: number[]; clarity: number[]; confidence: number }[] = [
  { relevance: [5, 5, 4, 3, 2, 1], clarity: [5, 3, 4, 3, 2, 1], confidence: 3 },
  { relevance: [4, 4, 3, 2, 2, 1], clarity: [4, 3, 3, 2, 1, 1], confidence: 1 },
  { relevance: [5, 4, 4, 3, 3, 2], clarity: [4, 5, 3, 3, 2, 2], confidence: 2 },
];

describe('calibrated scores', () => {
  let api: TestApi;
  let base: string;
  let token: string;
  const proposals: string[] = [];
  const neutral: User[] = [];
  let harsh: User;
  let lenient: User;

  const ranking = async () => {
    const response = await api.http.get<Wire<RankingPageDto>>(`${base}/review-ranking?limit=200`, { token });
    expect(response.status, response.text).toBe(200);
    return response.body.items as { id: string; mean: number; median: number; calibrated: number; reviews: number; rankOverall: number }[];
  };
  const score = async (judge: User, index: number, relevance: number, clarity: number, confidence: number) => {
    const done = await api.http.post(`${base}/review/submissions/${proposals[index]}/review`, { scores: { relevance, clarity }, confidence }, { token: judge.token });
    expect(done.status, done.text).toBe(201);
  };

  beforeAll(async () => {
    api = await startApi();
    const event = await openCfp(api);
    token = event.organiser.token;
    base = `/v1/events/${event.slug}`;
    await openReview(api, event.slug, token, {
      reviewsPerSubmission: 5,
      criteria: [{ key: 'relevance', name: { en: 'Relevance' }, weight: 2 }, { key: 'clarity', name: { en: 'Clarity' }, weight: 1 }],
    });
    for (let i = 0; i < 3; i += 1) neutral.push(await reviewer(api, event.slug, token, `neutral${i}`));
    harsh = await reviewer(api, event.slug, token, 'harsh');
    lenient = await reviewer(api, event.slug, token, 'lenient');
    for (let i = 0; i < 6; i += 1) proposals.push((await submitted(api, event.slug, await speaker(api, `author${i}`), complete(`Proposal p${i}`))).id);
    expect((await autoAssign(api, event.slug, token)).added).toBe(30);
  });
  afterAll(() => api.close());

  it('ranks as the neutral reviewers would when one reviewer gives everything 1 and another everything 5', async () => {
    for (const [n, judge] of neutral.entries()) {
      for (let i = 0; i < 6; i += 1) await score(judge, i, NEUTRAL[n].relevance[i], NEUTRAL[n].clarity[i], NEUTRAL[n].confidence);
    }
    const byNeutral = (await ranking()).map((item) => item.id);
    expect(byNeutral).toEqual(proposals);

    // the harsh reviewer happens to get the better half, the lenient one the worse half
    for (let i = 0; i < 3; i += 1) await score(harsh, i, 1, 1, 2);
    for (let i = 3; i < 6; i += 1) await score(lenient, i, 5, 5, 2);
    const ranked = await ranking();
    expect(ranked.every((item) => item.reviews === 4)).toBe(true);
    expect(ranked.map((item) => item.id)).toEqual(byNeutral);
    // raw means are fooled: the lenient reviewer's 5s lift p3 above p2
    const byMean = [...ranked].sort((a, b) => b.mean - a.mean).map((item) => proposals.indexOf(item.id));
    expect(byMean).toEqual([0, 1, 3, 2, 4, 5]);

    // the SQL computes what calibration.ts specifies, review for review
    const reviews = await query<{ reviewer_id: string; submission_id: string; score: number; confidence: number }>(
      inject('databaseUrl'),
      'SELECT reviewer_id, submission_id, score, confidence FROM reviews WHERE submission_id = ANY($1::uuid[])',
      [proposals],
    );
    const expected = aggregate(reviews.map((r): RatedScore => ({ raterId: r.reviewer_id, itemId: r.submission_id, score: r.score, confidence: r.confidence })));
    for (const item of ranked) {
      const spec = expected.get(item.id)!;
      expect(item.mean).toBeCloseTo(spec.mean, 9);
      expect(item.median).toBeCloseTo(spec.median, 9);
      expect(item.calibrated).toBeCloseTo(spec.calibrated, 9);
    }
    // p0's neutral z-scores are positive, the harsh 1 counts as that reviewer's average (z = 0), not as a bad mark
    expect(ranked[0].calibrated).toBeGreaterThan(0);
    expect(ranked[5].calibrated).toBeLessThan(0);
  });

  it('documents the formula in the OpenAPI description', async () => {
    const docs = await api.http.get<OpenApiDocument>('/docs-json');
    const operation = docs.body.paths['/v1/events/{slug}/review-ranking'].get;
    expect(operation.description).toContain('z = (s − μ_r) / σ_r');
    expect(operation.description).toContain('σ_r = 0 gives z = 0');
    expect(operation.description).toContain('confidence-weighted mean');
  });
});
