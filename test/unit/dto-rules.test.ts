import { describe, expect, it } from 'vitest';
import { decimalPlaces } from '@api/http/dto-rules';

describe('decimal places of a number', () => {
  it('counts them as JavaScript writes the number, exponent included', () => {
    const counted = [184, 0.1, 12.34, 1e21, 1.25e21, 1.5e-7, 1e-323, 0].map((value) => [value, decimalPlaces(value)]);
    expect(counted).toEqual([[184, 0], [0.1, 1], [12.34, 2], [1e21, 0], [1.25e21, 0], [1.5e-7, 8], [1e-323, 323], [0, 0]]);
  });
});
