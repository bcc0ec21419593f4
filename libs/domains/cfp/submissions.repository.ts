import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  AudienceLevel,
  EventRole,
  InvitationStatus,
  Prisma,
  SpeakerRole,
  SubmissionOrigin,
  SubmissionState,
} from '@lectern/database/generated/client';
import { ExportPool } from '@lectern/database/export-pool';
import { KeysetPosition } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CallerAccessColumns, callerAccessSql } from '@lectern/domains/events/events.repository';

const PROFILE_FIELDS = {
  name: true,
  bio: true,
  company: true,
  jobTitle: true,
  country: true,
  pronouns: true,
  firstTimeSpeaker: true,
} as const satisfies Prisma.SpeakerProfileSelect;

const speakerOrder = [{ role: 'asc' }, { createdAt: 'asc' }] satisfies Prisma.SubmissionSpeakerOrderByWithRelationInput[];

/** Everything one submission's page shows; one statement thanks to relation joins. */
function detailFields(eventId: string) {
  return {
    id: true,
    eventId: true,
    code: true,
    origin: true,
    state: true,
    title: true,
    abstract: true,
    description: true,
    level: true,
    language: true,
    submittedAt: true,
    stateChangedAt: true,
    createdAt: true,
    updatedAt: true,
    format: { select: { id: true, slug: true, name: true, durationMinutes: true, maxSpeakers: true, openForSubmissions: true } },
    track: { select: { id: true, slug: true, name: true } },
    answers: { select: { questionId: true, value: true } },
    invitations: {
      select: { id: true, email: true, status: true, createdAt: true, respondedAt: true },
      orderBy: { createdAt: 'asc' },
    },
    speakers: {
      select: {
        userId: true,
        role: true,
        firstTimeSpeaker: true,
        user: {
          select: {
            email: true,
            name: true,
            speakerProfile: { select: PROFILE_FIELDS },
            cfpAnswers: { where: { question: { eventId } }, select: { questionId: true, value: true } },
          },
        },
      },
      orderBy: speakerOrder,
    },
  } as const satisfies Prisma.SubmissionSelect;
}

export type SubmissionDetailRecord = Prisma.SubmissionGetPayload<{ select: ReturnType<typeof detailFields> }>;

/** A row of the CSV export as its statement reads it (columns as PostgreSQL names them, json already parsed). */
export interface SubmissionExportRow {
  code: string;
  state: SubmissionState;
  origin: SubmissionOrigin;
  title: string;
  format_slug: string | null;
  duration_minutes: number | null;
  track_slug: string | null;
  level: AudienceLevel | null;
  language: string | null;
  submitted_at: Date;
  abstract: string | null;
  description: string | null;
  speakers: {
    name: string;
    email: string;
    company: string | null;
    jobTitle: string | null;
    country: string | null;
    firstTimeSpeaker: boolean | null;
  }[];
  /** The submission's answers by question id. */
  answers: Record<string, unknown>;
}

const MINE_FIELDS = {
  id: true,
  code: true,
  origin: true,
  state: true,
  title: true,
  level: true,
  language: true,
  submittedAt: true,
  format: { select: { slug: true, name: true } },
  track: { select: { slug: true, name: true } },
  updatedAt: true,
  speakers: { select: { userId: true, role: true } },
} as const satisfies Prisma.SubmissionSelect;

export type MySubmissionRecord = Prisma.SubmissionGetPayload<{ select: typeof MINE_FIELDS }>;

/** What organisers filter by; the service has already resolved defaults. */
export interface SubmissionFilter extends SubmissionCriteria {
  eventId: string;
}

/** SubmissionFilter within an edition not yet known by its id (see submissionPageSql). */
export interface SubmissionCriteria {
  origins: SubmissionOrigin[];
  states: SubmissionState[];
  trackSlug?: string;
  formatSlug?: string;
  level?: AudienceLevel;
  language?: string;
  text?: string;
}

export interface SubmissionContent {
  title?: string;
  abstract?: string | null;
  description?: string | null;
  formatId?: string | null;
  trackId?: string | null;
  level?: AudienceLevel | null;
  language?: string | null;
}

/** `%`, `_` and `\` match literally in a search box; LIKE would read them as wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterWhere(filter: SubmissionFilter): Prisma.SubmissionWhereInput {
  const text = filter.text ? likeLiteral(filter.text) : undefined;
  return {
    eventId: filter.eventId,
    origin: { in: filter.origins },
    state: { in: filter.states },
    ...(filter.trackSlug ? { track: { slug: filter.trackSlug } } : {}),
    ...(filter.formatSlug ? { format: { slug: filter.formatSlug } } : {}),
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.language ? { language: filter.language } : {}),
    ...(text
      ? { OR: [{ title: { contains: text, mode: 'insensitive' } }, { abstract: { contains: text, mode: 'insensitive' } }] }
      : {}),
  };
}

/** filterWhere as SQL conditions on `submissions s`, `session_formats f` and `tracks tr`. */
function filterConditions(filter: SubmissionFilter): Prisma.Sql[] {
  return [Prisma.sql`s.event_id = ${filter.eventId}::uuid`, ...criteriaConditions(filter)];
}

