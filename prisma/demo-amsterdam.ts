import { INestApplicationContext, Type } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { CreateEventDto, GrantRoleDto, UpdateEventDto } from '@api/events/events.dto';
import { PostponeEditionDto } from '@api/lifecycle/lifecycle.dto';
import { createValidationPipe } from '@api/http/validation.pipe';
import { CreateRegistrationDto } from '@api/registrations/registrations.dto';
import { CreateTicketTypeDto } from '@api/registrations/ticket-types.dto';
import { Clock } from '@lectern/clock/clock';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { EventsService } from '@lectern/domains/events/events.service';
import { LifecycleService } from '@lectern/domains/lifecycle/lifecycle.service';
import { RegistrationListingService } from '@lectern/domains/registrations/registration-listing.service';
import { RegistrationStateService } from '@lectern/domains/registrations/registration-state.service';
import { RegistrationsService } from '@lectern/domains/registrations/registrations.service';
import { TicketTypesService } from '@lectern/domains/registrations/ticket-types.service';
import { DEMO_ATTENDEE_PASSWORD, PersonPlan, people, random } from './demo-plan';
import { ARGON2, Timeline, demoAccount, each } from './demo-support';
import { SeededAccounts } from './seed-data';

/** The series of the demo's second story, in English only (its editions are held in Europe). */
export const EUROPE_SERIES = { slug: 'kubecon-europe', languages: ['en'], name: { en: 'KubeCon + CloudNativeCon Europe' } };

/**
 * KubeCon + CloudNativeCon Europe 2020 as it was announced: Amsterdam, 30 March – 2 April 2020 (09:00 on the first
 * day to 18:00 on the last, Amsterdam time, summer time from 29 March). It was postponed to 13–16 August 2020.
 */
export const AMSTERDAM_2020 = {
  slug: 'kubecon-europe-2020',
  name: { en: 'KubeCon + CloudNativeCon Europe 2020' },
  city: { en: 'Amsterdam' },
  country: 'NL',
  venue: { en: 'RAI Amsterdam' },
  timezone: 'Europe/Amsterdam',
  startsAt: '2020-03-30T07:00:00Z',
  endsAt: '2020-04-02T16:00:00Z',
  capacity: 10_000,
  /** The postponement, on the demo's clock, and the dates it moved the edition to. */
  postponedAt: new Date('2020-03-04T16:00:00Z'),
  postponedTo: { startsAt: '2020-08-13T07:00:00Z', endsAt: '2020-08-16T16:00:00Z' },
  /** The demo's report of it: fixed (so its PDF is the same from run to run), the day after the postponement. */
  reportGeneratedAt: new Date('2020-03-05T09:00:00Z'),
};

/** Registrations made before the postponement (invented people, a fixed seed), kept by it. */
const REGISTRATIONS = 600;
const SALES = { from: '2019-11-01T00:00:00Z', to: '2020-03-27T23:00:00Z' };
/** Invented prices in euro cents; the first type is free (speakers). */
const TICKET_TYPES = [
  { name: 'Speaker', category: 'SPEAKER', priceCents: 0, share: 0.05 },
  { name: 'Corporate', category: 'CORPORATE', priceCents: 109_900, share: 0.6 },
  { name: 'Individual', category: 'INDIVIDUAL', priceCents: 59_900, share: 0.25 },
  { name: 'Academic', category: 'ACADEMIC', priceCents: 15_000, share: 0.1 },
] as const;

const pipe = createValidationPipe();

/** The API's validation pipe on `value`, as if it had come over HTTP. */
function body<T>(dto: Type<T>, value: unknown): Promise<T> {
  return pipe.transform(value, { type: 'body', metatype: dto }) as Promise<T>;
}

export interface AmsterdamResult {
  eventId: string;
  slug: string;
  /** False when an earlier run had built and postponed it already. */
  built: boolean;
}

interface Planned {
  person: PersonPlan;
  ticket: (typeof TICKET_TYPES)[number];
  registeredAt: Date;
  /** When a paid ticket was paid for; null: still pending when the edition was postponed. */
  paidAt: Date | null;
}

/** Who registered for what and when: between mid-November 2019 and late February 2020, most of them paid. */
function plan(): Planned[] {
  const rnd = random(2020_0330);
  const from = Date.parse('2019-11-15T09:00:00Z');
  // paid within a week, so before the postponement
  const span = Date.parse('2020-02-25T18:00:00Z') - from;
  return people('amsterdam2020', REGISTRATIONS, rnd, 0.1).map((person) => {
    let r = rnd();
    const ticket = TICKET_TYPES.find((t) => (r -= t.share) < 0) ?? TICKET_TYPES[1];
    const registeredAt = new Date(from + Math.floor(rnd() * span));
    const paid = ticket.priceCents > 0 && rnd() < 0.85;
    return { person, ticket, registeredAt, paidAt: paid ? new Date(registeredAt.getTime() + Math.floor(rnd() * 7 * 86_400_000)) : null };
  });
}

