import { Language } from '@lectern/i18n/i18n';
import { ContentSection, Dimension, Distribution, Money, OTHER_KEY, TransparencyReport } from '@reports/report.model';
import { Edition, changeSentences, programmeLabel, summaryClauses } from './render-report';

/**
 * The web edition: the same report model as the PDFs, as one self-contained HTML page per language (inline CSS,
 * charts as inline SVG with a text equivalent, no script, no external asset). Every figure is a `<data>` element
 * whose `value` is the JSON's number and whose `data-path` is where the JSON holds it, so a machine can check the
 * page against the JSON and a reader sees it formatted for the locale.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

class Page {
  private readonly parts: string[] = [];
  private ids = 0;

  constructor(readonly e: Edition) {}

  add(html: string): void {
    this.parts.push(html);
  }

  id(prefix: string): string {
    return `${prefix}-${++this.ids}`;
  }

  html(): string {
    return this.parts.join('\n');
  }

  /** A count, in a `<data>` element carrying the JSON's value and path. */
  n(path: string, value: number): string {
    return `<data value="${value}" data-path="${esc(path)}">${esc(this.e.n(value))}</data>`;
  }

  /** A percentage, or "n/a" (not a figure, so no `<data>`) when the JSON holds null. */
  pct(path: string, value: number | null): string {
    return value === null ? esc(this.e.t('common.notAvailable')) : `<data value="${value}" data-path="${esc(path)}">${esc(this.e.pct(value))}</data>`;
  }

  money(path: string, amounts: Money[]): string {
    return amounts.map((m, i) => `<data value="${m.minor}" data-path="${esc(`${path}[${i}].minor`)}">${esc(this.e.fmt.money(m))}</data>`).join(' + ');
  }

  /** A report.json text with markup in its variables: the text is escaped, the markup is not. */
  t(key: string, vars: Record<string, string> = {}, count?: number): string {
    const tokens = Object.keys(vars);
    const placeholders = Object.fromEntries(tokens.map((name, i) => [name, `\uE000${i}\uE001`]));
    const text = esc(this.e.t(key, placeholders, count));
    return text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => vars[tokens[Number(i)]]);
  }

  table(caption: string, headers: string[], rows: string[][], numeric: boolean[]): void {
    const head = headers.map((h, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${h}</th>`).join('');
    const body = rows
      .map((cells) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric[i] ? ' class="num"' : ''}>${cell}</td>`)).join('')}</tr>`)
      .join('\n');
    this.add(`<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
  }

  /** Horizontal bars; the SVG's title and description say every figure, and the table beside it holds them too. */
  bars(title: string, bars: { label: string; value: number; caption: string }[]): void {
    const id = this.id('chart');
    const row = 22;
    const height = bars.length * row + 4;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const shapes = bars
      .map((bar, i) => {
        const y = i * row + 4;
        const width = Math.max((bar.value / max) * 300, bar.value > 0 ? 1 : 0);
        return `<text x="0" y="${y + 13}">${esc(bar.label)}</text><rect x="200" y="${y + 3}" width="300" height="12" fill="#e4e7eb"/><rect x="200" y="${y + 3}" width="${width.toFixed(1)}" height="12" fill="#3b7dd8"/><text x="508" y="${y + 13}">${esc(bar.caption)}</text>`;
      })
      .join('');
    const description = bars.map((b) => `${b.label}: ${b.caption}`).join('; ');
    this.add(
      `<figure><svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 640 ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${shapes}</svg></figure>`,
    );
  }
}

