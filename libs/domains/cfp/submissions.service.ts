import { Injectable } from '@nestjs/common';
import { AuditRepository, OutboxEvent } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { toZonedIso } from '@lectern/clock/zoned-time';
import {
  CfpQuestionScope,
  EventRole,
  InvitationStatus,
  Prisma,
  SpeakerRole,
  SubmissionOrigin,
  SubmissionState,
} from '@lectern/database/generated/client';
import { KeysetPosition } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { normaliseEmail } from '@lectern/domains/auth/auth.service';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { AnswerValue, checkAnswers, missingAnswers } from './answers.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository, CfpSettingsRecord, FormatRecord, QuestionRecord, TrackRecord } from './cfp.repository';
import { assertCfpOpen, isCfpOpen } from './cfp.service';
import { CsvValue, UTF8_BOM, csvRow } from '@lectern/csv/csv.format';
import {
  EDITABLE_STATES,
  LIMITED_STATES,
  ORGANISER_VISIBLE_STATES,
  assertTransition,
  domainEventFor,
} from './submission-state.machine';
import {
  MySubmissionRecord,
  SubmissionContent,
  SubmissionDetailRecord,
  SubmissionExportRecord,
  SubmissionFilter,
  SubmissionListRecord,
  SubmissionsRepository,
} from './submissions.repository';
import { Actor } from "@lectern/domains/auth/auth.types";
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateInvitedSessionInput } from '@lectern/domains/cfp/submissions.types';
import { CreateSubmissionInput } from '@lectern/domains/cfp/submissions.types';
import { ListSubmissionsQuery } from '@lectern/domains/cfp/submissions.types';
import { SubmissionFilterQuery } from '@lectern/domains/cfp/submissions.types';
import { UpdateSubmissionInput } from '@lectern/domains/cfp/submissions.types';

/** Crockford's base 32: no I, L, O or U, so a code read out over the phone cannot be misheard. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A bijection on [0, 2^bits): xor-shifts and odd multiplications, each invertible. Consecutive numbers get
 * unrelated-looking codes (a code does not reveal how many proposals came before), yet two numbers never share one.
 */
function scramble(n: number, bits: number): number {
  const mask = 2 ** bits;
  let x = n;
  x = (x ^ Math.floor(x / 2 ** Math.ceil(bits / 2))) % mask;
  x = (x * 0x2c1b3) % mask;
  x = (x ^ Math.floor(x / 2 ** 7)) % mask;
  x = (x * 0x4a39b) % mask;
  x = (x ^ Math.floor(x / 2 ** Math.ceil(bits / 2))) % mask;
  return x;
}

/** `KCC19-7F3K`: the event's prefix and the n-th number of the event, four characters up to 2^20 numbers. */
export function submissionCode(prefix: string, n: number): string {
  let length = 4;
  while (n >= 2 ** (5 * length)) length += 1;
  let value = scramble(n, 5 * length);
  let suffix = '';
  for (let i = 0; i < length; i += 1) {
    suffix = CODE_ALPHABET[value % 32] + suffix;
    value = Math.floor(value / 32);
  }
  return `${prefix}-${suffix}`;
}

const EXPORT_PAGE = 500;

type Viewer = { userId: string; organiser: boolean };

const speakerName = (speaker: { user: { name: string; speakerProfile: { name: string } | null } }) =>
  speaker.user.speakerProfile?.name ?? speaker.user.name;

const answerMap = (rows: { questionId: string; value: Prisma.JsonValue }[]) =>
  Object.fromEntries(rows.map((row) => [row.questionId, row.value])) as Record<string, unknown>;

const formatRef = (format: { slug: string; name: string } | null) => (format ? { slug: format.slug, name: format.name } : null);

/** What every list of submissions shows of one. */
const summaryOf = (row: SubmissionListRecord | MySubmissionRecord) => ({
  id: row.id,
  code: row.code,
  origin: row.origin,
  state: row.state,
  title: row.title,
  format: formatRef(row.format),
  track: formatRef(row.track),
  level: row.level,
  language: row.language,
  submittedAt: row.submittedAt,
});

