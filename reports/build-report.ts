import { Language } from '@lectern/i18n/languages';
import { LocalizedText, textIn } from '@lectern/i18n/localized-text';
import { CONTINENTS, continentOf } from './continents';
import { reportLabels } from './report-labels';
import {
  EditionChangeRow,
  AcceptanceRow,
  ColocatedEventRow,
  Distribution,
  DistributionItem,
  DEFAULT_TOP_COUNTRIES,
  EventInfo,
  MediaKind,
  OptionalSection,
  Money,
  OPTIONAL_SECTIONS,
  OTHER_KEY,
  OrganiserFact,
  OrganiserFactKind,
  PrivacyNote,
  REPORT_FORMAT,
  RegistrationChange,
  SPONSOR_TIERS,
  SharedCfpSection,
  SpeakerOriginsSection,
  ScholarshipRow,
  SessionFormatCount,
  SponsorTier,
  TransparencyReport,
  YearOverYearRow,
} from './report.model';
import {
  DEFAULT_PRIVACY_THRESHOLD,
  GroupCount,
  binaryShare,
  buildDistribution,
  checkThreshold,
  mergeSmallGroups,
  percent,
} from './stats';

type Instant = Date | string;

/** Answers to one optional attendee question: a count per value, and how many registrations gave none. */
export interface Answers {
  groups: GroupCount[];
  notAnswered: number;
}

export interface AcceptanceInput {
  key: string;
  name?: LocalizedText | null;
  submissions: number;
  accepted: number;
}

export interface ScholarshipProgrammeInput {
  key: string;
  name?: LocalizedText | null;
  kind: string;
  currency: string;
  applications: number;
  awards: number;
  fundsGrantedMinor: number;
}

/** An earlier edition's figures for the trends; null wherever that edition's data is not in Lectern. */
export interface EditionSummary {
  slug: string;
  name: LocalizedText;
  startsAt: Instant;
  registrations: number | null;
  /** First-time attendees among those who answered; the privacy threshold applies as to this edition's. */
  firstTime?: { yes: number; respondents: number } | null;
  countries?: number | null;
  cfpSubmissions: number | null;
  /** Of the CFP submissions, those accepted; null with them. */
  cfpAccepted?: number | null;
  sessions?: number | null;
  sponsors: number | null;
  scholarshipsAwarded?: number | null;
}

/**
 * What the statistics layer hands over: aggregates only (counts per group, computed in SQL), never rows about
 * people. `buildReport` turns them into the report: percentages, the privacy threshold, continents, headline and
 * year over year, and checks that the totals agree with each other.
 */
export interface ReportInput {
  generatedAt: Instant;
  /** The languages of the edition's series, its primary first. */
  languages: Language[];
  /** Default 5. */
  privacyThreshold?: number;
  /** Countries shown before "other"; default 10. */
  topCountries?: number;
  /** The organisers' introduction, printed on the first page. */
  introduction?: LocalizedText | null;
  /** Optional sections the organisers left out: absent from the report, JSON included. */
  omittedSections?: readonly OptionalSection[];
  event: Omit<EventInfo, 'startsAt' | 'endsAt'> & { startsAt: Instant; endsAt: Instant };
  /**
   * Registrations that count (confirmed, not cancelled); every registration is either in person or virtual.
   * `checkedIn` is null when the edition recorded no check-in at all (statistics/registrations.ts says when).
   */
  registrations: { total: number; inPerson: number; virtual: number; checkedIn: number | null };
  firstTime: { yes: number; respondents: number };
  /** Keys are ISO 3166-1 alpha-2 codes. */
  countries: Answers;
  companySize: Answers;
  jobFunction: Answers;
  industry: Answers;
  gender: Answers;
  /** Registrations per ticket type; adds up to registrations.total. */
  ticketTypes: GroupCount[];
  /** `held`: the edition held a CFP (see statistics/content.ts); without one, every CFP figure is absent. */
  submissions: { held: boolean; total: number; accepted: number; byTrack: AcceptanceInput[]; byFormat: AcceptanceInput[] };
  sessionsByFormat: SessionFormatCount[];
  speakers: { total: number; firstTime: number };
  scholarshipProgrammes: ScholarshipProgrammeInput[];
  sponsors: { name: string; tier: SponsorTier }[];
  communityPartners: { name: string }[];
  /** Accredited media and analysts per kind and working language (ISO 639 code). */
  media: { kind: MediaKind; language: string; count: number }[];
  colocatedEvents: { slug: string; name: LocalizedText; startsAt: Instant; registrations: number }[];
  /** Earlier editions of the same series. */
  previousEditions: EditionSummary[];
  organiserFacts: (Omit<OrganiserFact, 'enteredAt' | 'unit'> & { enteredAt: Instant; unit?: LocalizedText | null })[];
  /** Null (or left out) unless the edition shares a CFP with other editions. */
  sharedCfp?: Omit<SharedCfpSection, 'acceptanceRatePercent'> | null;
  /** Distinct speakers of the edition's sessions by profile country; left out, none. */
  speakerOrigins?: { speakers: number; local: number; withoutCountry: number };
  /** The edition's lifecycle changes, oldest first; left out, none. */
  changes?: EditionChangeRow[];
}

