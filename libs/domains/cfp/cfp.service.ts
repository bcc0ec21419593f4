import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { AudienceLevel, CfpQuestionScope, CfpQuestionType } from '@lectern/database/generated/enums';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { assertLocalizedTexts } from '@lectern/errors/localized-text.errors';
import { messageIn } from '@lectern/i18n/i18n';
import { LocalizedText, localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';
import { ChoiceOption, checkAnswers, choiceOptions } from './answers.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository, CfpSettingsRecord, FormatWrite, ProfileRecord, QuestionRecord, SettingsWrite } from './cfp.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateFormatInput, CreateQuestionInput, CreateTrackInput, PatchCfpSettingsInput, PutCfpSettingsInput, SpeakerAnswersInput, SpeakerProfileInput, UpdateFormatInput, UpdateQuestionInput, UpdateTrackInput } from '@lectern/domains/cfp/cfp.types';
const DEFAULT_FORMATS = [
  { slug: 'keynote', durationMinutes: 15, maxSpeakers: 2, openForSubmissions: false, position: 10 },
  { slug: 'breakout', durationMinutes: 35, maxSpeakers: 2, openForSubmissions: true, position: 20 },
  { slug: 'maintainer-track', durationMinutes: 35, maxSpeakers: 3, openForSubmissions: true, position: 30 },
  { slug: 'lightning-talk', durationMinutes: 5, maxSpeakers: 1, openForSubmissions: true, position: 40 },
  { slug: 'panel', durationMinutes: 35, maxSpeakers: 5, openForSubmissions: true, position: 50 },
  { slug: 'workshop', durationMinutes: 75, maxSpeakers: 4, openForSubmissions: true, position: 60 },
];

/** The formats a new CFP starts with (KubeCon's), named in the edition's languages; organisers rename, change or add to them. */
export function defaultFormats(languages: readonly string[]): (Required<FormatWrite> & { slug: string })[] {
  return DEFAULT_FORMATS.map((format) => ({ ...format, name: messageIn(`defaults:formats.${format.slug}`, languages), description: null }));
}

/** "kubecon-china-2019" → "KCC19": initials of the words and the last two digits of a year. */
export function defaultCodePrefix(slug: string): string {
  const prefix = slug
    .split('-')
    .map((part) => (/^\d+$/.test(part) ? part.slice(-2) : part[0]))
    .join('')
    .toUpperCase()
    .slice(0, 10);
  return prefix.length >= 2 ? prefix : slug.replace(/[^a-z0-9]/g, '').toUpperCase().slice(0, 6).padEnd(2, 'X');
}

export type CfpWindow = Pick<CfpSettingsRecord, 'opensAt' | 'closesAt'>;

export function isCfpOpen(settings: CfpWindow, now: Date): boolean {
  return now.getTime() >= settings.opensAt.getTime() && now.getTime() <= settings.closesAt.getTime();
}

/** Refuses unless the CFP accepts submissions at `now`: the close instant itself is still in, a second later is not. */
export function assertCfpOpen(settings: CfpWindow, timezone: string, now: Date): void {
  if (now.getTime() < settings.opensAt.getTime()) throw CfpErrors.notOpenYet(toZonedIso(settings.opensAt, timezone), timezone);
  if (now.getTime() > settings.closesAt.getTime()) throw CfpErrors.closed(toZonedIso(settings.closesAt, timezone), timezone);
}

const toProfileView = (profile: ProfileRecord) => ({ ...profile });

const toQuestionView = (q: QuestionRecord) => ({
  id: q.id,
  scope: q.scope,
  type: q.type,
  label: localizedText(q.label),
  helpText: optionalLocalizedText(q.helpText),
  required: q.required,
  options: choiceOptions(q.options),
  maxLength: q.maxLength,
  position: q.position,
});

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

/** A format or track as shown: its stored name and description read back as LocalizedText. */
const described = <T extends { id: string; name: unknown; description: unknown }>(record: T) => ({
  ...withoutId(record),
  name: localizedText(record.name),
  description: optionalLocalizedText(record.description),
});

/** Each option once (the first of a repeated value wins), as answers need. */
const distinctOptions = (options: ChoiceOption[]) => options.filter((option, index) => options.findIndex((o) => o.value === option.value) === index);

