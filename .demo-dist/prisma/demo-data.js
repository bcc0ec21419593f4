"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_GENERATED_AT = exports.DEMO_CONCURRENCY = void 0;
exports.demoDatabaseUrl = demoDatabaseUrl;
exports.produceDemoReport = produceDemoReport;
exports.buildDemoData = buildDemoData;
const node_async_hooks_1 = require("node:async_hooks");
const argon2_1 = require("@node-rs/argon2");
const pg_1 = require("pg");
const auth_repository_1 = require("../apps/api/src/auth/auth.repository");
const cfp_dto_1 = require("../apps/api/src/cfp/cfp.dto");
const cfp_service_1 = require("../apps/api/src/cfp/cfp.service");
const submissions_dto_1 = require("../apps/api/src/cfp/submissions.dto");
const submissions_service_1 = require("../apps/api/src/cfp/submissions.service");
const events_dto_1 = require("../apps/api/src/events/events.dto");
const events_repository_1 = require("../apps/api/src/events/events.repository");
const events_service_1 = require("../apps/api/src/events/events.service");
const facts_dto_1 = require("../apps/api/src/facts/facts.dto");
const facts_service_1 = require("../apps/api/src/facts/facts.service");
const validation_pipe_1 = require("../apps/api/src/http/validation.pipe");
const checkin_service_1 = require("../apps/api/src/registrations/checkin.service");
const registrations_dto_1 = require("../apps/api/src/registrations/registrations.dto");
const registrations_service_1 = require("../apps/api/src/registrations/registrations.service");
const ticket_types_dto_1 = require("../apps/api/src/registrations/ticket-types.dto");
const ticket_types_service_1 = require("../apps/api/src/registrations/ticket-types.service");
const vouchers_dto_1 = require("../apps/api/src/registrations/vouchers.dto");
const vouchers_service_1 = require("../apps/api/src/registrations/vouchers.service");
const decisions_dto_1 = require("../apps/api/src/reviews/decisions.dto");
const decisions_service_1 = require("../apps/api/src/reviews/decisions.service");
const clock_1 = require("../libs/clock/clock");
const prisma_errors_1 = require("../libs/database/prisma-errors");
const prisma_service_1 = require("../libs/database/prisma.service");
const produce_report_1 = require("../reports/produce-report");
const demo_plan_1 = require("./demo-plan");
const seed_data_1 = require("./seed-data");
/** Requests in flight at once: enough to keep Postgres busy on two cores, few enough for the connection pool. */
exports.DEMO_CONCURRENCY = 16;
/**
 * The database URL for building the demo: the same database, but its sessions do not wait for each commit to reach
 * the disk. Registrations of one edition commit one after another under the edition's capacity lock, so waiting for
 * a flush there would make the whole demo wait for thousands of flushes in a row. Nothing is at stake: an
 * interrupted demo is picked up where it stopped by the next run.
 */
function demoDatabaseUrl(databaseUrl) {
    const url = new URL(databaseUrl);
    const options = url.searchParams.get('options');
    url.searchParams.set('options', [options, '-c synchronous_commit=off'].filter(Boolean).join(' '));
    return url.toString();
}
/**
 * The demo report's generation time: fixed, a month after the event, so that the demo's PDFs are the same bytes on
 * every machine and every run (the renderer is deterministic for the same data and the same generation time).
 */
exports.DEMO_GENERATED_AT = new Date('2019-07-29T02:00:00Z');
/** The edition's transparency report, every figure read from one snapshot as the statistics expect. */
async function produceDemoReport(databaseUrl, eventId, privacyThreshold) {
    const pool = new pg_1.Pool({ connectionString: databaseUrl, max: 1 });
    const client = await pool.connect();
    try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const report = await (0, produce_report_1.produceReport)(async (text, values) => (await client.query(text, values)).rows, eventId, {
            generatedAt: exports.DEMO_GENERATED_AT,
            privacyThreshold,
        });
        await client.query('COMMIT');
        return report;
    }
    finally {
        client.release();
        await pool.end();
    }
}
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** Runs `work` over `items` with at most `concurrency` in flight; the first failure stops the rest and is thrown. */
async function each(items, concurrency, work) {
    let next = 0;
    let failure;
    const runner = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                await work(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner));
    if (failure)
        throw failure.error;
}
/**
 * Replays 2019 on the application's own clock: each operation runs "at" its planned instant, so the CFP deadline,
 * ticket sales windows and check-in days are judged as they were then, and the stored times tell a plausible story.
 * Per async context, so sixteen operations in flight each see their own instant.
 */
