import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { editionWithHistory, emptyEdition, firstEdition, postponedEdition, smallEdition } from '@test/support/report-fixtures';
import { buildReport } from './build-report';
import { reportJson } from './produce-report';
import { OPTIONAL_SECTIONS } from './report.model';
import { REPORT_SCHEMA, REPORT_SCHEMA_ID } from './report.schema';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(REPORT_SCHEMA);
/** The JSON as stored and served, parsed back. */
const served = (input: Parameters<typeof buildReport>[0]) => JSON.parse(reportJson(buildReport(input))) as Record<string, unknown>;

describe('the report JSON Schema', () => {
  it('is versioned with the report format', () => {
    expect(REPORT_SCHEMA_ID).toMatch(/\/transparency-report\/4\.json$/);
    expect(served(smallEdition()).format).toBe('lectern-transparency-report/4');
  });

  it('lets the attendees’ livestream figure and check-in be null (format 4), and nothing else in their place', () => {
    const report = served(postponedEdition());
    expect(report.attendees).toMatchObject({ virtual: null, checkIn: null });
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    for (const [what, field, value] of [['a missing figure as a string', 'virtual', 'n/a'], ['a check-in as a bare count', 'checkIn', 0]] as const) {
      const spoilt = served(postponedEdition()) as { attendees: Record<string, unknown> };
      spoilt.attendees[field] = value;
      expect(validate(spoilt), what).toBe(false);
    }
  });

  it('accepts every kind of report: full, first of its series, empty, with history and choices, nothing to report but changes, sections left out', () => {
    const reports = {
      small: served(smallEdition()),
      first: served(firstEdition()),
      empty: served(emptyEdition()),
      history: served(editionWithHistory()),
      postponed: served(postponedEdition()),
      bare: served({ ...smallEdition(), omittedSections: [...OPTIONAL_SECTIONS] }),
    };
    for (const [name, report] of Object.entries(reports)) {
      expect(validate(report) ? [] : validate.errors, name).toEqual([]);
    }
  });

  it('names every top-level field of the report, and requires each', () => {
    const report = served(smallEdition());
    const schema = REPORT_SCHEMA as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(report).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(report).sort());
    expect(schema.required).toEqual(expect.arrayContaining(['sharedCfp', 'speakerOrigins', 'choices', 'yearOverYear']));
  });

  it('refuses what the model does not allow', () => {
    const REMOVE = Symbol('remove');
    const spoilt: [string, (string | number)[], unknown][] = [
      ['an unknown field', ['extra'], 1],
      ['a missing figure as a string', ['yearOverYear', 0, 'registrations'], 'n/a'],
      ['a fractional count', ['headline', 'registrations'], 1.5],
      ['a percentage above 100', ['attendees', 'checkIn', 'percent'], 101],
      ['an unknown optional section', ['choices', 'omittedSections'], ['sponsors']],
      ['another format', ['format'], 'lectern-transparency-report/1'],
      ['a missing top-level field', ['speakerOrigins'], REMOVE],
    ];
    for (const [what, path, value] of spoilt) {
      const report = served(smallEdition());
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, report);
      const key = path[path.length - 1];
      if (value === REMOVE) delete parent[key];
      else parent[key] = value;
      expect(validate(report), what).toBe(false);
    }
  });
});
