import { SECTION_TITLES } from './report-labels';
import { OPTIONAL_SECTIONS, OTHER_KEY, REPORT_FORMAT, SPONSOR_TIERS } from './report.model';

/**
 * The JSON Schema (draft-07) of the machine-readable report, `TransparencyReport` in report.model.ts, served by the
 * API at /v1/report-schema. Versioned with the report's `format`: a change a reader must know about (a field
 * removed, renamed or made nullable) gets a new format and a new `$id`; the tests validate every report they make
 * against it, so the schema and the model cannot drift apart unnoticed. Objects are closed (no other fields).
 */

type Schema = Record<string, unknown>;

const REPORT_VERSION = Number(REPORT_FORMAT.split('/')[1]);
export const REPORT_SCHEMA_ID = `https://lectern.dev/schemas/transparency-report/${REPORT_VERSION}.json`;

const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  additionalProperties: false,
});
const array = (items: Schema): Schema => ({ type: 'array', items });
const count: Schema = { type: 'integer', minimum: 0 };
const signed: Schema = { type: 'integer' };
const share: Schema = { type: 'number', minimum: 0, maximum: 100 };
/** A change in percent may be negative and beyond 100. */
const change: Schema = { type: 'number' };
const text: Schema = { type: 'string' };
const instant: Schema = { type: 'string', format: 'date-time' };
const day: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

const definitions: Record<string, Schema> = {
  localizedText: {
    type: 'object',
    description: 'Text per language (BCP 47 tag → text)',
    additionalProperties: { type: 'string' },
    minProperties: 1,
  },
  money: object({ currency: { type: 'string', pattern: '^[A-Z]{3}$' }, minor: signed }),
  privacyOutcome: object({ mergedGroups: count, suppressed: { type: 'boolean' } }),
  distributionItem: object(
    { key: text, name: nullable(ref('localizedText')), count, percent: share, groups: count },
    ['name', 'groups'],
  ),
  distribution: object({
    dimension: { enum: ['country', 'continent', 'companySize', 'jobFunction', 'industry', 'ticketType', 'gender', 'mediaLanguage'] },
    respondents: count,
    notAnswered: count,
    items: array(ref('distributionItem')),
    privacy: ref('privacyOutcome'),
  }),
  binaryShare: object({ count: nullable(count), respondents: count, percent: nullable(share), suppressed: { type: 'boolean' } }),
  sessionFormatCount: object({ key: text, name: nullable(ref('localizedText')), count }, ['name']),
  acceptanceRow: object(
    { key: text, name: nullable(ref('localizedText')), submissions: count, accepted: count, acceptanceRatePercent: nullable(share) },
    ['name'],
  ),
  scholarshipRow: object(
    {
      key: text,
      name: nullable(ref('localizedText')),
      kind: nullable(text),
      applications: count,
      awards: count,
      fundsGranted: array(ref('money')),
      groups: count,
    },
    ['name', 'groups'],
  ),
  trendRow: object({
    slug: text,
    name: ref('localizedText'),
    startsAt: instant,
    registrations: nullable(count),
    firstTimePercent: nullable(share),
    countries: nullable(count),
    cfpSubmissions: nullable(count),
    acceptanceRatePercent: nullable(share),
    sessions: nullable(count),
    sponsors: nullable(count),
    scholarshipsAwarded: nullable(count),
    current: { type: 'boolean' },
  }),
};

const event = object({
  slug: text,
  name: ref('localizedText'),
  seriesName: ref('localizedText'),
  city: ref('localizedText'),
  country: { type: 'string', pattern: '^[A-Z]{2}$' },
  venue: nullable(ref('localizedText')),
  timezone: text,
  startsAt: instant,
  endsAt: instant,
  format: { enum: ['IN_PERSON', 'VIRTUAL', 'HYBRID'] },
});

const headline = object({
  registrations: count,
  registrationsChange: nullable(
    object({ previousSlug: text, previousName: ref('localizedText'), previousRegistrations: count, delta: signed, deltaPercent: nullable(change) }),
  ),
  firstTimeAttendees: nullable(ref('binaryShare')),
  countries: nullable(count),
  continents: nullable(count),
  topCountry: nullable(object({ key: text, count, percent: share })),
  topCompanySize: nullable(ref('distributionItem')),
  sponsors: nullable(count),
  communityPartners: nullable(count),
  colocatedEvents: nullable(count),
  mediaAndAnalysts: nullable(count),
  mediaLanguages: array(ref('distributionItem')),
  cfpSubmissions: nullable(count),
  acceptanceRatePercent: nullable(share),
  sessionsByFormat: array(ref('sessionFormatCount')),
  virtualRegistrations: nullable(count),
  scholarshipsAwarded: nullable(count),
});