function distribution(page: Page, title: string, path: string, d: Distribution | null): void {
  if (!d) return;
  const { e } = page;
  page.add(`<h3>${esc(title)}</h3>`);
  if (d.privacy.suppressed) {
    page.add(`<p>${page.t('common.suppressed', { respondents: page.n(`${path}.respondents`, d.respondents), notAnswered: page.n(`${path}.notAnswered`, d.notAnswered), threshold: page.n('privacy.threshold', e.report.privacy.threshold) })}</p>`);
    merged(page, title, path, d);
    return;
  }
  const label = (dimension: Dimension, i: number) => {
    const item = d.items[i];
    if (item.key === OTHER_KEY) return page.t('common.other', { n: page.n(`${path}.items[${i}].groups`, item.groups ?? 0) }, item.groups ?? 0);
    return esc(e.item(dimension, item));
  };
  if (d.items.length > 0) {
    page.bars(title, d.items.map((item) => ({ label: e.item(d.dimension, item), value: item.count, caption: `${e.n(item.count)} · ${e.pct(item.percent)}` })));
    page.table(
      esc(title),
      [esc(title), esc(e.t('common.count')), esc(e.t('common.share'))],
      d.items.map((item, i) => [label(d.dimension, i), page.n(`${path}.items[${i}].count`, item.count), page.pct(`${path}.items[${i}].percent`, item.percent)]),
      [false, true, true],
    );
  } else page.add(`<p>${esc(e.t('common.none'))}</p>`);
  page.add(`<p class="note">${page.t('common.basis', { respondents: page.n(`${path}.respondents`, d.respondents), notAnswered: page.n(`${path}.notAnswered`, d.notAnswered) })}</p>`);
  merged(page, title, path, d);
}

function merged(page: Page, title: string, path: string, d: Distribution): void {
  if (d.privacy.mergedGroups === 0) return;
  page.add(`<p class="note">${page.t('privacy.merged', { section: esc(title), n: page.n(`${path}.privacy.mergedGroups`, d.privacy.mergedGroups) }, d.privacy.mergedGroups)}</p>`);
}

function headline(page: Page): void {
  const { e } = page;
  const h = e.report.headline;
  page.add(`<h2>${esc(e.t('summary.title'))}</h2>`);
  page.add(`<p>${esc(summaryClauses(e).join(e.t('summary.separator')) + e.t('summary.end'))}</p>`);
  const figures: [string, string][] = [[page.n('headline.registrations', h.registrations), esc(e.t('kpi.registrations'))]];
  const ft = h.firstTimeAttendees;
  if (ft) {
    figures.push([
      page.pct('headline.firstTimeAttendees.percent', ft.percent),
      `${esc(e.t('kpi.firstTime'))} (${ft.count === null ? '' : `${page.n('headline.firstTimeAttendees.count', ft.count)} / `}${page.t('kpi.firstTimeBasis', { respondents: page.n('headline.firstTimeAttendees.respondents', ft.respondents) })})`,
    ]);
  }
  if (h.countries !== null && h.continents !== null) {
    figures.push([page.n('headline.countries', h.countries), page.t('kpi.continents', { n: page.n('headline.continents', h.continents) }, h.continents)]);
  }
  const count = (field: 'virtualRegistrations' | 'cfpSubmissions' | 'sponsors' | 'communityPartners' | 'colocatedEvents' | 'mediaAndAnalysts', label: string) => {
    const value = h[field];
    if (value !== null) figures.push([page.n(`headline.${field}`, value), esc(e.t(label))]);
  };
  count('virtualRegistrations', 'kpi.virtual');
  count('cfpSubmissions', 'kpi.cfp');
  if (h.acceptanceRatePercent !== null) figures.push([page.pct('headline.acceptanceRatePercent', h.acceptanceRatePercent), esc(e.t('kpi.acceptance'))]);
  count('sponsors', 'kpi.sponsors');
  count('communityPartners', 'kpi.communityPartners');
  count('colocatedEvents', 'kpi.colocated');
  count('mediaAndAnalysts', 'kpi.media');
  const change = h.registrationsChange;
  if (change) {
    figures.push([
      `${page.n('headline.registrationsChange.delta', change.delta)} · ${page.pct('headline.registrationsChange.deltaPercent', change.deltaPercent)}`,
      page.t('kpi.previous', { previous: esc(e.name(change.previousName)), count: page.n('headline.registrationsChange.previousRegistrations', change.previousRegistrations) }),
    ]);
  }
  if (h.topCountry) {
    figures.push([
      page.pct('headline.topCountry.percent', h.topCountry.percent),
      `${esc(e.t('kpi.topCountry', { country: e.fmt.country(h.topCountry.key) }))} (${page.n('headline.topCountry.count', h.topCountry.count)})`,
    ]);
  }
  if (h.topCompanySize) {
    figures.push([
      page.pct('headline.topCompanySize.percent', h.topCompanySize.percent),
      `${esc(e.t('kpi.companySize', { size: e.item('companySize', h.topCompanySize) }))} (${page.n('headline.topCompanySize.count', h.topCompanySize.count)})`,
    ]);
  }
  h.mediaLanguages.forEach((item, i) => {
    figures.push([`${page.n(`headline.mediaLanguages[${i}].count`, item.count)} · ${page.pct(`headline.mediaLanguages[${i}].percent`, item.percent)}`, esc(e.item('mediaLanguage', item))]);
  });
  h.sessionsByFormat.forEach((s, i) => figures.push([page.n(`headline.sessionsByFormat[${i}].count`, s.count), esc(e.value('sessionFormat', s.key, s))]));
  if (h.scholarshipsAwarded !== null) figures.push([page.n('headline.scholarshipsAwarded', h.scholarshipsAwarded), esc(e.t('kpi.scholarships'))]);
  page.add(`<dl class="figures">${figures.map(([value, label]) => `<div><dt>${label}</dt><dd>${value}</dd></div>`).join('')}</dl>`);
}

