import { isISO31661Alpha2 } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { CONTINENT_BY_COUNTRY, continentOf } from './continents';

describe('country to continent', () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const everyPair = letters.flatMap((a) => letters.map((b) => a + b));

  it('maps exactly the codes the API accepts as ISO 3166-1 alpha-2 countries', () => {
    // the API validates attendee countries with class-validator; every code it lets in must have a continent
    const accepted = everyPair.filter((code) => isISO31661Alpha2(code));
    expect(accepted.length).toBe(249);
    expect(accepted.filter((code) => !continentOf(code))).toEqual([]);
    expect(Object.keys(CONTINENT_BY_COUNTRY).filter((code) => !isISO31661Alpha2(code))).toEqual([]);
    expect(Object.keys(CONTINENT_BY_COUNTRY).length).toBe(249);
  });

  it('follows the UN M49 regions, including the transcontinental cases', () => {
    expect(continentOf('CN')).toBe('AS');
    expect(continentOf('cn')).toBe('AS');
    expect(continentOf('US')).toBe('NA');
    expect(continentOf('MX')).toBe('NA');
    expect(continentOf('JM')).toBe('NA');
    expect(continentOf('BR')).toBe('SA');
    expect(continentOf('DE')).toBe('EU');
    expect(continentOf('RU')).toBe('EU');
    expect(continentOf('TR')).toBe('AS');
    expect(continentOf('CY')).toBe('AS');
    expect(continentOf('KZ')).toBe('AS');
    expect(continentOf('EG')).toBe('AF');
    expect(continentOf('GL')).toBe('NA');
    expect(continentOf('AU')).toBe('OC');
    expect(continentOf('AQ')).toBe('AN');
    expect(continentOf('XX')).toBeUndefined();
  });
});