const attendees = object({
  registrations: count,
  inPerson: count,
  virtual: nullable(count),
  checkIn: nullable(object({ eligible: count, checkedIn: count, percent: nullable(share) })),
  firstTime: nullable(ref('binaryShare')),
  countries: nullable(ref('distribution')),
  countryCount: count,
  continents: nullable(ref('distribution')),
  companySize: nullable(ref('distribution')),
  jobFunction: nullable(ref('distribution')),
  industry: nullable(ref('distribution')),
  ticketMix: nullable(ref('distribution')),
});

const content = object({
  submissions: nullable(count),
  accepted: nullable(count),
  acceptanceRatePercent: nullable(share),
  byTrack: array(ref('acceptanceRow')),
  byFormat: array(ref('acceptanceRow')),
  sessionsByFormat: array(ref('sessionFormatCount')),
  sessions: count,
  speakers: count,
  firstTimeSpeakers: count,
  firstTimeSpeakersPercent: nullable(share),
});

const diversity = object({
  gender: nullable(ref('distribution')),
  scholarships: nullable(
    object({
      programmes: array(ref('scholarshipRow')),
      applications: count,
      awards: count,
      fundsGranted: array(ref('money')),
      privacy: ref('privacyOutcome'),
    }),
  ),
});

const partners = object({
  sponsors: nullable(
    object({
      total: count,
      byTier: array(object({ tier: { enum: [...SPONSOR_TIERS] }, count, names: array(text) })),
    }),
  ),
  communityPartners: nullable(object({ total: count, names: array(text) })),
  media: nullable(object({ total: count, media: count, analysts: count, byLanguage: ref('distribution') })),
  colocatedEvents: array(object({ slug: text, name: ref('localizedText'), startsAt: instant, registrations: count })),
});

const organiserFact = object({
  kind: { enum: ['PRESS_CLIPPING', 'FIGURE', 'NOTE'] },
  label: ref('localizedText'),
  value: nullable({ type: 'number', minimum: 0 }),
  unit: nullable(ref('localizedText')),
  source: nullable(text),
  url: nullable(text),
  publishedOn: nullable(day),
  language: nullable(text),
  enteredAt: instant,
});

const sharedCfp = object({
  host: object({ slug: text, name: ref('localizedText') }),
  editions: array(object({ slug: text, city: ref('localizedText') })),
  offered: count,
  accepted: count,
  acceptanceRatePercent: nullable(share),
  confirmed: count,
  declined: count,
});

const speakerOrigins = object({ speakers: count, withoutCountry: count, local: ref('binaryShare'), international: nullable(count) });

export const REPORT_SCHEMA: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: REPORT_SCHEMA_ID,
  title: 'Lectern transparency report',
  description:
    `The machine-readable transparency report of one edition (format ${REPORT_FORMAT}). Counts are whole numbers; ` +
    'fields named percent or ending in Percent are percentages with at most one decimal, null when there is no ' +
    `denominator or the privacy threshold hides them; money is in the currency's minor unit; the key ${OTHER_KEY} ` +
    'holds merged groups; null (or an empty list) means the edition has nothing to report there (no CFP held, none ' +
    'recorded, nobody answered), and in the trends that the figure is not in Lectern: never zero.',
  ...object({
    format: { const: REPORT_FORMAT },
    generatedAt: instant,
    languages: { type: 'array', items: text, minItems: 1, uniqueItems: true },
    event,
    choices: object({
      introduction: nullable(ref('localizedText')),
      omittedSections: { type: 'array', items: { enum: [...OPTIONAL_SECTIONS] }, uniqueItems: true },
      topCountries: count,
    }),
    headline,
    attendees,
    content: nullable(content),
    diversity,
    partners,
    yearOverYear: array(ref('trendRow')),
    organiserFacts: array(organiserFact),
    sharedCfp: nullable(sharedCfp),
    speakerOrigins: nullable(speakerOrigins),
    changes: array(
      object({
        kind: { enum: ['POSTPONED', 'RESCHEDULED', 'CANCELLED', 'MOVED_ONLINE'] },
        at: instant,
        fromStartsAt: instant,
        fromEndsAt: instant,
        fromFormat: text,
        toFormat: text,
        toStartsAt: nullable(instant),
        toEndsAt: nullable(instant),
      }),
    ),
    labels: {
      type: 'object',
      description: 'Per language of `languages`: the titles and labels its PDF prints',
      additionalProperties: object({
        title: text,
        sections: object(Object.fromEntries(Object.keys(SECTION_TITLES).map((section) => [section, text]))),
        figures: { type: 'object', additionalProperties: text },
        values: { type: 'object', additionalProperties: { type: 'object', additionalProperties: text } },
      }),
      minProperties: 1,
    },
    privacy: object({
      threshold: { type: 'integer', minimum: 1 },
      notes: array(object({ section: text, mergedGroups: count, suppressed: { type: 'boolean' } })),
    }),
  }),
  definitions,
};