function attendees(page: Page): void {
  const { e } = page;
  const a = e.report.attendees;
  page.add(`<h2>${esc(e.t('attendees.title'))}</h2>`);
  page.table(
    esc(e.t('attendees.overview')),
    [esc(e.t('attendees.overview')), esc(e.t('common.count'))],
    [
      [esc(e.t('attendees.inPerson')), page.n('attendees.inPerson', a.inPerson)],
      ...(a.virtual === null ? [] : [[esc(e.t('attendees.virtual')), page.n('attendees.virtual', a.virtual)]]),
      [esc(e.t('attendees.registrations')), page.n('attendees.registrations', a.registrations)],
    ],
    [false, true],
  );
  const checkIn = a.checkIn;
  if (checkIn) {
    page.add(
      `<p>${esc(e.t('attendees.checkIn'))}: ${page.t('attendees.checkInDetail', { checkedIn: page.n('attendees.checkIn.checkedIn', checkIn.checkedIn), eligible: page.n('attendees.checkIn.eligible', checkIn.eligible), percent: page.pct('attendees.checkIn.percent', checkIn.percent) })}</p>`,
    );
  }
  const ft = a.firstTime;
  if (ft) {
    const first = ft.suppressed
      ? page.t('attendees.firstTimeSuppressed', { threshold: page.n('privacy.threshold', e.report.privacy.threshold), respondents: page.n('attendees.firstTime.respondents', ft.respondents) })
      : page.t('attendees.firstTimeDetail', { count: page.n('attendees.firstTime.count', ft.count ?? 0), respondents: page.n('attendees.firstTime.respondents', ft.respondents), percent: page.pct('attendees.firstTime.percent', ft.percent) });
    page.add(`<p>${esc(e.t('attendees.firstTime'))}: ${first}</p>`);
  }
  if (a.countries) {
    distribution(page, e.t('attendees.countries'), 'attendees.countries', a.countries);
    page.add(`<p>${page.t('attendees.countryCount', { n: page.n('attendees.countryCount', a.countryCount) }, a.countryCount)} ${page.t('attendees.topCountries', { n: page.n('choices.topCountries', e.report.choices.topCountries) })}</p>`);
  }
  distribution(page, e.t('attendees.continents'), 'attendees.continents', a.continents);
  distribution(page, e.t('attendees.companySize'), 'attendees.companySize', a.companySize);
  distribution(page, e.t('attendees.ticketMix'), 'attendees.ticketMix', a.ticketMix);
  distribution(page, e.t('attendees.jobFunction'), 'attendees.jobFunction', a.jobFunction);
  distribution(page, e.t('attendees.industry'), 'attendees.industry', a.industry);
}

