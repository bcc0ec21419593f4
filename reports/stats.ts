import { BinaryShare, Dimension, Distribution, DistributionItem, Named, OTHER_KEY } from './report.model';

export const DEFAULT_PRIVACY_THRESHOLD = 5;

/** Checks a threshold coming from configuration or a request: a whole number of people, at least 1 (1 = off). */
export function checkThreshold(threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`privacy threshold must be a whole number >= 1, got ${threshold}`);
  }
  return threshold;
}

function checkCount(value: number, what: string) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number >= 0, got ${value}`);
}

/**
 * `part` as a percentage of `whole`, rounded half up to one decimal, or null when `whole` is zero. Integer
 * arithmetic, so 1/8 gives exactly 12.5 and no float noise (12.500000001) can reach the report.
 */
export function percent(part: number, whole: number): number | null {
  checkCount(whole, 'whole');
  if (!Number.isInteger(part)) throw new RangeError(`part must be a whole number, got ${part}`);
  if (whole === 0) return null;
  const sign = part < 0 ? -1 : 1;
  const tenths = Math.floor((2 * Math.abs(part) * 1000 + whole) / (2 * whole));
  return (sign * tenths) / 10;
}

/**
 * Percentages of `counts` over their sum, to one decimal, that add up to exactly 100 (largest remainder), so a
 * breakdown never prints 33.3 + 33.3 + 33.3. Ties in the remainder go to the earlier (larger) group.
 */
export function distributePercents(counts: readonly number[]): number[] {
  counts.forEach((c) => checkCount(c, 'count'));
  const whole = counts.reduce((a, b) => a + b, 0);
  if (whole === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * 1000) / whole));
  const remainders = counts.map((c, i) => ({ i, r: c * 1000 - floors[i] * whole }));
  let missing = 1000 - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (missing === 0) break;
    floors[i] += 1;
    missing -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}

export interface MergeOptions<T> {
  /** Groups with fewer people than this (but more than zero) are never shown on their own. */
  threshold: number;
  /** Every count of people the row discloses (a scholarship row discloses applicants and awardees). */
  sizes: (row: T) => number[];
  /** Builds the "other" row from the rows merged into it. */
  combine: (rows: T[]) => T;
  /** Shows at most this many rows besides "other" (top N); the rest are merged for length, not privacy. */
  limit?: number;
}

export interface MergeResult<T> {
  kept: T[];
  other: T | null;
  /** Rows merged because they, or the "other" row they would have formed, were below the threshold. */
  mergedForPrivacy: number;
  /** Rows merged only to keep the breakdown to `limit` rows. */
  mergedForLength: number;
  /** Even everything merged together stays below the threshold: nothing may be shown. */
  suppressed: boolean;
}

/**
 * The privacy threshold. Groups smaller than the threshold are merged into "other". When "other" itself ends up
 * smaller than the threshold (one small group, or two of 1 and 2 people), the smallest shown group joins it too,
 * until it is large enough: otherwise the small group could be read off as total minus the shown groups. When
 * even all groups together are below the threshold the breakdown is suppressed.
 *
 * `rows` must be in display order (largest first for a distribution); the order of `kept` follows it.
 */
export function mergeSmallGroups<T>(rows: readonly T[], options: MergeOptions<T>): MergeResult<T> {
  const threshold = checkThreshold(options.threshold);
  const isSmall = (row: T) => options.sizes(row).some((n) => n > 0 && n < threshold);

  const privacy = rows.filter(isSmall);
  let kept = rows.filter((row) => !isSmall(row));
  let length: T[] = [];
  if (options.limit !== undefined && kept.length > options.limit) {
    length = kept.slice(options.limit);
    kept = kept.slice(0, options.limit);
  }
  const merged = () => [...privacy, ...length];

  while (merged().length > 0 && isSmall(options.combine(merged()))) {
    if (kept.length === 0) {
      return { kept: [], other: null, mergedForPrivacy: privacy.length, mergedForLength: length.length, suppressed: true };
    }
    let smallest = kept.length - 1;
    kept.forEach((row, i) => {
      if (options.sizes(row)[0] < options.sizes(kept[smallest])[0]) smallest = i;
    });
    privacy.push(kept[smallest]);
    kept = kept.filter((_, i) => i !== smallest);
  }
  return {
    kept,
    other: merged().length > 0 ? options.combine(merged()) : null,
    mergedForPrivacy: privacy.length,
    mergedForLength: length.length,
    suppressed: false,
  };
}

export interface GroupCount extends Named {
  key: string;
  count: number;
}

/**
 * A distribution after the privacy threshold: groups sorted largest first (then by key, so equal inputs give equal
 * reports), zero groups dropped, small groups merged into OTHER_KEY, percents of the respondents adding up to 100.
 */
export function buildDistribution(
  dimension: Dimension,
  groups: readonly GroupCount[],
  notAnswered: number,
  options: { threshold: number; limit?: number },
): Distribution {
  checkCount(notAnswered, 'notAnswered');
  const seen = new Set<string>();
  for (const group of groups) {
    checkCount(group.count, `${dimension} ${group.key}`);
    if (group.key === OTHER_KEY) throw new RangeError(`${OTHER_KEY} is reserved`);
    if (seen.has(group.key)) throw new RangeError(`${dimension} ${group.key} appears twice`);
    seen.add(group.key);
  }
  const sorted = groups
    .filter((g) => g.count > 0)
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const respondents = sorted.reduce((sum, g) => sum + g.count, 0);

  type Row = { key: string; count: number; groups: number; name?: Named['name'] };
  const result = mergeSmallGroups<Row>(
    sorted.map((g) => ({ key: g.key, count: g.count, groups: 1, name: g.name })),
    {
      threshold: options.threshold,
      limit: options.limit,
      sizes: (row) => [row.count],
      combine: (rows) => ({
        key: OTHER_KEY,
        count: rows.reduce((sum, r) => sum + r.count, 0),
        groups: rows.reduce((sum, r) => sum + r.groups, 0),
      }),
    },
  );
  const privacy = { mergedGroups: result.mergedForPrivacy, suppressed: result.suppressed };
  if (result.suppressed) return { dimension, respondents, notAnswered, items: [], privacy };

  const rows = result.other ? [...result.kept, result.other] : result.kept;
  const percents = distributePercents(rows.map((r) => r.count));
  const items: DistributionItem[] = rows.map((row, i) => {
    const item: DistributionItem = { key: row.key, count: row.count, percent: percents[i] };
    if (row.key === OTHER_KEY) item.groups = row.groups;
    if (row.name) item.name = row.name;
    return item;
  });
  return { dimension, respondents, notAnswered, items, privacy };
}

/**
 * A yes/no answer: hidden when the yes side or the no side is a group below the threshold, since either one
 * can be read off from the other and the number of respondents.
 */
export function binaryShare(yes: number, respondents: number, threshold: number): BinaryShare {
  checkCount(yes, 'yes');
  checkCount(respondents, 'respondents');
  checkThreshold(threshold);
  if (yes > respondents) throw new RangeError(`yes (${yes}) exceeds respondents (${respondents})`);
  const no = respondents - yes;
  const small = [yes, no].some((n) => n > 0 && n < threshold);
  if (small) return { count: null, respondents, percent: null, suppressed: true };
  return { count: yes, respondents, percent: percent(yes, respondents), suppressed: false };
}
