import { INestApplicationContext, Type } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { Pool } from 'pg';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { CreateTrackDto, PutCfpSettingsDto, SpeakerProfileInputDto } from '@api/cfp/cfp.dto';
import { CfpService } from '@lectern/domains/cfp/cfp.service';
import { CreateInvitedSessionDto, CreateSubmissionDto } from '@api/cfp/submissions.dto';
import { SubmissionsService } from '@lectern/domains/cfp/submissions.service';
import { SubmissionDetailsService } from '@lectern/domains/cfp/submission-details.service';
import { SubmissionListingService } from '@lectern/domains/cfp/submission-listing.service';
import { InvitationsService } from '@lectern/domains/cfp/invitations.service';
import { InvitedSessionsService } from '@lectern/domains/cfp/invited-sessions.service';
import { CreateEventDto, GrantRoleDto, UpdateEventDto } from '@api/events/events.dto';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { EventsService } from '@lectern/domains/events/events.service';
import {
  CreateCommunityPartnerDto,
  CreateEventFactDto,
  CreateMediaAccreditationDto,
  CreateSponsorDto,
} from '@api/facts/facts.dto';
import { FactsService } from '@lectern/domains/facts/facts.service';
import { COMMUNITY_PARTNERS, EVENT_FACTS, MEDIA_ACCREDITATIONS, SPONSORS } from '@lectern/domains/facts/fact-kinds.policy';
import { createValidationPipe } from '@api/http/validation.pipe';
import { CheckInService } from '@lectern/domains/registrations/checkin.service';
import { CreateRegistrationDto } from '@api/registrations/registrations.dto';
import { RegistrationsService } from '@lectern/domains/registrations/registrations.service';
import { RegistrationListingService } from '@lectern/domains/registrations/registration-listing.service';
import { RegistrationStateService } from '@lectern/domains/registrations/registration-state.service';
import { RegistrationDetailsService } from '@lectern/domains/registrations/registration-details.service';
import { CancellationsService } from '@lectern/domains/registrations/cancellations.service';
import { CreateTicketTypeDto } from '@api/registrations/ticket-types.dto';
import { TicketTypesService } from '@lectern/domains/registrations/ticket-types.service';
import { CreateVoucherDto } from '@api/registrations/vouchers.dto';
import { VouchersService } from '@lectern/domains/registrations/vouchers.service';
import { BulkDecisionDto } from '@api/reviews/decisions.dto';
import { DecisionsService } from '@lectern/domains/reviews/decisions.service';
import { Clock } from '@lectern/clock/clock';
import { ARGON2, Timeline, demoAccount, each, later, organiserCall } from './demo-support';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { PrismaService } from '@lectern/database/prisma.service';
import { parseJsonText } from '@lectern/database/json.types';
import { DomainError } from '@lectern/errors/domain.error';
import { ProducedReport, produceReport } from '@reports/produce-report';
import {
  DEMO_ATTENDEE_PASSWORD,
  DemoPlan,
  EditionPlan,
  PersonPlan,
  RegistrationPlan,
  SubmissionPlan,
  TicketTypePlan,
  planDemo,
} from './demo-plan';
import { DEMO_SERIES, EDITIONS, SHANGHAI_EXPO_CENTRE, SeededAccounts, inEnglishAndChinese, seedDevelopmentData } from './seed-data';
import { buildDemoProgramme } from './demo-programme';
import { buildAmsterdam2020 } from './demo-amsterdam';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { localizedText } from '@lectern/i18n/localized-text';

/** The edition the demo is about; it is marked completed last, so its status says whether the demo data is complete. */
const DEMO_EDITION = EDITIONS[1].slug;

/** Requests in flight at once: enough to keep Postgres busy on two cores, few enough for the connection pool. */
export const DEMO_CONCURRENCY = 16;

/**
 * New proposals and sessions, a few at a time: each one takes the edition's next proposal code under one row lock,
 * so sixteen at once would mostly queue on it with their transactions open (and time out on a busy machine).
 */
const CODE_CONCURRENCY = 4;

