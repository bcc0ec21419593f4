import { Language } from '@lectern/i18n/languages';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { ReportLabels } from './report-labels';

/**
 * The transparency report as data: what the worker stores as the machine-readable JSON and what both PDF editions
 * are rendered from. Every number in it is printed in each PDF edition (a test checks this), so nothing goes in
 * here that the reader cannot see.
 *
 * Conventions:
 * - counts are whole numbers of people, proposals, sessions or organisations;
 * - every field named `percent` or ending in `Percent` is a percentage between 0 and 100 with at most one decimal
 *   (see `percent` in stats.ts), or null when its denominator is zero or the privacy threshold hides it;
 * - money is `{ currency, minor }` in the currency's minor unit (cents), never a float;
 * - instants are ISO 8601 strings in UTC; the renderer shows them in the event's time zone;
 * - a figure or section whose source the edition does not have (no CFP held, no sponsor recorded, nobody asked) is
 *   null, or an empty list, never 0: see `buildReport` for the rule per figure. Format 3 made them so; format 4
 *   did the same for the attendees' virtual registrations and check-in.
 */

export const REPORT_FORMAT = 'lectern-transparency-report/4';

/**
 * Sections organisers may leave out of their edition's report. A left-out section is absent from the JSON as well
 * (null, or an empty list), so the JSON never holds a figure the reader of the PDF cannot see.
 */
export const OPTIONAL_SECTIONS = ['trends', 'speakerOrigins', 'gender', 'scholarships', 'jobFunction', 'industry', 'organiserFacts'] as const;
export type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

/** Countries listed before "Other" unless the organisers choose otherwise, and the range they may choose in. */
export const DEFAULT_TOP_COUNTRIES = 10;
export const TOP_COUNTRIES_RANGE = { min: 3, max: 30 } as const;

/** Key of the row that holds groups merged away, for privacy or to keep a chart to its top N. */
export const OTHER_KEY = '_other';

export type Continent = 'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA';

/** Dimensions a distribution can describe; each has its value labels under `values.<dimension>` in report.json. */
export type Dimension =
  | 'country'
  | 'continent'
  | 'companySize'
  | 'jobFunction'
  | 'industry'
  | 'ticketType'
  | 'gender'
  | 'mediaLanguage';

export type SponsorTier =
  | 'STRATEGIC'
  | 'DOUBLE_DIAMOND'
  | 'DIAMOND'
  | 'PLATINUM'
  | 'GOLD'
  | 'SILVER'
  | 'BRONZE'
  | 'START_UP'
  | 'END_USER'
  | 'SUPPORTER';

/** Display order of sponsor tiers, highest first. */
export const SPONSOR_TIERS: readonly SponsorTier[] = [
  'STRATEGIC',
  'DOUBLE_DIAMOND',
  'DIAMOND',
  'PLATINUM',
  'GOLD',
  'SILVER',
  'BRONZE',
  'START_UP',
  'END_USER',
  'SUPPORTER',
];

export type MediaKind = 'MEDIA' | 'ANALYST';
export type OrganiserFactKind = 'PRESS_CLIPPING' | 'FIGURE' | 'NOTE';

export interface Money {
  /** ISO 4217 code. */
  currency: string;
  /** Amount in the currency's minor unit (cents for USD, fen for CNY). */
  minor: number;
}

/** Organiser-chosen names (tracks, ticket types, programmes), in the languages the organisers gave them. */
export interface Named {
  name?: LocalizedText | null;
}

export interface DistributionItem extends Named {
  /** A category code (ISO country code, enum value), or OTHER_KEY. */
  key: string;
  count: number;
  /** Share of `respondents`; the items' percents add up to exactly 100. */
  percent: number;
  /** For the OTHER_KEY row only: how many groups it holds. */
  groups?: number;
}

export interface PrivacyOutcome {
  /** Groups merged into "other" because they, or the "other" row itself, had fewer people than the threshold. */
  mergedGroups: number;
  /** The whole dimension had fewer people than the threshold: no breakdown is shown at all. */
  suppressed: boolean;
}

/** How people answered one question (or fell into one category), after the privacy threshold. */
export interface Distribution {
  dimension: Dimension;
  /** People with a value; the denominator of every percent. */
  respondents: number;
  /** People without a value (question skipped or not asked); never part of a percent. */
  notAnswered: number;
  /** Largest first; an OTHER_KEY row, when present, is last. Empty when suppressed. */
  items: DistributionItem[];
  privacy: PrivacyOutcome;
}

/** A yes/no self-description (first-time attendee): hidden when either side is a group below the threshold. */
export interface BinaryShare {
  count: number | null;
  respondents: number;
  percent: number | null;
  suppressed: boolean;
}

export interface EventInfo {
  slug: string;
  name: LocalizedText;
  seriesName: LocalizedText;
  city: LocalizedText;
  /** ISO 3166-1 alpha-2. */
  country: string;
  venue: LocalizedText | null;
  timezone: string;
  startsAt: string;
  endsAt: string;
  format: 'IN_PERSON' | 'VIRTUAL' | 'HYBRID';
}

