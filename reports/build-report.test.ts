import { describe, expect, it } from 'vitest';
import { editionWithHistory, firstEdition, postponedEdition, smallEdition } from '@test/support/report-fixtures';
import { ReportInputError, buildReport } from './build-report';
import { OTHER_KEY } from './report.model';

// Every expected figure below was worked out by hand from test/support/report-fixtures.ts.
describe('buildReport on a small hand-checked edition', () => {
  const report = buildReport(smallEdition());
  const items = (d: { items: { key: string; count: number; percent: number }[] }) => d.items.map((i) => [i.key, i.count, i.percent]);

  it('computes the headline figures', () => {
    expect(report.headline).toMatchObject({
      registrations: 200,
      // 200 - 160 = 40 more, 40 / 160 = 25%
      registrationsChange: { previousSlug: 'kubecon-china-2018', previousRegistrations: 160, delta: 40, deltaPercent: 25 },
      // 120 of 190 answers = 63.16%
      firstTimeAttendees: { count: 120, respondents: 190, percent: 63.2, suppressed: false },
      countries: 7,
      // CN JP IN in Asia, US in North America, DE FR in Europe, BR in South America
      continents: 4,
      topCountry: { key: 'CN', count: 150, percent: 77.3 },
      topCompanySize: { key: 'SIZE_3000_PLUS', count: 90, percent: 50 },
      sponsors: 6,
      communityPartners: 3,
      colocatedEvents: 1,
      mediaAndAnalysts: 14,
      cfpSubmissions: 50,
      acceptanceRatePercent: 20,
      virtualRegistrations: 20,
      scholarshipsAwarded: 17,
    });
    // 8 / 14 = 57.14%, 6 / 14 = 42.86%
    expect(items({ items: report.headline.mediaLanguages })).toEqual([['zh', 8, 57.1], ['en', 6, 42.9]]);
    expect(report.headline.sessionsByFormat.map((s) => [s.key, s.count])).toEqual([
      ['BREAKOUT', 7],
      ['KEYNOTE', 3],
      ['LIGHTNING_TALK', 3],
      ['MAINTAINER_TRACK', 2],
    ]);
  });

  it('carries, per language of the edition, the titles and labels its PDF prints', () => {
    expect(Object.keys(report.labels)).toEqual(report.languages);
    expect(report.languages).toEqual(['en', 'zh-CN']);
    expect(report.labels.en).toMatchObject({
      title: 'Transparency report',
      sections: { headline: 'At a glance', attendees: 'Attendees', yearOverYear: 'Trends across editions', speakerOrigins: 'Local and international speakers' },
      figures: { registrations: 'Registrations', cfp: 'CFP submissions' },
    });
    expect(report.labels.en.values.continent.AS).toBe('Asia');
    expect(report.labels['zh-CN']).toMatchObject({ title: '透明度报告', sections: { attendees: '参会者' } });
    expect(report.labels['zh-CN'].values.continent.AS).toBe('亚洲');
    // only finished words: a label with a placeholder belongs to a sentence the PDF builds around a number
    expect(Object.values(report.labels.en.figures).some((label) => label.includes('{{'))).toBe(false);
    // the same keys in every language, so a reader can switch language by key
    expect(Object.keys(report.labels['zh-CN'].values).sort()).toEqual(Object.keys(report.labels.en.values).sort());
  });

  it('computes the attendee breakdowns with the privacy threshold', () => {
    const a = report.attendees;
    expect(a).toMatchObject({ registrations: 200, inPerson: 180, virtual: 20, countryCount: 7 });
    // 153 of 180 in-person registrations
    expect(a.checkIn).toEqual({ eligible: 180, checkedIn: 153, percent: 85 });
    // IN 3, FR 2 and BR 1 are below 5: merged into a group of 6
    expect(items(a.countries!)).toEqual([['CN', 150, 77.3], ['US', 20, 10.3], ['JP', 12, 6.2], ['DE', 6, 3.1], [OTHER_KEY, 6, 3.1]]);
    expect(a.countries).toMatchObject({ respondents: 194, notAnswered: 6, privacy: { mergedGroups: 3, suppressed: false } });
    // South America has 1 person; alone in "other" it would still show 1, so Europe (8) joins it: 9
    expect(items(a.continents!)).toEqual([['AS', 165, 85.1], ['NA', 20, 10.3], [OTHER_KEY, 9, 4.6]]);
    expect(a.continents!.items[2].groups).toBe(2);
    expect(items(a.companySize!)).toEqual([['SIZE_3000_PLUS', 90, 50], ['SIZE_1000_2999', 50, 27.8], ['SIZE_50_249', 30, 16.7], ['SIZE_1_9', 10, 5.5]]);
    expect(items(a.jobFunction!)).toEqual([['DEVELOPER', 80, 50.6], ['ARCHITECT', 40, 25.3], ['DEVOPS_SRE_SYSADMIN', 30, 19], [OTHER_KEY, 8, 5.1]]);
    expect(items(a.industry!)).toEqual([['INFORMATION_TECHNOLOGY', 150, 83.3], ['FINANCIALS', 20, 11.1], ['TELECOMMUNICATIONS', 10, 5.6]]);
    expect(items(a.ticketMix!)).toEqual([
      ['CORPORATE', 100, 50],
      ['SPONSOR', 40, 20],
      ['VIRTUAL', 20, 10],
      ['SPEAKER', 18, 9],
      ['MEDIA', 12, 6],
      ['ACADEMIC', 10, 5],
    ]);
    expect(a.ticketMix!.items[0]).toMatchObject({ name: { en: 'All access', 'zh-CN': '全场通行票' } });
  });

  it('computes acceptance overall, per track and per format, sessions and speakers', () => {
    const c = report.content!;
    expect(c).toMatchObject({ submissions: 50, accepted: 10, acceptanceRatePercent: 20, sessions: 15, speakers: 18, firstTimeSpeakers: 7 });
    // 7 / 18 = 38.89%
    expect(c.firstTimeSpeakersPercent).toBe(38.9);
    expect(c.byTrack.map((r) => [r.key, r.submissions, r.accepted, r.acceptanceRatePercent])).toEqual([
      ['cloud-native', 30, 6, 20],
      ['ai', 20, 4, 20],
    ]);
    expect(c.byFormat.map((r) => [r.key, r.submissions, r.accepted, r.acceptanceRatePercent])).toEqual([
      ['BREAKOUT', 40, 7, 17.5],
      ['LIGHTNING_TALK', 10, 3, 30],
    ]);
  });

  it('computes scholarships by programme, merging programmes with few applicants or awardees', () => {
    const s = report.diversity.scholarships!;
    expect(s.programmes).toEqual([
      { key: 'diversity', name: { en: 'Diversity scholarship', 'zh-CN': '多样性奖学金' }, kind: 'DIVERSITY', applications: 30, awards: 12, fundsGranted: [{ currency: 'USD', minor: 1_200_000 }] },
      {
        key: OTHER_KEY,
        kind: null,
        applications: 12,
        awards: 5,
        fundsGranted: [{ currency: 'CNY', minor: 200_000 }, { currency: 'USD', minor: 150_000 }],
        groups: 2,
      },
    ]);
    expect(s).toMatchObject({ applications: 42, awards: 17, privacy: { mergedGroups: 2, suppressed: false } });
    expect(s.fundsGranted).toEqual([{ currency: 'CNY', minor: 200_000 }, { currency: 'USD', minor: 1_350_000 }]);
    // NON_BINARY (3) alone would show 3, so PREFER_NOT_TO_SAY (6), the smallest shown group, joins it: 9
    expect(items(report.diversity.gender!)).toEqual([['MAN', 100, 67.1], ['WOMAN', 40, 26.9], [OTHER_KEY, 9, 6]]);
  });

  it('lists sponsors by tier, partners, media, co-located events and the year-over-year table', () => {
    const p = report.partners;
    expect(p.sponsors!.byTier).toEqual([
      { tier: 'STRATEGIC', count: 1, names: ['Huawei'] },
      { tier: 'PLATINUM', count: 2, names: ['Alibaba Cloud', 'Google Cloud'] },
      { tier: 'GOLD', count: 1, names: ['腾讯云'] },
      { tier: 'SILVER', count: 1, names: ['PingCAP'] },
      { tier: 'START_UP', count: 1, names: ['Rancher Labs'] },
    ]);
    expect(p.communityPartners).toEqual({ total: 3, names: ['CNCF Ambassadors', 'Kubernetes 中文社区', 'OSChina'] });
    expect(p.media).toMatchObject({ total: 14, media: 11, analysts: 3 });
    expect(p.colocatedEvents).toEqual([{ slug: 'istio-day-2019', name: { en: 'Istio Day', 'zh-CN': 'Istio 日' }, startsAt: '2019-06-23T01:00:00.000Z', registrations: 60 }]);
    expect(report.yearOverYear.map((r) => [r.slug, r.registrations, r.cfpSubmissions, r.sponsors, r.current])).toEqual([
      ['kubecon-china-2018', 160, 40, 5, false],
      ['kubecon-china-2019', 200, 50, 6, true],
    ]);
    expect(report.organiserFacts.map((f) => f.kind)).toEqual(['FIGURE', 'PRESS_CLIPPING']);
  });

  it('says which breakdowns the privacy threshold changed', () => {
    expect(report.privacy).toEqual({
      threshold: 5,
      notes: [
        { section: 'attendees.countries', mergedGroups: 3, suppressed: false },
        { section: 'attendees.continents', mergedGroups: 2, suppressed: false },
        { section: 'attendees.jobFunction', mergedGroups: 2, suppressed: false },
        { section: 'diversity.gender', mergedGroups: 2, suppressed: false },
        { section: 'diversity.scholarships', mergedGroups: 2, suppressed: false },
      ],
    });
  });

  it('takes the threshold from the input', () => {
    const strict = buildReport({ ...smallEdition(), privacyThreshold: 25 });
    expect(strict.privacy.threshold).toBe(25);
    // US 20, JP 12, DE 6 and the three small groups: 44 in "other", 44 / 194 = 22.68%
    expect(items(strict.attendees.countries!)).toEqual([['CN', 150, 77.3], [OTHER_KEY, 44, 22.7]]);
    // 70 first-timers said no, 120 yes: both above 25
    expect(strict.headline.firstTimeAttendees!.suppressed).toBe(false);
    const open = buildReport({ ...smallEdition(), privacyThreshold: 1 });
    expect(open.privacy.notes).toEqual([]);
    expect(open.attendees.countries!.items.map((i) => i.key)).toEqual(['CN', 'US', 'JP', 'DE', 'IN', 'FR', 'BR']);
  });
});

