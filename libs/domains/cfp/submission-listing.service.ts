import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { toZonedIso } from '@lectern/clock/zoned-time';
import { CsvValue, UTF8_BOM, csvRow } from '@lectern/csv/csv.format';
import { decodeKeyset, keysetCursor } from '@lectern/database/cursor';
import { JsonText, jsonPage } from '@lectern/database/json.types';
import { CfpQuestionScope, SubmissionOrigin } from '@lectern/database/generated/enums';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess, EventCall, roleAccess } from '@lectern/domains/events/event-visibility.policy';
import { CfpRepository, QuestionRecord } from './cfp.repository';
import { ORGANISER_VISIBLE_STATES } from './submission-state.machine';
import { toMineItem } from './submission.views';
import { SubmissionCriteria, SubmissionExportRow, SubmissionFilter, SubmissionsRepository } from './submissions.repository';
import { ListSubmissionsQuery, SubmissionFilterQuery, SubmissionPage } from './submissions.types';
import { localizedText, optionalLocalizedText, textIn } from '@lectern/i18n/localized-text';

/** Lists of submissions: a speaker's own, and the organisers' filtered list, its counts and its CSV export. */
@Injectable()
export class SubmissionListingService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cfp: CfpRepository,
  ) {}

  async listMine(actor: Actor, access: EventAccess) {
    const rows = await this.submissions.listMine(access.event.id, actor.id);
    return rows.map((row) => toMineItem(row, actor.id));
  }

  /**
   * Organisers' list: one statement per page whatever its size, the caller's account, edition and roles checked in
   * it (submissionPageSql) and judged here as the event guard would judge them; the items come as the statement
   * wrote them in JSON.
   */
  async list(call: EventCall, query: ListSubmissionsQuery): Promise<JsonText<SubmissionPage>> {
    const limit = query.limit ?? 50;
    const after = decodeKeyset(query.cursor);
    const [row] = await this.submissions.listPage({ slug: call.slug, callerId: call.callerId, allowed: call.allowed, criteria: criteriaOf(query), limit, after });
    roleAccess(call, row);
    const nextCursor = row.more && row.lastAt && row.lastId ? keysetCursor(row.lastAt, row.lastId) : null;
    return jsonPage(row.items, nextCursor);
  }

  async counts(access: EventAccess, query: SubmissionFilterQuery) {
    const filter = filterOf(access, query);
    const [counts, labels] = await Promise.all([this.submissions.counts(filter), this.submissions.labels(access.event.id)]);
    const named = (items: { id: string; slug: string; name: unknown }[], id: string | null) => {
      const item = id === null ? undefined : items.find((i) => i.id === id);
      return id === null ? { key: 'none', name: null } : { key: item?.slug ?? id, name: optionalLocalizedText(item?.name) };
    };
    return {
      total: counts.byState.reduce((sum, row) => sum + row.count, 0),
      byState: counts.byState.map((row) => ({ key: row.state, name: null, count: row.count })),
      byTrack: counts.byTrack.map((row) => ({ ...named(labels.tracks, row.trackId), count: row.count })),
      byFormat: counts.byFormat.map((row) => ({ ...named(labels.formats, row.formatId), count: row.count })),
    };
  }

  /**
   * The filtered list as CSV, one statement read through a server-side cursor, so that an export of any size holds
   * one batch in memory. What can fail is checked before the first byte goes out.
   */
  async exportCsv(access: EventAccess, query: SubmissionFilterQuery): Promise<Readable> {
    const filter = filterOf(access, query);
    const questions = await this.cfp.activeQuestions(access.event.id, CfpQuestionScope.SUBMISSION);
    const timezone = access.event.timezone;
    const header = csvRow([
      'code', 'state', 'origin', 'title', 'format', 'duration_minutes', 'track', 'level', 'language',
      'submitted_at_utc', `submitted_at_local (${timezone})`, 'speakers', 'speaker_emails', 'companies', 'job_titles',
      'countries', 'first_time_speakers', 'abstract', 'description',
      // Organisers read the export in the edition's primary language.
      ...questions.map((q) => textIn(localizedText(q.label), access.event.series.languages[0]) ?? ''),
    ]);
    return this.submissions.streamExport(filter, UTF8_BOM + header, (row) => csvRow(csvValues(row, questions, timezone)));
  }
}

function filterOf(access: EventAccess, query: SubmissionFilterQuery): SubmissionFilter {
  return { eventId: access.event.id, ...criteriaOf(query) };
}

/** The organisers' filter with its defaults: CFP submissions only, in every state organisers see. */
export function criteriaOf(query: SubmissionFilterQuery): SubmissionCriteria {
  const origin = query.origin ?? 'CFP';
  return {
    origins: origin === 'ALL' ? [SubmissionOrigin.CFP, SubmissionOrigin.INVITED] : [origin],
    states: query.state && query.state.length > 0 ? query.state : [...ORGANISER_VISIBLE_STATES],
    trackSlug: query.track,
    formatSlug: query.format,
    level: query.level,
    language: query.language,
    text: query.q?.trim() || undefined,
  };
}

function csvValues(row: SubmissionExportRow, questions: QuestionRecord[], timezone: string): CsvValue[] {
  const joined = (values: (string | null | undefined)[]) => values.map((v) => v ?? '').join('; ');
  return [
    row.code,
    row.state,
    row.origin,
    row.title,
    row.format_slug,
    row.duration_minutes,
    row.track_slug,
    row.level,
    row.language,
    row.submitted_at.toISOString(),
    toZonedIso(row.submitted_at, timezone),
    joined(row.speakers.map((s) => s.name)),
    joined(row.speakers.map((s) => s.email)),
    joined(row.speakers.map((s) => s.company)),
    joined(row.speakers.map((s) => s.jobTitle)),
    joined(row.speakers.map((s) => s.country)),
    joined(row.speakers.map((s) => (s.firstTimeSpeaker === null ? '' : s.firstTimeSpeaker ? 'yes' : 'no'))),
    row.abstract,
    row.description,
    ...questions.map((q) => {
      const value = row.answers[q.id];
      if (value === undefined || value === null) return null;
      return Array.isArray(value) ? value.join('; ') : (value as string | number | boolean);
    }),
  ];
}
