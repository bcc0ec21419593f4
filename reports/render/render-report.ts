import PDFDocument from 'pdfkit';
import { Language, i18n, translator } from '@lectern/i18n/i18n';
import {
  AcceptanceRow,
  Dimension,
  Distribution,
  DistributionItem,
  Named,
  OTHER_KEY,
  OrganiserFact,
  ScholarshipRow,
  TransparencyReport,
} from '@reports/report.model';
import { ReportFonts } from './font';
import { lineBreaking } from './line-breaking';
import { ReportFormat } from './format';
import { COLORS, KeyFigure, Layout } from './layout';
import { LocalizedText, textIn } from '@lectern/i18n/localized-text';

type Vars = Record<string, string | number>;

/** Turns a code such as MAINTAINER_TRACK into "Maintainer track" when report.json has no label for it. */
function humanize(key: string): string {
  const words = key.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Texts already found in report.json, so each is looked up once per process rather than once per use. */
const CHECKED_KEYS = new Set<string>();

/** Everything one language edition needs to put words and numbers on the page. */
export class Edition {
  readonly fmt: ReportFormat;
  private readonly translate;

  constructor(
    readonly language: Language,
    readonly report: TransparencyReport,
  ) {
    this.fmt = new ReportFormat(language);
    this.translate = translator(language);
  }

  /**
   * A report.json text; a missing key is a bug, never a raw key on the page. With `count`, the text's plural form
   * is chosen by it and `{{n}}` shows it formatted for the locale.
   */
  t(key: string, vars: Vars = {}, count?: number): string {
    const full = `report:${key}`;
    // `n` from the caller wins (the web edition passes the figure as markup)
    const options = count === undefined ? vars : { count, n: this.n(count), ...vars };
    const checked = `${this.language}|${full}|${count === 1 ? 'one' : 'other'}`;
    if (!CHECKED_KEYS.has(checked)) {
      if (!i18n().exists(full, { lng: this.language, ...options })) throw new Error(`missing ${this.language} text ${full}`);
      CHECKED_KEYS.add(checked);
    }
    return this.translate(full, options);
  }

  /** "label: text" with the locale's colon. */
  labelled(label: string, text: string): string {
    return this.t('common.labelled', { label, text });
  }

  /** A label for a data value: the organiser's own name, then report.json, then the code itself. */
  value(group: string, key: string, named: Named = {}): string {
    if (named.name) return this.name(named.name);
    return this.translate(`report:values.${group}.${key}`, { defaultValue: humanize(key) });
  }

  item(dimension: Dimension, item: DistributionItem): string {
    if (item.key === OTHER_KEY) return this.t('common.other', {}, item.groups ?? 0);
    if (item.name) return this.value(dimension, item.key, item);
    if (dimension === 'country') return this.fmt.country(item.key);
    if (dimension === 'mediaLanguage') return this.fmt.languageName(item.key);
    return this.value(dimension, item.key);
  }

  /** An organiser's text in this edition's language, else in the report's other languages in their order. */
  name(text: LocalizedText): string {
    return textIn(text, this.language, this.report.languages) ?? '';
  }

  n(value: number): string {
    return this.fmt.number(value);
  }

  pct(value: number | null): string {
    return this.fmt.percent(value, this.t('common.notAvailable'));
  }

  day(instant: string): string {
    return this.fmt.date(instant, this.report.event.timezone);
  }

  /** The days from `start` to `end` ("June 24, 2019 – June 26, 2019"), or the one day. */
  days(start: string, end: string): string {
    return this.day(start) === this.day(end) ? this.day(start) : this.t('cover.dateRange', { start: this.day(start), end: this.day(end) });
  }
}

export function summaryClauses(e: Edition): string[] {
  const h = e.report.headline;
  const clauses: string[] = [];
  let registrations = e.t('summary.registrations', { count: e.n(h.registrations) });
  const change = h.registrationsChange;
  if (change) {
    const key = change.delta > 0 ? 'summary.changeUp' : change.delta < 0 ? 'summary.changeDown' : 'summary.changeSame';
    registrations += `${e.t('summary.comma')}${e.t(key, { delta: e.n(change.delta), percent: e.pct(change.deltaPercent) })}`;
  }
  clauses.push(registrations);
  if (h.firstTimeAttendees && !h.firstTimeAttendees.suppressed && h.firstTimeAttendees.percent !== null) {
    clauses.push(e.t('summary.firstTime', { percent: e.pct(h.firstTimeAttendees.percent) }));
  }
  if (h.countries !== null && h.continents !== null) {
    let places = e.t('summary.places', { countries: e.n(h.countries), continents: e.n(h.continents) });
    if (h.topCountry) {
      places += `${e.t('summary.comma')}${e.t('summary.topCountry', {
        percent: e.pct(h.topCountry.percent),
        country: e.fmt.country(h.topCountry.key),
      })}`;
    }
    clauses.push(places);
  }
  if (h.topCompanySize) {
    clauses.push(e.t('summary.topCompanySize', { percent: e.pct(h.topCompanySize.percent), size: e.item('companySize', h.topCompanySize) }));
  }
  if (h.sponsors !== null) clauses.push(e.t('summary.sponsors', {}, h.sponsors));
  if (h.communityPartners !== null) clauses.push(e.t('summary.communityPartners', {}, h.communityPartners));
  if (h.colocatedEvents !== null) clauses.push(e.t('summary.colocated', {}, h.colocatedEvents));
  if (h.mediaAndAnalysts !== null) {
    let media = e.t('summary.media', {}, h.mediaAndAnalysts);
    const languages = h.mediaLanguages.map((item) =>
      e.t('summary.mediaLanguage', { count: e.n(item.count), language: e.item('mediaLanguage', item) }),
    );
    if (languages.length > 0) media = e.t('summary.withLanguages', { media, languages: e.fmt.join(languages) });
    clauses.push(media);
  }
  if (h.cfpSubmissions !== null) {
    const rate = h.acceptanceRatePercent === null ? '' : `${e.t('summary.comma')}${e.t('summary.acceptance', { percent: e.pct(h.acceptanceRatePercent) })}`;
    clauses.push(`${e.t('summary.cfp', {}, h.cfpSubmissions)}${rate}`);
  }
  if (h.sessionsByFormat.length > 0) {
    clauses.push(e.fmt.join(h.sessionsByFormat.map((s) => e.t('summary.session', { format: e.value('sessionFormat', s.key, s), count: e.n(s.count) }))));
  }
  if (h.virtualRegistrations !== null) clauses.push(e.t('summary.virtual', { count: e.n(h.virtualRegistrations) }));
  if (h.scholarshipsAwarded !== null) clauses.push(e.t('summary.scholarships', {}, h.scholarshipsAwarded));
  return clauses;
}

/** What happened to the edition, one sentence per change, its dates in the edition's language and time zone. */
export function changeSentences(e: Edition): string[] {
  return e.report.changes.map((c) => {
    const from = e.days(c.fromStartsAt, c.fromEndsAt);
    const to = c.toStartsAt && c.toEndsAt ? e.days(c.toStartsAt, c.toEndsAt) : null;
    const change =
      c.kind === 'MOVED_ONLINE'
        ? e.t(c.toFormat === 'HYBRID' ? 'changes.becameHybrid' : 'changes.movedOnline')
        : c.kind === 'CANCELLED'
          ? e.t('changes.cancelled', { from })
          : to
            ? e.t(c.kind === 'POSTPONED' ? 'changes.postponed' : 'changes.rescheduled', { from, to })
            : e.t('changes.postponedTba', { from });
    return e.t('changes.announced', { change, date: e.day(c.at) });
  });
}

/** A chart's alternative text: its kind and title, then each of its figures, in the edition's language. */
function chartAlt(e: Edition, kind: 'bars' | 'columns', title: string, figures: string[]): string {
  return e.t(`chart.${kind}`, { title, figures: figures.join(e.t('chart.separator')) });
}

function cover(layout: Layout, e: Edition): void {
  const { event, generatedAt } = e.report;
  layout.doc.fillColor(COLORS.muted).fontSize(11);
  layout.mark('P', () => layout.write(layout.fitToWidth(e.t('cover.kicker'), layout.width), layout.left, layout.doc.y, { width: layout.width }));
  layout.gap(2);
  layout.title(e.name(event.name));
  const dates = e.days(event.startsAt, event.endsAt);
  const place = e.t('cover.place', { city: e.name(event.city), country: e.fmt.country(event.country) });
  layout.paragraph([place, event.venue && e.name(event.venue), dates].filter(Boolean).join(' · '), { size: 11, color: COLORS.text });
  layout.paragraph(e.t('cover.generated', { date: e.fmt.date(generatedAt, 'UTC') }), { color: COLORS.muted, size: 8 });
  layout.gap(4);
  layout.paragraph(e.t('cover.intro'), { color: COLORS.muted });
  const introduction = e.report.choices.introduction;
  if (introduction) {
    layout.subheading(e.t('cover.organisers'));
    layout.paragraph(e.name(introduction));
  }
  const changes = changeSentences(e);
  if (changes.length > 0) {
    layout.subheading(e.t('changes.title'));
    layout.group('L', () => changes.forEach((sentence) => layout.bullet(sentence)));
  }
  layout.gap(6);
}

function headline(layout: Layout, e: Edition): void {
  const h = e.report.headline;
  layout.heading(e.t('summary.title'));
  layout.paragraph(summaryClauses(e).join(e.t('summary.separator')) + e.t('summary.end'), { size: 10.5 });
  layout.gap(6);

  const change = h.registrationsChange;
  const figures: KeyFigure[] = [
    {
      value: e.n(h.registrations),
      label: e.t('kpi.registrations'),
      detail: change
        ? e.t('kpi.previous', { previous: e.name(change.previousName), count: e.n(change.previousRegistrations) })
        : e.t('kpi.firstEdition'),
    },
  ];
  if (h.firstTimeAttendees) {
    figures.push({
      value: e.pct(h.firstTimeAttendees.percent),
      label: e.t('kpi.firstTime'),
      detail: e.t('kpi.firstTimeBasis', { respondents: e.n(h.firstTimeAttendees.respondents) }),
    });
  }
  if (h.countries !== null && h.continents !== null) {
    figures.push({ value: e.n(h.countries), label: e.t('kpi.countries'), detail: e.t('kpi.continents', {}, h.continents) });
  }
  if (h.topCountry) {
    figures.push({
      value: e.pct(h.topCountry.percent),
      label: e.t('kpi.topCountry', { country: e.fmt.country(h.topCountry.key) }),
      detail: e.t('kpi.topCountryCount', { count: e.n(h.topCountry.count) }),
    });
  }
  if (h.topCompanySize) {
    figures.push({
      value: e.pct(h.topCompanySize.percent),
      label: e.t('kpi.companySize', { size: e.item('companySize', h.topCompanySize) }),
      detail: e.t('kpi.topCountryCount', { count: e.n(h.topCompanySize.count) }),
    });
  }
  const count = (value: number | null, label: string, detail?: string) => {
    if (value !== null) figures.push({ value: e.n(value), label: e.t(label), detail });
  };
  count(h.virtualRegistrations, 'kpi.virtual');
  count(h.cfpSubmissions, 'kpi.cfp');
  const accepted = e.report.content?.accepted ?? null;
  if (h.acceptanceRatePercent !== null && accepted !== null) {
    figures.push({ value: e.pct(h.acceptanceRatePercent), label: e.t('kpi.acceptance'), detail: e.t('kpi.acceptedCount', { count: e.n(accepted) }) });
  }
  count(e.report.content?.sessions ?? null, 'kpi.sessions', h.sessionsByFormat.map((s) => e.t('summary.session', { format: e.value('sessionFormat', s.key, s), count: e.n(s.count) })).join(' · '));
  count(h.sponsors, 'kpi.sponsors');
  count(h.communityPartners, 'kpi.communityPartners');
  count(h.colocatedEvents, 'kpi.colocated');
  count(h.mediaAndAnalysts, 'kpi.media', h.mediaLanguages.map((item) => `${e.item('mediaLanguage', item)} ${e.n(item.count)} · ${e.pct(item.percent)}`).join(' / '));
  if (h.scholarshipsAwarded !== null) figures.push({ value: e.n(h.scholarshipsAwarded), label: e.t('kpi.scholarships') });
  layout.keyFigures(figures);
}

/** Dimensions that come from a question attendees may skip, so their basis is worth stating. */
const ANSWERED = new Set<Dimension>(['country', 'continent', 'companySize', 'jobFunction', 'industry', 'gender']);

/** A distribution as a bar chart (or, for long ones, a table), with its basis and privacy outcome; none if absent. */
function distribution(layout: Layout, e: Edition, title: string, d: Distribution | null, chart: boolean): void {
  if (!d) return;
  layout.subheading(title);
  if (d.privacy.suppressed) {
    layout.paragraph(
      e.t('common.suppressed', { respondents: e.n(d.respondents), notAnswered: e.n(d.notAnswered), threshold: e.n(e.report.privacy.threshold) }),
      { color: COLORS.muted },
    );
    return;
  }
  if (d.items.length === 0) {
    layout.paragraph(e.t('common.none'), { color: COLORS.muted });
    return;
  }
  if (chart) {
    layout.bars(
      d.items.map((item) => ({
        label: e.item(d.dimension, item),
        value: item.count,
        caption: `${e.n(item.count)} · ${e.pct(item.percent)}`,
        muted: item.key === OTHER_KEY,
      })),
      chartAlt(
        e,
        'bars',
        title,
        d.items.map((item) => e.t('chart.share', { label: e.item(d.dimension, item), count: e.n(item.count), percent: e.pct(item.percent) })),
      ),
    );
  } else {
    layout.table(
      [
        { header: title, width: 0.6 },
        { header: e.t('common.count'), width: 0.2, align: 'right' },
        { header: e.t('common.share'), width: 0.2, align: 'right' },
      ],
      d.items.map((item) => [e.item(d.dimension, item), e.n(item.count), e.pct(item.percent)]),
    );
  }
  if (ANSWERED.has(d.dimension)) {
    layout.paragraph(e.t('common.basis', { respondents: e.n(d.respondents), notAnswered: e.n(d.notAnswered) }), {
      color: COLORS.muted,
      size: 8,
    });
  }
}

function attendees(layout: Layout, e: Edition): void {
  const a = e.report.attendees;
  layout.heading(e.t('attendees.title'), true);
  layout.subheading(e.t('attendees.overview'));
  layout.table(
    [
      { header: e.t('attendees.overview'), width: 0.6 },
      { header: e.t('common.count'), width: 0.4, align: 'right' },
    ],
    [
      [e.t('attendees.inPerson'), e.n(a.inPerson)],
      ...(a.virtual === null ? [] : [[e.t('attendees.virtual'), e.n(a.virtual)]]),
      [e.t('attendees.registrations'), e.n(a.registrations)],
    ],
    { totalRow: true },
  );
  if (a.checkIn) {
    layout.paragraph(
      e.labelled(
        e.t('attendees.checkIn'),
        e.t('attendees.checkInDetail', { checkedIn: e.n(a.checkIn.checkedIn), eligible: e.n(a.checkIn.eligible), percent: e.pct(a.checkIn.percent) }),
      ),
    );
  }
  const ft = a.firstTime;
  if (ft) {
    const firstTime = ft.suppressed
      ? e.t('attendees.firstTimeSuppressed', { threshold: e.n(e.report.privacy.threshold), respondents: e.n(ft.respondents) })
      : e.t('attendees.firstTimeDetail', { count: e.n(ft.count ?? 0), respondents: e.n(ft.respondents), percent: e.pct(ft.percent) });
    layout.paragraph(e.labelled(e.t('attendees.firstTime'), firstTime));
  }
  if (a.countries) {
    distribution(layout, e, e.t('attendees.countries'), a.countries, true);
    layout.paragraph(e.t('attendees.countryCount', {}, a.countryCount));
    layout.paragraph(e.t('attendees.topCountries', { n: e.n(e.report.choices.topCountries) }), { color: COLORS.muted, size: 8 });
  }
  distribution(layout, e, e.t('attendees.continents'), a.continents, true);
  distribution(layout, e, e.t('attendees.companySize'), a.companySize, true);
  distribution(layout, e, e.t('attendees.ticketMix'), a.ticketMix, true);
  distribution(layout, e, e.t('attendees.jobFunction'), a.jobFunction, false);
  distribution(layout, e, e.t('attendees.industry'), a.industry, false);
}

function acceptanceTable(layout: Layout, e: Edition, header: string, group: string, rows: AcceptanceRow[]): void {
  if (rows.length === 0) {
    layout.paragraph(e.t('common.none'), { color: COLORS.muted });
    return;
  }
  layout.table(
    [
      { header, width: 0.46 },
      { header: e.t('content.submissions'), width: 0.18, align: 'right' },
      { header: e.t('content.accepted'), width: 0.18, align: 'right' },
      { header: e.t('content.acceptanceRate'), width: 0.18, align: 'right' },
    ],
    rows.map((row) => [e.value(group, row.key, row), e.n(row.submissions), e.n(row.accepted), e.pct(row.acceptanceRatePercent)]),
  );
}

/** The CFP and the programme; without a CFP, the programme alone; neither, no section. */
function content(layout: Layout, e: Edition): void {
  const c = e.report.content;
  if (!c) return;
  layout.heading(e.t('content.title'), true);
  const cfp =
    c.submissions === null || c.accepted === null
      ? []
      : [
          [e.t('content.submissions'), e.n(c.submissions)],
          [e.t('content.accepted'), e.n(c.accepted)],
          [e.t('content.acceptanceRate'), e.pct(c.acceptanceRatePercent)],
        ];
  layout.table(
    [
      { header: e.t('content.title'), width: 0.6 },
      { header: e.t('common.quantity'), width: 0.4, align: 'right' },
    ],
    [
      ...cfp,
      [e.t('content.sessions'), e.n(c.sessions)],
      [e.t('content.speakers'), e.n(c.speakers)],
      [e.t('content.firstTimeSpeakers'), e.t('content.firstTimeSpeakersDetail', { count: e.n(c.firstTimeSpeakers), percent: e.pct(c.firstTimeSpeakersPercent) })],
    ],
  );
  layout.subheading(e.t('content.sessionsByFormat'));
  if (c.sessionsByFormat.length === 0) layout.paragraph(e.t('common.none'), { color: COLORS.muted });
  else {
    const bars = c.sessionsByFormat.map((s) => ({ label: e.value('sessionFormat', s.key, s), value: s.count, caption: e.n(s.count) }));
    layout.bars(
      bars,
      chartAlt(
        e,
        'bars',
        e.t('content.sessionsByFormat'),
        bars.map((bar) => e.t('chart.value', { label: bar.label, value: bar.caption })),
      ),
    );
  }
  if (c.submissions === null) return;
  layout.subheading(e.t('content.byTrack'));
  acceptanceTable(layout, e, e.t('content.track'), 'track', c.byTrack);
  layout.subheading(e.t('content.byFormat'));
  acceptanceTable(layout, e, e.t('content.format'), 'sessionFormat', c.byFormat);
}

/** The edition's part in a shared CFP (when it has one), then its speakers by origin. */
function speakers(layout: Layout, e: Edition): void {
  const shared = e.report.sharedCfp;
  const numbers = [
    { header: e.t('content.title'), width: 0.6 },
    { header: e.t('common.quantity'), width: 0.4, align: 'right' as const },
  ];
  if (shared) {
    layout.subheading(e.t('content.sharedCfp.title'));
    const editions = shared.editions.map((x) => e.name(x.city)).join(e.t('content.sharedCfp.separator'));
    layout.paragraph(e.t('content.sharedCfp.intro', { host: e.name(shared.host.name), editions }));
    layout.table(numbers, [
      [e.t('content.sharedCfp.offered'), e.n(shared.offered)],
      [e.t('content.sharedCfp.accepted'), e.n(shared.accepted)],
      [e.t('content.acceptanceRate'), e.pct(shared.acceptanceRatePercent)],
      [e.t('content.sharedCfp.confirmed'), e.n(shared.confirmed)],
      [e.t('content.sharedCfp.declined'), e.n(shared.declined)],
    ]);
  }
  const o = e.report.speakerOrigins;
  if (!o) return;
  const country = e.fmt.country(e.report.event.country);
  layout.subheading(e.t('content.speakerOrigins.title'));
  const rows = [
    [e.t('content.speakerOrigins.speakers'), e.n(o.speakers)],
    [e.t('content.speakerOrigins.withCountry'), e.n(o.local.respondents)],
  ];
  if (o.local.suppressed) {
    layout.table(numbers, rows);
    layout.paragraph(e.t('content.speakerOrigins.suppressed', { threshold: e.n(e.report.privacy.threshold) }), { color: COLORS.muted });
  } else {
    layout.table(numbers, [
      ...rows,
      [e.t('content.speakerOrigins.local', { country }), e.t('content.speakerOrigins.detail', { count: e.n(o.local.count ?? 0), percent: e.pct(o.local.percent) })],
      [e.t('content.speakerOrigins.international'), e.n(o.international ?? 0)],
    ]);
  }
  if (o.withoutCountry > 0) layout.paragraph(e.labelled(e.t('content.speakerOrigins.withoutCountry'), e.n(o.withoutCountry)));
}

export function programmeLabel(e: Edition, row: ScholarshipRow): string {
  if (row.key === OTHER_KEY) return e.t('diversity.otherProgrammes', { groups: e.n(row.groups ?? 0) });
  return e.value('scholarshipProgramme', row.key, row);
}

function diversity(layout: Layout, e: Edition): void {
  const d = e.report.diversity;
  const threshold = e.n(e.report.privacy.threshold);
  const s = d.scholarships;
  if (!d.gender && !s) return;
  layout.heading(e.t('diversity.title'), true);
  if (d.gender) distribution(layout, e, e.t('diversity.gender'), d.gender, true);
  if (!s) return;
  layout.subheading(e.t('diversity.scholarships'));
  if (s.privacy.suppressed) layout.paragraph(e.t('diversity.scholarshipsSuppressed', { threshold }), { color: COLORS.muted });
  if (s.programmes.length === 0 && !s.privacy.suppressed && s.applications === 0) {
    layout.paragraph(e.t('diversity.noProgrammes'), { color: COLORS.muted });
    return;
  }
  const money = (amounts: ScholarshipRow['fundsGranted']) => amounts.map((m) => e.fmt.money(m)).join(' + ');
  layout.table(
    [
      { header: e.t('diversity.programme'), width: 0.32 },
      { header: e.t('diversity.kind'), width: 0.16 },
      { header: e.t('diversity.applications'), width: 0.16, align: 'right' },
      { header: e.t('diversity.awards'), width: 0.14, align: 'right' },
      { header: e.t('diversity.funds'), width: 0.22, align: 'right' },
    ],
    [
      ...s.programmes.map((row) => [
        programmeLabel(e, row),
        row.kind ? e.value('scholarshipKind', row.kind) : '',
        e.n(row.applications),
        e.n(row.awards),
        money(row.fundsGranted),
      ]),
      [e.t('common.total'), '', e.n(s.applications), e.n(s.awards), money(s.fundsGranted)],
    ],
    { totalRow: true },
  );
}

/** Sponsors, community partners, media and co-located events: each part only when some were recorded. */
function partners(layout: Layout, e: Edition): void {
  const p = e.report.partners;
  if (!p.sponsors && !p.communityPartners && !p.media && p.colocatedEvents.length === 0) return;
  layout.heading(e.t('partners.title'), true);
  if (p.sponsors) {
    layout.subheading(e.t('partners.sponsors'));
    layout.table(
      [
        { header: e.t('partners.tier'), width: 0.2 },
        { header: e.t('common.quantity'), width: 0.12, align: 'right' },
        { header: e.t('partners.names'), width: 0.68 },
      ],
      p.sponsors.byTier.map((row) => [e.value('sponsorTier', row.tier), e.n(row.count), e.fmt.names(row.names)]),
    );
    layout.paragraph(e.t('partners.sponsorTotal', {}, p.sponsors.total));
  }
  if (p.communityPartners) {
    layout.subheading(e.t('partners.communityPartners'));
    layout.paragraph(e.t('partners.communityPartnerTotal', { names: e.fmt.join(p.communityPartners.names) }, p.communityPartners.total));
  }
  if (p.media) {
    layout.subheading(e.t('partners.media'));
    layout.paragraph(e.t('partners.mediaDetail', { total: e.n(p.media.total), media: e.n(p.media.media), analysts: e.n(p.media.analysts) }));
    distribution(layout, e, e.t('partners.mediaLanguages'), p.media.byLanguage, true);
  }
  if (p.colocatedEvents.length > 0) {
    layout.subheading(e.t('partners.colocated'));
    layout.table(
      [
        { header: e.t('partners.colocatedEvent'), width: 0.5 },
        { header: e.t('partners.colocatedDate'), width: 0.3 },
        { header: e.t('partners.colocatedRegistrations'), width: 0.2, align: 'right' },
      ],
      p.colocatedEvents.map((row) => [e.name(row.name), e.day(row.startsAt), e.n(row.registrations)]),
    );
  }
}

/** Trends across the series: registrations as a column chart, then every figure per edition in two tables. */
function yearOverYear(layout: Layout, e: Edition): void {
  const rows = e.report.yearOverYear;
  if (rows.length === 0) return;
  layout.heading(e.t('yoy.title'));
  if (rows.length < 2) layout.paragraph(e.t('yoy.firstEdition'), { color: COLORS.muted });
  else layout.paragraph(e.t('yoy.intro'), { color: COLORS.muted });
  const na = e.t('common.notAvailable');
  const count = (value: number | null) => (value === null ? na : e.n(value));
  const share = (value: number | null) => (value === null ? na : e.pct(value));
  const label = (row: (typeof rows)[number]) => e.fmt.month(row.startsAt, e.report.event.timezone);
  if (rows.length > 1) {
    layout.subheading(e.t('yoy.chartTitle'));
    layout.columns(
      rows.map((row) => ({ label: label(row), value: row.registrations, caption: count(row.registrations), current: row.current, missing: na })),
      chartAlt(
        e,
        'columns',
        e.t('yoy.chartTitle'),
        rows.map((row) => e.t(row.current ? 'chart.current' : 'chart.value', { label: label(row), value: count(row.registrations) })),
      ),
    );
  }
  const edition = [
    { header: e.t('yoy.edition'), width: 0.36 },
    { header: e.t('yoy.date'), width: 0.19 },
  ];
  layout.subheading(e.t('yoy.attendeesTable'));
  layout.table(
    [
      ...edition,
      { header: e.t('yoy.registrations'), width: 0.15, align: 'right' },
      { header: e.t('yoy.firstTime'), width: 0.15, align: 'right' },
      { header: e.t('yoy.countries'), width: 0.15, align: 'right' },
    ],
    rows.map((row) => [e.name(row.name), e.day(row.startsAt), count(row.registrations), share(row.firstTimePercent), count(row.countries)]),
  );
  layout.subheading(e.t('yoy.programmeTable'));
  layout.table(
    [
      { header: e.t('yoy.edition'), width: 0.3 },
      { header: e.t('yoy.cfp'), width: 0.14, align: 'right' },
      { header: e.t('yoy.acceptance'), width: 0.14, align: 'right' },
      { header: e.t('yoy.sessions'), width: 0.14, align: 'right' },
      { header: e.t('yoy.sponsors'), width: 0.14, align: 'right' },
      { header: e.t('yoy.scholarships'), width: 0.14, align: 'right' },
    ],
    rows.map((row) => [
      e.name(row.name),
      count(row.cfpSubmissions),
      share(row.acceptanceRatePercent),
      count(row.sessions),
      count(row.sponsors),
      count(row.scholarshipsAwarded),
    ]),
  );
}

function organiserFacts(layout: Layout, e: Edition): void {
  const facts = e.report.organiserFacts;
  if (facts.length === 0) return;
  layout.heading(e.t('facts.title'));
  layout.paragraph(e.t('facts.intro'), { color: COLORS.muted });
  layout.group('L', () => facts.forEach((fact) => layout.group('LI', () => organiserFact(layout, e, fact))));
}

/** One entered fact as a list item: its kind the label, then the figure and its source. */
function organiserFact(layout: Layout, e: Edition, fact: OrganiserFact): void {
  const label = e.name(fact.label);
  const unit = fact.unit ? e.name(fact.unit) : null;
  const head = fact.value === null ? label : e.labelled(label, unit ? e.t('facts.valueWithUnit', { value: e.n(fact.value), unit }) : e.n(fact.value));
  const details = [
    fact.source ? e.t('facts.source', { source: fact.source }) : null,
    fact.publishedOn ? e.t('facts.published', { date: e.fmt.date(`${fact.publishedOn}T12:00:00Z`, 'UTC') }) : null,
    fact.language ? e.t('facts.language', { language: e.fmt.languageName(fact.language) }) : null,
    fact.url,
  ].filter((part): part is string => Boolean(part));
  layout.ensure(40);
  layout.doc.fillColor(COLORS.marker).fontSize(7.5);
  layout.mark('Lbl', () =>
    layout.write(layout.fitToWidth(`${e.value('factKind', fact.kind)} · ${e.t('facts.marker')}`, layout.width), layout.left, layout.doc.y, { width: layout.width }),
  );
  layout.group('LBody', () => {
    layout.paragraph(head);
    if (details.length > 0) layout.paragraph(details.join(' · '), { color: COLORS.muted, size: 8 });
  });
}

function privacy(layout: Layout, e: Edition): void {
  const p = e.report.privacy;
  layout.heading(e.t('privacy.title'));
  layout.paragraph(e.t('privacy.threshold', { threshold: e.n(p.threshold) }));
  layout.paragraph(e.t('privacy.percentages'));
  if (p.notes.length === 0) {
    layout.paragraph(e.t('privacy.noChanges'));
    return;
  }
  layout.group('L', () => {
    for (const note of p.notes) {
      const section = e.t(`privacy.sections.${note.section}`);
      if (note.suppressed) layout.bullet(e.t('privacy.suppressed', { section }));
      if (note.mergedGroups > 0) layout.bullet(e.t('privacy.merged', { section }, note.mergedGroups));
    }
  });
}

const PAGE_MARGINS = { top: 56, bottom: 60, left: 56, right: 56 };

/**
 * Renders one complete language edition. Deterministic: the same report gives the same bytes, whenever and
 * wherever it runs. PDFKit derives the document ID from the info dictionary (so from CreationDate, set here from
 * `generatedAt`), and the font subset tag from the font's resource name; nothing else reads the clock or a random
 * source. Synchronous CPU work from start to end: run it in the worker, not in the API process.
 */
export function renderReport(report: TransparencyReport, language: Language): Promise<Buffer> {
  const e = new Edition(language, report);
  const fonts = new ReportFonts(language);
  const generatedAt = new Date(report.generatedAt);
  const title = e.t('meta.title', { event: e.name(report.event.name) });
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: language,
    displayTitle: true,
    // a tagged PDF: the structure tree (layout.ts) gives screen readers the headings, tables, lists and charts
    tagged: true,
    // PDFKit accepts a parsed fontkit font as well as a path or buffer; its typings only list the path.
    font: fonts.primary as unknown as string,
    info: {
      Title: title,
      Subject: e.t('meta.subject', { event: e.name(report.event.name) }),
      Keywords: e.t('meta.keywords'),
      Author: 'Lectern',
      Creator: 'Lectern',
      Producer: 'Lectern (PDFKit)',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const layout = new Layout(doc, fonts, lineBreaking(language));
  cover(layout, e);
  headline(layout, e);
  attendees(layout, e);
  content(layout, e);
  speakers(layout, e);
  diversity(layout, e);
  partners(layout, e);
  yearOverYear(layout, e);
  organiserFacts(layout, e);
  privacy(layout, e);
  layout.finish();
  layout.pageNumbers((page, pages) => e.t('footer.page', { page: e.n(page), pages: e.n(pages) }));
  doc.end();
  return done;
}