/** filterConditions but the edition's. */
function criteriaConditions(filter: SubmissionCriteria): Prisma.Sql[] {
  const conditions = [
    Prisma.sql`s.origin = ANY(${filter.origins}::"SubmissionOrigin"[])`,
    Prisma.sql`s.state = ANY(${filter.states}::"SubmissionState"[])`,
  ];
  if (filter.trackSlug) conditions.push(Prisma.sql`tr.slug = ${filter.trackSlug}`);
  if (filter.formatSlug) conditions.push(Prisma.sql`f.slug = ${filter.formatSlug}`);
  if (filter.level) conditions.push(Prisma.sql`s.level = ${filter.level}::"AudienceLevel"`);
  if (filter.language) conditions.push(Prisma.sql`s.language = ${filter.language}`);
  if (filter.text) {
    const pattern = `%${likeLiteral(filter.text)}%`;
    conditions.push(Prisma.sql`(s.title ILIKE ${pattern} OR s.abstract ILIKE ${pattern})`);
  }
  return conditions;
}

export interface SubmissionPageParams {
  /** The edition by its slug, the caller, and the roles that may read the list: checked in the page's statement. */
  slug: string;
  callerId: string;
  allowed: readonly EventRole[];
  criteria: SubmissionCriteria;
  limit: number;
  after?: KeysetPosition;
}

/**
 * The organisers' page as its statement reads it: the caller's access as the statement read it, the page's items as
 * the JSON text of the response's `items` (empty when the caller was refused), and where the next page starts.
 */
export type SubmissionPageRow = CallerAccessColumns & {
  items: string;
  /** More submissions follow the page; the next page starts after its last (lastAt, lastId). */
  more: boolean;
  lastAt: Date | null;
  lastId: string | null;
};

/** A timestamp as JSON gives a JavaScript Date: milliseconds (the columns keep no more), UTC, `Z`. */
export const jsonTimestamp = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The organisers' keyset page, newest submission first, as one statement whatever its size: the caller's account,
 * the edition and their roles in it (callerAccessSql; the page is read only when they may read it), then the page
 * with format, track and speakers gathered per row in SQL, in list order, as the JSON the response carries: on a
 * page of 50 the API used to spend more time turning rows into objects and back into JSON than the database spent
 * on the statement. Exported so that the benchmark runs exactly this statement through raw `pg` as its baseline.
 */
export function submissionPageSql(p: SubmissionPageParams): Prisma.Sql {
  const conditions = [
    Prisma.sql`s.event_id = (SELECT event_id FROM caller WHERE granted)`,
    ...criteriaConditions(p.criteria),
    Prisma.sql`s.submitted_at IS NOT NULL`,
  ];
  if (p.after) conditions.push(Prisma.sql`(s.submitted_at, s.id) < (${p.after.at}::timestamptz, ${p.after.id}::uuid)`);
  return Prisma.sql`
    WITH caller AS (${callerAccessSql(p.slug, p.callerId, p.allowed)}),
    page AS (
      SELECT s.id, s.code, s.origin, s.state, s.title, s.level, s.language, s.submitted_at,
             CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('slug', f.slug, 'name', f.name) END AS format,
             CASE WHEN tr.id IS NULL THEN NULL ELSE json_build_object('slug', tr.slug, 'name', tr.name) END AS track,
             coalesce((SELECT json_agg(json_build_object('role', ss.role, 'name', coalesce(sp.name, u.name),
                                                         'company', sp.company, 'country', sp.country)
                                       ORDER BY ss.role, ss.created_at)
                         FROM submission_speakers ss JOIN users u ON u.id = ss.user_id
                         LEFT JOIN speaker_profiles sp ON sp.user_id = ss.user_id
                        WHERE ss.submission_id = s.id), '[]') AS speakers
        FROM submissions s
        LEFT JOIN session_formats f ON f.id = s.format_id
        LEFT JOIN tracks tr ON tr.id = s.track_id
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY s.submitted_at DESC, s.id DESC
       LIMIT ${p.limit + 1}::int
    ),
    shown AS (SELECT * FROM page ORDER BY submitted_at DESC, id DESC LIMIT ${p.limit}::int)
    SELECT c.caller_email, c.caller_admin, c.event_status, c.event_roles,
           (SELECT count(*) FROM page) > ${p.limit}::int AS more,
           last.submitted_at AS "lastAt", last.id AS "lastId",
           coalesce((SELECT json_agg(json_build_object(
                              'id', id, 'code', code, 'origin', origin, 'state', state, 'title', title,
                              'format', format, 'track', track, 'level', level, 'language', language,
                              'submittedAt', ${jsonTimestamp(Prisma.sql`submitted_at`)}, 'speakers', speakers)
                            ORDER BY submitted_at DESC, id DESC)
                       FROM shown), '[]')::text AS items
      FROM caller c
      LEFT JOIN LATERAL (SELECT submitted_at, id FROM shown ORDER BY submitted_at, id LIMIT 1) last ON true`;
}