/** The aggregates contradict each other: a bug in the statistics, never something to render. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

const iso = (value: Instant) => {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new ReportInputError(`not a date: ${String(value)}`);
  return date.toISOString();
};

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function requireWhole(value: number, what: string) {
  if (!Number.isInteger(value) || value < 0) throw new ReportInputError(`${what} must be a whole number >= 0, got ${value}`);
}

function sum(values: number[]) {
  return values.reduce((a, b) => a + b, 0);
}

function checkAnswers(answers: Answers, total: number, what: string) {
  const answered = sum(answers.groups.map((g) => g.count));
  if (answered + answers.notAnswered !== total) {
    throw new ReportInputError(`${what}: ${answered} answers + ${answers.notAnswered} without = ${answered + answers.notAnswered}, not ${total} registrations`);
  }
}

function acceptanceRows(rows: AcceptanceInput[], what: string): AcceptanceRow[] {
  return rows
    .map((row) => {
      requireWhole(row.submissions, `${what} ${row.key} submissions`);
      requireWhole(row.accepted, `${what} ${row.key} accepted`);
      if (row.accepted > row.submissions) throw new ReportInputError(`${what} ${row.key}: more accepted than submitted`);
      const result: AcceptanceRow = {
        key: row.key,
        submissions: row.submissions,
        accepted: row.accepted,
        acceptanceRatePercent: percent(row.accepted, row.submissions),
      };
      if (row.name) result.name = row.name;
      return result;
    })
    .sort((a, b) => b.submissions - a.submissions || byKey(a.key, b.key));
}

function addMoney(amounts: Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const { currency, minor } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + minor);
  return [...totals.entries()].sort(([a], [b]) => byKey(a, b)).map(([currency, minor]) => ({ currency, minor }));
}

const FACT_ORDER: Record<OrganiserFactKind, number> = { FIGURE: 0, PRESS_CLIPPING: 1, NOTE: 2 };

/**
 * Nothing to report is absent, never 0. A figure (and the section, summary clause and headline tile that print it)
 * whose source the edition does not have is null in the report, or an empty list; a source the edition has gives
 * its figures even when they are 0. The renderers only follow the model: they print what is there. Per figure:
 * - registrations: always (the report is about them; before anyone registered, 0 is the truth);
 * - first-time share: when somebody answered; a share the privacy threshold hides stays, marked as hidden;
 * - every breakdown (countries, continents, company size, job function, industry, ticket mix, gender, media by
 *   language): when somebody is in it (answered, or registered); countries and continents in the headline likewise;
 * - virtual registrations (headline and attendees): when the edition is virtual or hybrid, or somebody registered
 *   virtually anyway;
 * - check-in: when the edition recorded a check-in (its check-in was used), then even 0 of its in-person
 *   registrations; an edition that never checked anybody in has no check-in figure, not "0 of N (0%)";
 * - CFP submissions, accepted, acceptance rate, per track and per format: when the edition held a CFP; a CFP held
 *   without a proposal has 0 submissions (and no rate), one that accepted nothing has a real 0 accepted;
 * - sessions and speakers (the content section): when it held a CFP or a session; speakers by origin when it has
 *   a speaker;
 * - sponsors, community partners, media and analysts, co-located events: when at least one was recorded, since
 *   Lectern cannot tell "none" from "not entered" (as the trends decide for earlier editions, statistics/editions.ts);
 * - scholarships: when the edition had a programme.
 * The trends apply the same rules to this edition's row, and print a missing figure as "n/a".
 */
const ifAny = (n: number): number | null => (n > 0 ? n : null);
const ifAnswered = (d: Distribution): Distribution | null => (d.respondents > 0 ? d : null);