describe('buildReport on the first edition of a series', () => {
  const report = buildReport(firstEdition());

  it('has no change line and a one-row year-over-year table', () => {
    expect(report.headline.registrationsChange).toBeNull();
    expect(report.yearOverYear).toHaveLength(1);
    expect(report.yearOverYear[0]).toMatchObject({ slug: 'kubecon-china-2019', current: true });
    // none recorded: absent, not 0
    expect(report.headline.colocatedEvents).toBeNull();
    expect(report.organiserFacts).toEqual([]);
  });

  it('suppresses a breakdown whose people together are below the threshold', () => {
    expect(report.diversity.gender).toMatchObject({ respondents: 4, notAnswered: 196, items: [], privacy: { suppressed: true } });
    expect(report.privacy.notes).toContainEqual({ section: 'diversity.gender', mergedGroups: 2, suppressed: true });
  });

  it('ignores editions that start after this one', () => {
    const later = { ...smallEdition().previousEditions[0], slug: 'kubecon-china-2020', startsAt: '2020-07-28T01:00:00Z' };
    const withLater = buildReport({ ...firstEdition(), previousEditions: [later] });
    expect(withLater.headline.registrationsChange).toBeNull();
  });
});

describe('buildReport refuses aggregates that contradict each other', () => {
  const cases: [string, (input: ReturnType<typeof smallEdition>) => void, RegExp][] = [
    ['in person + virtual != total', (i) => (i.registrations.virtual = 21), /in person/],
    ['check-ins above in-person registrations', (i) => (i.registrations.checkedIn = 181), /check-ins/],
    ['ticket types not adding up', (i) => (i.ticketTypes[0].count = 99), /ticketTypes/],
    ['country answers not adding up', (i) => (i.countries.notAnswered = 7), /countries/],
    ['an unknown country', (i) => (i.countries.groups[0].key = 'XX'), /unknown country/],
    ['more accepted than submitted', (i) => (i.submissions.byTrack[0].accepted = 21), /more accepted/],
    ['a fractional count', (i) => (i.speakers.total = 18.5), /whole number/],
  ];
  it.each(cases)('%s', (_, spoil, message) => {
    const input = smallEdition();
    spoil(input);
    expect(() => buildReport(input)).toThrow(ReportInputError);
    expect(() => buildReport(input)).toThrow(message);
  });
});