@Injectable()
export class SubmissionsRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly exports: ExportPool,
  ) {}

  findDetail(eventId: string, id: string): Promise<SubmissionDetailRecord | null> {
    return this.tx.db.submission.findFirst({ where: { id, eventId }, select: detailFields(eventId) });
  }

  /** Holds the submission's row lock until commit: edits, submits and speaker changes of one proposal take turns. */
  async lock(id: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT id FROM submissions WHERE id = ${id}::uuid FOR UPDATE`;
  }

  /** The row lock and the state it guards, in one statement. */
  async lockState(eventId: string, id: string): Promise<{ id: string; state: SubmissionState } | null> {
    const rows = await this.tx.db.$queryRaw<{ id: string; state: SubmissionState }[]>`
      SELECT id, state FROM submissions WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  async create(
    data: SubmissionContent & { eventId: string; code: string; title: string; origin: SubmissionOrigin; state: SubmissionState; submittedAt: Date | null; stateChangedAt: Date },
    speakers: { userId: string; role: SpeakerRole; firstTimeSpeaker: boolean | null }[],
  ): Promise<string> {
    const created = await this.tx.db.submission.create({
      data: { ...data, speakers: { create: speakers } },
      select: { id: true },
    });
    return created.id;
  }

  async update(id: string, data: SubmissionContent): Promise<void> {
    await this.tx.db.submission.update({ where: { id }, data });
  }

  async setState(id: string, state: SubmissionState, at: Date, submittedAt?: Date): Promise<void> {
    await this.tx.db.submission.update({
      where: { id },
      data: { state, stateChangedAt: at, ...(submittedAt ? { submittedAt } : {}) },
    });
  }

  listMine(eventId: string, userId: string): Promise<MySubmissionRecord[]> {
    return this.tx.db.submission.findMany({
      where: { eventId, speakers: { some: { userId } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: MINE_FIELDS,
    });
  }

  /** Through the driver (TransactionHost.read): the organisers' every page. */
  listPage(p: SubmissionPageParams): Promise<SubmissionPageRow[]> {
    return this.tx.read<SubmissionPageRow>(submissionPageSql(p));
  }

  /**
   * The organisers' list, every row, newest first, as one statement read through the export pool's server-side
   * cursor (see ExportPool.stream): speakers (in list order) and answers gathered per row in the same statement.
   */
  streamExport(filter: SubmissionFilter, head: string, toText: (row: SubmissionExportRow) => string): Promise<Readable> {
    const conditions = [...filterConditions(filter), Prisma.sql`s.submitted_at IS NOT NULL`];
    const statement = Prisma.sql`
      SELECT s.code, s.state, s.origin, s.title, f.slug AS format_slug, f.duration_minutes, tr.slug AS track_slug, s.level,
             s.language, s.submitted_at, s.abstract, s.description,
             coalesce((SELECT json_agg(json_build_object('name', coalesce(p.name, u.name), 'email', u.email, 'company', p.company,
                                                         'jobTitle', p.job_title, 'country', p.country,
                                                         'firstTimeSpeaker', ss.first_time_speaker)
                                       ORDER BY ss.role, ss.created_at)
                         FROM submission_speakers ss JOIN users u ON u.id = ss.user_id
                         LEFT JOIN speaker_profiles p ON p.user_id = ss.user_id
                        WHERE ss.submission_id = s.id), '[]') AS speakers,
             coalesce((SELECT json_object_agg(a.question_id, a.value) FROM cfp_answers a WHERE a.submission_id = s.id), '{}') AS answers
        FROM submissions s
        LEFT JOIN session_formats f ON f.id = s.format_id
        LEFT JOIN tracks tr ON tr.id = s.track_id
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY s.submitted_at DESC, s.id DESC`;
    return this.exports.stream(statement.text, statement.values, head, toText);
  }

  /** Totals per state, track and format for the same filter, in three statements. */
  async counts(filter: SubmissionFilter) {
    const where = filterWhere(filter);
    const [byState, byTrack, byFormat] = await Promise.all([
      this.tx.db.submission.groupBy({ by: ['state'], where, _count: { _all: true }, orderBy: { state: 'asc' } }),
      this.tx.db.submission.groupBy({ by: ['trackId'], where, _count: { _all: true }, orderBy: { trackId: 'asc' } }),
      this.tx.db.submission.groupBy({ by: ['formatId'], where, _count: { _all: true }, orderBy: { formatId: 'asc' } }),
    ]);
    return {
      byState: byState.map((row) => ({ state: row.state, count: row._count._all })),
      byTrack: byTrack.map((row) => ({ trackId: row.trackId, count: row._count._all })),
      byFormat: byFormat.map((row) => ({ formatId: row.formatId, count: row._count._all })),
    };
  }

  /** Formats and tracks of the event by id, to name the groups in counts. */
  async labels(eventId: string) {
    const event = await this.tx.db.event.findUnique({
      where: { id: eventId },
      select: {
        sessionFormats: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
        tracks: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
      },
    });
    return { formats: event?.sessionFormats ?? [], tracks: event?.tracks ?? [] };
  }

  /**
   * Serialises everything that counts against the per-speaker limit of these people in this event, until commit.
   * Ids are locked in sorted order so that two transactions locking overlapping sets cannot deadlock.
   */
  async lockSpeakerQuota(eventId: string, userIds: string[]): Promise<void> {
    const sorted = [...new Set(userIds)].sort();
    if (sorted.length === 0) return;
    // executeRaw: the lock function returns void, which a query's result mapping cannot read.
    await this.tx.db.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtext('cfp-speaker-limit:' || ${eventId}), hashtext(u.user_id))
        FROM unnest(${sorted}::text[]) WITH ORDINALITY AS u(user_id, n)
       ORDER BY u.n`;
  }

  /** Per user: CFP submissions of the event in a state that counts against the limit, on which they are a speaker. */
  async countLimited(eventId: string, userIds: string[], states: readonly SubmissionState[]): Promise<Map<string, number>> {
    const rows = await this.tx.db.submissionSpeaker.groupBy({
      by: ['userId'],
      where: { userId: { in: userIds }, submission: { eventId, origin: SubmissionOrigin.CFP, state: { in: [...states] } } },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.userId, row._count._all]));
  }

  async addSpeaker(submissionId: string, userId: string, role: SpeakerRole, firstTimeSpeaker: boolean | null): Promise<void> {
    await this.tx.db.submissionSpeaker.create({ data: { submissionId, userId, role, firstTimeSpeaker } });
  }

  /** Copies each speaker's current first-time flag onto the submission, so later profile edits leave this edition alone. */
  async snapshotFirstTimeFlags(submissionId: string): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE submission_speakers ss SET first_time_speaker = sp.first_time_speaker
        FROM speaker_profiles sp
       WHERE sp.user_id = ss.user_id AND ss.submission_id = ${submissionId}::uuid`;
  }

  countPendingInvitations(submissionId: string): Promise<number> {
    return this.tx.db.cospeakerInvitation.count({ where: { submissionId, status: InvitationStatus.PENDING } });
  }

  createInvitation(submissionId: string, email: string) {
    return this.tx.db.cospeakerInvitation.create({
      data: { submissionId, email },
      select: { id: true, email: true, status: true, createdAt: true, respondedAt: true },
    });
  }

  findInvitation(eventId: string, id: string) {
    return this.tx.db.cospeakerInvitation.findFirst({
      where: { id, submission: { eventId } },
      select: { id: true, email: true, status: true, submissionId: true },
    });
  }

  async setInvitationStatus(id: string, status: InvitationStatus, at: Date): Promise<void> {
    await this.tx.db.cospeakerInvitation.update({ where: { id }, data: { status, respondedAt: at } });
  }

  /** Open invitations addressed to this e-mail, with what the invitee needs to decide. */
  pendingInvitationsFor(email: string) {
    return this.tx.db.cospeakerInvitation.findMany({
      where: { email, status: InvitationStatus.PENDING },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        createdAt: true,
        submission: {
          select: {
            id: true,
            code: true,
            title: true,
            state: true,
            event: { select: { slug: true, name: true } },
            speakers: {
              where: { role: SpeakerRole.OWNER },
              select: { user: { select: { name: true, speakerProfile: { select: { name: true } } } } },
            },
          },
        },
      },
    });
  }

  /** Users with these e-mails (already normalised), for organisers who add an invited session's speakers. */
  usersByEmail(emails: string[]) {
    return this.tx.db.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, speakerProfile: { select: { firstTimeSpeaker: true } } },
    });
  }
}