export function buildReport(input: ReportInput): TransparencyReport {
  const threshold = checkThreshold(input.privacyThreshold ?? DEFAULT_PRIVACY_THRESHOLD);
  const topCountries = input.topCountries ?? DEFAULT_TOP_COUNTRIES;
  const omitted = new Set<OptionalSection>(input.omittedSections ?? []);
  const shown = (section: OptionalSection) => !omitted.has(section);
  const regs = input.registrations;
  for (const [key, value] of Object.entries(regs)) if (value !== null) requireWhole(value, `registrations.${key}`);
  if (regs.inPerson + regs.virtual !== regs.total) {
    throw new ReportInputError(`registrations: ${regs.inPerson} in person + ${regs.virtual} virtual is not ${regs.total}`);
  }
  if (regs.checkedIn !== null && regs.checkedIn > regs.inPerson) throw new ReportInputError('more check-ins than in-person registrations');
  if (input.firstTime.respondents > regs.total) throw new ReportInputError('more first-time answers than registrations');
  checkAnswers(input.countries, regs.total, 'countries');
  checkAnswers(input.companySize, regs.total, 'companySize');
  checkAnswers(input.jobFunction, regs.total, 'jobFunction');
  checkAnswers(input.industry, regs.total, 'industry');
  checkAnswers(input.gender, regs.total, 'gender');
  checkAnswers({ groups: input.ticketTypes, notAnswered: 0 }, regs.total, 'ticketTypes');

  const event: EventInfo = { ...input.event, startsAt: iso(input.event.startsAt), endsAt: iso(input.event.endsAt) };
  const virtual = event.format !== 'IN_PERSON' || regs.virtual > 0 ? regs.virtual : null;
  if (input.languages.length === 0) throw new ReportInputError('an edition publishes in at least one language');
  const primary = input.languages[0];
  const dist = (dimension: Parameters<typeof buildDistribution>[0], answers: Answers, limit?: number) =>
    buildDistribution(dimension, answers.groups, answers.notAnswered, { threshold, limit });

  // Attendees
  const countryGroups = input.countries.groups.map((g) => ({ ...g, key: g.key.toUpperCase() }));
  const continentCounts = new Map<string, number>();
  for (const group of countryGroups) {
    const continent = continentOf(group.key);
    if (!continent) throw new ReportInputError(`unknown country code ${group.key}`);
    continentCounts.set(continent, (continentCounts.get(continent) ?? 0) + group.count);
  }
  const countries = dist('country', { groups: countryGroups, notAnswered: input.countries.notAnswered }, topCountries);
  const continents = dist('continent', {
    groups: CONTINENTS.filter((c) => continentCounts.has(c)).map((key) => ({ key, count: continentCounts.get(key)! })),
    notAnswered: input.countries.notAnswered,
  });
  const companySize = dist('companySize', input.companySize);
  const jobFunction = dist('jobFunction', input.jobFunction);
  const industry = dist('industry', input.industry);
  const firstTime = binaryShare(input.firstTime.yes, input.firstTime.respondents, threshold);
  const ticketMix = dist('ticketType', { groups: input.ticketTypes, notAnswered: 0 });

  // Content
  const subs = input.submissions;
  requireWhole(subs.total, 'submissions.total');
  requireWhole(subs.accepted, 'submissions.accepted');
  if (subs.accepted > subs.total) throw new ReportInputError('more accepted than submitted');
  const sessionsByFormat = input.sessionsByFormat
    .map((s) => {
      requireWhole(s.count, `sessions ${s.key}`);
      return { ...s };
    })
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || byKey(a.key, b.key));
  requireWhole(input.speakers.total, 'speakers.total');
  requireWhole(input.speakers.firstTime, 'speakers.firstTime');
  if (input.speakers.firstTime > input.speakers.total) throw new ReportInputError('more first-time speakers than speakers');

  // Diversity and scholarships
  const gender = dist('gender', input.gender);
  type ProgrammeRow = ScholarshipRow & { groups: number };
  const programmes = input.scholarshipProgrammes
    .map((p): ProgrammeRow => {
      requireWhole(p.applications, `scholarship ${p.key} applications`);
      requireWhole(p.awards, `scholarship ${p.key} awards`);
      requireWhole(p.fundsGrantedMinor, `scholarship ${p.key} funds`);
      const row: ProgrammeRow = {
        key: p.key,
        kind: p.kind,
        applications: p.applications,
        awards: p.awards,
        fundsGranted: [{ currency: p.currency, minor: p.fundsGrantedMinor }],
        groups: 1,
      };
      if (p.name) row.name = p.name;
      return row;
    })
    .sort((a, b) => b.awards - a.awards || b.applications - a.applications || byKey(a.key, b.key));
  const mergedProgrammes = mergeSmallGroups<ProgrammeRow>(programmes, {
    threshold,
    sizes: (row) => [row.awards, row.applications],
    combine: (rows) => ({
      key: OTHER_KEY,
      kind: null,
      applications: sum(rows.map((r) => r.applications)),
      awards: sum(rows.map((r) => r.awards)),
      fundsGranted: addMoney(rows.flatMap((r) => r.fundsGranted)),
      groups: sum(rows.map((r) => r.groups)),
    }),
  });
  const programmeRows: ScholarshipRow[] = mergedProgrammes.suppressed
    ? []
    : [...mergedProgrammes.kept, ...(mergedProgrammes.other ? [mergedProgrammes.other] : [])].map(({ groups, ...row }) =>
        row.key === OTHER_KEY ? { ...row, groups } : row,
      );
  const scholarshipAwards = sum(programmes.map((p) => p.awards));
  // an edition without a programme has nothing to report: no section, and no "0 awarded" in the headline
  const scholarshipsShown = shown('scholarships') && programmes.length > 0;

  // Partners, media, co-located events
  const byTier = SPONSOR_TIERS.map((tier) => {
    const names = input.sponsors.filter((s) => s.tier === tier).map((s) => s.name).sort(nameOrder.compare);
    return { tier, count: names.length, names };
  }).filter((row) => row.count > 0);
  if (sum(byTier.map((r) => r.count)) !== input.sponsors.length) throw new ReportInputError('sponsor with an unknown tier');
  const partnerNames = input.communityPartners.map((p) => p.name).sort(nameOrder.compare);

  const languageCounts = new Map<string, number>();
  let mediaCount = 0;
  let analystCount = 0;
  for (const row of input.media) {
    requireWhole(row.count, `media ${row.language}`);
    const language = row.language.toLowerCase();
    languageCounts.set(language, (languageCounts.get(language) ?? 0) + row.count);
    if (row.kind === 'ANALYST') analystCount += row.count;
    else mediaCount += row.count;
  }
  const mediaByLanguage = dist('mediaLanguage', {
    groups: [...languageCounts.entries()].map(([key, count]) => ({ key, count })),
    notAnswered: 0,
  });
  const colocatedEvents: ColocatedEventRow[] = input.colocatedEvents
    .map((e) => {
      requireWhole(e.registrations, `co-located ${e.slug} registrations`);
      return { slug: e.slug, name: e.name, startsAt: iso(e.startsAt), registrations: e.registrations };
    })
    .sort((a, b) => byKey(a.startsAt, b.startsAt) || byKey(a.slug, b.slug));

  // Year over year
  const earlier = input.previousEditions
    .map((e) => ({ ...e, startsAt: iso(e.startsAt) }))
    .filter((e) => e.startsAt < event.startsAt)
    .sort((a, b) => byKey(a.startsAt, b.startsAt) || byKey(a.slug, b.slug));
  const countryCount = countryGroups.filter((g) => g.count > 0).length;
  const cfpHeld = subs.held;
  const sessionCount = sum(sessionsByFormat.map((s) => s.count));
  const contentShown = cfpHeld || sessionCount > 0 || input.speakers.total > 0;
  const acceptanceRatePercent = cfpHeld ? percent(subs.accepted, subs.total) : null;
  const trends: YearOverYearRow[] = shown('trends')
    ? [
        ...earlier.map((e) => trendRow(e, threshold)),
        {
          slug: event.slug,
          name: event.name,
          startsAt: event.startsAt,
          registrations: regs.total,
          firstTimePercent: firstTime.percent,
          countries: countryCount > 0 ? countryCount : null,
          cfpSubmissions: cfpHeld ? subs.total : null,
          acceptanceRatePercent,
          sessions: contentShown ? sessionCount : null,
          sponsors: ifAny(input.sponsors.length),
          scholarshipsAwarded: scholarshipsShown ? scholarshipAwards : null,
          current: true,
        },
      ]
    : [];
  const previous = earlier[earlier.length - 1];
  const registrationsChange: RegistrationChange | null =
    previous && previous.registrations !== null
    ? {
        previousSlug: previous.slug,
        previousName: previous.name,
        previousRegistrations: previous.registrations,
        delta: regs.total - previous.registrations,
        deltaPercent: percent(regs.total - previous.registrations, previous.registrations),
      }
    : null;

  const organiserFacts: OrganiserFact[] = (shown('organiserFacts') ? input.organiserFacts : [])
    .map((f) => ({ ...f, unit: f.unit ?? null, enteredAt: iso(f.enteredAt) }))
    .sort((a, b) => FACT_ORDER[a.kind] - FACT_ORDER[b.kind] || byKey(a.enteredAt, b.enteredAt) || byKey(textIn(a.label, primary) ?? '', textIn(b.label, primary) ?? ''));

  const firstItem = (d: Distribution): DistributionItem | null =>
    d.items.length > 0 && d.items[0].key !== OTHER_KEY ? d.items[0] : null;
  const topCountryItem = firstItem(countries);

  const present = {
    firstTime: firstTime.respondents > 0 ? firstTime : null,
    countries: ifAnswered(countries),
    continents: ifAnswered(continents),
    companySize: ifAnswered(companySize),
    jobFunction: shown('jobFunction') ? ifAnswered(jobFunction) : null,
    industry: shown('industry') ? ifAnswered(industry) : null,
    ticketMix: ifAnswered(ticketMix),
    gender: shown('gender') ? ifAnswered(gender) : null,
    media: mediaCount + analystCount > 0 ? { total: mediaCount + analystCount, media: mediaCount, analysts: analystCount, byLanguage: mediaByLanguage } : null,
  };

  const notes: PrivacyNote[] = [];
  const note = (section: string, outcome: { mergedGroups: number; suppressed: boolean } | undefined) => {
    if (outcome && (outcome.mergedGroups > 0 || outcome.suppressed)) notes.push({ section, ...outcome });
  };
  note('attendees.countries', present.countries?.privacy);
  note('attendees.continents', present.continents?.privacy);
  note('attendees.firstTime', present.firstTime ? { mergedGroups: 0, suppressed: present.firstTime.suppressed } : undefined);
  note('attendees.companySize', present.companySize?.privacy);
  note('attendees.jobFunction', present.jobFunction?.privacy);
  note('attendees.industry', present.industry?.privacy);
  note('attendees.ticketMix', present.ticketMix?.privacy);
  note('diversity.gender', present.gender?.privacy);
  if (scholarshipsShown) note('diversity.scholarships', { mergedGroups: mergedProgrammes.mergedForPrivacy, suppressed: mergedProgrammes.suppressed });
  note('partners.media', present.media?.byLanguage.privacy);
  const speakerOrigins = shown('speakerOrigins') && input.speakerOrigins && input.speakerOrigins.speakers > 0
    ? buildSpeakerOrigins(input.speakerOrigins, threshold)
    : null;
  if (speakerOrigins) note('speakerOrigins', { mergedGroups: 0, suppressed: speakerOrigins.local.suppressed });

  return {
    format: REPORT_FORMAT,
    generatedAt: iso(input.generatedAt),
    languages: [...input.languages],
    labels: reportLabels(input.languages),
    event,
    choices: {
      introduction: input.introduction ?? null,
      omittedSections: OPTIONAL_ORDER.filter((section) => omitted.has(section)),
      topCountries,
    },
    headline: {
      registrations: regs.total,
      registrationsChange,
      firstTimeAttendees: present.firstTime,
      countries: ifAny(countryCount),
      continents: countryCount > 0 ? continentCounts.size : null,
      topCountry: topCountryItem ? { key: topCountryItem.key, count: topCountryItem.count, percent: topCountryItem.percent } : null,
      topCompanySize: firstItem(companySize),
      sponsors: ifAny(input.sponsors.length),
      communityPartners: ifAny(input.communityPartners.length),
      colocatedEvents: ifAny(colocatedEvents.length),
      mediaAndAnalysts: present.media?.total ?? null,
      mediaLanguages: present.media ? mediaByLanguage.items : [],
      cfpSubmissions: cfpHeld ? subs.total : null,
      acceptanceRatePercent,
      sessionsByFormat,
      virtualRegistrations: virtual,
      scholarshipsAwarded: scholarshipsShown ? scholarshipAwards : null,
    },
    attendees: {
      registrations: regs.total,
      inPerson: regs.inPerson,
      virtual,
      checkIn: regs.checkedIn === null ? null : { eligible: regs.inPerson, checkedIn: regs.checkedIn, percent: percent(regs.checkedIn, regs.inPerson) },
      firstTime: present.firstTime,
      countries: present.countries,
      countryCount,
      continents: present.continents,
      companySize: present.companySize,
      jobFunction: present.jobFunction,
      industry: present.industry,
      ticketMix: present.ticketMix,
    },
    content: contentShown
      ? {
          submissions: cfpHeld ? subs.total : null,
          accepted: cfpHeld ? subs.accepted : null,
          acceptanceRatePercent,
          byTrack: cfpHeld ? acceptanceRows(subs.byTrack, 'track') : [],
          byFormat: cfpHeld ? acceptanceRows(subs.byFormat, 'format') : [],
          sessionsByFormat,
          sessions: sessionCount,
          speakers: input.speakers.total,
          firstTimeSpeakers: input.speakers.firstTime,
          firstTimeSpeakersPercent: percent(input.speakers.firstTime, input.speakers.total),
        }
      : null,
    diversity: {
      gender: present.gender,
      scholarships: scholarshipsShown ? {
        programmes: programmeRows,
        applications: sum(programmes.map((p) => p.applications)),
        awards: scholarshipAwards,
        fundsGranted: addMoney(programmes.flatMap((p) => p.fundsGranted)),
        privacy: { mergedGroups: mergedProgrammes.mergedForPrivacy, suppressed: mergedProgrammes.suppressed },
      } : null,
    },
    partners: {
      sponsors: input.sponsors.length > 0 ? { total: input.sponsors.length, byTier } : null,
      communityPartners: partnerNames.length > 0 ? { total: partnerNames.length, names: partnerNames } : null,
      media: present.media,
      colocatedEvents,
    },
    yearOverYear: trends,
    organiserFacts,
    sharedCfp: input.sharedCfp ? { ...input.sharedCfp, acceptanceRatePercent: percent(input.sharedCfp.accepted, input.sharedCfp.offered) } : null,
    speakerOrigins,
    changes: input.changes ?? [],
    privacy: { threshold, notes },
  };
}

