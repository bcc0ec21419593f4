import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { BesideRunner, SqlRunner } from '@reports/statistics/sql';

/** A translated column as stored: English, and Simplified Chinese when given. */
export const inTwo = (en: string, zh: string | null): Record<string, string> => (zh ? { en, 'zh-CN': zh } : { en });

/**
 * Rows for the statistics tests, written with plain SQL into this run's database: each test makes its own series
 * and editions (unique slugs), so tests never see each other's data even though they share the database.
 */
export class ReportScratch {
  /** Statements run through `sql`, to prove the statistics cost a fixed number of them. */
  statements = 0;
  readonly sql: SqlRunner;

  private constructor(readonly db: Client) {
    this.sql = async <T,>(text: string, values: unknown[] = []) => {
      this.statements += 1;
      return (await this.db.query(text, values)).rows as T[];
    };
  }

  static async connect(url = inject('databaseUrl')): Promise<ReportScratch> {
    const db = new Client({ connectionString: url });
    await db.connect();
    return new ReportScratch(db);
  }

  close() {
    return this.db.end();
  }

  /**
   * This connection as a report job's second one: each piece of work gets a REPEATABLE READ transaction of its own
   * here (the work imports the first connection's snapshot itself) and this connection's runner, through `wrap`
   * when given; `runs` says how many pieces ran.
   */
  besideRunner(wrap: (sql: SqlRunner) => SqlRunner = (sql) => sql): { beside: BesideRunner; runs: () => number } {
    let runs = 0;
    const beside: BesideRunner = async (work) => {
      runs += 1;
      await this.db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        return await work(wrap(this.sql));
      } finally {
        await this.db.query('COMMIT');
      }
    };
    return { beside, runs: () => runs };
  }

  private async insert(table: string, row: Record<string, unknown>): Promise<string> {
    const id = (row.id as string | undefined) ?? randomUUID();
    // cfp_settings is keyed by its event
    const full: Record<string, unknown> = table === 'cfp_settings' ? { ...row } : { id, ...row };
    if (!['submission_speakers', 'check_ins', 'scholarship_assignments'].includes(table)) full.updated_at ??= new Date();
    const columns = Object.keys(full);
    await this.db.query(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => full[c]),
    );
    return id;
  }

  async series(name = 'KubeCon China'): Promise<string> {
    return this.insert('series', { slug: `series-${randomBytes(4).toString('hex')}`, languages: ['en', 'zh-CN'], name: inTwo(name, `${name} 中文`) });
  }

  async event(seriesId: string, fields: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const slug = `edition-${randomBytes(4).toString('hex')}`;
    const id = await this.insert('events', {
      series_id: seriesId,
      slug,
      name: inTwo('KubeCon China 2019', 'KubeCon 中国 2019'),
      city: inTwo('Shanghai', '上海'),
      country: 'CN',
      venue: { en: 'Expo Centre' },
      timezone: 'Asia/Shanghai',
      starts_at: new Date('2019-06-24T01:00:00Z'),
      ends_at: new Date('2019-06-26T10:00:00Z'),
      format: 'HYBRID',
      status: 'COMPLETED',
      ...fields,
      // a plain string name is the English one
      ...(typeof fields.name === 'string' ? { name: { en: fields.name } } : {}),
    });
    return { id, slug };
  }

  async user(label = 'person'): Promise<string> {
    return this.insert('users', { email: `${label}-${randomUUID()}@stats.lectern`, password_hash: 'not-a-hash', name: label });
  }

  async ticketType(eventId: string, name: string, category: string, attendance: 'IN_PERSON' | 'VIRTUAL', nameZh: string | null = null) {
    return this.insert('ticket_types', { event_id: eventId, name: inTwo(name, nameZh), category, attendance });
  }

  /** `count` registrations alike; self-described fields are stored with consent, as the API does. */
  async registrations(
    count: number,
    eventId: string,
    ticketTypeId: string,
    fields: {
      state?: string;
      country?: string;
      company_size?: string;
      job_function?: string;
      industry?: string;
      first_time_attendee?: boolean;
      gender?: string;
    } = {},
  ): Promise<string[]> {
    const { state = 'CONFIRMED', ...described } = fields;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const userId = await this.user('attendee');
      ids.push(
        await this.insert('registrations', {
          event_id: eventId,
          user_id: userId,
          ticket_type_id: ticketTypeId,
          state,
          attendee_name: 'Attendee',
          attendee_email: 'attendee@stats.lectern',
          price_cents: 0,
          currency: 'USD',
          badge_token: randomUUID(),
          consent_to_report: Object.keys(described).length > 0,
          cancelled_at: state === 'CANCELLED' ? new Date() : null,
          cancel_reason: state === 'CANCELLED' ? 'ATTENDEE' : null,
          ...described,
        }),
      );
    }
    return ids;
  }

  async checkIn(eventId: string, registrationId: string, day = '2019-06-24') {
    return this.insert('check_ins', { event_id: eventId, registration_id: registrationId, day });
  }

  async format(eventId: string, slug: string, name: string, nameZh: string | null = null) {
    return this.insert('session_formats', { event_id: eventId, slug, name: inTwo(name, nameZh), duration_minutes: 30, max_speakers: 3 });
  }

  async track(eventId: string, slug: string, name: string, nameZh: string | null = null) {
    return this.insert('tracks', { event_id: eventId, slug, name: inTwo(name, nameZh) });
  }

  async cfpSettings(eventId: string) {
    return this.insert('cfp_settings', {
      event_id: eventId,
      opens_at: new Date('2019-01-01T00:00:00Z'),
      closes_at: new Date('2019-03-01T00:00:00Z'),
      max_submissions_per_speaker: 3,
      code_prefix: 'KC',
    });
  }

  /** A proposal (or an invited session) in `state`, with its speakers: [userId, first-time flag]. */
  async submission(
    eventId: string,
    fields: { state: string; origin?: 'CFP' | 'INVITED'; formatId: string | null; trackId?: string | null },
    speakers: [string, boolean | null][] = [],
  ) {
    const draft = fields.state === 'DRAFT';
    const id = await this.insert('submissions', {
      event_id: eventId,
      code: `S-${randomBytes(4).toString('hex')}`,
      origin: fields.origin ?? 'CFP',
      state: fields.state,
      title: 'A talk',
      abstract: draft ? null : 'About it',
      format_id: fields.formatId,
      track_id: fields.trackId ?? null,
      language: draft ? null : 'en',
      submitted_at: draft ? null : new Date('2019-02-01T00:00:00Z'),
    });
    for (const [index, [userId, firstTime]] of speakers.entries()) {
      await this.insert('submission_speakers', {
        submission_id: id,
        user_id: userId,
        role: index === 0 ? 'OWNER' : 'CO_SPEAKER',
        first_time_speaker: firstTime,
      });
    }
    return id;
  }

  async sponsor(eventId: string, name: string, tier: string) {
    return this.insert('sponsors', { event_id: eventId, name, tier });
  }

  async partner(eventId: string, name: string) {
    return this.insert('community_partners', { event_id: eventId, name });
  }

  async media(eventId: string, kind: 'MEDIA' | 'ANALYST', language: string) {
    return this.insert('media_accreditations', { event_id: eventId, name: 'Reporter', outlet: 'Outlet', kind, language });
  }

  async fact(eventId: string, fields: Record<string, unknown>) {
    return this.insert('event_facts', { event_id: eventId, ...fields });
  }

  async programme(eventId: string, key: string, kind: string, currency = 'USD') {
    return this.insert('scholarship_programmes', {
      event_id: eventId,
      key,
      name: inTwo(`${key} scholarship`, `${key} 奖学金`),
      kind,
      opens_at: new Date('2019-01-01T00:00:00Z'),
      closes_at: new Date('2019-04-01T00:00:00Z'),
      currency,
      budget_minor: 10_000_000,
      travel_cap_minor: 500_000,
    });
  }

  async application(programmeId: string, state: 'SUBMITTED' | 'WITHDRAWN' = 'SUBMITTED') {
    const userId = await this.user('applicant');
    return this.insert('scholarship_applications', {
      programme_id: programmeId,
      user_id: userId,
      state,
      statement: 'Why me',
      travel_origin: 'CN',
      consent_given_at: new Date(),
      withdrawn_at: state === 'WITHDRAWN' ? new Date() : null,
    });
  }

  async award(programmeId: string, applicationId: string, state: string, travelGrantMinor: number) {
    return this.insert('scholarship_awards', {
      programme_id: programmeId,
      application_id: applicationId,
      state,
      travel_grant_minor: travelGrantMinor,
      includes_registration: travelGrantMinor === 0,
      offered_at: new Date(),
      revoked_at: state === 'REVOKED' ? new Date() : null,
    });
  }
}