export interface RegistrationChange {
  previousSlug: string;
  previousName: LocalizedText;
  previousRegistrations: number;
  /** This edition minus the previous one; negative when fewer registered. */
  delta: number;
  /** `delta` as a share of the previous edition; null when the previous edition had none. */
  deltaPercent: number | null;
}

/** Every null figure is one the edition has nothing to report for: the headline leaves it out. */
export interface Headline {
  registrations: number;
  /** Null for the first edition of a series. */
  registrationsChange: RegistrationChange | null;
  /** Null when nobody answered. */
  firstTimeAttendees: BinaryShare | null;
  /** Null, with continents, when nobody gave a country. */
  countries: number | null;
  continents: number | null;
  /** The country most attendees came from, with its share of those who gave a country. */
  topCountry: { key: string; count: number; percent: number } | null;
  /** The most common company size, e.g. "50% from companies with 3,000+ employees". */
  topCompanySize: DistributionItem | null;
  /** Null when none was recorded, as are community partners, co-located events and media. */
  sponsors: number | null;
  communityPartners: number | null;
  colocatedEvents: number | null;
  mediaAndAnalysts: number | null;
  /** Media and analysts by working language, e.g. "41 Chinese-speaking, 13 English-speaking". */
  mediaLanguages: DistributionItem[];
  /** Null when the edition held no CFP; a CFP held without a proposal is 0. */
  cfpSubmissions: number | null;
  acceptanceRatePercent: number | null;
  sessionsByFormat: SessionFormatCount[];
  /** Null for an in-person edition nobody registered for virtually. */
  virtualRegistrations: number | null;
  /** Null when the edition had no scholarship programme (or the organisers left the section out): never a zero. */
  scholarshipsAwarded: number | null;
}

export interface CheckInRate {
  /** In-person registrations that could be checked in. */
  eligible: number;
  checkedIn: number;
  percent: number | null;
}

export interface AttendeesSection {
  registrations: number;
  inPerson: number;
  /** Null, as in the headline, for an in-person edition nobody registered for virtually. */
  virtual: number | null;
  /** Null when the edition recorded no check-in at all; one that did keeps its figure, 0 included. */
  checkIn: CheckInRate | null;
  /** Null when nobody answered. */
  firstTime: BinaryShare | null;
  /** Every breakdown is null when nobody is in it (nobody answered, or nobody registered). */
  countries: Distribution | null;
  /** How many distinct countries, including those merged into "other". */
  countryCount: number;
  continents: Distribution | null;
  companySize: Distribution | null;
  /** Null as well when the organisers left the section out. */
  jobFunction: Distribution | null;
  industry: Distribution | null;
  ticketMix: Distribution | null;
}

export interface AcceptanceRow extends Named {
  key: string;
  submissions: number;
  accepted: number;
  acceptanceRatePercent: number | null;
}

export interface SessionFormatCount extends Named {
  /** Session format code, e.g. KEYNOTE, BREAKOUT, MAINTAINER_TRACK, LIGHTNING_TALK. */
  key: string;
  count: number;
}

/** The edition's CFP and programme; the CFP's figures are null (its rows empty) when it held none. */
export interface ContentSection {
  submissions: number | null;
  accepted: number | null;
  acceptanceRatePercent: number | null;
  byTrack: AcceptanceRow[];
  byFormat: AcceptanceRow[];
  sessionsByFormat: SessionFormatCount[];
  sessions: number;
  speakers: number;
  firstTimeSpeakers: number;
  firstTimeSpeakersPercent: number | null;
}

export interface ScholarshipRow extends Named {
  /** Programme key, or OTHER_KEY for programmes merged by the privacy threshold. */
  key: string;
  /** diversity, need-based, student ...; null on the merged row. */
  kind: string | null;
  applications: number;
  awards: number;
  fundsGranted: Money[];
  /** For the OTHER_KEY row only: how many programmes it holds. */
  groups?: number;
}

export interface DiversitySection {
  /** Self-described, optional; shown only in aggregate. Null when nobody answered or the organisers left it out. */
  gender: Distribution | null;
  /** Null when the edition had no scholarship programme or the organisers left the section out. */
  scholarships: {
    programmes: ScholarshipRow[];
    applications: number;
    awards: number;
    /** One entry per currency used by the programmes. */
    fundsGranted: Money[];
    privacy: PrivacyOutcome;
  } | null;
}

export interface SponsorTierRow {
  tier: SponsorTier;
  count: number;
  names: string[];
}

export interface ColocatedEventRow {
  slug: string;
  name: LocalizedText;
  startsAt: string;
  registrations: number;
}

export interface MediaSection {
  total: number;
  media: number;
  analysts: number;
  byLanguage: Distribution;
}