export interface DemoBuildOptions {
  concurrency?: number;
  /** Progress lines (phase and time taken). */
  log?: (line: string) => void;
}

export interface DemoBuildResult {
  /** The data was complete already: nothing was written. */
  skipped: boolean;
  /** The 2019 edition, the one the report is about. */
  eventId: string;
  slug: string;
  /** KubeCon + CloudNativeCon Europe 2020, postponed from Amsterdam's spring to August (demo-amsterdam.ts). */
  amsterdam: { eventId: string; slug: string };
  /** Seconds per phase. */
  phases: Record<string, number>;
}

/**
 * The database URL for building the demo: the same database, but its sessions do not wait for each commit to reach
 * the disk. Registrations of one edition commit one after another under the edition's capacity lock, so waiting for
 * a flush there would make the whole demo wait for thousands of flushes in a row. Nothing is at stake: an
 * interrupted demo is picked up where it stopped by the next run.
 */
export function demoDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', [options, '-c synchronous_commit=off'].filter(Boolean).join(' '));
  return url.toString();
}

/**
 * The demo report's generation time: fixed, a month after the event, so that the demo's PDFs are byte for byte the
 * same from run to run (the renderer is deterministic for the same data and the same generation time).
 */
export const DEMO_GENERATED_AT = new Date('2019-07-29T02:00:00Z');

/** When the demo's programme is released: four weeks before the edition opens. */
const PROGRAMME_RELEASED_AT = new Date('2019-05-27T02:00:00Z');

/** The edition's transparency report, every figure read from one snapshot as the statistics expect. */
export async function produceDemoReport(
  databaseUrl: string,
  eventId: string,
  privacyThreshold: number,
  generatedAt: Date = DEMO_GENERATED_AT,
): Promise<ProducedReport> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await produceReport(async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[], eventId, {
      generatedAt,
      privacyThreshold,
    });
    await client.query('COMMIT');
    return report;
  } finally {
    client.release();
    await pool.end();
  }
}

/**
 * Builds the demo editions through the services the API uses, each input first checked by the API's own validation
 * pipe, as if an organiser, speakers and attendees had done it over HTTP. Only user accounts are written through the
 * auth repository directly (thousands of argon2 hashes would take minutes; they share one). Safe to run again: a
 * complete 2019 edition is left alone, and an interrupted run picks up where it stopped.
 */
export async function buildDemoData(app: INestApplicationContext, options: DemoBuildOptions = {}): Promise<DemoBuildResult> {
  if (app.get<AppConfig>(APP_CONFIG).env === 'production') throw new Error('The demo never runs with NODE_ENV=production.');
  const concurrency = options.concurrency ?? DEMO_CONCURRENCY;
  const log = options.log ?? (() => undefined);
  const phases: Record<string, number> = {};
  const prisma = app.get(PrismaService);
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const statements = prisma.statementCount;
    const result = await work();
    phases[name] = Math.round(performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    log(
      `  ${name.padEnd(24)} ${phases[name].toFixed(1).padStart(6)} s  ` +
        `${String(prisma.statementCount - statements).padStart(7)} statements  ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)} s CPU in Node`,
    );
    return result;
  };

  const accounts = await phase('accounts and editions', () => seedDevelopmentData(app));
  const main = await app.get(EventsRepository).findBySlug(DEMO_EDITION);
  if (!main) throw new Error(`${DEMO_EDITION} is missing after the seed`);
  const complete = main.status === 'COMPLETED';
  if (!complete) {
    const timeline = new Timeline(app.get(Clock));
    try {
      await new DemoBuilder(app, planDemo(), accounts, timeline, concurrency, phase).run();
    } finally {
      timeline.restore();
    }
  }
  const amsterdam = await phase('Amsterdam 2020', () => buildAmsterdam2020(app, accounts, concurrency));
  return { skipped: complete && !amsterdam.built, eventId: main.id, slug: main.slug, amsterdam: { eventId: amsterdam.eventId, slug: amsterdam.slug }, phases };
}

