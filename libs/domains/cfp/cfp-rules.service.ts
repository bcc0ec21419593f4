import { Injectable } from '@nestjs/common';
import { CfpQuestionScope } from '@lectern/database/generated/enums';
import { InputJsonValue } from '@lectern/database/json.types';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { checkAnswers, missingAnswers } from './answers.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository, CfpSettingsRecord, FormatRecord, TrackRecord } from './cfp.repository';
import { submissionCode } from './submission-code.policy';
import { LIMITED_STATES } from './submission-state.machine';
import { SubmissionsRepository } from './submissions.repository';

/**
 * What a proposal names and needs, checked against the edition's CFP: its settings, formats, tracks, languages
 * and questions, the next code, and the per-speaker limit. Shared by the speakers' proposals, co-speaker
 * invitations and the sessions organisers add.
 */
@Injectable()
export class CfpRulesService {
  constructor(
    private readonly cfp: CfpRepository,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async settingsOf(access: EventAccess): Promise<CfpSettingsRecord> {
    const settings = await this.cfp.findSettings(access.event.id);
    if (!settings) throw CfpErrors.notConfigured(access.event.slug);
    return settings;
  }

  async nextCode(access: EventAccess): Promise<string> {
    const next = await this.cfp.nextCodeNumber(access.event.id);
    if (!next) throw CfpErrors.notConfigured(access.event.slug);
    return submissionCode(next.prefix, next.number);
  }

  /** A format of the event, whether or not it takes submissions (organisers may add sessions of any). */
  async knownFormat(eventId: string, slug: string): Promise<FormatRecord> {
    const format = await this.cfp.findFormat(eventId, slug);
    if (!format) throw CfpErrors.unknownFormat(slug);
    return format;
  }

  async openFormat(eventId: string, slug: string): Promise<FormatRecord> {
    const format = await this.knownFormat(eventId, slug);
    if (!format.openForSubmissions) throw CfpErrors.formatClosed(slug);
    return format;
  }

  async knownTrack(eventId: string, slug: string): Promise<TrackRecord> {
    const track = await this.cfp.findTrack(eventId, slug);
    if (!track) throw CfpErrors.unknownTrack(slug);
    return track;
  }

  knownLanguage(settings: CfpSettingsRecord, language: string): string {
    if (!settings.languages.includes(language)) throw CfpErrors.unsupportedLanguage(language, settings.languages);
    return language;
  }

  /** The submission answers sent, checked against the active questions; null clears one. */
  async checkedAnswers(eventId: string, input: Record<string, unknown> | undefined) {
    if (!input || Object.keys(input).length === 0) return new Map<string, InputJsonValue | null>();
    const questions = await this.cfp.activeQuestions(eventId, CfpQuestionScope.SUBMISSION);
    const { changes, errors } = checkAnswers(input, questions);
    if (errors.length > 0) throw CommonErrors.validation(errors);
    return changes;
  }

  /** The required speaker questions `userId` has not answered yet. */
  async missingSpeakerAnswers(eventId: string, userId: string): Promise<FieldError[]> {
    const questions = await this.cfp.activeQuestions(eventId, CfpQuestionScope.SPEAKER);
    if (!questions.some((q) => q.required)) return [];
    const answered = await this.cfp.speakerAnswers(eventId, userId);
    return missingAnswers(questions, answered.map((a) => a.questionId), 'speakerAnswers');
  }

  /**
   * The per-speaker limit, under an advisory lock per speaker until the transaction ends: two concurrent
   * submissions involving one speaker count one after the other, so exactly the limit gets through.
   */
  async assertWithinSpeakerLimit(eventId: string, speakerIds: string[], settings: CfpSettingsRecord): Promise<void> {
    await this.submissions.lockSpeakerQuota(eventId, speakerIds);
    const used = await this.submissions.countLimited(eventId, speakerIds, LIMITED_STATES);
    if (speakerIds.some((userId) => (used.get(userId) ?? 0) >= settings.maxSubmissionsPerSpeaker)) {
      throw CfpErrors.submissionLimit(settings.maxSubmissionsPerSpeaker);
    }
  }
}