function content(page: Page): void {
  const { e } = page;
  const c = e.report.content;
  if (c) programme(page, c);
  sharedAndOrigins(page);
}

/** The CFP (when held) and the sessions held. */
function programme(page: Page, c: ContentSection): void {
  const { e } = page;
  page.add(`<h2>${esc(e.t('content.title'))}</h2>`);
  const cfp =
    c.submissions === null || c.accepted === null
      ? []
      : [
          [esc(e.t('content.submissions')), page.n('content.submissions', c.submissions)],
          [esc(e.t('content.accepted')), page.n('content.accepted', c.accepted)],
          [esc(e.t('content.acceptanceRate')), page.pct('content.acceptanceRatePercent', c.acceptanceRatePercent)],
        ];
  page.table(
    esc(e.t('content.title')),
    [esc(e.t('content.title')), esc(e.t('common.quantity'))],
    [
      ...cfp,
      [esc(e.t('content.sessions')), page.n('content.sessions', c.sessions)],
      [esc(e.t('content.speakers')), page.n('content.speakers', c.speakers)],
      [esc(e.t('content.firstTimeSpeakers')), page.t('content.firstTimeSpeakersDetail', { count: page.n('content.firstTimeSpeakers', c.firstTimeSpeakers), percent: page.pct('content.firstTimeSpeakersPercent', c.firstTimeSpeakersPercent) })],
    ],
    [false, true],
  );
  page.add(`<h3>${esc(e.t('content.sessionsByFormat'))}</h3>`);
  if (c.sessionsByFormat.length > 0) {
    page.bars(e.t('content.sessionsByFormat'), c.sessionsByFormat.map((s) => ({ label: e.value('sessionFormat', s.key, s), value: s.count, caption: e.n(s.count) })));
    page.table(esc(e.t('content.sessionsByFormat')), [esc(e.t('content.format')), esc(e.t('common.count'))], c.sessionsByFormat.map((s, i) => [esc(e.value('sessionFormat', s.key, s)), page.n(`content.sessionsByFormat[${i}].count`, s.count)]), [false, true]);
  }
  if (c.submissions === null) return;
  for (const [title, group, key, header] of [
    [e.t('content.byTrack'), 'track', 'byTrack', e.t('content.track')],
    [e.t('content.byFormat'), 'sessionFormat', 'byFormat', e.t('content.format')],
  ] as const) {
    page.add(`<h3>${esc(title)}</h3>`);
    page.table(
      esc(title),
      [esc(header), esc(e.t('content.submissions')), esc(e.t('content.accepted')), esc(e.t('content.acceptanceRate'))],
      c[key].map((row, i) => [
        esc(e.value(group, row.key, row)),
        page.n(`content.${key}[${i}].submissions`, row.submissions),
        page.n(`content.${key}[${i}].accepted`, row.accepted),
        page.pct(`content.${key}[${i}].acceptanceRatePercent`, row.acceptanceRatePercent),
      ]),
      [false, true, true, true],
    );
  }
}