function toListItem(row: SubmissionListRecord) {
  return {
    ...summaryOf(row),
    speakers: row.speakers.map((s) => ({
      role: s.role,
      name: speakerName(s),
      company: s.user.speakerProfile?.company ?? null,
      country: s.user.speakerProfile?.country ?? null,
    })),
  };
}

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cfp: CfpRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** A draft owned by the caller; it uses none of the per-speaker limit until it is submitted. */
  async create(actor: Actor, access: EventAccess, input: CreateSubmissionInput) {
    const event = access.event;
    const settings = await this.settingsOf(access);
    assertCfpOpen(settings, event.timezone, this.clock.now());
    const title = input.title;
    const content: SubmissionContent = {
      abstract: input.abstract ?? null,
      description: input.description ?? null,
      level: input.level ?? null,
    };
    if (input.format !== undefined) content.formatId = (await this.openFormat(event.id, input.format)).id;
    if (input.track !== undefined) content.trackId = (await this.knownTrack(event.id, input.track)).id;
    if (input.language !== undefined) content.language = this.knownLanguage(settings, input.language);
    const answers = await this.checkedAnswers(event.id, input.answers);

    const id = await this.tx.run(async () => {
      const code = await this.nextCode(access);
      const now = this.clock.now();
      const id = await this.submissions.create(
        { ...content, title, eventId: event.id, code, origin: SubmissionOrigin.CFP, state: SubmissionState.DRAFT, submittedAt: null, stateChangedAt: now },
        [{ userId: actor.id, role: SpeakerRole.OWNER, firstTimeSpeaker: null }],
      );
      if (answers.size > 0) await this.cfp.saveAnswers({ submissionId: id }, answers);
      await this.record(actor, access, 'submission.created', id, null, { code, title, state: SubmissionState.DRAFT });
      return id;
    });
    return this.get(actor, access, id);
  }

  /** Speakers (owner and co-speakers who accepted) may edit while the CFP is open and no decision is made. */
  async update(actor: Actor, access: EventAccess, id: string, input: UpdateSubmissionInput) {
    const event = access.event;
    const settings = await this.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = await this.speakerView(access, id, actor);
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      assertCfpOpen(settings, event.timezone, this.clock.now());

      const changes: SubmissionContent = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.abstract !== undefined) changes.abstract = input.abstract;
      if (input.description !== undefined) changes.description = input.description;
      if (input.level !== undefined) changes.level = input.level;
      if (input.language !== undefined) changes.language = input.language === null ? null : this.knownLanguage(settings, input.language);
      if (input.track !== undefined) changes.trackId = input.track === null ? null : (await this.knownTrack(event.id, input.track)).id;
      if (input.format !== undefined) {
        if (input.format === null) changes.formatId = null;
        else if (input.format !== current.format?.slug) {
          const format = await this.openFormat(event.id, input.format);
          const pending = current.invitations.filter((i) => i.status === InvitationStatus.PENDING).length;
          if (current.speakers.length + pending > format.maxSpeakers) throw CfpErrors.speakerLimit(format.maxSpeakers, format.slug);
          changes.formatId = format.id;
        }
      }
      const answers = await this.checkedAnswers(event.id, input.answers);
      if (current.state !== SubmissionState.DRAFT) await this.assertNothingRequiredCleared(event.id, input, answers);
      await this.submissions.update(id, changes);
      if (answers.size > 0) await this.cfp.saveAnswers({ submissionId: id }, answers);

      const before = { title: current.title, abstract: current.abstract, description: current.description, level: current.level, language: current.language, format: current.format?.slug ?? null, track: current.track?.slug ?? null };
      const after = { ...before, ...this.describeChanges(input) };
      const keys = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (keys.length > 0 || answers.size > 0) {
        await this.record(
          actor,
          access,
          'submission.updated',
          id,
          Object.fromEntries(keys.map((k) => [k, before[k]])),
          { ...Object.fromEntries(keys.map((k) => [k, after[k]])), ...(answers.size > 0 ? { answers: Object.fromEntries(answers) } : {}) },
        );
      }
    });
    return this.get(actor, access, id);
  }

  /**
   * Only the owner submits. Everything a complete proposal needs is checked under the submission's row lock, and
   * the per-speaker limit under an advisory lock per speaker: two concurrent submits by one speaker count one
   * after the other, so exactly the limit gets through.
   */
  async submit(actor: Actor, access: EventAccess, id: string) {
    const event = access.event;
    const settings = await this.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = await this.ownerView(access, id, actor);
      assertTransition(current.state, SubmissionState.SUBMITTED);
      const now = this.clock.now();
      assertCfpOpen(settings, event.timezone, now);
      await this.assertComplete(access, settings, current, actor.id);

      const speakerIds = current.speakers.map((s) => s.userId);
      await this.submissions.lockSpeakerQuota(event.id, speakerIds);
      const used = await this.submissions.countLimited(event.id, speakerIds, LIMITED_STATES);
      if (speakerIds.some((userId) => (used.get(userId) ?? 0) >= settings.maxSubmissionsPerSpeaker)) {
        throw CfpErrors.submissionLimit(settings.maxSubmissionsPerSpeaker);
      }
      await this.moveTo(actor, access, current, SubmissionState.SUBMITTED, now);
      await this.submissions.snapshotFirstTimeFlags(id);
    });
    return this.get(actor, access, id);
  }

  /** Only the owner withdraws, and only until a decision (the state machine says which states allow it). */
  async withdraw(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = await this.ownerView(access, id, actor);
      await this.moveTo(actor, access, current, SubmissionState.WITHDRAWN, this.clock.now());
    });
    return this.get(actor, access, id);
  }

  async get(actor: Actor, access: EventAccess, id: string) {
    const record = await this.submissions.findDetail(access.event.id, id);
    const viewer = this.viewerOf(actor, access);
    if (!record || !this.canRead(record, viewer)) throw CfpErrors.submissionNotFound();
    const settings = await this.cfp.findSettings(access.event.id);
    return this.toView(record, viewer, access, settings);
  }

  async listMine(actor: Actor, access: EventAccess) {
    const rows = await this.submissions.listMine(access.event.id, actor.id);
    return rows.map((row) => ({
      ...summaryOf(row),
      role: row.speakers.find((s) => s.userId === actor.id)?.role ?? SpeakerRole.CO_SPEAKER,
      updatedAt: row.updatedAt,
    }));
  }

  /** Organisers' list: one statement per page whatever its size (the event check is the only other one). */
  async list(access: EventAccess, query: ListSubmissionsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.submissions.listPage(this.filterOf(access, query), limit, decodeKeyset(query.cursor));
    const { page, nextCursor } = keysetPage(rows, limit, (row) => row.submittedAt);
    return { items: page.map(toListItem), nextCursor };
  }

  async counts(access: EventAccess, query: SubmissionFilterQuery) {
    const filter = this.filterOf(access, query);
    const [counts, labels] = await Promise.all([this.submissions.counts(filter), this.submissions.labels(access.event.id)]);
    const named = <T extends { id: string; slug: string; name: string }>(items: T[], id: string | null) =>
      id === null ? { key: 'none', name: null } : { key: items.find((i) => i.id === id)?.slug ?? id, name: items.find((i) => i.id === id)?.name ?? null };
    return {
      total: counts.byState.reduce((sum, row) => sum + row.count, 0),
      byState: counts.byState.map((row) => ({ key: row.state, name: null, count: row.count })),
      byTrack: counts.byTrack.map((row) => ({ ...named(labels.tracks, row.trackId), count: row.count })),
      byFormat: counts.byFormat.map((row) => ({ ...named(labels.formats, row.formatId), count: row.count })),
    };
  }

  /**
   * The filtered list as CSV, read page by page so that an export of any size holds one page in memory. What can
   * fail is checked before the first byte goes out; the generator only reads.
   */
  async exportCsv(access: EventAccess, query: SubmissionFilterQuery): Promise<AsyncGenerator<string>> {
    const filter = this.filterOf(access, query);
    const questions = await this.cfp.activeQuestions(access.event.id, CfpQuestionScope.SUBMISSION);
    const timezone = access.event.timezone;
    const header = csvRow([
      'code', 'state', 'origin', 'title', 'format', 'duration_minutes', 'track', 'level', 'language',
      'submitted_at_utc', `submitted_at_local (${timezone})`, 'speakers', 'speaker_emails', 'companies', 'job_titles',
      'countries', 'first_time_speakers', 'abstract', 'description', ...questions.map((q) => q.label),
    ]);
    const submissions = this.submissions;
    const values = (row: SubmissionExportRecord) => this.csvValues(row, questions, timezone);
    return (async function* () {
      yield UTF8_BOM + header;
      let after: KeysetPosition | undefined;
      for (;;) {
        const rows = await submissions.exportPage(filter, EXPORT_PAGE, after);
        if (rows.length > 0) yield rows.map((row) => csvRow(values(row))).join('');
        const last = rows[rows.length - 1];
        if (rows.length < EXPORT_PAGE || !last?.submittedAt) return;
        after = { at: last.submittedAt, id: last.id };
      }
    })();
  }

  /**
   * Organisers add a session directly: accepted from the start, with existing users as speakers, counted as a
   * session of its format but never as a CFP submission nor against anyone's submission limit.
   */
  async createInvitedSession(actor: Actor, access: EventAccess, input: CreateInvitedSessionInput) {
    const event = access.event;
    const settings = await this.settingsOf(access);
    const format = await this.cfp.findFormat(event.id, input.format);
    if (!format) throw CfpErrors.unknownFormat(input.format);
    const trackId = input.track !== undefined ? (await this.knownTrack(event.id, input.track)).id : null;
    const language = this.knownLanguage(settings, input.language);
    const emails = input.speakers.map((s) => normaliseEmail(s.email));
    const duplicate = emails.find((email, index) => emails.indexOf(email) !== index);
    if (duplicate) throw CfpErrors.duplicateSpeaker(duplicate);
    if (emails.length > format.maxSpeakers) throw CfpErrors.speakerLimit(format.maxSpeakers, format.slug);
    const users = await this.submissions.usersByEmail(emails);
    const speakers = emails.map((email, index) => {
      const user = users.find((u) => u.email === email);
      if (!user) throw CfpErrors.userNotFound(email);
      return {
        userId: user.id,
        role: index === 0 ? SpeakerRole.OWNER : SpeakerRole.CO_SPEAKER,
        firstTimeSpeaker: user.speakerProfile?.firstTimeSpeaker ?? null,
      };
    });
    const id = await this.tx.run(async () => {
      const code = await this.nextCode(access);
      const now = this.clock.now();
      const id = await this.submissions.create(
        {
          eventId: event.id,
          code,
          origin: SubmissionOrigin.INVITED,
          state: SubmissionState.ACCEPTED,
          title: input.title,
          abstract: input.abstract,
          description: input.description ?? null,
          formatId: format.id,
          trackId,
          level: input.level ?? null,
          language,
          submittedAt: now,
          stateChangedAt: now,
        },
        speakers,
      );
      await this.record(actor, access, 'session.invited', id, null, { code, title: input.title, format: format.slug, speakers: emails }, {
        type: 'session.invited',
        payload: { eventId: event.id, submissionId: id },
      });
      return id;
    });
    return this.get(actor, access, id);
  }

  /** The owner invites by e-mail while the proposal can still change; pending invitations hold a speaker seat. */
  async invite(actor: Actor, access: EventAccess, id: string, rawEmail: string) {
    const email = normaliseEmail(rawEmail);
    const settings = await this.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = await this.ownerView(access, id, actor);
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      assertCfpOpen(settings, access.event.timezone, this.clock.now());
      if (current.speakers.some((s) => s.user.email === email)) throw CfpErrors.alreadySpeaker(email);
      const pending = current.invitations.filter((i) => i.status === InvitationStatus.PENDING);
      if (pending.some((i) => i.email === email)) throw CfpErrors.alreadyInvited(email);
      if (current.format && current.speakers.length + pending.length + 1 > current.format.maxSpeakers) {
        throw CfpErrors.speakerLimit(current.format.maxSpeakers, current.format.slug);
      }
      const invitation = await this.submissions.createInvitation(id, email);
      await this.record(actor, access, 'cospeaker.invited', id, null, { invitationId: invitation.id, email }, {
        type: 'cospeaker.invited',
        payload: { eventId: access.event.id, submissionId: id, invitationId: invitation.id },
      });
    });
    return this.get(actor, access, id);
  }

  async revokeInvitation(actor: Actor, access: EventAccess, id: string, invitationId: string) {
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = await this.ownerView(access, id, actor);
      const invitation = current.invitations.find((i) => i.id === invitationId);
      if (!invitation) throw CfpErrors.invitationNotFound();
      if (invitation.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(invitation.status);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.REVOKED, this.clock.now());
      await this.record(actor, access, 'cospeaker.revoked', id, { invitationId, email: invitation.email }, null);
    });
  }

  /** Open invitations addressed to the caller's e-mail, in every event. */
  async myInvitations(actor: Actor) {
    const rows = await this.submissions.pendingInvitationsFor(normaliseEmail(actor.email));
    return rows.map((row) => ({
      id: row.id,
      eventSlug: row.submission.event.slug,
      eventName: row.submission.event.name,
      submissionId: row.submission.id,
      submissionCode: row.submission.code,
      title: row.submission.title,
      ownerName: row.submission.speakers[0] ? speakerName(row.submission.speakers[0]) : '',
      createdAt: row.createdAt,
    }));
  }

  /**
   * The invitee (whoever is signed in with the invited e-mail) accepts: they need a speaker profile and their
   * answers to required speaker questions, the format must have a seat, and on a submitted proposal the
   * per-speaker limit applies to them as it did to the others at submit time.
   */
  async acceptInvitation(actor: Actor, access: EventAccess, invitationId: string) {
    const event = access.event;
    const settings = await this.settingsOf(access);
    const submissionId = await this.tx.run(async () => {
      const invitation = await this.invitationFor(actor, access, invitationId);
      await this.submissions.lock(invitation.submissionId);
      const current = await this.submissions.findDetail(event.id, invitation.submissionId);
      if (!current) throw CfpErrors.invitationNotFound();
      const fresh = current.invitations.find((i) => i.id === invitationId);
      if (!fresh || fresh.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(fresh?.status ?? 'REVOKED');
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      const profile = await this.cfp.findProfile(actor.id);
      if (!profile) throw CfpErrors.speakerProfileRequired();
      const missing = await this.missingSpeakerAnswers(event.id, actor.id);
      if (missing.length > 0) throw CfpErrors.incomplete(missing);
      if (current.format && current.speakers.length + 1 > current.format.maxSpeakers) {
        throw CfpErrors.speakerLimit(current.format.maxSpeakers, current.format.slug);
      }
      if (current.state === SubmissionState.SUBMITTED) {
        await this.submissions.lockSpeakerQuota(event.id, [actor.id]);
        const used = await this.submissions.countLimited(event.id, [actor.id], LIMITED_STATES);
        if ((used.get(actor.id) ?? 0) >= settings.maxSubmissionsPerSpeaker) throw CfpErrors.submissionLimit(settings.maxSubmissionsPerSpeaker);
      }
      await this.submissions.addSpeaker(current.id, actor.id, SpeakerRole.CO_SPEAKER, profile.firstTimeSpeaker);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.ACCEPTED, this.clock.now());
      await this.record(actor, access, 'cospeaker.accepted', current.id, null, { invitationId, userId: actor.id });
      return current.id;
    });
    return this.get(actor, access, submissionId);
  }

  async declineInvitation(actor: Actor, access: EventAccess, invitationId: string) {
    await this.tx.run(async () => {
      const invitation = await this.invitationFor(actor, access, invitationId);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.DECLINED, this.clock.now());
      await this.record(actor, access, 'cospeaker.declined', invitation.submissionId, null, { invitationId, userId: actor.id });
    });
  }

  private async invitationFor(actor: Actor, access: EventAccess, invitationId: string) {
    const invitation = await this.submissions.findInvitation(access.event.id, invitationId);
    // Someone else's invitation does not exist as far as the caller can tell.
    if (!invitation || invitation.email !== normaliseEmail(actor.email)) throw CfpErrors.invitationNotFound();
    if (invitation.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(invitation.status);
    return invitation;
  }

  private async settingsOf(access: EventAccess): Promise<CfpSettingsRecord> {
    const settings = await this.cfp.findSettings(access.event.id);
    if (!settings) throw CfpErrors.notConfigured(access.event.slug);
    return settings;
  }

  private async nextCode(access: EventAccess): Promise<string> {
    const next = await this.cfp.nextCodeNumber(access.event.id);
    if (!next) throw CfpErrors.notConfigured(access.event.slug);
    return submissionCode(next.prefix, next.number);
  }

  private async openFormat(eventId: string, slug: string): Promise<FormatRecord> {
    const format = await this.cfp.findFormat(eventId, slug);
    if (!format) throw CfpErrors.unknownFormat(slug);
    if (!format.openForSubmissions) throw CfpErrors.formatClosed(slug);
    return format;
  }

  private async knownTrack(eventId: string, slug: string): Promise<TrackRecord> {
    const track = await this.cfp.findTrack(eventId, slug);
    if (!track) throw CfpErrors.unknownTrack(slug);
    return track;
  }

  private knownLanguage(settings: CfpSettingsRecord, language: string): string {
    if (!settings.languages.includes(language)) throw CfpErrors.unsupportedLanguage(language, settings.languages);
    return language;
  }

  private async checkedAnswers(eventId: string, input: Record<string, unknown> | undefined) {
    if (!input || Object.keys(input).length === 0) return new Map<string, Prisma.InputJsonValue | null>();
    const questions = await this.cfp.activeQuestions(eventId, CfpQuestionScope.SUBMISSION);
    const { changes, errors } = checkAnswers(input, questions);
    if (errors.length > 0) throw CommonErrors.validation(errors);
    return changes as Map<string, AnswerValue | null>;
  }

  private async missingSpeakerAnswers(eventId: string, userId: string): Promise<FieldError[]> {
    const questions = await this.cfp.activeQuestions(eventId, CfpQuestionScope.SPEAKER);
    if (!questions.some((q) => q.required)) return [];
    const answered = await this.cfp.speakerAnswers(eventId, userId);
    return missingAnswers(questions, answered.map((a) => a.questionId), 'speakerAnswers');
  }

  /** What a proposal needs before it can be submitted; every gap is listed at once. */
  private async assertComplete(access: EventAccess, settings: CfpSettingsRecord, current: SubmissionDetailRecord, ownerId: string) {
    const missing: FieldError[] = [];
    if (!current.abstract?.trim()) missing.push({ field: 'abstract', code: 'isDefined' });
    if (!current.format) missing.push({ field: 'format', code: 'isDefined' });
    if (!current.level) missing.push({ field: 'level', code: 'isDefined' });
    if (!current.language) missing.push({ field: 'language', code: 'isDefined' });
    if (!current.track && (await this.cfp.countTracks(access.event.id)) > 0) missing.push({ field: 'track', code: 'isDefined' });
    const questions: QuestionRecord[] = await this.cfp.activeQuestions(access.event.id, CfpQuestionScope.SUBMISSION);
    missing.push(...missingAnswers(questions, current.answers.map((a) => a.questionId)));
    missing.push(...(await this.missingSpeakerAnswers(access.event.id, ownerId)));
    if (missing.length > 0) throw CfpErrors.incomplete(missing);
    if (current.format && !current.format.openForSubmissions) throw CfpErrors.formatClosed(current.format.slug);
    if (current.language && !settings.languages.includes(current.language)) {
      throw CfpErrors.unsupportedLanguage(current.language, settings.languages);
    }
    if (!(await this.cfp.findProfile(ownerId))) throw CfpErrors.speakerProfileRequired();
  }

  /** A submitted proposal stays complete: an edit may change what it says, not blank out what submitting required. */
  private async assertNothingRequiredCleared(eventId: string, input: UpdateSubmissionInput, answers: Map<string, unknown>) {
    const cleared: FieldError[] = [];
    if (input.abstract !== undefined && !input.abstract?.trim()) cleared.push({ field: 'abstract', code: 'isDefined' });
    for (const field of ['format', 'level', 'language'] as const) {
      if (input[field] === null) cleared.push({ field, code: 'isDefined' });
    }
    if (input.track === null && (await this.cfp.countTracks(eventId)) > 0) cleared.push({ field: 'track', code: 'isDefined' });
    const removed = [...answers].filter(([, value]) => value === null).map(([id]) => id);
    if (removed.length > 0) {
      const required = (await this.cfp.activeQuestions(eventId, CfpQuestionScope.SUBMISSION)).filter((q) => q.required);
      cleared.push(...missingAnswers(required.filter((q) => removed.includes(q.id)), []));
    }
    if (cleared.length > 0) throw CfpErrors.incomplete(cleared);
  }

  private viewerOf(actor: Actor, access: EventAccess): Viewer {
    return { userId: actor.id, organiser: actor.isAdmin || access.roles.includes(EventRole.ORGANISER) };
  }

  /** Speakers who accepted see their proposal; organisers see everything but drafts. Everyone else: not found. */
  private canRead(record: SubmissionDetailRecord, viewer: Viewer): boolean {
    if (record.speakers.some((s) => s.userId === viewer.userId)) return true;
    return viewer.organiser && ORGANISER_VISIBLE_STATES.includes(record.state);
  }

  private async speakerView(access: EventAccess, id: string, actor: Actor): Promise<SubmissionDetailRecord> {
    const record = await this.submissions.findDetail(access.event.id, id);
    if (!record || !record.speakers.some((s) => s.userId === actor.id)) throw CfpErrors.submissionNotFound();
    return record;
  }

  private async ownerView(access: EventAccess, id: string, actor: Actor): Promise<SubmissionDetailRecord> {
    const record = await this.speakerView(access, id, actor);
    if (!record.speakers.some((s) => s.userId === actor.id && s.role === SpeakerRole.OWNER)) throw CfpErrors.ownerOnly();
    return record;
  }

  private filterOf(access: EventAccess, query: SubmissionFilterQuery): SubmissionFilter {
    const origin = query.origin ?? 'CFP';
    return {
      eventId: access.event.id,
      origins: origin === 'ALL' ? [SubmissionOrigin.CFP, SubmissionOrigin.INVITED] : [origin],
      states: query.state && query.state.length > 0 ? query.state : [...ORGANISER_VISIBLE_STATES],
      trackSlug: query.track,
      formatSlug: query.format,
      level: query.level,
      language: query.language,
      text: query.q?.trim() || undefined,
    };
  }

  private toView(record: SubmissionDetailRecord, viewer: Viewer, access: EventAccess, settings: CfpSettingsRecord | null) {
    const isSpeaker = record.speakers.some((s) => s.userId === viewer.userId);
    const timezone = access.event.timezone;
    return {
      id: record.id,
      code: record.code,
      origin: record.origin,
      state: record.state,
      title: record.title,
      abstract: record.abstract,
      description: record.description,
      format: formatRef(record.format),
      track: formatRef(record.track),
      level: record.level,
      language: record.language,
      answers: answerMap(record.answers),
      speakers: record.speakers.map((s) => {
        const profile = s.user.speakerProfile;
        return {
          userId: s.userId,
          role: s.role,
          name: speakerName(s),
          company: profile?.company ?? null,
          jobTitle: profile?.jobTitle ?? null,
          country: profile?.country ?? null,
          pronouns: profile?.pronouns ?? null,
          bio: profile?.bio ?? null,
          hasProfile: profile !== null,
          firstTimeSpeaker: s.firstTimeSpeaker,
          ...(viewer.organiser ? { email: s.user.email, answers: answerMap(s.user.cfpAnswers) } : {}),
        };
      }),
      invitations: record.invitations,
      submittedAt: record.submittedAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      editable:
        isSpeaker &&
        EDITABLE_STATES.includes(record.state) &&
        settings !== null &&
        isCfpOpen(settings, this.clock.now()),
      cfpClosesAt: settings?.closesAt ?? null,
      cfpClosesAtLocal: settings ? toZonedIso(settings.closesAt, timezone) : null,
    };
  }

  private csvValues(row: SubmissionExportRecord, questions: QuestionRecord[], timezone: string): CsvValue[] {
    const profiles = row.speakers.map((s) => s.user.speakerProfile);
    const answers = answerMap(row.answers);
    const joined = (values: (string | null | undefined)[]) => values.map((v) => v ?? '').join('; ');
    return [
      row.code,
      row.state,
      row.origin,
      row.title,
      row.format?.slug,
      row.format?.durationMinutes,
      row.track?.slug,
      row.level,
      row.language,
      row.submittedAt?.toISOString(),
      row.submittedAt ? toZonedIso(row.submittedAt, timezone) : null,
      joined(row.speakers.map(speakerName)),
      joined(row.speakers.map((s) => s.user.email)),
      joined(profiles.map((p) => p?.company)),
      joined(profiles.map((p) => p?.jobTitle)),
      joined(profiles.map((p) => p?.country)),
      joined(row.speakers.map((s) => (s.firstTimeSpeaker === null ? '' : s.firstTimeSpeaker ? 'yes' : 'no'))),
      row.abstract,
      row.description,
      ...questions.map((q) => {
        const value = answers[q.id];
        if (value === undefined || value === null) return null;
        return Array.isArray(value) ? value.join('; ') : (value as string | number | boolean);
      }),
    ];
  }

  /** The request's content changes in the audit log's terms (slugs rather than ids). */
  private describeChanges(input: UpdateSubmissionInput) {
    const out: Record<string, unknown> = {};
    for (const key of ['title', 'abstract', 'description', 'level', 'language', 'format', 'track'] as const) {
      if (input[key] !== undefined) out[key] = input[key];
    }
    return out;
  }

  /**
   * The way in for the review domain (a decision released, a waitlisted talk promoted, an accepted speaker
   * confirming or declining): the submission's row lock, then moveTo like every other state change, inside the
   * caller's transaction when there is one. Refuses with the state machine's 409 and returns the state it left.
   */
  async transition(actor: Actor, access: EventAccess, id: string, to: SubmissionState): Promise<SubmissionState> {
    return this.tx.run(async () => {
      const current = await this.submissions.lockState(access.event.id, id);
      if (!current) throw CfpErrors.submissionNotFound();
      await this.moveTo(actor, access, current, to, this.clock.now());
      return current.state;
    });
  }

  /**
   * Every state change goes through here, inside the caller's transaction and under the submission's row lock:
   * the state machine's check, the new state, the audit entry and the outbox event, together or not at all.
   */
  private async moveTo(actor: Actor, access: EventAccess, current: Pick<SubmissionDetailRecord, 'id' | 'state'>, to: SubmissionState, now: Date) {
    const from = current.state;
    assertTransition(from, to);
    await this.submissions.setState(current.id, to, now, to === SubmissionState.SUBMITTED ? now : undefined);
    const type = domainEventFor(to);
    const event: OutboxEvent =
      type === 'submission.state_changed'
        ? { type, payload: { eventId: access.event.id, submissionId: current.id, from, to } }
        : { type, payload: { eventId: access.event.id, submissionId: current.id } };
    await this.record(actor, access, 'submission.state_changed', current.id, { state: from }, { state: to }, event);
  }

  private async record(actor: Actor, access: EventAccess, action: string, id: string, before: unknown, after: unknown, ...events: OutboxEvent[]) {
    await this.audit.record(
      {
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action,
        entityType: 'submission',
        entityId: id,
        before,
        after,
      },
      ...events,
    );
  }
}