interface SubmissionState {
  id: string;
  state: string;
}

class DemoBuilder {
  private readonly pipe = createValidationPipe();
  private readonly userIds = new Map<string, string>();
  private readonly eventsRepository: EventsRepository;
  private readonly events: EventsService;
  private readonly cfp: CfpService;
  private readonly submissions: SubmissionsService;
  private readonly submissionDetails: SubmissionDetailsService;
  private readonly submissionList: SubmissionListingService;
  private readonly invitations: InvitationsService;
  private readonly organiserSessions: InvitedSessionsService;
  private readonly decisions: DecisionsService;
  private readonly ticketTypes: TicketTypesService;
  private readonly vouchers: VouchersService;
  private readonly registrations: RegistrationsService;
  private readonly registrationList: RegistrationListingService;
  private readonly registrationStates: RegistrationStateService;
  private readonly registrationDetails: RegistrationDetailsService;
  private readonly cancellations: CancellationsService;
  private readonly checkIns: CheckInService;
  private readonly facts: FactsService;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly plan: DemoPlan,
    private readonly accounts: SeededAccounts,
    private readonly timeline: Timeline,
    private readonly concurrency: number,
    private readonly phase: <T>(name: string, work: () => Promise<T>) => Promise<T>,
  ) {
    this.eventsRepository = app.get(EventsRepository);
    this.events = app.get(EventsService);
    this.cfp = app.get(CfpService);
    this.submissions = app.get(SubmissionsService);
    this.submissionDetails = app.get(SubmissionDetailsService);
    this.submissionList = app.get(SubmissionListingService);
    this.invitations = app.get(InvitationsService);
    this.organiserSessions = app.get(InvitedSessionsService);
    this.decisions = app.get(DecisionsService);
    this.ticketTypes = app.get(TicketTypesService);
    this.vouchers = app.get(VouchersService);
    this.registrations = app.get(RegistrationsService);
    this.registrationList = app.get(RegistrationListingService);
    this.registrationStates = app.get(RegistrationStateService);
    this.registrationDetails = app.get(RegistrationDetailsService);
    this.cancellations = app.get(CancellationsService);
    this.checkIns = app.get(CheckInService);
    this.facts = app.get(FactsService);
  }

  private get organiser(): Actor {
    return this.accounts.organiser;
  }

  async run(): Promise<void> {
    const { edition2018, edition2019 } = this.plan;
    await this.phase('users', () => this.createUsers());
    await this.phase('2019 set-up', () => this.setUp2019());
    await this.phase('speaker profiles', () => this.speakerProfiles());
    const proposals = await this.phase('CFP proposals', () => this.proposals());
    await this.phase('decisions', () => this.decide(proposals));
    await this.phase('invited sessions', () => this.invitedSessions());
    await this.phase('programme', () => this.programme(proposals));
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
  private body<T>(dto: Type<T>, value: unknown): Promise<T> {
    return this.pipe.transform(value, { type: 'body', metatype: dto }) as Promise<T>;
  }

  private actorOf(person: PersonPlan): Actor {
    const id = this.userIds.get(person.email);
    if (!id) throw new Error(`no account for ${person.email}`);
    return { id, email: person.email, isAdmin: false, requestId: 'demo' };
  }

  private async access(slug: string, actor: Actor = this.organiser): Promise<EventAccess> {
    const found = await this.eventsRepository.findWithRoles(slug, actor.id);
    if (!found) throw new Error(`event ${slug} not found`);
    const { roleGrants, ...event } = found;
    return { event, roles: roleGrants.map((g) => g.role) };
  }

  private async pages<T>(fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await fetch(cursor);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Accounts

  private async createUsers(): Promise<void> {
    const users = this.app.get(AuthRepository);
    const passwordHash = await hash(DEMO_ATTENDEE_PASSWORD, ARGON2);
    // After an interrupted run most accounts exist: look them up first rather than fail thousands of inserts.
    const resuming = (await users.findByEmail(this.plan.users[0].email)) !== null;
    await each(this.plan.users, this.concurrency, async (person) => {
      const user = await demoAccount(users, person, passwordHash, resuming);
      this.userIds.set(person.email, user.id);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Set-up: tickets, CFP, partners, media, co-located events

  private async ticketTypesOf(edition: EditionPlan): Promise<Map<string, string>> {
    const access = await this.access(edition.slug);
    const existing = await this.ticketTypes.list(edition.slug, this.organiser);
    const ids = new Map(existing.map((t) => [t.name.en, t.id]));
    for (const type of edition.ticketTypes) {
      if (!ids.has(type.name)) {
        const input = await this.body(CreateTicketTypeDto, {
          name: inEnglishAndChinese(type.name, type.nameZh),
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
        const input = await this.body(CreateVoucherDto, { code: type.voucher, ticketTypeId: ids.get(type.name), discount: 'FREE', maxUses: 2000 });
        await this.vouchers.create(this.organiser, access, input);
      }
    }
    return ids;
  }

  private async sponsorsOf(edition: EditionPlan): Promise<void> {
    const access = await this.access(edition.slug);
    const existing = new Set((await this.pages((cursor) => this.facts.list(SPONSORS, access, { limit: 200, cursor }))).map((s) => s.name));
    for (const sponsor of edition.sponsors) {
      if (!existing.has(sponsor.name)) await this.facts.create(SPONSORS, this.organiser, access, await this.body(CreateSponsorDto, sponsor));
    }
  }

  private async setUp2019(): Promise<void> {
    const edition = this.plan.edition2019;
    const access = await this.access(edition.slug);
    await this.ticketTypesOf(edition);

    const cfp = await this.cfp.get(access).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'CFP_NOT_CONFIGURED') return null;
      throw error;
    });
    if (!cfp) {
      const { opensAt, closesAt, maxSubmissionsPerSpeaker } = edition.cfp;
      await this.cfp.put(this.organiser, access, await this.body(PutCfpSettingsDto, { opensAt, closesAt, maxSubmissionsPerSpeaker }));
    }
    const tracks = new Set((await this.cfp.get(access)).tracks.map((t) => t.slug));
    for (const track of edition.tracks) {
      if (!tracks.has(track.slug)) {
        const { name, nameZh, ...rest } = track;
        await this.cfp.createTrack(this.organiser, access, await this.body(CreateTrackDto, { ...rest, name: inEnglishAndChinese(name, nameZh) }));
      }
    }

    await this.sponsorsOf(edition);
    const partners = new Set((await this.pages((cursor) => this.facts.list(COMMUNITY_PARTNERS, access, { limit: 200, cursor }))).map((p) => p.name));
    for (const name of edition.communityPartners) {
      if (!partners.has(name)) await this.facts.create(COMMUNITY_PARTNERS, this.organiser, access, await this.body(CreateCommunityPartnerDto, { name }));
    }
    const accredited = new Set(
      (await this.pages((cursor) => this.facts.list(MEDIA_ACCREDITATIONS, access, { limit: 200, cursor }))).map((a) => `${a.name}|${a.outlet}`),
    );
    for (const media of edition.media) {
      if (accredited.has(`${media.person.name}|${media.outlet}`)) continue;
      const input = await this.body(CreateMediaAccreditationDto, { name: media.person.name, outlet: media.outlet, kind: media.kind, language: media.language });
      await this.facts.create(MEDIA_ACCREDITATIONS, this.organiser, access, input);
    }
    const facts = new Set((await this.pages((cursor) => this.facts.list(EVENT_FACTS, access, { limit: 200, cursor }))).map((f) => localizedText(f.label).en));
    for (const { label, labelZh, ...fact } of edition.facts) {
      if (!facts.has(label)) {
        await this.facts.create(EVENT_FACTS, this.organiser, access, await this.body(CreateEventFactDto, { ...fact, label: inEnglishAndChinese(label, labelZh) }));
      }
    }

    for (const event of edition.colocated) {
      if (!(await this.eventsRepository.findBySlug(event.slug))) {
        const input = await this.body(CreateEventDto, {
          seriesSlug: DEMO_SERIES.slug,
          parentEventSlug: edition.slug,
          slug: event.slug,
          name: inEnglishAndChinese(event.name, event.nameZh),
          city: inEnglishAndChinese('Shanghai', '上海'),
          country: 'CN',
          venue: SHANGHAI_EXPO_CENTRE,
          timezone: 'Asia/Shanghai',
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          format: 'IN_PERSON',
          capacity: event.capacity,
        });
        await this.events.createEvent(this.accounts.admin, input);
      }
      const adminAccess = await this.access(event.slug, this.accounts.admin);
      if (!adminAccess.event.parentEventId) throw new Error(`${event.slug} exists but is not a co-located event of ${edition.slug}`);
      if (adminAccess.event.status === 'DRAFT') {
        await this.events.update(this.accounts.admin, adminAccess, await this.body(UpdateEventDto, { status: 'PUBLISHED' }));
      }
      await this.events.grantRole(this.accounts.admin, adminAccess, await this.body(GrantRoleDto, { email: this.organiser.email, role: 'ORGANISER' }));
      await this.ticketTypesOf(this.colocatedEdition(event.slug));
    }
  }

  private colocatedEdition(slug: string): EditionPlan {
    const event = this.plan.edition2019.colocated.find((e) => e.slug === slug)!;
    const pass: TicketTypePlan = { key: 'allAccess', name: 'Co-located event pass', nameZh: '同场活动通票', category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 0 };
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

  private async speakerProfiles(): Promise<void> {
    await each(this.plan.speakers, this.concurrency, async (speaker) => {
      const input = await this.body(SpeakerProfileInputDto, {
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
  private async proposals(): Promise<SubmissionState[]> {
    const edition = this.plan.edition2019;
    const access = await this.access(edition.slug);
    const owners = [...new Map(edition.submissions.map((s) => [s.owner.email, s.owner])).values()];
    const existing = new Map<string, SubmissionState>();
    await each(owners, this.concurrency, async (owner) => {
      for (const mine of await this.submissionList.listMine(this.actorOf(owner), access)) existing.set(mine.title, { id: mine.id, state: mine.state });
    });
    const result = new Array<SubmissionState>(edition.submissions.length);
    const resumed = new Set<number>();
    await each(edition.submissions, CODE_CONCURRENCY, async (plan, index) => {
      const found = existing.get(plan.title);
      if (found) {
        result[index] = found;
        resumed.add(index);
        return;
      }
      const input = await this.body(CreateSubmissionDto, {
        title: plan.title,
        abstract: plan.abstract,
        format: plan.format,
        track: plan.track,
        level: plan.level,
        language: plan.language,
      });
      const created = await this.timeline.at(plan.createdAt, () => this.submissions.create(this.actorOf(plan.owner), access, input));
      result[index] = { id: created.id, state: created.state };
    });
    await each(edition.submissions, this.concurrency, async (plan, index) => {
      result[index] = await this.proposal(access, plan, result[index], resumed.has(index));
    });
    return result;
  }

  /** A draft on its way to its planned state: co-speaker invited and accepted, submitted, maybe withdrawn. */
  private async proposal(access: EventAccess, plan: SubmissionPlan, draft: SubmissionState, resumed: boolean): Promise<SubmissionState> {
    const owner = this.actorOf(plan.owner);
    const id = draft.id;
    let current = draft;
    if (current.state === 'DRAFT' && plan.coSpeaker) {
      const coSpeaker = this.actorOf(plan.coSpeaker);
      // a draft found from an earlier run may have its co-speaker already, or an invitation waiting
      const view = resumed ? await this.submissionDetails.get(owner, access, id) : { speakers: [], invitations: [] };
      if (!view.speakers.some((s) => s.userId === coSpeaker.id)) {
        let invitation = view.invitations.find((i) => i.email === coSpeaker.email && i.status === 'PENDING');
        if (!invitation) {
          const invited = await this.timeline.at(later(plan.createdAt, 5), () => this.invitations.invite(owner, access, id, coSpeaker.email));
          invitation = invited.invitations.find((i) => i.email === coSpeaker.email && i.status === 'PENDING');
        }
        if (!invitation) throw new Error(`invitation of ${coSpeaker.email} to "${plan.title}" vanished`);
        const invitationId = invitation.id;
        await this.timeline.at(later(plan.createdAt, 60), () => this.invitations.accept(coSpeaker, access, invitationId));
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
  private async decide(proposals: SubmissionState[]): Promise<void> {
    const edition = this.plan.edition2019;
    const access = await this.access(edition.slug);
    const decided = { accepted: 'ACCEPTED', confirmed: 'ACCEPTED', declined: 'ACCEPTED', waitlisted: 'WAITLISTED', rejected: 'REJECTED' } as const;
    const open = edition.submissions
      .map((plan, index) => ({ plan, current: proposals[index] }))
      .filter(({ plan, current }) => current.state === 'SUBMITTED' && plan.fate in decided);
    if (open.length > 0) {
      const { decidedAt, releasedAt } = edition.cfp;
      const bulk = await this.body(BulkDecisionDto, { groupBy: 'EVENT', acceptPercent: 0, rejectRest: true });
      await this.timeline.at(decidedAt, () => this.decisions.bulk(this.organiser, access, bulk));
      for (const { plan, current } of open) {
        const decision = decided[plan.fate as keyof typeof decided];
        if (decision === 'REJECTED') continue;
        await this.timeline.at(later(decidedAt, 30), () => this.decisions.decide(this.organiser, access, current.id, decision));
      }
      await this.timeline.at(releasedAt, () => this.decisions.release(this.organiser, access, {}));
      for (const { plan, current } of open) current.state = decided[plan.fate as keyof typeof decided];
    }
    const answering = edition.submissions
      .map((plan, index) => ({ plan, current: proposals[index] }))
      .filter(({ plan, current }) => current.state === 'ACCEPTED' && (plan.fate === 'confirmed' || plan.fate === 'declined'));
    await each(answering, this.concurrency, async ({ plan, current }) => {
      const owner = this.actorOf(plan.owner);
      await this.timeline.at(plan.answeredAt, () =>
        plan.fate === 'confirmed' ? this.decisions.confirm(owner, access, current.id) : this.decisions.decline(owner, access, current.id),
      );
    });
  }

  private async invitedSessions(): Promise<void> {
    const edition = this.plan.edition2019;
    const access = await this.access(edition.slug);
    const existing = new Map<string, SubmissionState>(
      (await this.pages((cursor) => this.submissionList.list(organiserCall(this.organiser, edition.slug), { origin: 'INVITED', limit: 200, cursor }).then(parseJsonText))).map((s) => [s.title, s]),
    );
    const sessions = new Array<SubmissionState>(edition.invited.length);
    await each(edition.invited, CODE_CONCURRENCY, async (session, index) => {
      const found = existing.get(session.title);
      if (found) {
        sessions[index] = found;
        return;
      }
      const input = await this.body(CreateInvitedSessionDto, {
        title: session.title,
        abstract: session.abstract,
        format: session.format,
        ...(session.track ? { track: session.track } : {}),
        language: session.language,
        speakers: session.speakers.map((s) => ({ email: s.email })),
      });
      const created = await this.timeline.at(edition.invitedAt, () => this.organiserSessions.create(this.organiser, access, input));
      sessions[index] = { id: created.id, state: created.state };
    });
    await each(edition.invited, this.concurrency, async (session, index) => {
      const { id, state } = sessions[index];
      if (state !== 'ACCEPTED' || !session.confirmed) return;
      const owner = this.actorOf(session.speakers[0]);
      await this.timeline.at(later(edition.invitedAt, 24 * 60), () => this.decisions.confirm(owner, access, id));
    });
  }

  /** Rooms and the released programme of the 2019 edition's 252 sessions (demo-programme.ts), a month before it. */
  private async programme(proposals: SubmissionState[]): Promise<void> {
    const edition = this.plan.edition2019;
    const access = await this.access(edition.slug);
    const durations = new Map((await this.cfp.get(access)).formats.map((f) => [f.slug, f.durationMinutes]));
    const unconfirmed = edition.submissions.flatMap((plan, index) =>
      plan.fate === 'accepted'
        ? [
            {
              id: proposals[index].id,
              key: String(index).padStart(4, '0'),
              lengthMinutes: durations.get(plan.format) ?? 35,
              speakerIds: [plan.owner, ...(plan.coSpeaker ? [plan.coSpeaker] : [])].map((speaker) => this.actorOf(speaker).id),
            },
          ]
        : [],
    );
    await this.timeline.at(PROGRAMME_RELEASED_AT, () => buildDemoProgramme(this.app, this.organiser, access, unconfirmed));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Registrations

  private async register(edition: EditionPlan): Promise<void> {
    const access = await this.access(edition.slug);
    const typeIds = await this.ticketTypesOf(edition);
    const existing = new Map(
      (await this.pages((cursor) => this.registrationList.list(access, { limit: 200, cursor }))).map((r) => [r.attendeeEmail, r]),
    );
    await each(edition.registrations, this.concurrency, (plan) => this.registration(edition, access, typeIds, plan, existing.get(plan.person.email) ?? null));
  }

  private async registration(
    edition: EditionPlan,
    access: EventAccess,
    typeIds: Map<string, string>,
    plan: RegistrationPlan,
    found: { id: string; state: string } | null,
  ): Promise<void> {
    const actor = this.actorOf(plan.person);
    const type = edition.ticketTypes.find((t) => t.key === plan.ticket)!;
    let current: { id: string; state: string; badgeToken?: string | null } | null = found;
    if (!current) {
      const answers = Object.fromEntries(Object.entries(plan.answers).filter(([, value]) => value !== null && value !== undefined));
      const input = await this.body(CreateRegistrationDto, {
        ticketTypeId: typeIds.get(type.name),
        attendeeName: plan.person.name,
        ...(type.voucher ? { voucherCode: type.voucher } : {}),
        ...(plan.consent ? { consentToReport: true, ...answers } : {}),
      });
      const created = await this.timeline.at(plan.registeredAt, () => this.registrations.create(actor, edition.slug, input));
      current = JSON.parse(created.body) as { id: string; state: string; badgeToken: string | null };
    }
    const id = current.id;
    if (current.state === 'PENDING' && plan.fate === 'confirmed' && plan.paidAt) {
      current = { ...(await this.timeline.at(plan.paidAt, () => this.registrationStates.markPaid(this.organiser, access, id))), badgeToken: undefined };
    }
    if (plan.fate === 'cancelled' && current.state !== 'CANCELLED') {
      await this.timeline.at(later(plan.registeredAt, 3 * 24 * 60), () => this.cancellations.cancel(actor, edition.slug, id));
    }
    if (plan.checkedInAt && current.state === 'CONFIRMED') {
      const badge = current.badgeToken ?? (await this.registrationDetails.mine(actor, edition.slug)).badgeToken;
      if (!badge) throw new Error(`no badge for ${plan.person.email}`);
      await this.timeline.at(plan.checkedInAt, () => this.checkIns.scan(this.organiser, access, badge));
    }
  }

  private async colocatedRegistrations(): Promise<void> {
    for (const event of this.plan.edition2019.colocated) await this.register(this.colocatedEdition(event.slug));
  }

  // ---------------------------------------------------------------------------------------------------------

  /** The editions took place: completed, the 2019 one last, which marks the demo data as complete. */
  private async complete(): Promise<void> {
    const slugs = [...this.plan.edition2019.colocated.map((e) => e.slug), this.plan.edition2018.slug, this.plan.edition2019.slug];
    const completed = await this.body(UpdateEventDto, { status: 'COMPLETED' });
    for (const slug of slugs) {
      const access = await this.access(slug, this.accounts.admin);
      if (access.event.status !== 'COMPLETED') await this.events.update(this.accounts.admin, access, completed);
    }
  }
}
