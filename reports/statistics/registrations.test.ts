import { describe, expect, it } from 'vitest';
import { sumDimensions } from './registrations';

describe('sumDimensions', () => {
  it('adds up the counts and check-ins of the same dimension and key over the parts', () => {
    const below = [
      { dimension: 'total', key: null, count: 3, checked: 1, name: null },
      { dimension: 'ticketType', key: 't1', count: 3, checked: 1, name: { en: 'All access' } },
      { dimension: 'country', key: 'CN', count: 2, checked: null, name: null },
      { dimension: 'country', key: null, count: 1, checked: null, name: null },
    ];
    // a driver may hand counts back as text
    const from = [
      { dimension: 'total', key: null, count: '4', checked: '2', name: null },
      { dimension: 'ticketType', key: 't1', count: 1, checked: 0, name: { en: 'All access' } },
      { dimension: 'ticketType', key: 't2', count: 3, checked: 2, name: { en: 'Speaker' } },
      { dimension: 'country', key: 'CN', count: 1, checked: null, name: null },
      { dimension: 'country', key: 'US', count: 3, checked: null, name: null },
    ];
    expect(sumDimensions([below, from])).toEqual([
      { dimension: 'total', key: null, count: 7, checked: 3, name: null },
      { dimension: 'ticketType', key: 't1', count: 4, checked: 1, name: { en: 'All access' } },
      { dimension: 'country', key: 'CN', count: 3, checked: null, name: null },
      { dimension: 'country', key: null, count: 1, checked: null, name: null },
      { dimension: 'ticketType', key: 't2', count: 3, checked: 2, name: { en: 'Speaker' } },
      { dimension: 'country', key: 'US', count: 3, checked: null, name: null },
    ]);
  });

  it('keeps a key apart from the same text in another dimension, and the not-answered (null) apart from "null"', () => {
    const rows = sumDimensions([
      [{ dimension: 'firstTime', key: 'true', count: 2, checked: 0, name: null }],
      [
        { dimension: 'attendance', key: 'true', count: 5, checked: 0, name: null },
        { dimension: 'gender', key: null, count: 1, checked: 0, name: null },
        { dimension: 'gender', key: 'null', count: 4, checked: 0, name: null },
      ],
    ]);
    expect(rows.map((row) => [row.dimension, row.key, row.count])).toEqual([
      ['firstTime', 'true', 2],
      ['attendance', 'true', 5],
      ['gender', null, 1],
      ['gender', 'null', 4],
    ]);
  });

  it('gives one part back as it is, counts as numbers', () => {
    const part = [{ dimension: 'total', key: null, count: '11', checked: 5, name: null }];
    expect(sumDimensions([part, []])).toEqual([{ dimension: 'total', key: null, count: 11, checked: 5, name: null }]);
  });
});