/** A question's translated fields by their wire names, option labels at `options.<index>.label`. */
const questionTexts = (input: { label?: LocalizedText; helpText?: LocalizedText | null; options?: ChoiceOption[] }) => ({
  label: input.label,
  helpText: input.helpText,
  ...Object.fromEntries((input.options ?? []).map((option, index) => [`options.${index}.label`, option.label])),
});

const CHOICE_TYPES: CfpQuestionType[] = [CfpQuestionType.CHOICE, CfpQuestionType.MULTI_CHOICE];

@Injectable()
export class CfpService {
  constructor(
    private readonly cfp: CfpRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async get(access: EventAccess) {
    const found = await this.cfp.findCfp(access.event.id);
    const settings = found?.cfpSettings;
    if (!found || !settings) throw CfpErrors.notConfigured(access.event.slug);
    const timezone = access.event.timezone;
    return {
      eventSlug: access.event.slug,
      timezone,
      opensAt: settings.opensAt,
      opensAtLocal: toZonedIso(settings.opensAt, timezone),
      closesAt: settings.closesAt,
      closesAtLocal: toZonedIso(settings.closesAt, timezone),
      isOpen: isCfpOpen(settings, this.clock.now()),
      maxSubmissionsPerSpeaker: settings.maxSubmissionsPerSpeaker,
      languages: settings.languages,
      levels: Object.values(AudienceLevel),
      codePrefix: settings.codePrefix,
      formats: found.sessionFormats.map(described),
      tracks: found.tracks.map(described),
      questions: found.cfpQuestions.map(toQuestionView),
    };
  }

  /** Creates the CFP (with the default formats) or replaces its settings. */
  async put(actor: Actor, access: EventAccess, input: PutCfpSettingsInput) {
    const timezone = access.event.timezone;
    const write: Required<SettingsWrite> = {
      opensAt: this.instant(input.opensAt, 'opensAt', timezone),
      closesAt: this.instant(input.closesAt, 'closesAt', timezone),
      maxSubmissionsPerSpeaker: input.maxSubmissionsPerSpeaker,
      languages: [...new Set(input.languages ?? access.event.series.languages)],
      codePrefix: input.codePrefix ?? defaultCodePrefix(access.event.slug),
    };
    if (write.closesAt.getTime() <= write.opensAt.getTime()) throw CfpErrors.windowInvalid();
    await this.tx.run(async () => {
      const before = await this.cfp.findSettings(access.event.id);
      const after = before
        ? await this.cfp.updateSettings(access.event.id, write)
        : await this.cfp.createSettings(access.event.id, write);
      if (!before) await this.cfp.createFormats(access.event.id, defaultFormats(access.event.series.languages));
      await this.recordSettings(actor, access, before, after);
    });
    return this.get(access);
  }

  async patch(actor: Actor, access: EventAccess, input: PatchCfpSettingsInput) {
    const timezone = access.event.timezone;
    const write: SettingsWrite = {};
    if (input.opensAt !== undefined) write.opensAt = this.instant(input.opensAt, 'opensAt', timezone);
    if (input.closesAt !== undefined) write.closesAt = this.instant(input.closesAt, 'closesAt', timezone);
    if (input.maxSubmissionsPerSpeaker !== undefined) write.maxSubmissionsPerSpeaker = input.maxSubmissionsPerSpeaker;
    if (input.languages !== undefined) write.languages = [...new Set(input.languages)];
    if (input.codePrefix !== undefined) write.codePrefix = input.codePrefix;
    await this.tx.run(async () => {
      const before = await this.cfp.findSettings(access.event.id);
      if (!before) throw CfpErrors.notConfigured(access.event.slug);
      const opensAt = write.opensAt ?? before.opensAt;
      const closesAt = write.closesAt ?? before.closesAt;
      if (closesAt.getTime() <= opensAt.getTime()) throw CfpErrors.windowInvalid();
      const after = await this.cfp.updateSettings(access.event.id, write);
      await this.recordSettings(actor, access, before, after);
    });
    return this.get(access);
  }

  async createFormat(actor: Actor, access: EventAccess, input: CreateFormatInput) {
    const { slug, ...data } = input;
    assertLocalizedTexts(access.event.series.languages, { name: input.name, description: input.description });
    return this.tx.run(async () => {
      let format;
      try {
        format = await this.cfp.createFormat(access.event.id, slug, { ...data, description: data.description ?? null });
      } catch (error) {
        if (isUniqueViolation(error)) throw CfpErrors.formatSlugTaken(slug);
        throw error;
      }
      await this.record(actor, access, 'cfp.format_created', 'session_format', format.id, null, described(format));
      return described(format);
    });
  }

  async updateFormat(actor: Actor, access: EventAccess, slug: string, input: UpdateFormatInput) {
    return this.tx.run(async () => {
      const before = await this.cfp.findFormat(access.event.id, slug);
      if (!before) throw CfpErrors.formatNotFound(slug);
      assertLocalizedTexts(access.event.series.languages, { name: input.name, description: input.description });
      const after = await this.cfp.updateFormat(before.id, input);
      await this.record(actor, access, 'cfp.format_updated', 'session_format', before.id, described(before), described(after));
      return described(after);
    });
  }

  async deleteFormat(actor: Actor, access: EventAccess, slug: string) {
    await this.tx.run(async () => {
      const format = await this.cfp.findFormat(access.event.id, slug);
      if (!format) throw CfpErrors.formatNotFound(slug);
      if (!(await this.cfp.deleteFormatIfUnused(format.id))) throw CfpErrors.formatInUse(slug);
      await this.record(actor, access, 'cfp.format_deleted', 'session_format', format.id, described(format), null);
    });
  }

  async createTrack(actor: Actor, access: EventAccess, input: CreateTrackInput) {
    const { slug, ...data } = input;
    assertLocalizedTexts(access.event.series.languages, { name: input.name, description: input.description });
    return this.tx.run(async () => {
      let track;
      try {
        track = await this.cfp.createTrack(access.event.id, slug, data);
      } catch (error) {
        if (isUniqueViolation(error)) throw CfpErrors.trackSlugTaken(slug);
        throw error;
      }
      await this.record(actor, access, 'cfp.track_created', 'track', track.id, null, described(track));
      return described(track);
    });
  }

  async updateTrack(actor: Actor, access: EventAccess, slug: string, input: UpdateTrackInput) {
    return this.tx.run(async () => {
      const before = await this.cfp.findTrack(access.event.id, slug);
      if (!before) throw CfpErrors.trackNotFound(slug);
      assertLocalizedTexts(access.event.series.languages, { name: input.name, description: input.description });
      const after = await this.cfp.updateTrack(before.id, input);
      await this.record(actor, access, 'cfp.track_updated', 'track', before.id, described(before), described(after));
      return described(after);
    });
  }

  async deleteTrack(actor: Actor, access: EventAccess, slug: string) {
    await this.tx.run(async () => {
      const track = await this.cfp.findTrack(access.event.id, slug);
      if (!track) throw CfpErrors.trackNotFound(slug);
      if (!(await this.cfp.deleteTrackIfUnused(track.id))) throw CfpErrors.trackInUse(slug);
      await this.record(actor, access, 'cfp.track_deleted', 'track', track.id, described(track), null);
    });
  }

  async createQuestion(actor: Actor, access: EventAccess, input: CreateQuestionInput) {
    this.checkQuestionShape(input.type, input.options, input.maxLength, true);
    assertLocalizedTexts(access.event.series.languages, questionTexts(input));
    return this.tx.run(async () => {
      const question = await this.cfp.createQuestion(access.event.id, {
        scope: input.scope,
        type: input.type,
        label: input.label,
        helpText: input.helpText ?? null,
        required: input.required ?? false,
        options: input.options ? distinctOptions(input.options) : [],
        maxLength: input.maxLength ?? null,
        position: input.position ?? 0,
      });
      await this.record(actor, access, 'cfp.question_created', 'cfp_question', question.id, null, toQuestionView(question));
      return toQuestionView(question);
    });
  }

  async updateQuestion(actor: Actor, access: EventAccess, id: string, input: UpdateQuestionInput) {
    return this.tx.run(async () => {
      const before = await this.cfp.findQuestion(access.event.id, id);
      if (!before) throw CfpErrors.questionNotFound();
      this.checkQuestionShape(before.type, input.options, input.maxLength, false);
      assertLocalizedTexts(access.event.series.languages, questionTexts(input));
      const after = await this.cfp.updateQuestion(id, {
        ...input,
        ...(input.options ? { options: distinctOptions(input.options) } : {}),
      });
      await this.record(actor, access, 'cfp.question_updated', 'cfp_question', id, toQuestionView(before), toQuestionView(after));
      return toQuestionView(after);
    });
  }

  /** Archives: answers already given stay readable, the question is no longer asked or required. */
  async archiveQuestion(actor: Actor, access: EventAccess, id: string) {
    await this.tx.run(async () => {
      const question = await this.cfp.findQuestion(access.event.id, id);
      if (!question) throw CfpErrors.questionNotFound();
      await this.cfp.archiveQuestion(id, this.clock.now());
      await this.record(actor, access, 'cfp.question_archived', 'cfp_question', id, toQuestionView(question), null);
    });
  }

  async getProfile(actor: Actor) {
    const profile = await this.cfp.findProfile(actor.id);
    if (!profile) throw CfpErrors.speakerProfileNotFound();
    return toProfileView(profile);
  }

  async putProfile(actor: Actor, input: SpeakerProfileInput) {
    return this.tx.run(async () => {
      const before = await this.cfp.findProfile(actor.id);
      const after = await this.cfp.upsertProfile(actor.id, { ...input, pronouns: input.pronouns ?? null });
      await this.audit.record({
        actorId: actor.id,
        requestId: actor.requestId,
        action: before ? 'speaker_profile.updated' : 'speaker_profile.created',
        entityType: 'speaker_profile',
        entityId: actor.id,
        before,
        after,
      });
      return toProfileView(after);
    });
  }

  async getSpeakerAnswers(actor: Actor, access: EventAccess) {
    const rows = await this.cfp.speakerAnswers(access.event.id, actor.id);
    return { answers: Object.fromEntries(rows.map((row) => [row.questionId, row.value])) };
  }

  async putSpeakerAnswers(actor: Actor, access: EventAccess, input: SpeakerAnswersInput) {
    const questions = await this.cfp.activeQuestions(access.event.id, CfpQuestionScope.SPEAKER);
    const { changes, errors } = checkAnswers(input.answers, questions);
    if (errors.length > 0) throw CommonErrors.validation(errors);
    await this.tx.run(async () => {
      await this.cfp.saveAnswers({ userId: actor.id }, changes);
      await this.record(actor, access, 'cfp.speaker_answers_saved', 'speaker_answers', actor.id, null, Object.fromEntries(changes));
    });
    return this.getSpeakerAnswers(actor, access);
  }

  private instant(text: string, field: string, timezone: string): Date {
    const instant = parseZonedDateTime(text, timezone);
    if (!instant) throw CommonErrors.validation([{ field, code: 'isIso8601' }]);
    return instant;
  }

  /** Options belong to choice questions only (and those need them); a length limit to text questions only. */
  private checkQuestionShape(type: CfpQuestionType, options: ChoiceOption[] | undefined, maxLength: number | undefined, creating: boolean) {
    const errors: FieldError[] = [];
    const choice = CHOICE_TYPES.includes(type);
    if (choice && creating && !options) errors.push({ field: 'options', code: 'isDefined' });
    if (!choice && options !== undefined) errors.push({ field: 'options', code: 'invalid' });
    if (type !== CfpQuestionType.TEXT && maxLength !== undefined) errors.push({ field: 'maxLength', code: 'invalid' });
    if (errors.length > 0) throw CommonErrors.validation(errors);
  }

  private async recordSettings(actor: Actor, access: EventAccess, before: CfpSettingsRecord | null, after: CfpSettingsRecord) {
    await this.record(actor, access, before ? 'cfp.settings_updated' : 'cfp.settings_created', 'cfp_settings', access.event.id, before, after);
  }

  private async record(
    actor: Actor,
    access: EventAccess,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) {
    await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType, entityId, before, after });
  }
}