function sharedAndOrigins(page: Page): void {
  const { e } = page;
  const shared = e.report.sharedCfp;
  if (shared) {
    page.add(`<h3>${esc(e.t('content.sharedCfp.title'))}</h3>`);
    page.table(esc(e.t('content.sharedCfp.title')), [esc(e.t('content.title')), esc(e.t('common.quantity'))], [
      [esc(e.t('content.sharedCfp.offered')), page.n('sharedCfp.offered', shared.offered)],
      [esc(e.t('content.sharedCfp.accepted')), page.n('sharedCfp.accepted', shared.accepted)],
      [esc(e.t('content.acceptanceRate')), page.pct('sharedCfp.acceptanceRatePercent', shared.acceptanceRatePercent)],
      [esc(e.t('content.sharedCfp.confirmed')), page.n('sharedCfp.confirmed', shared.confirmed)],
      [esc(e.t('content.sharedCfp.declined')), page.n('sharedCfp.declined', shared.declined)],
    ], [false, true]);
  }
  const o = e.report.speakerOrigins;
  if (o) {
    const rows = [
      [esc(e.t('content.speakerOrigins.speakers')), page.n('speakerOrigins.speakers', o.speakers)],
      [esc(e.t('content.speakerOrigins.withCountry')), page.n('speakerOrigins.local.respondents', o.local.respondents)],
      [esc(e.t('content.speakerOrigins.withoutCountry')), page.n('speakerOrigins.withoutCountry', o.withoutCountry)],
    ];
    if (!o.local.suppressed) {
      rows.push(
        [esc(e.t('content.speakerOrigins.local', { country: e.fmt.country(e.report.event.country) })), page.t('content.speakerOrigins.detail', { count: page.n('speakerOrigins.local.count', o.local.count ?? 0), percent: page.pct('speakerOrigins.local.percent', o.local.percent) })],
        [esc(e.t('content.speakerOrigins.international')), page.n('speakerOrigins.international', o.international ?? 0)],
      );
    }
    page.add(`<h3>${esc(e.t('content.speakerOrigins.title'))}</h3>`);
    page.table(esc(e.t('content.speakerOrigins.title')), [esc(e.t('content.title')), esc(e.t('common.quantity'))], rows, [false, true]);
  }
}

function diversity(page: Page): void {
  const { e } = page;
  const d = e.report.diversity;
  if (!d.gender && !d.scholarships) return;
  page.add(`<h2>${esc(e.t('diversity.title'))}</h2>`);
  distribution(page, e.t('diversity.gender'), 'diversity.gender', d.gender);
  const s = d.scholarships;
  if (!s) return;
  page.add(`<h3>${esc(e.t('diversity.scholarships'))}</h3>`);
  page.table(
    esc(e.t('diversity.scholarships')),
    [e.t('diversity.programme'), e.t('diversity.kind'), e.t('diversity.applications'), e.t('diversity.awards'), e.t('diversity.funds')].map(esc),
    [
      ...s.programmes.map((row, i) => [
        row.key === OTHER_KEY ? page.t('diversity.otherProgrammes', { groups: page.n(`diversity.scholarships.programmes[${i}].groups`, row.groups ?? 0) }) : esc(programmeLabel(e, row)),
        row.kind ? esc(e.value('scholarshipKind', row.kind)) : '',
        page.n(`diversity.scholarships.programmes[${i}].applications`, row.applications),
        page.n(`diversity.scholarships.programmes[${i}].awards`, row.awards),
        page.money(`diversity.scholarships.programmes[${i}].fundsGranted`, row.fundsGranted),
      ]),
      [esc(e.t('common.total')), '', page.n('diversity.scholarships.applications', s.applications), page.n('diversity.scholarships.awards', s.awards), page.money('diversity.scholarships.fundsGranted', s.fundsGranted)],
    ],
    [false, false, true, true, true],
  );
  if (s.privacy.mergedGroups > 0) page.add(`<p class="note">${page.t('privacy.merged', { section: esc(e.t('privacy.sections.diversity.scholarships')), n: page.n('diversity.scholarships.privacy.mergedGroups', s.privacy.mergedGroups) }, s.privacy.mergedGroups)}</p>`);
}

