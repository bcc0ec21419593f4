"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportInputError = void 0;
exports.buildReport = buildReport;
const continents_1 = require("./continents");
const report_model_1 = require("./report.model");
const stats_1 = require("./stats");
/** The aggregates contradict each other: a bug in the statistics, never something to render. */
class ReportInputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReportInputError';
    }
}
exports.ReportInputError = ReportInputError;
const iso = (value) => {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime()))
        throw new ReportInputError(`not a date: ${String(value)}`);
    return date.toISOString();
};
const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function requireWhole(value, what) {
    if (!Number.isInteger(value) || value < 0)
        throw new ReportInputError(`${what} must be a whole number >= 0, got ${value}`);
}
function sum(values) {
    return values.reduce((a, b) => a + b, 0);
}
function checkAnswers(answers, total, what) {
    const answered = sum(answers.groups.map((g) => g.count));
    if (answered + answers.notAnswered !== total) {
        throw new ReportInputError(`${what}: ${answered} answers + ${answers.notAnswered} without = ${answered + answers.notAnswered}, not ${total} registrations`);
    }
}
function acceptanceRows(rows, what) {
    return rows
        .map((row) => {
        requireWhole(row.submissions, `${what} ${row.key} submissions`);
        requireWhole(row.accepted, `${what} ${row.key} accepted`);
        if (row.accepted > row.submissions)
            throw new ReportInputError(`${what} ${row.key}: more accepted than submitted`);
        const result = {
            key: row.key,
            submissions: row.submissions,
            accepted: row.accepted,
            acceptanceRatePercent: (0, stats_1.percent)(row.accepted, row.submissions),
        };
        if (row.name)
            result.name = row.name;
        if (row.nameZh)
            result.nameZh = row.nameZh;
        return result;
    })
        .sort((a, b) => b.submissions - a.submissions || byKey(a.key, b.key));
}
function addMoney(amounts) {
    const totals = new Map();
    for (const { currency, minor } of amounts)
        totals.set(currency, (totals.get(currency) ?? 0) + minor);
    return [...totals.entries()].sort(([a], [b]) => byKey(a, b)).map(([currency, minor]) => ({ currency, minor }));
}
const FACT_ORDER = { FIGURE: 0, PRESS_CLIPPING: 1, NOTE: 2 };
function buildReport(input) {
    const threshold = (0, stats_1.checkThreshold)(input.privacyThreshold ?? stats_1.DEFAULT_PRIVACY_THRESHOLD);
    const topCountries = input.topCountries ?? 10;
    const regs = input.registrations;
    for (const [key, value] of Object.entries(regs))
        requireWhole(value, `registrations.${key}`);
    if (regs.inPerson + regs.virtual !== regs.total) {
        throw new ReportInputError(`registrations: ${regs.inPerson} in person + ${regs.virtual} virtual is not ${regs.total}`);
    }
    if (regs.checkedIn > regs.inPerson)
        throw new ReportInputError('more check-ins than in-person registrations');
    if (input.firstTime.respondents > regs.total)
        throw new ReportInputError('more first-time answers than registrations');
    checkAnswers(input.countries, regs.total, 'countries');
    checkAnswers(input.companySize, regs.total, 'companySize');
    checkAnswers(input.jobFunction, regs.total, 'jobFunction');
    checkAnswers(input.industry, regs.total, 'industry');
    checkAnswers(input.gender, regs.total, 'gender');
    checkAnswers({ groups: input.ticketTypes, notAnswered: 0 }, regs.total, 'ticketTypes');
    const event = { ...input.event, startsAt: iso(input.event.startsAt), endsAt: iso(input.event.endsAt) };
    const dist = (dimension, answers, limit) => (0, stats_1.buildDistribution)(dimension, answers.groups, answers.notAnswered, { threshold, limit });
    // Attendees
    const countryGroups = input.countries.groups.map((g) => ({ ...g, key: g.key.toUpperCase() }));
    const continentCounts = new Map();
    for (const group of countryGroups) {
        const continent = (0, continents_1.continentOf)(group.key);
        if (!continent)
            throw new ReportInputError(`unknown country code ${group.key}`);
        continentCounts.set(continent, (continentCounts.get(continent) ?? 0) + group.count);
    }
    const countries = dist('country', { groups: countryGroups, notAnswered: input.countries.notAnswered }, topCountries);
    const continents = dist('continent', {
        groups: continents_1.CONTINENTS.filter((c) => continentCounts.has(c)).map((key) => ({ key, count: continentCounts.get(key) })),
        notAnswered: input.countries.notAnswered,
    });
    const companySize = dist('companySize', input.companySize);
    const jobFunction = dist('jobFunction', input.jobFunction);
    const industry = dist('industry', input.industry);
    const firstTime = (0, stats_1.binaryShare)(input.firstTime.yes, input.firstTime.respondents, threshold);
    const ticketMix = dist('ticketType', { groups: input.ticketTypes, notAnswered: 0 });
    // Content
    const subs = input.submissions;
    requireWhole(subs.total, 'submissions.total');
    requireWhole(subs.accepted, 'submissions.accepted');
    if (subs.accepted > subs.total)
        throw new ReportInputError('more accepted than submitted');
    const sessionsByFormat = input.sessionsByFormat
        .map((s) => {
        requireWhole(s.count, `sessions ${s.key}`);
        return { ...s };
    })
        .filter((s) => s.count > 0)
        .sort((a, b) => b.count - a.count || byKey(a.key, b.key));
    requireWhole(input.speakers.total, 'speakers.total');
    requireWhole(input.speakers.firstTime, 'speakers.firstTime');
    if (input.speakers.firstTime > input.speakers.total)
        throw new ReportInputError('more first-time speakers than speakers');
    // Diversity and scholarships
    const gender = dist('gender', input.gender);
    const programmes = input.scholarshipProgrammes
        .map((p) => {
        requireWhole(p.applications, `scholarship ${p.key} applications`);
        requireWhole(p.awards, `scholarship ${p.key} awards`);
        requireWhole(p.fundsGrantedMinor, `scholarship ${p.key} funds`);
        const row = {
            key: p.key,
            kind: p.kind,
            applications: p.applications,
            awards: p.awards,
            fundsGranted: [{ currency: p.currency, minor: p.fundsGrantedMinor }],
            groups: 1,
        };
        if (p.name)
            row.name = p.name;
        if (p.nameZh)
            row.nameZh = p.nameZh;
        return row;
    })
        .sort((a, b) => b.awards - a.awards || b.applications - a.applications || byKey(a.key, b.key));
    const mergedProgrammes = (0, stats_1.mergeSmallGroups)(programmes, {
        threshold,
        sizes: (row) => [row.awards, row.applications],
        combine: (rows) => ({
            key: report_model_1.OTHER_KEY,
            kind: null,
            applications: sum(rows.map((r) => r.applications)),
            awards: sum(rows.map((r) => r.awards)),
            fundsGranted: addMoney(rows.flatMap((r) => r.fundsGranted)),
            groups: sum(rows.map((r) => r.groups)),
        }),
    });
    const programmeRows = mergedProgrammes.suppressed
        ? []
        : [...mergedProgrammes.kept, ...(mergedProgrammes.other ? [mergedProgrammes.other] : [])].map(({ groups, ...row }) => row.key === report_model_1.OTHER_KEY ? { ...row, groups } : row);
    const scholarshipAwards = sum(programmes.map((p) => p.awards));
    // Partners, media, co-located events
    const byTier = report_model_1.SPONSOR_TIERS.map((tier) => {
        const names = input.sponsors.filter((s) => s.tier === tier).map((s) => s.name).sort(nameOrder.compare);
        return { tier, count: names.length, names };
    }).filter((row) => row.count > 0);
    if (sum(byTier.map((r) => r.count)) !== input.sponsors.length)
        throw new ReportInputError('sponsor with an unknown tier');
    const partnerNames = input.communityPartners.map((p) => p.name).sort(nameOrder.compare);
    const languageCounts = new Map();
    let mediaCount = 0;
    let analystCount = 0;
    for (const row of input.media) {
        requireWhole(row.count, `media ${row.language}`);
        const language = row.language.toLowerCase();
        languageCounts.set(language, (languageCounts.get(language) ?? 0) + row.count);
        if (row.kind === 'ANALYST')
            analystCount += row.count;
        else
            mediaCount += row.count;
    }
    const mediaByLanguage = dist('mediaLanguage', {
        groups: [...languageCounts.entries()].map(([key, count]) => ({ key, count })),
        notAnswered: 0,
    });
    const colocatedEvents = input.colocatedEvents
        .map((e) => {
        requireWhole(e.registrations, `co-located ${e.slug} registrations`);
        return { slug: e.slug, name: e.name, nameZh: e.nameZh, startsAt: iso(e.startsAt), registrations: e.registrations };
    })
        .sort((a, b) => byKey(a.startsAt, b.startsAt) || byKey(a.slug, b.slug));
    // Year over year
    const earlier = input.previousEditions
        .map((e) => ({ ...e, startsAt: iso(e.startsAt) }))
        .filter((e) => e.startsAt < event.startsAt)
        .sort((a, b) => byKey(a.startsAt, b.startsAt) || byKey(a.slug, b.slug));
    earlier.forEach((e) => requireWhole(e.registrations, `${e.slug} registrations`));
    const yearOverYear = [
        ...earlier.map((e) => ({ ...e, current: false })),
        {
            slug: event.slug,
            name: event.name,
            nameZh: event.nameZh,
            startsAt: event.startsAt,
            registrations: regs.total,
            cfpSubmissions: subs.total,
            sponsors: input.sponsors.length,
            current: true,
        },
    ];
    const previous = earlier[earlier.length - 1];
    const registrationsChange = previous
        ? {
            previousSlug: previous.slug,
            previousName: previous.name,
            previousNameZh: previous.nameZh,
            previousRegistrations: previous.registrations,
            delta: regs.total - previous.registrations,
            deltaPercent: (0, stats_1.percent)(regs.total - previous.registrations, previous.registrations),
        }
        : null;
    const organiserFacts = input.organiserFacts
        .map((f) => ({ ...f, enteredAt: iso(f.enteredAt) }))
        .sort((a, b) => FACT_ORDER[a.kind] - FACT_ORDER[b.kind] || byKey(a.enteredAt, b.enteredAt) || byKey(a.label, b.label));
    const firstItem = (d) => d.items.length > 0 && d.items[0].key !== report_model_1.OTHER_KEY ? d.items[0] : null;
    const topCountryItem = firstItem(countries);
    const notes = [];
    const note = (section, outcome) => {
        if (outcome.mergedGroups > 0 || outcome.suppressed)
            notes.push({ section, ...outcome });
    };
    note('attendees.countries', countries.privacy);
    note('attendees.continents', continents.privacy);
    note('attendees.firstTime', { mergedGroups: 0, suppressed: firstTime.suppressed });
    note('attendees.companySize', companySize.privacy);
    note('attendees.jobFunction', jobFunction.privacy);
    note('attendees.industry', industry.privacy);
    note('attendees.ticketMix', ticketMix.privacy);
    note('diversity.gender', gender.privacy);
    note('diversity.scholarships', { mergedGroups: mergedProgrammes.mergedForPrivacy, suppressed: mergedProgrammes.suppressed });
    note('partners.media', mediaByLanguage.privacy);
    const acceptanceRatePercent = (0, stats_1.percent)(subs.accepted, subs.total);
    return {
        format: report_model_1.REPORT_FORMAT,
        generatedAt: iso(input.generatedAt),
        event,
        headline: {
            registrations: regs.total,
            registrationsChange,
            firstTimeAttendees: firstTime,
            countries: countryGroups.filter((g) => g.count > 0).length,
            continents: continentCounts.size,
            topCountry: topCountryItem ? { key: topCountryItem.key, count: topCountryItem.count, percent: topCountryItem.percent } : null,
            topCompanySize: firstItem(companySize),
            sponsors: input.sponsors.length,
            communityPartners: input.communityPartners.length,
            colocatedEvents: colocatedEvents.length,
            mediaAndAnalysts: mediaCount + analystCount,
            mediaLanguages: mediaByLanguage.items,
            cfpSubmissions: subs.total,
            acceptanceRatePercent,
            sessionsByFormat,
            virtualRegistrations: regs.virtual,
            scholarshipsAwarded: scholarshipAwards,
        },
        attendees: {
            registrations: regs.total,
            inPerson: regs.inPerson,
            virtual: regs.virtual,
            checkIn: { eligible: regs.inPerson, checkedIn: regs.checkedIn, percent: (0, stats_1.percent)(regs.checkedIn, regs.inPerson) },
            firstTime,
            countries,
            countryCount: countryGroups.filter((g) => g.count > 0).length,
            continents,
            companySize,
            jobFunction,
            industry,
            ticketMix,
        },
        content: {
            submissions: subs.total,
            accepted: subs.accepted,
            acceptanceRatePercent,
            byTrack: acceptanceRows(subs.byTrack, 'track'),
            byFormat: acceptanceRows(subs.byFormat, 'format'),
            sessionsByFormat,
            sessions: sum(sessionsByFormat.map((s) => s.count)),
            speakers: input.speakers.total,
            firstTimeSpeakers: input.speakers.firstTime,
            firstTimeSpeakersPercent: (0, stats_1.percent)(input.speakers.firstTime, input.speakers.total),
        },
        diversity: {
            gender,
            scholarships: {
                programmes: programmeRows,
                applications: sum(programmes.map((p) => p.applications)),
                awards: scholarshipAwards,
                fundsGranted: addMoney(programmes.flatMap((p) => p.fundsGranted)),
                privacy: { mergedGroups: mergedProgrammes.mergedForPrivacy, suppressed: mergedProgrammes.suppressed },
            },
        },
        partners: {
            sponsors: { total: input.sponsors.length, byTier },
            communityPartners: { total: partnerNames.length, names: partnerNames },
            media: { total: mediaCount + analystCount, media: mediaCount, analysts: analystCount, byLanguage: mediaByLanguage },
            colocatedEvents,
        },
        yearOverYear,
        organiserFacts,
        privacy: { threshold, notes },
    };
}
//# sourceMappingURL=build-report.js.map