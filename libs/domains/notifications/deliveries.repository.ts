import { Injectable } from '@nestjs/common';
import { NotificationDispatchStatus, NotificationStatus, Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { MessageEvent } from '@lectern/mail/message-context';
import { ConfirmationsRepository } from '@lectern/domains/reviews/confirmations.repository';
import { ReleasedVersion } from '@lectern/domains/programme/feeds.history';
import { ReleasedSession } from '@lectern/domains/programme/release.policy';
import { LocalizedText, localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';
import { AudienceRepository } from './audience.repository';
import { ComposeRepository, ComposedMessageRecord } from './compose.repository';
import { AudienceInput } from './email.types';

export interface OutboxRow {
  id: bigint;
  type: string;
  eventId: string | null;
  payload: unknown;
  createdAt: Date;
}

export interface RecipientUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** A name the organisers gave per language of the edition. */
export interface TranslatedName {
  name: LocalizedText;
}

export interface SubmissionForMessage {
  id: string;
  title: string;
  state: string;
  origin: string;
}

export interface CospeakerInvitationForMessage {
  email: string;
  status: string;
  submissionTitle: string;
  talkLanguage: string | null;
  /** The submission's owner, who alone invites, by their speaker name. */
  inviter: { name: string; locale: string | null } | null;
  /** The account registered with the invited address, if there is one. */
  invitee: { name: string; locale: string } | null;
}

export interface EditionAudienceMember extends RecipientUser {
  registrationState: string | null;
  refundDueCents: number | null;
  currency: string | null;
}

export interface RegistrationForMessage {
  state: string;
  badgeToken: string;
  cancelReason: string | null;
  offerExpiresAt: Date | null;
  /** The offer's expiry is still ahead, by the database clock. */
  offerLive: boolean;
  ticket: TranslatedName;
  user: RecipientUser;
}

export interface ScholarshipAwardForMessage {
  state: string;
  travelGrantMinor: number;
  includesRegistration: boolean;
  currency: string;
  programme: TranslatedName;
  user: RecipientUser;
}

export interface NewDelivery {
  outboxId: bigint;
  eventId: string | null;
  recipientKey: string;
  recipientUserId: string | null;
  recipientEmail: string;
  recipientName: string | null;
  language: string;
  template: string;
  context: Prisma.InputJsonObject;
  /** HELD for a decision the edition holds for its organisers' review; PENDING otherwise. */
  status: NotificationStatus;
}

export interface ClaimedDelivery {
  id: string;
  generation: number;
  attempts: number;
}

const ids = (values: bigint[]) => values.map(String);

const INSERT_BATCH = 2_000;

/**
 * Postgres is where the notification pipeline keeps its truth: which outbox rows were handed to BullMQ, whose
 * recipients are resolved, and which message was sent. Times compare against the database clock (now()), so
 * workers on machines with skewed clocks agree on what is stale.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly confirmations: ConfirmationsRepository,
    private readonly audience: AudienceRepository,
    private readonly composed: ComposeRepository,
  ) {}

  // ---- relay ----

  /** Outbox rows the relay has not handed on yet, and the age of the oldest, for the worker's metrics. */
  async outboxBacklog(): Promise<{ rows: number; oldestAgeSeconds: number }> {
    const [backlog] = await this.tx.db.$queryRaw<{ rows: bigint; oldest_age_seconds: number | null }[]>`
      SELECT count(*) AS rows, extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
      FROM outbox WHERE processed_at IS NULL`;
    return { rows: Number(backlog.rows), oldestAgeSeconds: Math.max(0, backlog.oldest_age_seconds ?? 0) };
  }

  /** Locks the oldest unrelayed outbox rows; rows another relay has locked are skipped, not waited for. */
  claimUnrelayedOutbox(limit: number): Promise<{ id: bigint; type: string }[]> {
    return this.tx.db.$queryRaw`
      SELECT id, type FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  }

  async markRelayed(outboxIds: bigint[], dispatchedIds: bigint[]): Promise<void> {
    if (dispatchedIds.length > 0) {
      // the dispatch job may already have finished (and inserted the row as DONE): that row stays as it is
      await this.tx.db.$executeRaw`
        INSERT INTO notification_dispatches (outbox_id)
        SELECT unnest(${ids(dispatchedIds)}::bigint[]) ON CONFLICT (outbox_id) DO NOTHING`;
    }
    await this.tx.db.$executeRaw`UPDATE outbox SET processed_at = now() WHERE id = ANY(${ids(outboxIds)}::bigint[])`;
  }

  async claimStaleDispatches(staleSeconds: number, limit: number): Promise<bigint[]> {
    const rows = await this.tx.db.$queryRaw<{ outbox_id: bigint }[]>`
      SELECT outbox_id FROM notification_dispatches
       WHERE status = 'QUEUED' AND queued_at < now() - make_interval(secs => ${staleSeconds})
       ORDER BY queued_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    return rows.map((r) => r.outbox_id);
  }

  async touchDispatches(outboxIds: bigint[]): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE notification_dispatches SET queued_at = now() WHERE outbox_id = ANY(${ids(outboxIds)}::bigint[])`;
  }

  /**
   * Deliveries that need a job: new ones, pending ones whose job was added long ago (Redis may have lost it), and
   * ones claimed by a worker that died mid-send (their lease ran out).
   */
  claimDeliveriesToEnqueue(staleSeconds: number, leaseSeconds: number, limit: number): Promise<{ id: string; generation: number }[]> {
    return this.tx.db.$queryRaw`
      SELECT id, generation FROM notification_deliveries
       WHERE (status = 'PENDING' AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => ${staleSeconds})))
          OR (status = 'SENDING' AND claimed_at < now() - make_interval(secs => ${leaseSeconds})
              AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => ${staleSeconds})))
       ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  }

  async markEnqueued(deliveryIds: string[]): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE notification_deliveries SET enqueued_at = now() WHERE id = ANY(${deliveryIds}::uuid[])`;
  }

  // ---- dispatch ----

  /** Waits for the relay that is still committing this row, so a dispatch never runs ahead of its bookkeeping. */
  async lockOutboxRow(id: bigint): Promise<OutboxRow | null> {
    const rows = await this.tx.db.$queryRaw<{ id: bigint; type: string; event_id: string | null; payload: unknown; created_at: Date }[]>`
      SELECT id, type, event_id, payload, created_at FROM outbox WHERE id = ${id} FOR UPDATE`;
    const row = rows[0];
    return row ? { id: row.id, type: row.type, eventId: row.event_id, payload: row.payload, createdAt: row.created_at } : null;
  }

  findDispatchStatus(outboxId: bigint): Promise<{ status: NotificationDispatchStatus } | null> {
    return this.tx.db.notificationDispatch.findUnique({ where: { outboxId }, select: { status: true } });
  }

  async finishDispatch(outboxId: bigint, recipients: number): Promise<void> {
    await this.tx.db.notificationDispatch.upsert({
      where: { outboxId },
      create: { outboxId, status: NotificationDispatchStatus.DONE, doneAt: new Date(), recipients },
      update: { status: NotificationDispatchStatus.DONE, doneAt: new Date(), recipients, lastError: null },
    });
  }

  async failDispatch(outboxId: bigint, error: string): Promise<void> {
    await this.tx.db.notificationDispatch.upsert({
      where: { outboxId },
      create: { outboxId, status: NotificationDispatchStatus.FAILED, lastError: error },
      update: { status: NotificationDispatchStatus.FAILED, lastError: error },
    });
  }

  async messageEvent(eventId: string): Promise<MessageEvent | null> {
    const event = await this.tx.db.event.findUnique({
      where: { id: eventId },
      select: { slug: true, name: true, city: true, venue: true, timezone: true, startsAt: true, endsAt: true, format: true, series: { select: { languages: true } } },
    });
    if (!event) return null;
    const { series, ...rest } = event;
    return {
      ...rest,
      languages: series.languages,
      name: localizedText(event.name),
      city: localizedText(event.city),
      venue: optionalLocalizedText(event.venue),
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
    };
  }

  /** Inserts the deliveries that do not exist yet; a dispatch that runs twice adds nothing the second time. */
  async insertDeliveries(rows: NewDelivery[]): Promise<number> {
    let inserted = 0;
    // a composed message reaches thousands: batches keep each statement under Postgres' 65,535 bind parameters
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const { count } = await this.tx.db.notificationDelivery.createMany({ data: rows.slice(start, start + INSERT_BATCH), skipDuplicates: true });
      inserted += count;
    }
    return inserted;
  }

  // ---- lookups for the resolvers ----

  composedMessageOfSend(eventId: string, sendId: string): Promise<ComposedMessageRecord | null> {
    return this.composed.ofSend(eventId, sendId);
  }

  /** The locales of the people an audience reaches: few, so their languages are matched in code. */
  async audienceLocales(eventId: string, audience: AudienceInput): Promise<string[]> {
    return (await this.audience.count(eventId, audience, 0)).locales.map((row) => row.locale);
  }

  /**
   * One delivery per person of the audience, in one INSERT … SELECT: a composed message reaches thousands, and
   * building their rows in the worker would hold the dispatch transaction for long. Every row has the same context
   * (the message in every language); `languages` maps each locale to the edition's language it is written in.
   */
  async insertAudienceDeliveries(
    outboxId: bigint,
    eventId: string,
    audience: AudienceInput,
    languages: Record<string, string>,
    fallback: string,
    template: string,
    context: Prisma.InputJsonObject,
  ): Promise<number> {
    return this.tx.db.$executeRaw`
      INSERT INTO notification_deliveries (id, outbox_id, event_id, recipient_key, recipient_user_id, recipient_email, recipient_name,
                                           language, template, context, status, updated_at)
      SELECT gen_random_uuid(), ${outboxId}, ${eventId}::uuid, 'user:' || u.id, u.id, u.email, u.name,
             coalesce(${JSON.stringify(languages)}::jsonb ->> u.locale, ${fallback}), ${template}, ${JSON.stringify(context)}::jsonb, 'PENDING', now()
        FROM (${this.audience.peopleSql(eventId, audience)}) people JOIN users u ON u.id = people.user_id
      ON CONFLICT (outbox_id, recipient_key) DO NOTHING`;
  }

  findUsers(userIds: string[]): Promise<RecipientUser[]> {
    return this.tx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true, locale: true }, orderBy: { id: 'asc' } });
  }

  scheduleReleaseOf(eventId: string, releaseId: string) {
    return this.tx.db.scheduleRelease.findFirst({ where: { eventId, id: releaseId }, select: { version: true, releasedAt: true, sessions: true, changelog: true } });
  }

  /** The sessions of every release up to `version`: what the SEQUENCE of each session in that version follows from. */
  async releasedVersionsOf(eventId: string, upTo: number): Promise<ReleasedVersion[]> {
    const rows = await this.tx.db.scheduleRelease.findMany({
      where: { eventId, version: { lte: upTo } },
      select: { version: true, sessions: true },
      orderBy: { version: 'asc' },
    });
    return rows.map((row) => ({ version: row.version, sessions: row.sessions as unknown as ReleasedSession[] }));
  }

  roomNamesOf(eventId: string) {
    return this.tx.db.room.findMany({ where: { eventId }, select: { id: true, name: true } });
  }

  findUser(userId: string): Promise<RecipientUser | null> {
    return this.tx.db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true } });
  }

  /** Everyone who held a role in the event at that moment (and still does), once each. */
  editionChange(eventId: string, changeId: string) {
    return this.tx.db.editionChange.findFirst({
      where: { id: changeId, eventId },
      select: { kind: true, toFormat: true, fromStartsAt: true, fromEndsAt: true, toStartsAt: true, toEndsAt: true, createdAt: true },
    });
  }

  /**
   * Everybody an edition's change concerns, once each, as of the change (`changedAt`): registrants (their
   * registration active then, or cancelled by the change itself), speakers of proposals still open or accepted,
   * scholarship applicants who have not withdrawn, and role holders. A person's registration comes along.
   */
  editionAudience(eventId: string, changedAt: Date): Promise<EditionAudienceMember[]> {
    return this.tx.db.$queryRaw<EditionAudienceMember[]>`
      WITH people AS (
        SELECT r.user_id FROM registrations r
         WHERE r.event_id = ${eventId}::uuid AND r.created_at <= ${changedAt}
           AND (r.state <> 'CANCELLED' OR r.cancelled_at >= ${changedAt})
        UNION
        SELECT ss.user_id FROM submission_speakers ss JOIN submissions s ON s.id = ss.submission_id
         WHERE s.event_id = ${eventId}::uuid AND s.state IN ('SUBMITTED', 'WAITLISTED', 'ACCEPTED', 'CONFIRMED') AND ss.created_at <= ${changedAt}
        UNION
        SELECT a.user_id FROM scholarship_applications a JOIN scholarship_programmes sp ON sp.id = a.programme_id
         WHERE sp.event_id = ${eventId}::uuid AND a.state = 'SUBMITTED' AND a.created_at <= ${changedAt}
        UNION
        SELECT g.user_id FROM role_grants g WHERE g.event_id = ${eventId}::uuid AND g.created_at <= ${changedAt}
      )
      SELECT u.id, u.email, u.name, u.locale,
             r.state::text AS "registrationState", r.refund_due_cents AS "refundDueCents", r.currency
        FROM people p JOIN users u ON u.id = p.user_id
        LEFT JOIN LATERAL (
          SELECT r.state, r.refund_due_cents, r.currency FROM registrations r
           WHERE r.event_id = ${eventId}::uuid AND r.user_id = u.id AND r.created_at <= ${changedAt}
             AND (r.state <> 'CANCELLED' OR r.cancelled_at >= ${changedAt})
           ORDER BY r.created_at DESC LIMIT 1
        ) r ON true
       ORDER BY u.id`;
  }

  eventRoleHolders(eventId: string, asOf: Date): Promise<RecipientUser[]> {
    return this.tx.db.user.findMany({
      where: { roleGrants: { some: { eventId, createdAt: { lte: asOf } } } },
      select: { id: true, email: true, name: true, locale: true },
      orderBy: { id: 'asc' },
    });
  }

  async submissionOf(eventId: string, submissionId: string): Promise<SubmissionForMessage | null> {
    const rows = await this.tx.db.$queryRaw<SubmissionForMessage[]>`
      SELECT id, title, state::text AS state, origin::text AS origin
        FROM submissions WHERE id = ${submissionId}::uuid AND event_id = ${eventId}::uuid`;
    return rows[0] ?? null;
  }

  /** A proposal of a shared CFP with the released decision of the edition it was offered to; null if none. */
  async offeredSubmissionOf(eventId: string, submissionId: string): Promise<(SubmissionForMessage & { decision: string }) | null> {
    const rows = await this.tx.db.$queryRaw<(SubmissionForMessage & { decision: string })[]>`
      SELECT s.id, s.title, s.state::text AS state, s.origin::text AS origin, o.decision::text AS decision
        FROM submission_offers o JOIN submissions s ON s.id = o.submission_id
       WHERE o.submission_id = ${submissionId}::uuid AND o.event_id = ${eventId}::uuid AND o.released_at IS NOT NULL`;
    return rows[0] ?? null;
  }

  /** The review domain's deadline for an accepted talk, as the messages show it (an ISO instant). */
  async confirmBy(submissionId: string): Promise<string | null> {
    return (await this.confirmations.confirmBy(submissionId))?.toISOString() ?? null;
  }

  /**
   * The speakers of a submission who were on it when the domain event happened and still are, the owner first.
   * Only people who accepted: pending invitations are not speakers.
   */
  submissionSpeakers(submissionId: string, asOf: Date, ownerOnly = false): Promise<RecipientUser[]> {
    return this.tx.db.$queryRaw<RecipientUser[]>`
      SELECT u.id, u.email, u.name, u.locale
        FROM submission_speakers s JOIN users u ON u.id = s.user_id
       WHERE s.submission_id = ${submissionId}::uuid AND s.created_at <= ${asOf}
         AND (${!ownerOnly} OR s.role = 'OWNER')
       ORDER BY (s.role = 'OWNER') DESC, s.created_at, s.id`;
  }

  /** The reviewers' comments written for the speakers; never the committee comment, never who wrote them. */
  async speakerComments(submissionId: string): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ speaker_comment: string }[]>`
      SELECT speaker_comment FROM reviews
       WHERE submission_id = ${submissionId}::uuid AND speaker_comment IS NOT NULL AND btrim(speaker_comment) <> ''
       ORDER BY created_at, id`;
    return rows.map((r) => r.speaker_comment);
  }

  /** A co-speaker invitation with what its message needs; the invitee's account, if the address has one. */
  async cospeakerInvitation(eventId: string, submissionId: string, invitationId: string): Promise<CospeakerInvitationForMessage | null> {
    const rows = await this.tx.db.$queryRaw<
      {
        email: string;
        status: string;
        submission_title: string;
        talk_language: string | null;
        inviter_name: string | null;
        inviter_locale: string | null;
        invitee_id: string | null;
        invitee_name: string | null;
        invitee_locale: string | null;
      }[]
    >`
      SELECT i.email, i.status::text AS status, s.title AS submission_title, s.language AS talk_language,
             coalesce(op.name, ou.name) AS inviter_name, ou.locale AS inviter_locale,
             iu.id AS invitee_id, iu.name AS invitee_name, iu.locale AS invitee_locale
        FROM cospeaker_invitations i
        JOIN submissions s ON s.id = i.submission_id
        LEFT JOIN submission_speakers o ON o.submission_id = s.id AND o.role = 'OWNER'
        LEFT JOIN users ou ON ou.id = o.user_id
        LEFT JOIN speaker_profiles op ON op.user_id = o.user_id
        LEFT JOIN users iu ON iu.email = i.email
       WHERE i.id = ${invitationId}::uuid AND i.submission_id = ${submissionId}::uuid AND s.event_id = ${eventId}::uuid`;
    const row = rows[0];
    if (!row) return null;
    return {
      email: row.email,
      status: row.status,
      submissionTitle: row.submission_title,
      talkLanguage: row.talk_language,
      inviter: row.inviter_name === null ? null : { name: row.inviter_name, locale: row.inviter_locale },
      invitee: row.invitee_id === null ? null : { name: row.invitee_name ?? '', locale: row.invitee_locale ?? '' },
    };
  }

  async registrationOf(eventId: string, registrationId: string): Promise<RegistrationForMessage | null> {
    const rows = await this.tx.db.$queryRaw<
      {
        state: string;
        badge_token: string;
        cancel_reason: string | null;
        offer_expires_at: Date | null;
        offer_live: boolean;
        ticket_name: LocalizedText;
        user_id: string;
        email: string;
        name: string;
        locale: string;
      }[]
    >`
      SELECT r.state::text AS state, r.badge_token, r.cancel_reason::text AS cancel_reason, r.offer_expires_at,
             coalesce(r.offer_expires_at > now(), false) AS offer_live,
             t.name AS ticket_name,
             u.id AS user_id, u.email, u.name, u.locale
        FROM registrations r JOIN ticket_types t ON t.id = r.ticket_type_id JOIN users u ON u.id = r.user_id
       WHERE r.id = ${registrationId}::uuid AND r.event_id = ${eventId}::uuid`;
    const row = rows[0];
    if (!row) return null;
    return {
      state: row.state,
      badgeToken: row.badge_token,
      cancelReason: row.cancel_reason,
      offerExpiresAt: row.offer_expires_at,
      offerLive: row.offer_live,
      ticket: { name: row.ticket_name },
      user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
    };
  }

  /** An award with its programme and recipient; nothing of the application's content. */
  async scholarshipAwardOf(eventId: string, applicationId: string, awardId: string): Promise<ScholarshipAwardForMessage | null> {
    const rows = await this.tx.db.$queryRaw<
      {
        state: string;
        travel_grant_minor: number;
        includes_registration: boolean;
        currency: string;
        programme_name: LocalizedText;
        user_id: string;
        email: string;
        name: string;
        locale: string;
      }[]
    >`
      SELECT a.state::text AS state, a.travel_grant_minor, a.includes_registration, p.currency,
             p.name AS programme_name,
             u.id AS user_id, u.email, u.name, u.locale
        FROM scholarship_awards a
        JOIN scholarship_programmes p ON p.id = a.programme_id
        JOIN scholarship_applications ap ON ap.id = a.application_id
        JOIN users u ON u.id = ap.user_id
       WHERE a.id = ${awardId}::uuid AND a.application_id = ${applicationId}::uuid AND p.event_id = ${eventId}::uuid`;
    const row = rows[0];
    if (!row) return null;
    return {
      state: row.state,
      travelGrantMinor: row.travel_grant_minor,
      includesRegistration: row.includes_registration,
      currency: row.currency,
      programme: { name: row.programme_name },
      user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
    };
  }

  /** The edition's organisers now (a webhook's trouble goes to whoever runs the edition). */
  eventOrganisers(eventId: string): Promise<RecipientUser[]> {
    return this.tx.db.user.findMany({
      where: { roleGrants: { some: { eventId, role: 'ORGANISER' } } },
      select: { id: true, email: true, name: true, locale: true },
      orderBy: { id: 'asc' },
    });
  }

  async webhookUrl(eventId: string, subscriptionId: string): Promise<string | null> {
    const rows = await this.tx.db.$queryRaw<{ url: string }[]>`
      SELECT url FROM webhook_subscriptions WHERE id = ${subscriptionId}::uuid AND event_id = ${eventId}::uuid`;
    return rows[0]?.url ?? null;
  }

  // ---- delivery ----

  /**
   * Takes the delivery for sending: only a PENDING row of this generation, or a SENDING one whose lease has run
   * out (its worker died). The conditional UPDATE is the lock: of two runs of one job, one gets the row.
   */
  async claimDelivery(id: string, generation: number, leaseSeconds: number): Promise<ClaimedDelivery | null> {
    const rows = await this.tx.db.$queryRaw<ClaimedDelivery[]>`
      UPDATE notification_deliveries
         SET status = 'SENDING', claimed_at = now(), attempts = attempts + 1, updated_at = now()
       WHERE id = ${id}::uuid AND generation = ${generation}
         AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < now() - make_interval(secs => ${leaseSeconds})))
       RETURNING id, generation, attempts`;
    return rows[0] ?? null;
  }

  /** Where a delivery stands, and when a live claim on it ends. */
  async deliveryState(id: string, leaseSeconds: number) {
    const rows = await this.tx.db.$queryRaw<
      { status: NotificationStatus; generation: number; lease_ends_in_ms: number | null }[]
    >`
      SELECT status, generation,
             (EXTRACT(EPOCH FROM (claimed_at + make_interval(secs => ${leaseSeconds}) - now())) * 1000)::float8 AS lease_ends_in_ms
        FROM notification_deliveries WHERE id = ${id}::uuid`;
    const row = rows[0];
    return row ? { status: row.status, generation: row.generation, leaseEndsInMs: row.lease_ends_in_ms } : null;
  }

  loadForSend(id: string) {
    return this.tx.db.notificationDelivery.findUnique({
      where: { id },
      select: {
        id: true,
        generation: true,
        template: true,
        context: true,
        recipientEmail: true,
        recipientName: true,
        language: true,
        recipientUser: { select: { email: true, name: true, locale: true, timeZone: true } },
      },
    });
  }

  /** Only the claim that is still current may record the outcome (a resend may have started a new generation). */
  async markSent(id: string, generation: number, sent: { email: string; messageId: string; providerMessageId: string | null }) {
    await this.tx.db.notificationDelivery.updateMany({
      where: { id, generation, status: NotificationStatus.SENDING },
      data: {
        status: NotificationStatus.SENT,
        sentAt: new Date(),
        recipientEmail: sent.email,
        messageId: sent.messageId,
        providerMessageId: sent.providerMessageId,
        lastError: null,
      },
    });
  }

  async markForRetry(id: string, generation: number, error: string) {
    await this.tx.db.$executeRaw`
      UPDATE notification_deliveries
         SET status = 'PENDING', claimed_at = NULL, last_error = ${error}, enqueued_at = now(), updated_at = now()
       WHERE id = ${id}::uuid AND generation = ${generation} AND status = 'SENDING'`;
  }

  async markFailed(id: string, generation: number, error: string) {
    await this.tx.db.notificationDelivery.updateMany({
      where: { id, generation, status: { in: [NotificationStatus.SENDING, NotificationStatus.PENDING] } },
      data: { status: NotificationStatus.FAILED, failedAt: new Date(), lastError: error, claimedAt: null },
    });
  }
}