class Timeline {
    clock;
    instant = new node_async_hooks_1.AsyncLocalStorage();
    original;
    constructor(clock) {
        this.clock = clock;
        this.original = clock.now;
        const instant = this.instant;
        const original = this.original.bind(clock);
        clock.now = () => {
            const at = instant.getStore();
            return at === undefined ? original() : new Date(at);
        };
    }
    at(when, work) {
        return this.instant.run(when.getTime(), work);
    }
    restore() {
        this.clock.now = this.original;
    }
}
const later = (date, minutes) => new Date(date.getTime() + minutes * 60_000);
/**
 * Builds the demo editions through the services the API uses, each input first checked by the API's own validation
 * pipe, as if an organiser, speakers and attendees had done it over HTTP. Only user accounts are written through the
 * auth repository directly (thousands of argon2 hashes would take minutes; they share one). Safe to run again: a
 * complete 2019 edition is left alone, and an interrupted run picks up where it stopped.
 */
async function buildDemoData(app, options = {}) {
    const concurrency = options.concurrency ?? exports.DEMO_CONCURRENCY;
    const log = options.log ?? (() => undefined);
    const phases = {};
    const prisma = app.get(prisma_service_1.PrismaService);
    const phase = async (name, work) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const statements = prisma.statementCount;
        const result = await work();
        phases[name] = Math.round(performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        log(`  ${name.padEnd(24)} ${phases[name].toFixed(1).padStart(6)} s  ` +
            `${String(prisma.statementCount - statements).padStart(7)} statements  ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)} s CPU here`);
        return result;
    };
    const accounts = await phase('accounts and editions', () => (0, seed_data_1.seedDevelopmentData)(app));
    const events = app.get(events_repository_1.EventsRepository);
    const plan = (0, demo_plan_1.planDemo)();
    const main = await events.findBySlug(plan.edition2019.slug);
    if (!main)
        throw new Error(`${plan.edition2019.slug} is missing after the seed`);
    if (main.status === 'COMPLETED')
        return { skipped: true, eventId: main.id, slug: main.slug, phases };
    const timeline = new Timeline(app.get(clock_1.Clock));
    try {
        await new DemoBuilder(app, plan, accounts, timeline, concurrency, phase).run();
    }
    finally {
        timeline.restore();
    }
    return { skipped: false, eventId: main.id, slug: main.slug, phases };
}
class DemoBuilder {
    app;
    plan;
    accounts;
    timeline;
    concurrency;
    phase;
    pipe = (0, validation_pipe_1.createValidationPipe)();
    userIds = new Map();
    eventsRepository;
    events;
    cfp;
    submissions;
    decisions;
    ticketTypes;
    vouchers;
    registrations;
    checkIns;
    facts;
    constructor(app, plan, accounts, timeline, concurrency, phase) {
        this.app = app;
        this.plan = plan;
        this.accounts = accounts;
        this.timeline = timeline;
        this.concurrency = concurrency;
        this.phase = phase;
        this.eventsRepository = app.get(events_repository_1.EventsRepository);
        this.events = app.get(events_service_1.EventsService);
        this.cfp = app.get(cfp_service_1.CfpService);
        this.submissions = app.get(submissions_service_1.SubmissionsService);
        this.decisions = app.get(decisions_service_1.DecisionsService);
        this.ticketTypes = app.get(ticket_types_service_1.TicketTypesService);
        this.vouchers = app.get(vouchers_service_1.VouchersService);
        this.registrations = app.get(registrations_service_1.RegistrationsService);
        this.checkIns = app.get(checkin_service_1.CheckInService);
        this.facts = app.get(facts_service_1.FactsService);
    }
    get organiser() {
        return this.accounts.organiser;
    }
    async run() {
        const { edition2018, edition2019 } = this.plan;
        await this.phase('users', () => this.createUsers());
        await this.phase('2019 set-up', () => this.setUp2019());
        await this.phase('speaker profiles', () => this.speakerProfiles());
        const proposals = await this.phase('CFP proposals', () => this.proposals());
        await this.phase('decisions', () => this.decide(proposals));
        await this.phase('invited sessions', () => this.invitedSessions());
        await this.phase('2019 registrations', () => this.register(edition2019));
        await this.phase('co-located events', () => this.colocatedRegistrations());
        await this.phase('2018 edition', async () => {
            await this.ticketTypesOf(edition2018);
            await this.sponsorsOf(edition2018);
            await this.register(edition2018);
        });
        await this.phase('completed', () => this.complete());
    }
    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    /** The API's validation pipe on `value`, so the services get exactly what a valid request would give them. */
    body(dto, value) {
        return this.pipe.transform(value, { type: 'body', metatype: dto });
    }
    actorOf(person) {
        const id = this.userIds.get(person.email);
        if (!id)
            throw new Error(`no account for ${person.email}`);
        return { id, email: person.email, isAdmin: false, requestId: 'demo' };
    }
    async access(slug, actor = this.organiser) {
        const found = await this.eventsRepository.findWithRoles(slug, actor.id);
        if (!found)
            throw new Error(`event ${slug} not found`);
        const { roleGrants, ...event } = found;
        return { event, roles: roleGrants.map((g) => g.role) };
    }
    async pages(fetch) {
        const all = [];
        let cursor;
        do {
            const page = await fetch(cursor);
            all.push(...page.items);
            cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return all;
    }
    // ---------------------------------------------------------------------------------------------------------
    // Accounts
    async createUsers() {
        const users = this.app.get(auth_repository_1.AuthRepository);
        const passwordHash = await (0, argon2_1.hash)(demo_plan_1.DEMO_ATTENDEE_PASSWORD, ARGON2);
        await each(this.plan.users, this.concurrency, async (person) => {
            let user;
            try {
                user = await users.createUser({ email: person.email, passwordHash, name: person.name, locale: person.locale });
            }
            catch (error) {
                if (!(0, prisma_errors_1.isUniqueViolation)(error, 'email'))
                    throw error;
                user = await users.findByEmail(person.email);
                if (!user)
                    throw error;
            }
            this.userIds.set(person.email, user.id);
        });
    }
    // ---------------------------------------------------------------------------------------------------------
    // Set-up: tickets, CFP, partners, media, co-located events
    async ticketTypesOf(edition) {
        const access = await this.access(edition.slug);
        const existing = await this.ticketTypes.list(edition.slug, this.organiser);
        const ids = new Map(existing.map((t) => [t.name, t.id]));
        for (const type of edition.ticketTypes) {
            if (!ids.has(type.name)) {
                const input = await this.body(ticket_types_dto_1.CreateTicketTypeDto, {
                    name: type.name,
                    nameZh: type.nameZh,
                    category: type.category,
                    attendance: type.attendance,
                    priceCents: type.priceCents,
                    currency: 'CNY',
                    salesStartAt: edition.ticketSales.from,
                    salesEndAt: edition.ticketSales.to,
                    hidden: type.voucher !== undefined,
                });
                ids.set(type.name, (await this.ticketTypes.create(this.organiser, access, input)).id);
            }
        }
        const vouchers = await this.pages((cursor) => this.vouchers.list(access, 200, cursor));
        for (const type of edition.ticketTypes) {
            if (type.voucher && !vouchers.some((v) => v.code === type.voucher)) {
                const input = await this.body(vouchers_dto_1.CreateVoucherDto, { code: type.voucher, ticketTypeId: ids.get(type.name), discount: 'FREE', maxUses: 2000 });
                await this.vouchers.create(this.organiser, access, input);
            }
        }
        return ids;
    }
    async sponsorsOf(edition) {
        const access = await this.access(edition.slug);
        const existing = new Set((await this.pages((cursor) => this.facts.listSponsors(access, { limit: 200, cursor }))).map((s) => s.name));
        for (const sponsor of edition.sponsors) {
            if (!existing.has(sponsor.name))
                await this.facts.createSponsor(this.organiser, access, await this.body(facts_dto_1.CreateSponsorDto, sponsor));
        }
    }
    async setUp2019() {
        const edition = this.plan.edition2019;
        const access = await this.access(edition.slug);
        await this.ticketTypesOf(edition);
        const cfp = await this.cfp.get(access).catch(() => null);
        if (!cfp) {
            const { opensAt, closesAt, maxSubmissionsPerSpeaker } = edition.cfp;
            await this.cfp.put(this.organiser, access, await this.body(cfp_dto_1.PutCfpSettingsDto, { opensAt, closesAt, maxSubmissionsPerSpeaker }));
        }
        const tracks = new Set((await this.cfp.get(access)).tracks.map((t) => t.slug));
        for (const track of edition.tracks) {
            if (!tracks.has(track.slug))
                await this.cfp.createTrack(this.organiser, access, await this.body(cfp_dto_1.CreateTrackDto, track));
        }
        await this.sponsorsOf(edition);
        const partners = new Set((await this.pages((cursor) => this.facts.listPartners(access, { limit: 200, cursor }))).map((p) => p.name));
        for (const name of edition.communityPartners) {
            if (!partners.has(name))
                await this.facts.createPartner(this.organiser, access, await this.body(facts_dto_1.CreateCommunityPartnerDto, { name }));
        }
        const accredited = new Set((await this.pages((cursor) => this.facts.listAccreditations(access, { limit: 200, cursor }))).map((a) => `${a.name}|${a.outlet}`));
        for (const media of edition.media) {
            if (accredited.has(`${media.person.name}|${media.outlet}`))
                continue;
            const input = await this.body(facts_dto_1.CreateMediaAccreditationDto, { name: media.person.name, outlet: media.outlet, kind: media.kind, language: media.language });
            await this.facts.createAccreditation(this.organiser, access, input);
        }
        const facts = new Set((await this.pages((cursor) => this.facts.listFacts(access, { limit: 200, cursor }))).map((f) => f.label));
        for (const fact of edition.facts) {
            if (!facts.has(fact.label))
                await this.facts.createFact(this.organiser, access, await this.body(facts_dto_1.CreateEventFactDto, fact));
        }
        for (const event of edition.colocated) {
            if (!(await this.eventsRepository.findBySlug(event.slug))) {
                const input = await this.body(events_dto_1.CreateEventDto, {
                    seriesSlug: seed_data_1.DEMO_SERIES.slug,
                    parentEventSlug: edition.slug,
                    slug: event.slug,
                    name: event.name,
                    nameZh: event.nameZh,
                    city: 'Shanghai',
                    country: 'CN',
                    venue: 'Shanghai Expo Centre',
                    timezone: 'Asia/Shanghai',
                    startsAt: event.startsAt,
                    endsAt: event.endsAt,
                    format: 'IN_PERSON',
                    capacity: event.capacity,
                });
                await this.events.createEvent(this.accounts.admin, input);
            }
            const adminAccess = await this.access(event.slug, this.accounts.admin);
            if (!adminAccess.event.parentEventId)
                throw new Error(`${event.slug} exists but is not a co-located event of ${edition.slug}`);
            if (adminAccess.event.status === 'DRAFT') {
                await this.events.update(this.accounts.admin, adminAccess, await this.body(events_dto_1.UpdateEventDto, { status: 'PUBLISHED' }));
            }
            await this.events.grantRole(this.accounts.admin, adminAccess, await this.body(events_dto_1.GrantRoleDto, { email: this.organiser.email, role: 'ORGANISER' }));
            await this.ticketTypesOf(this.colocatedEdition(event.slug));
        }
    }
    colocatedEdition(slug) {
        const event = this.plan.edition2019.colocated.find((e) => e.slug === slug);
        const pass = { key: 'allAccess', name: 'Co-located event pass', nameZh: '同场活动通票', category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 0 };
        return {
            slug,
            ticketTypes: [pass],
            ticketSales: { from: '2019-03-01T00:00:00Z', to: event.endsAt },
            sponsors: [],
            registrations: event.attendees.map(({ person, registeredAt }) => ({
                person,
                ticket: 'allAccess',
                fate: 'confirmed',
                consent: false,
                answers: {},
                registeredAt,
                paidAt: null,
                checkedInAt: null,
            })),
        };
    }
    // ---------------------------------------------------------------------------------------------------------
    // CFP
    async speakerProfiles() {
        await each(this.plan.speakers, this.concurrency, async (speaker) => {
            const input = await this.body(cfp_dto_1.SpeakerProfileInputDto, {
                name: speaker.name,
                bio: speaker.bio,
                company: speaker.company,
                jobTitle: speaker.jobTitle,
                country: speaker.country,
                firstTimeSpeaker: speaker.firstTimeSpeaker,
            });
            await this.timeline.at(new Date('2019-01-06T02:00:00Z'), () => this.cfp.putProfile(this.actorOf(speaker), input));
        });
    }
    /** Every planned proposal written, co-speakers added, submitted or withdrawn; returns each one's id and state. */
    async proposals() {
        const edition = this.plan.edition2019;
        const access = await this.access(edition.slug);
        const owners = [...new Map(edition.submissions.map((s) => [s.owner.email, s.owner])).values()];
        const existing = new Map();
        await each(owners, this.concurrency, async (owner) => {
            for (const mine of await this.submissions.listMine(this.actorOf(owner), access))
                existing.set(mine.title, { id: mine.id, state: mine.state });
        });
        const result = new Array(edition.submissions.length);
        await each(edition.submissions, this.concurrency, async (proposal, index) => {
            result[index] = await this.proposal(access, proposal, existing.get(proposal.title) ?? null);
        });
        return result;
    }
    async proposal(access, plan, found) {
        const owner = this.actorOf(plan.owner);
        let current = found;
        if (!current) {
            const input = await this.body(submissions_dto_1.CreateSubmissionDto, {
                title: plan.title,
                abstract: plan.abstract,
                format: plan.format,
                track: plan.track,
                level: plan.level,
                language: plan.language,
            });
            const created = await this.timeline.at(plan.createdAt, () => this.submissions.create(owner, access, input));
            current = { id: created.id, state: created.state };
        }
        const id = current.id;
        if (current.state === 'DRAFT' && plan.coSpeaker) {
            const coSpeaker = this.actorOf(plan.coSpeaker);
            // a draft found from an earlier run may have its co-speaker already, or an invitation waiting
            const view = found ? await this.submissions.get(owner, access, id) : { speakers: [], invitations: [] };
            if (!view.speakers.some((s) => s.userId === coSpeaker.id)) {
                let invitation = view.invitations.find((i) => i.email === coSpeaker.email && i.status === 'PENDING');
                if (!invitation) {
                    const invited = await this.timeline.at(later(plan.createdAt, 5), () => this.submissions.invite(owner, access, id, coSpeaker.email));
                    invitation = invited.invitations.find((i) => i.email === coSpeaker.email && i.status === 'PENDING');
                }
                if (!invitation)
                    throw new Error(`invitation of ${coSpeaker.email} to "${plan.title}" vanished`);
                const invitationId = invitation.id;
                await this.timeline.at(later(plan.createdAt, 60), () => this.submissions.acceptInvitation(coSpeaker, access, invitationId));
            }
        }
        if (current.state === 'DRAFT' && plan.fate !== 'draft') {
            current = { id, state: (await this.timeline.at(plan.submittedAt, () => this.submissions.submit(owner, access, id))).state };
        }
        if (current.state === 'SUBMITTED' && plan.fate === 'withdrawn') {
            current = { id, state: (await this.timeline.at(plan.answeredAt, () => this.submissions.withdraw(owner, access, id))).state };
        }
        return current;
    }
    /**
     * The programme committee's decisions: everything still undecided is rejected in one bulk decision, then the
     * accepted and waitlisted proposals are decided one by one, and all of it is released to the speakers at once.
     * The speakers then confirm or decline.
     */
    async decide(proposals) {
        const edition = this.plan.edition2019;
        const access = await this.access(edition.slug);
        const decided = { accepted: 'ACCEPTED', confirmed: 'ACCEPTED', declined: 'ACCEPTED', waitlisted: 'WAITLISTED', rejected: 'REJECTED' };
        const open = edition.submissions
            .map((plan, index) => ({ plan, current: proposals[index] }))
            .filter(({ plan, current }) => current.state === 'SUBMITTED' && plan.fate in decided);
        if (open.length > 0) {
            const { decidedAt, releasedAt } = edition.cfp;
            const bulk = await this.body(decisions_dto_1.BulkDecisionDto, { groupBy: 'EVENT', acceptPercent: 0, rejectRest: true });
            await this.timeline.at(decidedAt, () => this.decisions.bulk(this.organiser, access, bulk));
            for (const { plan, current } of open) {
                const decision = decided[plan.fate];
                if (decision === 'REJECTED')
                    continue;
                await this.timeline.at(later(decidedAt, 30), () => this.decisions.decide(this.organiser, access, current.id, decision));
            }
            await this.timeline.at(releasedAt, () => this.decisions.release(this.organiser, access, {}));
            for (const { plan, current } of open)
                current.state = decided[plan.fate];
        }
        const answering = edition.submissions
            .map((plan, index) => ({ plan, current: proposals[index] }))
            .filter(({ plan, current }) => current.state === 'ACCEPTED' && (plan.fate === 'confirmed' || plan.fate === 'declined'));
        await each(answering, this.concurrency, async ({ plan, current }) => {
            const owner = this.actorOf(plan.owner);
            await this.timeline.at(plan.answeredAt, () => plan.fate === 'confirmed' ? this.decisions.confirm(owner, access, current.id) : this.decisions.decline(owner, access, current.id));
        });
    }
    async invitedSessions() {
        const edition = this.plan.edition2019;
        const access = await this.access(edition.slug);
        const existing = new Map((await this.pages((cursor) => this.submissions.list(access, { origin: 'INVITED', limit: 200, cursor }))).map((s) => [s.title, s]));
        await each(edition.invited, this.concurrency, async (session) => {
            let current = existing.get(session.title);
            if (!current) {
                const input = await this.body(submissions_dto_1.CreateInvitedSessionDto, {
                    title: session.title,
                    abstract: session.abstract,
                    format: session.format,
                    ...(session.track ? { track: session.track } : {}),
                    language: session.language,
                    speakers: session.speakers.map((s) => ({ email: s.email })),
                });
                const created = await this.timeline.at(edition.invitedAt, () => this.submissions.createInvitedSession(this.organiser, access, input));
                current = { id: created.id, state: created.state };
            }
            if (current.state === 'ACCEPTED' && session.confirmed) {
                const owner = this.actorOf(session.speakers[0]);
                const id = current.id;
                await this.timeline.at(later(edition.invitedAt, 24 * 60), () => this.decisions.confirm(owner, access, id));
            }
        });
    }
    // ---------------------------------------------------------------------------------------------------------
    // Registrations
    async register(edition) {
        const access = await this.access(edition.slug);
        const typeIds = await this.ticketTypesOf(edition);
        const existing = new Map((await this.pages((cursor) => this.registrations.list(access, { limit: 200, cursor }))).map((r) => [r.attendeeEmail, r]));
        await each(edition.registrations, this.concurrency, (plan) => this.registration(edition, access, typeIds, plan, existing.get(plan.person.email) ?? null));
    }
    async registration(edition, access, typeIds, plan, found) {
        const actor = this.actorOf(plan.person);
        const type = edition.ticketTypes.find((t) => t.key === plan.ticket);
        let current = found;
        if (!current) {
            const answers = Object.fromEntries(Object.entries(plan.answers).filter(([, value]) => value !== null && value !== undefined));
            const input = await this.body(registrations_dto_1.CreateRegistrationDto, {
                ticketTypeId: typeIds.get(type.name),
                attendeeName: plan.person.name,
                ...(type.voucher ? { voucherCode: type.voucher } : {}),
                ...(plan.consent ? { consentToReport: true, ...answers } : {}),
            });
            const created = await this.timeline.at(plan.registeredAt, () => this.registrations.create(actor, edition.slug, input));
            current = JSON.parse(created.body);
        }
        const id = current.id;
        if (current.state === 'PENDING' && plan.fate === 'confirmed' && plan.paidAt) {
            current = { ...(await this.timeline.at(plan.paidAt, () => this.registrations.markPaid(this.organiser, access, id))), badgeToken: undefined };
        }
        if (plan.fate === 'cancelled' && current.state !== 'CANCELLED') {
            await this.timeline.at(later(plan.registeredAt, 3 * 24 * 60), () => this.registrations.cancel(actor, edition.slug, id));
        }
        if (plan.checkedInAt && current.state === 'CONFIRMED') {
            const badge = current.badgeToken ?? (await this.registrations.mine(actor, edition.slug)).badgeToken;
            if (!badge)
                throw new Error(`no badge for ${plan.person.email}`);
            await this.timeline.at(plan.checkedInAt, () => this.checkIns.scan(this.organiser, access, badge));
        }
    }
    async colocatedRegistrations() {
        for (const event of this.plan.edition2019.colocated)
            await this.register(this.colocatedEdition(event.slug));
    }
    // ---------------------------------------------------------------------------------------------------------
    /** The editions took place: completed, the 2019 one last, which marks the demo data as complete. */
    async complete() {
        const slugs = [...this.plan.edition2019.colocated.map((e) => e.slug), this.plan.edition2018.slug, this.plan.edition2019.slug];
        const completed = await this.body(events_dto_1.UpdateEventDto, { status: 'COMPLETED' });
        for (const slug of slugs) {
            const access = await this.access(slug, this.accounts.admin);
            if (access.event.status !== 'COMPLETED')
                await this.events.update(this.accounts.admin, access, completed);
        }
    }
}
//# sourceMappingURL=demo-data.js.map