function partners(page: Page): void {
  const { e } = page;
  const p = e.report.partners;
  if (!p.sponsors && !p.communityPartners && !p.media && p.colocatedEvents.length === 0) return;
  page.add(`<h2>${esc(e.t('partners.title'))}</h2>`);
  if (p.sponsors) {
    page.table(
      esc(e.t('partners.sponsors')),
      [e.t('partners.tier'), e.t('common.quantity'), e.t('partners.names')].map(esc),
      p.sponsors.byTier.map((row, i) => [esc(e.value('sponsorTier', row.tier)), page.n(`partners.sponsors.byTier[${i}].count`, row.count), esc(e.fmt.names(row.names))]),
      [false, true, false],
    );
    page.add(`<p>${page.t('partners.sponsorTotal', { n: page.n('partners.sponsors.total', p.sponsors.total) }, p.sponsors.total)}</p>`);
  }
  if (p.communityPartners) {
    page.add(`<h3>${esc(e.t('partners.communityPartners'))}</h3>`);
    page.add(`<p>${page.t('partners.communityPartnerTotal', { n: page.n('partners.communityPartners.total', p.communityPartners.total), names: esc(e.fmt.join(p.communityPartners.names)) }, p.communityPartners.total)}</p>`);
  }
  if (p.media) {
    page.add(`<h3>${esc(e.t('partners.media'))}</h3>`);
    page.add(`<p>${page.t('partners.mediaDetail', { total: page.n('partners.media.total', p.media.total), media: page.n('partners.media.media', p.media.media), analysts: page.n('partners.media.analysts', p.media.analysts) })}</p>`);
    distribution(page, e.t('partners.mediaLanguages'), 'partners.media.byLanguage', p.media.byLanguage);
  }
  if (p.colocatedEvents.length > 0) {
    page.add(`<h3>${esc(e.t('partners.colocated'))}</h3>`);
    page.table(
      esc(e.t('partners.colocated')),
      [e.t('partners.colocatedEvent'), e.t('partners.colocatedDate'), e.t('partners.colocatedRegistrations')].map(esc),
      p.colocatedEvents.map((row, i) => [esc(e.name(row.name)), esc(e.day(row.startsAt)), page.n(`partners.colocatedEvents[${i}].registrations`, row.registrations)]),
      [false, false, true],
    );
  }
}

function trends(page: Page): void {
  const { e } = page;
  const rows = e.report.yearOverYear;
  if (rows.length === 0) return;
  const na = esc(e.t('common.notAvailable'));
  page.add(`<h2>${esc(e.t('yoy.title'))}</h2>`);
  page.add(`<p>${esc(e.t(rows.length < 2 ? 'yoy.firstEdition' : 'yoy.intro'))}</p>`);
  page.bars(
    e.t('yoy.chartTitle'),
    rows.map((row) => ({ label: e.fmt.month(row.startsAt, e.report.event.timezone), value: row.registrations ?? 0, caption: row.registrations === null ? e.t('common.notAvailable') : e.n(row.registrations) })),
  );
  const count = (path: string, value: number | null) => (value === null ? na : page.n(path, value));
  const share = (path: string, value: number | null) => (value === null ? na : page.pct(path, value));
  page.table(
    esc(e.t('yoy.title')),
    ['yoy.edition', 'yoy.registrations', 'yoy.firstTime', 'yoy.countries', 'yoy.cfp', 'yoy.acceptance', 'yoy.sessions', 'yoy.sponsors', 'yoy.scholarships'].map((key) => esc(e.t(key))),
    rows.map((row, i) => {
      const at = (field: string) => `yearOverYear[${i}].${field}`;
      return [
        `${esc(e.name(row.name))}<br><small>${esc(e.day(row.startsAt))}</small>`,
        count(at('registrations'), row.registrations),
        share(at('firstTimePercent'), row.firstTimePercent),
        count(at('countries'), row.countries),
        count(at('cfpSubmissions'), row.cfpSubmissions),
        share(at('acceptanceRatePercent'), row.acceptanceRatePercent),
        count(at('sessions'), row.sessions),
        count(at('sponsors'), row.sponsors),
        count(at('scholarshipsAwarded'), row.scholarshipsAwarded),
      ];
    }),
    [false, true, true, true, true, true, true, true, true],
  );
}