/** Each part is null (empty for co-located events) when none was recorded: Lectern cannot tell "none" from "not entered". */
export interface PartnersSection {
  sponsors: { total: number; byTier: SponsorTierRow[] } | null;
  communityPartners: { total: number; names: string[] } | null;
  media: MediaSection | null;
  colocatedEvents: ColocatedEventRow[];
}

/** One edition in the trends across the series; every figure is null where that edition's data is not in Lectern. */
export interface YearOverYearRow {
  slug: string;
  name: LocalizedText;
  startsAt: string;
  /** Null when the edition took no registrations in Lectern (no ticket types). */
  registrations: number | null;
  /** Null as well when the privacy threshold hides it. */
  firstTimePercent: number | null;
  /** Countries attendees came from; null when nobody gave one. */
  countries: number | null;
  cfpSubmissions: number | null;
  acceptanceRatePercent: number | null;
  sessions: number | null;
  sponsors: number | null;
  /** Null when the edition had no scholarship programme. */
  scholarshipsAwarded: number | null;
  /** True for the edition this report is about. */
  current: boolean;
}

/** A fact Lectern cannot know, typed in by an organiser; the report always says so. */
export interface OrganiserFact {
  kind: OrganiserFactKind;
  label: LocalizedText;
  value: number | null;
  /** What the value counts ("viewers", "articles"), printed after it. */
  unit: LocalizedText | null;
  source: string | null;
  url: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  language: string | null;
  enteredAt: string;
}

export interface PrivacyNote {
  /** Which breakdown, e.g. `attendees.countries`, `diversity.gender`, `diversity.scholarships`. */
  section: string;
  mergedGroups: number;
  suppressed: boolean;
}

/** The edition's share of a CFP run once for several editions of the series (a Forum's cities). */
export interface SharedCfpSection {
  /** The edition that ran the call and its review. */
  host: { slug: string; name: LocalizedText };
  /** Every edition sharing the call, this one included, in the organisers' order. */
  editions: { slug: string; city: LocalizedText }[];
  /** Submitted proposals whose speakers offered them to this edition (withdrawn ones included, drafts not). */
  offered: number;
  /** Of those, the ones this edition accepted and released; confirmed and declined are the speakers' answers. */
  accepted: number;
  acceptanceRatePercent: number | null;
  confirmed: number;
  declined: number;
}

/**
 * The speakers of the edition's sessions (its own and those accepted from a shared CFP) by their profile country
 * against the edition's country. `local` is hidden, with the international count, when either side is a group
 * below the privacy threshold.
 */
export interface SpeakerOriginsSection {
  speakers: number;
  /** Speakers whose profile gives no country; in neither group. */
  withoutCountry: number;
  local: BinaryShare;
  international: number | null;
}

/** What the organisers chose for this report. */
export interface ReportChoicesInfo {
  /** Printed on the first page, under the report's own introduction. */
  introduction: LocalizedText | null;
  omittedSections: OptionalSection[];
  /** Countries listed before "Other". */
  topCountries: number;
}

/** A postponement, rescheduling, cancellation or move online of the edition, as recorded when it happened. */
export interface EditionChangeRow {
  kind: 'POSTPONED' | 'RESCHEDULED' | 'CANCELLED' | 'MOVED_ONLINE';
  /** When the change was made (ISO instant). */
  at: string;
  /** The dates before the change. */
  fromStartsAt: string;
  fromEndsAt: string;
  fromFormat: string;
  toFormat: string;
  /** The dates it moved to; null when to be announced. */
  toStartsAt: string | null;
  toEndsAt: string | null;
}

export interface TransparencyReport {
  format: typeof REPORT_FORMAT;
  generatedAt: string;
  /** The languages of the edition's series, its primary first: one PDF each, and the keys of every name. */
  languages: Language[];
  /** Per language of `languages`: the titles and labels its PDF prints, for readers of this JSON. */
  labels: Record<Language, ReportLabels>;
  event: EventInfo;
  choices: ReportChoicesInfo;
  headline: Headline;
  attendees: AttendeesSection;
  /** Null when the edition held neither a CFP nor a session. */
  content: ContentSection | null;
  diversity: DiversitySection;
  partners: PartnersSection;
  /** Trends: up to ten earlier editions, oldest first, ending with this one; empty when the organisers left it out. */
  yearOverYear: YearOverYearRow[];
  organiserFacts: OrganiserFact[];
  /** Null unless the edition shares a CFP with other editions. */
  sharedCfp: SharedCfpSection | null;
  /** Null when the organisers left the section out. */
  speakerOrigins: SpeakerOriginsSection | null;
  /** Postponed, cancelled, moved online: what happened to the edition and when, oldest first; registrations are counted as they stand. */
  changes: EditionChangeRow[];
  privacy: {
    /** Groups smaller than this many people are merged or suppressed. */
    threshold: number;
    notes: PrivacyNote[];
  };
}
