import { describe, expect, it } from 'vitest';
import { OTHER_KEY } from './report.model';
import { binaryShare, buildDistribution, distributePercents, mergeSmallGroups, percent } from './stats';

describe('percent', () => {
  it('rounds half up to one decimal, exactly', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 400)).toBe(0.3); // 0.25 rounds up
    expect(percent(187, 937)).toBe(20); // 19.957 -> 20.0: "20% accepted"
    expect(percent(2905, 3500)).toBe(83);
    expect(percent(3500, 3500)).toBe(100);
    expect(percent(0, 10)).toBe(0);
  });

  it('is null without a denominator and keeps the sign of a decrease', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(-200, 2500)).toBe(-8);
    expect(percent(1000, 2500)).toBe(40);
  });

  it('refuses fractions and negative denominators', () => {
    expect(() => percent(1.5, 10)).toThrow(RangeError);
    expect(() => percent(1, -10)).toThrow(RangeError);
  });
});

describe('distributePercents', () => {
  it('adds up to exactly 100 by largest remainder', () => {
    expect(distributePercents([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    // 150/194 = 77.319, 20/194 = 10.309, 12/194 = 6.186, 6/194 = 3.093 twice: floors 77.3 10.3 6.1 3.0 3.0 (99.7);
    // the three largest remainders (3.093, 3.093, 6.186) get the missing tenths
    expect(distributePercents([150, 20, 12, 6, 6])).toEqual([77.3, 10.3, 6.2, 3.1, 3.1]);
    expect(distributePercents([0, 0])).toEqual([0, 0]);
  });
});

describe('privacy threshold', () => {
  const groups = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => ({ key, count }));
  const shown = (d: ReturnType<typeof buildDistribution>) => d.items.map((i) => [i.key, i.count]);

  it('merges groups below the threshold (default 5) into other, and says how many', () => {
    const d = buildDistribution('country', groups({ CN: 150, US: 20, IN: 3, FR: 2 }), 0, { threshold: 5 });
    expect(shown(d)).toEqual([['CN', 150], ['US', 20], [OTHER_KEY, 5]]);
    expect(d.items[2].groups).toBe(2);
    expect(d.privacy).toEqual({ mergedGroups: 2, suppressed: false });
  });

  it('merges the smallest shown group too when other alone would stay below the threshold', () => {
    // a lone group of 3 in "other" could be read off as total minus the shown groups
    const d = buildDistribution('gender', groups({ MAN: 100, WOMAN: 40, PREFER_NOT_TO_SAY: 6, NON_BINARY: 3 }), 51, { threshold: 5 });
    expect(shown(d)).toEqual([['MAN', 100], ['WOMAN', 40], [OTHER_KEY, 9]]);
    expect(d.privacy.mergedGroups).toBe(2);
    expect(d.respondents).toBe(149);
    expect(d.notAnswered).toBe(51);
  });

  it('suppresses a breakdown whose people together stay below the threshold', () => {
    const d = buildDistribution('gender', groups({ WOMAN: 2, MAN: 2 }), 196, { threshold: 5 });
    expect(d.items).toEqual([]);
    expect(d.privacy).toEqual({ mergedGroups: 2, suppressed: true });
    expect(d.respondents).toBe(4);
  });

  it('is configurable: 1 shows every group, 25 merges more', () => {
    const input = groups({ CN: 150, US: 20, JP: 12, IN: 3 });
    expect(shown(buildDistribution('country', input, 0, { threshold: 1 }))).toEqual([['CN', 150], ['US', 20], ['JP', 12], ['IN', 3]]);
    const strict = buildDistribution('country', input, 0, { threshold: 25 });
    expect(shown(strict)).toEqual([['CN', 150], [OTHER_KEY, 35]]);
    expect(strict.privacy.mergedGroups).toBe(3);
    expect(() => buildDistribution('country', input, 0, { threshold: 0 })).toThrow(RangeError);
  });

  it('keeps a top N and merges the rest for length, which is not a privacy merge', () => {
    const d = buildDistribution('country', groups({ CN: 50, US: 40, JP: 30, DE: 20, FR: 10 }), 0, { threshold: 5, limit: 3 });
    expect(shown(d)).toEqual([['CN', 50], ['US', 40], ['JP', 30], [OTHER_KEY, 30]]);
    expect(d.privacy.mergedGroups).toBe(0);
    expect(d.items.map((i) => i.percent)).toEqual([33.3, 26.7, 20, 20]);
  });

  it('orders equal counts by key, drops empty groups and refuses duplicates or the reserved key', () => {
    const d = buildDistribution('industry', groups({ B: 10, A: 10, C: 0 }), 0, { threshold: 5 });
    expect(shown(d)).toEqual([['A', 10], ['B', 10]]);
    expect(() => buildDistribution('industry', [{ key: 'A', count: 1 }, { key: 'A', count: 2 }], 0, { threshold: 5 })).toThrow(/twice/);
    expect(() => buildDistribution('industry', [{ key: OTHER_KEY, count: 9 }], 0, { threshold: 5 })).toThrow(/reserved/);
  });

  it('checks every count a row discloses (applicants and awardees)', () => {
    const rows = [
      { key: 'a', awards: 12, applications: 30 },
      { key: 'b', awards: 6, applications: 8 },
      { key: 'c', awards: 5, applications: 4 },
    ];
    const result = mergeSmallGroups(rows, {
      threshold: 5,
      sizes: (r) => [r.awards, r.applications],
      combine: (merged) => ({
        key: OTHER_KEY,
        awards: merged.reduce((s, r) => s + r.awards, 0),
        applications: merged.reduce((s, r) => s + r.applications, 0),
      }),
    });
    // c has enough awardees but only 4 applicants; alone in "other" it would still show 4, so b joins it
    expect(result.kept.map((r) => r.key)).toEqual(['a']);
    expect(result.other).toEqual({ key: OTHER_KEY, awards: 11, applications: 12 });
    expect(result.mergedForPrivacy).toBe(2);
    expect(result.suppressed).toBe(false);
  });

  it('hides a yes/no share when either side is a small group', () => {
    expect(binaryShare(120, 190, 5)).toEqual({ count: 120, respondents: 190, percent: 63.2, suppressed: false });
    expect(binaryShare(3, 190, 5)).toEqual({ count: null, respondents: 190, percent: null, suppressed: true });
    expect(binaryShare(187, 190, 5).suppressed).toBe(true);
    expect(binaryShare(190, 190, 5)).toMatchObject({ count: 190, percent: 100, suppressed: false });
    expect(binaryShare(0, 0, 5)).toEqual({ count: 0, respondents: 0, percent: null, suppressed: false });
  });
});