describe('buildReport with the organisers’ choices and a history of editions', () => {
  const report = buildReport(editionWithHistory());

  it('shows every earlier edition in the trends, missing figures as null, never as zero', () => {
    expect(report.yearOverYear.map((r) => r.slug)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((n) => `kubecon-china-${n}`));
    const [first, , y2020, y2021, y2022] = report.yearOverYear;
    // 700 of 1,400 respondents said it was their first time; 100 of 500 proposals accepted
    expect(first).toMatchObject({ registrations: 1500, firstTimePercent: 50, countries: 20, cfpSubmissions: 500, acceptanceRatePercent: 20, sessions: 120, sponsors: null, scholarshipsAwarded: null });
    expect(y2020).toMatchObject({ registrations: null, firstTimePercent: null, countries: null, cfpSubmissions: null, acceptanceRatePercent: null, sessions: null });
    expect(y2021).toMatchObject({ registrations: null, cfpSubmissions: 620, acceptanceRatePercent: 18.5, sessions: 135 });
    expect(y2022).toMatchObject({ registrations: 2500, scholarshipsAwarded: 14 });
    // this edition ends the trends with its own figures; it has no scholarship programme
    expect(report.yearOverYear.at(-1)).toMatchObject({ current: true, registrations: report.headline.registrations, countries: 20, scholarshipsAwarded: null });
    expect(report.headline.registrationsChange).toMatchObject({ previousSlug: 'kubecon-china-2025', previousRegistrations: 3250 });
  });

  it('leaves out the scholarship section and its headline figure when the edition had no programme', () => {
    expect(report.headline.scholarshipsAwarded).toBeNull();
    expect(report.diversity.scholarships).toBeNull();
    expect(report.privacy.notes.map((n) => n.section)).not.toContain('diversity.scholarships');
    // a programme without a single award is still something to report
    const none = buildReport({ ...editionWithHistory(), scholarshipProgrammes: [{ key: 'd', kind: 'DIVERSITY', currency: 'USD', applications: 0, awards: 0, fundsGrantedMinor: 0 }] });
    expect(none.headline.scholarshipsAwarded).toBe(0);
  });

  it('keeps the organisers’ introduction, number of countries and units', () => {
    expect(report.choices).toMatchObject({ topCountries: 15, omittedSections: [] });
    expect(report.choices.introduction?.['zh-CN']).toContain('第十届');
    // 15 countries and "Other" holding the five smallest
    expect(report.attendees.countries!.items).toHaveLength(16);
    expect(report.attendees.countries!.items.at(-1)).toMatchObject({ key: OTHER_KEY, groups: 5 });
    expect(report.organiserFacts.find((f) => f.value === 12000)?.unit).toEqual({ en: 'viewers', 'zh-CN': '人次' });
  });

  it('leaves each optional section the organisers left out out of the JSON as well', () => {
    const omittedSections = ['trends', 'speakerOrigins', 'gender', 'scholarships', 'jobFunction', 'industry', 'organiserFacts'] as const;
    const bare = buildReport({ ...smallEdition(), omittedSections: [...omittedSections].reverse() });
    expect(bare.choices.omittedSections).toEqual(omittedSections);
    expect(bare.yearOverYear).toEqual([]);
    expect(bare.speakerOrigins).toBeNull();
    expect(bare.diversity).toEqual({ gender: null, scholarships: null });
    expect(bare.attendees.jobFunction).toBeNull();
    expect(bare.attendees.industry).toBeNull();
    expect(bare.organiserFacts).toEqual([]);
    expect(bare.headline.scholarshipsAwarded).toBeNull();
    expect(bare.privacy.notes.map((n) => n.section)).toEqual(['attendees.countries', 'attendees.continents']);
    // the headline keeps what it always shows
    expect(bare.headline.registrationsChange).not.toBeNull();
  });
});