/**
 * The Amsterdam 2020 edition, built through the services the API uses: the series and edition, its ticket types,
 * 600 registrations made between November and February, then the postponement through the lifecycle service on
 * 4 March 2020 (the demo's clock), to 13–16 August: the sales window moves with the dates, every registration is
 * kept, and the change is recorded, so the edition's report says it was postponed. Safe to run again: a postponed
 * edition is left alone; an interrupted run picks up where it stopped.
 */
export async function buildAmsterdam2020(app: INestApplicationContext, accounts: SeededAccounts, concurrency: number): Promise<AmsterdamResult> {
  const eventsRepository = app.get(EventsRepository);
  const events = app.get(EventsService);
  const access = async (actor: Actor): Promise<EventAccess> => {
    const found = await eventsRepository.findWithRoles(AMSTERDAM_2020.slug, actor.id);
    if (!found) throw new Error(`event ${AMSTERDAM_2020.slug} not found`);
    const { roleGrants, ...event } = found;
    return { event, roles: roleGrants.map((g) => g.role) };
  };
  const { admin, organiser } = accounts;

  if (!(await eventsRepository.findSeries(EUROPE_SERIES.slug))) await events.createSeries(admin, EUROPE_SERIES);
  if (!(await eventsRepository.findBySlug(AMSTERDAM_2020.slug))) {
    const { slug, name, city, country, venue, timezone, startsAt, endsAt, capacity } = AMSTERDAM_2020;
    const input = await body(CreateEventDto, { seriesSlug: EUROPE_SERIES.slug, slug, name, city, country, venue, timezone, startsAt, endsAt, capacity, format: 'IN_PERSON' });
    await events.createEvent(admin, input);
  }
  const asAdmin = await access(admin);
  if (asAdmin.event.status === 'POSTPONED') return { eventId: asAdmin.event.id, slug: asAdmin.event.slug, built: false };
  if (asAdmin.event.status === 'DRAFT') await events.update(admin, asAdmin, await body(UpdateEventDto, { status: 'PUBLISHED' }));
  await events.grantRole(admin, asAdmin, await body(GrantRoleDto, { email: organiser.email, role: 'ORGANISER' }));
  const asOrganiser = await access(organiser);

  const ticketTypes = app.get(TicketTypesService);
  const typeIds = new Map((await ticketTypes.list(AMSTERDAM_2020.slug, organiser)).map((t) => [t.name.en, t.id]));
  for (const type of TICKET_TYPES) {
    if (typeIds.has(type.name)) continue;
    const input = await body(CreateTicketTypeDto, {
      name: { en: type.name },
      category: type.category,
      attendance: 'IN_PERSON',
      priceCents: type.priceCents,
      currency: 'EUR',
      salesStartAt: SALES.from,
      salesEndAt: SALES.to,
    });
    typeIds.set(type.name, (await ticketTypes.create(organiser, asOrganiser, input)).id);
  }

  const timeline = new Timeline(app.get(Clock));
  try {
    await register(app, asOrganiser, organiser, typeIds, timeline, concurrency);
    const postpone = await body(PostponeEditionDto, AMSTERDAM_2020.postponedTo);
    await timeline.at(AMSTERDAM_2020.postponedAt, () => app.get(LifecycleService).postpone(organiser, asOrganiser, postpone));
  } finally {
    timeline.restore();
  }
  return { eventId: asOrganiser.event.id, slug: asOrganiser.event.slug, built: true };
}

async function register(
  app: INestApplicationContext,
  access: EventAccess,
  organiser: Actor,
  typeIds: Map<string, string>,
  timeline: Timeline,
  concurrency: number,
): Promise<void> {
  const users = app.get(AuthRepository);
  const registrations = app.get(RegistrationsService);
  const states = app.get(RegistrationStateService);
  const listing = app.get(RegistrationListingService);
  const existing = new Map<string, { id: string; state: string }>();
  let cursor: string | undefined;
  do {
    const page = await listing.list(access, { limit: 200, cursor });
    for (const r of page.items) existing.set(r.attendeeEmail, r);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const passwordHash = await hash(DEMO_ATTENDEE_PASSWORD, ARGON2);
  await each(plan(), concurrency, async ({ person, ticket, registeredAt, paidAt }) => {
    const user = await demoAccount(users, person, passwordHash, true);
    const actor: Actor = { id: user.id, email: user.email, isAdmin: false, requestId: 'demo' };
    let current = existing.get(person.email);
    if (!current) {
      const input = await body(CreateRegistrationDto, { ticketTypeId: typeIds.get(ticket.name), attendeeName: person.name });
      const created = await timeline.at(registeredAt, () => registrations.create(actor, access.event.slug, input));
      current = JSON.parse(created.body) as { id: string; state: string };
    }
    const id = current.id;
    if (current.state === 'PENDING' && paidAt) await timeline.at(paidAt, () => states.markPaid(organiser, access, id));
  });
}