function factsAndPrivacy(page: Page): void {
  const { e } = page;
  const facts = e.report.organiserFacts;
  if (facts.length > 0) {
    page.add(`<h2>${esc(e.t('facts.title'))}</h2><p>${esc(e.t('facts.intro'))}</p><ul>`);
    facts.forEach((fact, i) => {
      const value = fact.value === null ? '' : `: ${fact.unit ? page.t('facts.valueWithUnit', { value: page.n(`organiserFacts[${i}].value`, fact.value), unit: esc(e.name(fact.unit)) }) : page.n(`organiserFacts[${i}].value`, fact.value)}`;
      const details = [fact.source ? esc(e.t('facts.source', { source: fact.source })) : null, fact.url ? `<a href="${esc(fact.url)}">${esc(fact.url)}</a>` : null].filter(Boolean).join(' · ');
      page.add(`<li><strong>${esc(e.value('factKind', fact.kind))} · ${esc(e.t('facts.marker'))}</strong> ${esc(e.name(fact.label))}${value}${details ? ` <small>${details}</small>` : ''}</li>`);
    });
    page.add('</ul>');
  }
  const p = e.report.privacy;
  page.add(`<h2>${esc(e.t('privacy.title'))}</h2>`);
  page.add(`<p>${page.t('privacy.threshold', { threshold: page.n('privacy.threshold', p.threshold) })} ${esc(e.t('privacy.percentages'))}</p><ul>`);
  p.notes.forEach((note, i) => {
    const section = esc(e.t(`privacy.sections.${note.section}`));
    if (note.suppressed) page.add(`<li>${page.t('privacy.suppressed', { section })}</li>`);
    if (note.mergedGroups > 0) page.add(`<li>${page.t('privacy.merged', { section, n: page.n(`privacy.notes[${i}].mergedGroups`, note.mergedGroups) }, note.mergedGroups)}</li>`);
  });
  page.add('</ul>');
}

const STYLE = `body{font-family:system-ui,"Noto Sans SC","Noto Sans JP","Noto Sans KR",sans-serif;color:#1f2933;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1,h2{color:#1d4e89}h2{border-bottom:1px solid #1d4e89;margin-top:2.5rem}table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:600}th,td{padding:.25rem .5rem;border-bottom:1px solid #cbd2d9;text-align:left;vertical-align:top}
.num{text-align:right}.note,small{color:#52606d}.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem}
.figures div{background:#f0f4f8;padding:.5rem;border-radius:4px}.figures dd{margin:0;font-size:1.4rem;color:#1d4e89}
svg text{font-size:12px;fill:#1f2933}figure{margin:1rem 0}`;

/** One complete language edition as an HTML document (UTF-8). Deterministic: the same report gives the same text. */
export function renderHtml(report: TransparencyReport, language: Language): string {
  const e = new Edition(language, report);
  const page = new Page(e);
  const event = report.event;
  page.add(`<header><p>${esc(e.t('cover.kicker'))}</p><h1>${esc(e.name(event.name))}</h1>`);
  const place = e.t('cover.place', { city: e.name(event.city), country: e.fmt.country(event.country) });
  const dates = e.days(event.startsAt, event.endsAt);
  page.add(`<p>${esc([place, event.venue && e.name(event.venue), dates].filter(Boolean).join(' · '))}</p>`);
  page.add(`<p class="note">${esc(e.t('cover.generated', { date: e.fmt.date(report.generatedAt, 'UTC') }))}</p><p>${esc(e.t('cover.intro'))}</p>`);
  if (report.choices.introduction) page.add(`<h2>${esc(e.t('cover.organisers'))}</h2><p>${esc(e.name(report.choices.introduction))}</p>`);
  const changes = changeSentences(e);
  if (changes.length > 0) page.add(`<section aria-labelledby="changes"><h2 id="changes">${esc(e.t('changes.title'))}</h2><ul>${changes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></section>`);
  page.add('</header><main>');
  headline(page);
  attendees(page);
  content(page);
  diversity(page);
  partners(page);
  trends(page);
  factsAndPrivacy(page);
  page.add('</main>');
  const title = esc(e.t('meta.title', { event: e.name(event.name) }));
  return `<!DOCTYPE html>\n<html lang="${esc(language)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${page.html()}\n</body>\n</html>\n`;
}
