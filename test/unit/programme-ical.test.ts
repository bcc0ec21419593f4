import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, renderCalendar } from '@lectern/domains/programme/ical';

describe('iCalendar text', () => {
  it('escapes TEXT values and drops control characters', () => {
    expect(escapeText('a,b;c\\d\r\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'调度'.repeat(40)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('is read back by a real parser to the same instants and texts', () => {
    const text = renderCalendar({
      name: 'KubeCon, China',
      stamp: new Date('2030-06-01T00:00:00Z'),
      events: [
        { uid: 's1@lectern', start: new Date('2030-06-24T01:00:00Z'), end: new Date('2030-06-24T01:35:00Z'), summary: `大规模集群的调度; ${'长'.repeat(60)}`, location: 'A 厅, 3F', sequence: 2 },
        { uid: 's2@lectern', start: new Date('2030-06-25T01:00:00Z'), end: new Date('2030-06-25T01:15:00Z'), summary: 'Keynote', cancelled: true },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    expect(events.map((v) => [new ICAL.Event(v).summary, new ICAL.Event(v).location, new ICAL.Event(v).startDate.toJSDate().toISOString(), v.getFirstPropertyValue('status')])).toEqual([
      [`大规模集群的调度; ${'长'.repeat(60)}`, 'A 厅, 3F', '2030-06-24T01:00:00.000Z', 'CONFIRMED'],
      ['Keynote', null, '2030-06-25T01:00:00.000Z', 'CANCELLED'],
    ]);
  });
});