describe('buildReport on an edition with nothing recorded but its registrations', () => {
  const report = buildReport(postponedEdition());

  it('leaves out every figure and section it has no source for: absent, never 0', () => {
    expect(report.headline).toMatchObject({
      registrations: 60,
      countries: 3,
      continents: 1,
      cfpSubmissions: null,
      acceptanceRatePercent: null,
      sponsors: null,
      communityPartners: null,
      colocatedEvents: null,
      mediaAndAnalysts: null,
      mediaLanguages: [],
      virtualRegistrations: null,
      scholarshipsAwarded: null,
    });
    expect(Object.entries(report.headline).filter(([, value]) => value === 0)).toEqual([]);
    expect(report.content).toBeNull();
    expect(report.partners).toEqual({ sponsors: null, communityPartners: null, media: null, colocatedEvents: [] });
    expect(report.attendees).toMatchObject({ companySize: null, jobFunction: null, industry: null });
    expect(report.diversity).toEqual({ gender: null, scholarships: null });
    expect(report.speakerOrigins).toBeNull();
    // the trends say "missing" for this edition too
    expect(report.yearOverYear.at(-1)).toMatchObject({ current: true, registrations: 60, cfpSubmissions: null, acceptanceRatePercent: null, sessions: null, sponsors: null });
    expect(report.privacy.notes.map((n) => n.section)).toEqual([]);
  });

  it('keeps the real zeros of what the edition has: a CFP held that accepted nothing, one held without proposals', () => {
    const rejected = buildReport({ ...postponedEdition(), submissions: { held: true, total: 4, accepted: 0, byTrack: [], byFormat: [] } });
    expect(rejected.headline).toMatchObject({ cfpSubmissions: 4, acceptanceRatePercent: 0 });
    expect(rejected.content).toMatchObject({ submissions: 4, accepted: 0, acceptanceRatePercent: 0, sessions: 0, speakers: 0 });
    expect(rejected.yearOverYear.at(-1)).toMatchObject({ cfpSubmissions: 4, acceptanceRatePercent: 0, sessions: 0 });
    const unanswered = buildReport({ ...postponedEdition(), submissions: { held: true, total: 0, accepted: 0, byTrack: [], byFormat: [] } });
    expect(unanswered.headline).toMatchObject({ cfpSubmissions: 0, acceptanceRatePercent: null });
    // invited sessions without a CFP: the programme, without CFP figures
    const invited = buildReport({ ...postponedEdition(), sessionsByFormat: [{ key: 'KEYNOTE', count: 2 }], speakers: { total: 2, firstTime: 0 } });
    expect(invited.headline).toMatchObject({ cfpSubmissions: null, acceptanceRatePercent: null });
    expect(invited.content).toMatchObject({ submissions: null, accepted: null, acceptanceRatePercent: null, byTrack: [], byFormat: [], sessions: 2 });
    // a hybrid edition nobody followed online: its virtual registrations are a real 0
    expect(buildReport({ ...postponedEdition(), event: { ...postponedEdition().event, format: 'HYBRID' } }).headline.virtualRegistrations).toBe(0);
  });

  it('gives the attendees no livestream figure and no check-in when it had no virtual registration and checked nobody in', () => {
    expect(report.attendees).toMatchObject({ registrations: 60, inPerson: 60, virtual: null, checkIn: null });
  });

  it('keeps the attendees’ livestream figure and check-in when the edition has them, zeros included', () => {
    const regs = postponedEdition().registrations;
    // hybrid: the livestream was on offer, so nobody following it is a real 0
    const hybrid = buildReport({ ...postponedEdition(), event: { ...postponedEdition().event, format: 'HYBRID' } });
    expect(hybrid.attendees.virtual).toBe(0);
    // in person, yet 2 of the 60 registered virtually
    const streamed = buildReport({ ...postponedEdition(), registrations: { ...regs, inPerson: 58, virtual: 2 } });
    expect(streamed.attendees).toMatchObject({ inPerson: 58, virtual: 2 });
    expect(streamed.headline.virtualRegistrations).toBe(2);
    // check-in used (badges scanned) but none of the 60 in-person registrations checked in: 0 of 60, 0%
    expect(buildReport({ ...postponedEdition(), registrations: { ...regs, checkedIn: 0 } }).attendees.checkIn).toEqual({ eligible: 60, checkedIn: 0, percent: 0 });
    // 45 of 60 = 75%
    expect(buildReport({ ...postponedEdition(), registrations: { ...regs, checkedIn: 45 } }).attendees.checkIn).toEqual({ eligible: 60, checkedIn: 45, percent: 75 });
  });
});