function buildSpeakerOrigins(input: { speakers: number; local: number; withoutCountry: number }, threshold: number): SpeakerOriginsSection {
  const withCountry = input.speakers - input.withoutCountry;
  if (withCountry < 0 || input.local > withCountry) throw new ReportInputError(`speaker origins do not add up: ${JSON.stringify(input)}`);
  const local = binaryShare(input.local, withCountry, threshold);
  return { speakers: input.speakers, withoutCountry: input.withoutCountry, local, international: local.suppressed ? null : withCountry - input.local };
}

const OPTIONAL_ORDER: readonly OptionalSection[] = OPTIONAL_SECTIONS;

function optionalWhole(value: number | null | undefined, what: string): number | null {
  if (value === null || value === undefined) return null;
  requireWhole(value, what);
  return value;
}

/** An earlier edition's row of the trends: what Lectern does not know stays null, never zero. */
function trendRow(e: EditionSummary & { startsAt: string }, threshold: number): YearOverYearRow {
  const registrations = optionalWhole(e.registrations, `${e.slug} registrations`);
  const cfpSubmissions = optionalWhole(e.cfpSubmissions, `${e.slug} CFP submissions`);
  const cfpAccepted = optionalWhole(e.cfpAccepted, `${e.slug} CFP accepted`);
  if (cfpAccepted !== null && (cfpSubmissions === null || cfpAccepted > cfpSubmissions)) {
    throw new ReportInputError(`${e.slug}: more accepted than submitted`);
  }
  const firstTime = registrations !== null && e.firstTime ? binaryShare(e.firstTime.yes, e.firstTime.respondents, threshold) : null;
  return {
    slug: e.slug,
    name: e.name,
    startsAt: e.startsAt,
    registrations,
    firstTimePercent: firstTime?.percent ?? null,
    countries: registrations === null ? null : optionalWhole(e.countries || null, `${e.slug} countries`),
    cfpSubmissions,
    acceptanceRatePercent: cfpSubmissions !== null && cfpAccepted !== null ? percent(cfpAccepted, cfpSubmissions) : null,
    sessions: optionalWhole(e.sessions, `${e.slug} sessions`),
    sponsors: optionalWhole(e.sponsors, `${e.slug} sponsors`),
    scholarshipsAwarded: optionalWhole(e.scholarshipsAwarded, `${e.slug} scholarships`),
    current: false,
  };
}
