/**
 * Score aggregation and per-rater calibration, as pure functions: the specification of what the review ranking
 * computes in SQL (ReviewsRepository's RANKED_SUBMISSIONS follows these formulas one for one, and
 * test/integration/reviews-calibration.test.ts checks the two agree), and reusable as is wherever a panel scores items
 * (the scholarship committee scores applications the same way).
 *
 * Names are generic: a *rater* (a reviewer) gives an *item* (a submission) a score with a confidence.
 *
 * The calibrated score:
 *   z = (s − μ_r) / σ_r
 * where μ_r and σ_r are the mean and the population standard deviation of all scores rater r gave in the event
 * (every item, every track). When σ_r = 0 (a single score, or the same score everywhere) the rater expresses no
 * preference and z = 0. An item's calibrated score is the confidence-weighted mean of the z of its scores:
 *   calibrated = Σ c_i · z_i / Σ c_i
 * so a harsh rater's 2 and a lenient rater's 4 count alike when each is that rater's average, and a confident
 * score counts more than a hesitant one. Items without scores have no calibrated score and rank last.
 */

export interface RatedScore {
  raterId: string;
  itemId: string;
  /** The score on the event's scale (for reviews: the criteria's weighted mean). */
  score: number;
  /** A positive weight; reviews use 1 (low) to 3 (high). */
  confidence: number;
}

export interface ItemAggregate {
  itemId: string;
  count: number;
  mean: number;
  median: number;
  calibrated: number;
}

/** Below this a standard deviation is rounding noise, not spread (scores are whole numbers or their means). */
export const SIGMA_EPSILON = 1e-9;

export interface CriterionWeight {
  key: string;
  weight: number;
}

/** A review's single score: the mean of its per-criterion scores weighted by the criteria's weights. */
export function weightedScore(scores: Readonly<Record<string, number>>, criteria: readonly CriterionWeight[]): number {
  let total = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.key];
    if (score === undefined) throw new Error(`no score for criterion ${criterion.key}`);
    total += criterion.weight * score;
    weights += criterion.weight;
  }
  if (weights <= 0) throw new Error('criteria need a positive total weight');
  return total / weights;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** μ_r and σ_r (population standard deviation) of every rater's scores. */
export function raterStatistics(scores: readonly RatedScore[]): Map<string, { mean: number; sigma: number }> {
  const byRater = new Map<string, number[]>();
  for (const s of scores) byRater.set(s.raterId, [...(byRater.get(s.raterId) ?? []), s.score]);
  const stats = new Map<string, { mean: number; sigma: number }>();
  for (const [raterId, values] of byRater) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    stats.set(raterId, { mean, sigma: Math.sqrt(variance) });
  }
  return stats;
}

/** The z-score of each score, in the order given. */
export function zScores(scores: readonly RatedScore[]): number[] {
  const stats = raterStatistics(scores);
  return scores.map((s) => {
    const { mean, sigma } = stats.get(s.raterId)!;
    return sigma > SIGMA_EPSILON ? (s.score - mean) / sigma : 0;
  });
}

/** Count, mean, median and calibrated score of every item that has at least one score. */
export function aggregate(scores: readonly RatedScore[]): Map<string, ItemAggregate> {
  const z = zScores(scores);
  const byItem = new Map<string, { values: number[]; weighted: number; weights: number }>();
  scores.forEach((s, i) => {
    const entry = byItem.get(s.itemId) ?? { values: [], weighted: 0, weights: 0 };
    entry.values.push(s.score);
    entry.weighted += s.confidence * z[i];
    entry.weights += s.confidence;
    byItem.set(s.itemId, entry);
  });
  const result = new Map<string, ItemAggregate>();
  for (const [itemId, entry] of byItem) {
    result.set(itemId, {
      itemId,
      count: entry.values.length,
      mean: entry.values.reduce((a, b) => a + b, 0) / entry.values.length,
      median: median(entry.values),
      calibrated: entry.weighted / entry.weights,
    });
  }
  return result;
}

/**
 * Scores are compared to six decimals: two equal scores summed in a different order differ in the last bits,
 * and that noise must not decide which talk ranks first.
 */
export const RANKING_DECIMALS = 6;

export function toRankingPrecision(value: number): number {
  return Math.round(value * 10 ** RANKING_DECIMALS) / 10 ** RANKING_DECIMALS;
}

/**
 * The ranking order: calibrated score, then raw mean, both descending, items without scores last; `tieBreak`
 * (ascending) settles the rest so that the order is total and repeatable.
 */
export function compareForRanking(
  a: { calibrated: number | null; mean: number | null; tieBreak: string },
  b: { calibrated: number | null; mean: number | null; tieBreak: string },
): number {
  const byNullsLast = (x: number | null, y: number | null) =>
    x === null ? (y === null ? 0 : 1) : y === null ? -1 : toRankingPrecision(y) - toRankingPrecision(x);
  return byNullsLast(a.calibrated, b.calibrated) || byNullsLast(a.mean, b.mean) || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0);
}

/** Item ids best first, by compareForRanking; items missing from `aggregates` have no scores. */
export function rank(itemIds: readonly { id: string; tieBreak: string }[], aggregates: ReadonlyMap<string, ItemAggregate>): string[] {
  return [...itemIds]
    .map((item) => ({ id: item.id, tieBreak: item.tieBreak, calibrated: aggregates.get(item.id)?.calibrated ?? null, mean: aggregates.get(item.id)?.mean ?? null }))
    .sort(compareForRanking)
    .map((item) => item.id);
}
