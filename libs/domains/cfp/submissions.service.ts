import { Injectable } from '@nestjs/common';
import { AuditRepository, OutboxEvent } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { CfpQuestionScope, InvitationStatus, SpeakerRole, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { FieldError } from '@lectern/errors/domain.error';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { missingAnswers } from './answers.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository, CfpSettingsRecord } from './cfp.repository';
import { CfpRulesService } from './cfp-rules.service';
import { assertCfpOpen } from './cfp.service';
import { asOwner, asSpeaker, assertSpeakerSeats } from './submission-access.policy';
import { submissionAudit } from './submission.audit';
import { SubmissionDetailsService } from './submission-details.service';
import { EDITABLE_STATES, assertTransition, domainEventFor } from './submission-state.machine';
import { SubmissionContent, SubmissionDetailRecord, SubmissionsRepository } from './submissions.repository';
import { CreateSubmissionInput, UpdateSubmissionInput } from './submissions.types';

const CONTENT_FIELDS = ['title', 'abstract', 'description', 'level', 'language', 'format', 'track'] as const;

/**
 * A proposal's life: its speakers draft, edit, submit and withdraw it; the review domain moves it on from there
 * (`transition`). Every state change passes the state machine and is audited with its outbox event.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cfp: CfpRepository,
    private readonly rules: CfpRulesService,
    private readonly details: SubmissionDetailsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** A draft owned by the caller; it uses none of the per-speaker limit until it is submitted. */
  async create(actor: Actor, access: EventAccess, input: CreateSubmissionInput) {
    const event = access.event;
    const settings = await this.rules.settingsOf(access);
    assertCfpOpen(settings, event.timezone, this.clock.now());
    const title = input.title;
    const content: SubmissionContent = {
      abstract: input.abstract ?? null,
      description: input.description ?? null,
      level: input.level ?? null,
    };
    if (input.format !== undefined) content.formatId = (await this.rules.openFormat(event.id, input.format)).id;
    if (input.track !== undefined) content.trackId = (await this.rules.knownTrack(event.id, input.track)).id;
    if (input.language !== undefined) content.language = this.rules.knownLanguage(settings, input.language);
    const answers = await this.rules.checkedAnswers(event.id, input.answers);

    const id = await this.tx.run(async () => {
      const code = await this.rules.nextCode(access);
      const now = this.clock.now();
      const id = await this.submissions.create(
        { ...content, title, eventId: event.id, code, origin: SubmissionOrigin.CFP, state: SubmissionState.DRAFT, submittedAt: null, stateChangedAt: now },
        [{ userId: actor.id, role: SpeakerRole.OWNER, firstTimeSpeaker: null }],
      );
      if (answers.size > 0) await this.cfp.saveAnswers({ submissionId: id }, answers);
      await this.audit.record(submissionAudit(actor, access, 'submission.created', id, null, { code, title, state: SubmissionState.DRAFT }));
      return id;
    });
    return this.details.get(actor, access, id);
  }

  /** Speakers (owner and co-speakers who accepted) may edit while the CFP is open and no decision is made. */
  async update(actor: Actor, access: EventAccess, id: string, input: UpdateSubmissionInput) {
    const event = access.event;
    const settings = await this.rules.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = asSpeaker(await this.submissions.findDetail(event.id, id), actor);
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      assertCfpOpen(settings, event.timezone, this.clock.now());

      const changes: SubmissionContent = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.abstract !== undefined) changes.abstract = input.abstract;
      if (input.description !== undefined) changes.description = input.description;
      if (input.level !== undefined) changes.level = input.level;
      if (input.language !== undefined) changes.language = input.language === null ? null : this.rules.knownLanguage(settings, input.language);
      if (input.track !== undefined) changes.trackId = input.track === null ? null : (await this.rules.knownTrack(event.id, input.track)).id;
      if (input.format !== undefined) {
        if (input.format === null) changes.formatId = null;
        else if (input.format !== current.format?.slug) {
          const format = await this.rules.openFormat(event.id, input.format);
          const pending = current.invitations.filter((i) => i.status === InvitationStatus.PENDING).length;
          assertSpeakerSeats(format, current.speakers.length + pending);
          changes.formatId = format.id;
        }
      }
      const answers = await this.rules.checkedAnswers(event.id, input.answers);
      if (current.state !== SubmissionState.DRAFT) await this.assertNothingRequiredCleared(event.id, input, answers);
      await this.submissions.update(id, changes);
      if (answers.size > 0) await this.cfp.saveAnswers({ submissionId: id }, answers);

      const before = { title: current.title, abstract: current.abstract, description: current.description, level: current.level, language: current.language, format: current.format?.slug ?? null, track: current.track?.slug ?? null };
      const after = { ...before, ...this.describeChanges(input) };
      const keys = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      if (keys.length > 0 || answers.size > 0) {
        await this.audit.record(
          submissionAudit(
            actor,
            access,
            'submission.updated',
            id,
            Object.fromEntries(keys.map((k) => [k, before[k]])),
            { ...Object.fromEntries(keys.map((k) => [k, after[k]])), ...(answers.size > 0 ? { answers: Object.fromEntries(answers) } : {}) },
          ),
        );
      }
    });
    return this.details.get(actor, access, id);
  }

  /**
   * Only the owner submits. Everything a complete proposal needs is checked under the submission's row lock, and
   * the per-speaker limit under an advisory lock per speaker (CfpRulesService.assertWithinSpeakerLimit).
   */
  async submit(actor: Actor, access: EventAccess, id: string) {
    const event = access.event;
    const settings = await this.rules.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = asOwner(await this.submissions.findDetail(event.id, id), actor);
      assertTransition(current.state, SubmissionState.SUBMITTED);
      const now = this.clock.now();
      assertCfpOpen(settings, event.timezone, now);
      await this.assertComplete(access, settings, current, actor.id);
      await this.rules.assertWithinSpeakerLimit(event.id, current.speakers.map((s) => s.userId), settings);
      await this.moveTo(actor, access, current, SubmissionState.SUBMITTED, now);
      await this.submissions.snapshotFirstTimeFlags(id);
    });
    return this.details.get(actor, access, id);
  }

  /** Only the owner withdraws, and only until a decision (the state machine says which states allow it). */
  async withdraw(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = asOwner(await this.submissions.findDetail(access.event.id, id), actor);
      await this.moveTo(actor, access, current, SubmissionState.WITHDRAWN, this.clock.now());
    });
    return this.details.get(actor, access, id);
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
    await this.audit.record(submissionAudit(actor, access, 'submission.state_changed', current.id, { state: from }, { state: to }), event);
  }

  /** What a proposal needs before it can be submitted; every gap is listed at once. */
  private async assertComplete(access: EventAccess, settings: CfpSettingsRecord, current: SubmissionDetailRecord, ownerId: string) {
    const missing: FieldError[] = [];
    if (!current.abstract?.trim()) missing.push({ field: 'abstract', code: 'isDefined' });
    if (!current.format) missing.push({ field: 'format', code: 'isDefined' });
    if (!current.level) missing.push({ field: 'level', code: 'isDefined' });
    if (!current.language) missing.push({ field: 'language', code: 'isDefined' });
    if (!current.track && (await this.cfp.countTracks(access.event.id)) > 0) missing.push({ field: 'track', code: 'isDefined' });
    const questions = await this.cfp.activeQuestions(access.event.id, CfpQuestionScope.SUBMISSION);
    missing.push(...missingAnswers(questions, current.answers.map((a) => a.questionId)));
    missing.push(...(await this.rules.missingSpeakerAnswers(access.event.id, ownerId)));
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

  /** The request's content changes in the audit log's terms (slugs rather than ids). */
  private describeChanges(input: UpdateSubmissionInput) {
    const out: Record<string, unknown> = {};
    for (const key of CONTENT_FIELDS) {
      if (input[key] !== undefined) out[key] = input[key];
    }
    return out;
  }
}
