import { Injectable } from '@nestjs/common';
import { CfpQuestionScope, CfpQuestionType, Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { ChoiceOption } from './answers.policy';

const SETTINGS_FIELDS = {
  eventId: true,
  opensAt: true,
  closesAt: true,
  maxSubmissionsPerSpeaker: true,
  languages: true,
  codePrefix: true,
} as const satisfies Prisma.CfpSettingsSelect;

export type CfpSettingsRecord = Prisma.CfpSettingsGetPayload<{ select: typeof SETTINGS_FIELDS }>;

const FORMAT_FIELDS = {
  id: true,
  slug: true,
  name: true,
  description: true,
  durationMinutes: true,
  maxSpeakers: true,
  openForSubmissions: true,
  position: true,
} as const satisfies Prisma.SessionFormatSelect;

export type FormatRecord = Prisma.SessionFormatGetPayload<{ select: typeof FORMAT_FIELDS }>;

const TRACK_FIELDS = {
  id: true,
  slug: true,
  name: true,
  description: true,
  position: true,
} as const satisfies Prisma.TrackSelect;

export type TrackRecord = Prisma.TrackGetPayload<{ select: typeof TRACK_FIELDS }>;

const QUESTION_FIELDS = {
  id: true,
  scope: true,
  type: true,
  label: true,
  helpText: true,
  required: true,
  options: true,
  maxLength: true,
  position: true,
} as const satisfies Prisma.CfpQuestionSelect;

export type QuestionRecord = Prisma.CfpQuestionGetPayload<{ select: typeof QUESTION_FIELDS }>;

const PROFILE_FIELDS = {
  userId: true,
  name: true,
  bio: true,
  company: true,
  jobTitle: true,
  country: true,
  pronouns: true,
  firstTimeSpeaker: true,
  updatedAt: true,
} as const satisfies Prisma.SpeakerProfileSelect;

export type ProfileRecord = Prisma.SpeakerProfileGetPayload<{ select: typeof PROFILE_FIELDS }>;

export interface SettingsWrite {
  opensAt?: Date;
  closesAt?: Date;
  maxSubmissionsPerSpeaker?: number;
  languages?: string[];
  codePrefix?: string;
}

export interface FormatWrite {
  name?: LocalizedText;
  description?: LocalizedText | null;
  durationMinutes?: number;
  maxSpeakers?: number;
  openForSubmissions?: boolean;
  position?: number;
}

export interface TrackWrite {
  name?: LocalizedText;
  description?: LocalizedText | null;
  position?: number;
}

export interface QuestionWrite {
  label?: LocalizedText;
  helpText?: LocalizedText | null;
  required?: boolean;
  options?: ChoiceOption[];
  maxLength?: number | null;
  position?: number;
}

export interface ProfileWrite {
  name: string;
  bio: string;
  company: string;
  jobTitle: string;
  country: string;
  pronouns: string | null;
  firstTimeSpeaker: boolean;
}

/** Where an answer belongs: a submission (submission questions) or a speaker (speaker questions). */
export type AnswerOwner = { submissionId: string } | { userId: string };

const notArchived = { archivedAt: null } as const;

/** An optional translated field's write: null clears the column, undefined leaves it alone. */
function jsonOrNull<T extends Prisma.InputJsonValue>(value: T | null | undefined): T | typeof Prisma.DbNull | undefined {
  return value === null ? Prisma.DbNull : value;
}

@Injectable()
export class CfpRepository {
  constructor(private readonly tx: TransactionHost) {}

  findSettings(eventId: string): Promise<CfpSettingsRecord | null> {
    return this.tx.db.cfpSettings.findUnique({ where: { eventId }, select: SETTINGS_FIELDS });
  }

  /** Settings, formats, tracks and the questions still asked, in one statement: what the public CFP page shows. */
  findCfp(eventId: string) {
    return this.tx.db.event.findUnique({
      where: { id: eventId },
      select: {
        cfpSettings: { select: SETTINGS_FIELDS },
        sessionFormats: { select: FORMAT_FIELDS, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
        tracks: { select: TRACK_FIELDS, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
        cfpQuestions: { where: notArchived, select: QUESTION_FIELDS, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
      },
    });
  }

  createSettings(eventId: string, data: Required<SettingsWrite>): Promise<CfpSettingsRecord> {
    return this.tx.db.cfpSettings.create({ data: { eventId, ...data }, select: SETTINGS_FIELDS });
  }

  updateSettings(eventId: string, data: SettingsWrite): Promise<CfpSettingsRecord> {
    return this.tx.db.cfpSettings.update({ where: { eventId }, data, select: SETTINGS_FIELDS });
  }

  /**
   * Takes the next submission number of the event. The row lock this update holds until commit orders concurrent
   * creations, so every number is handed out once.
   */
  async nextCodeNumber(eventId: string): Promise<{ number: number; prefix: string } | null> {
    const rows = await this.tx.db.$queryRaw<{ last_code_number: number; code_prefix: string }[]>`
      UPDATE cfp_settings SET last_code_number = last_code_number + 1, updated_at = now()
       WHERE event_id = ${eventId}::uuid
      RETURNING last_code_number, code_prefix`;
    return rows[0] ? { number: rows[0].last_code_number, prefix: rows[0].code_prefix } : null;
  }

  async createFormats(eventId: string, formats: (Required<FormatWrite> & { slug: string })[]): Promise<void> {
    await this.tx.db.sessionFormat.createMany({ data: formats.map((f) => ({ eventId, ...f, description: jsonOrNull(f.description) })) });
  }

  createFormat(
    eventId: string,
    slug: string,
    data: FormatWrite & { name: LocalizedText; durationMinutes: number; maxSpeakers: number },
  ): Promise<FormatRecord> {
    return this.tx.db.sessionFormat.create({ data: { eventId, slug, ...data, description: jsonOrNull(data.description) }, select: FORMAT_FIELDS });
  }

  findFormat(eventId: string, slug: string): Promise<FormatRecord | null> {
    return this.tx.db.sessionFormat.findUnique({ where: { eventId_slug: { eventId, slug } }, select: FORMAT_FIELDS });
  }

  updateFormat(id: string, data: FormatWrite): Promise<FormatRecord> {
    return this.tx.db.sessionFormat.update({ where: { id }, data: { ...data, description: jsonOrNull(data.description) }, select: FORMAT_FIELDS });
  }

  /**
   * Deletes the format unless a submission uses it. The row lock makes a concurrent submission that picks this
   * format wait, so the count cannot go stale before the delete.
   */
  async deleteFormatIfUnused(id: string): Promise<boolean> {
    await this.tx.db.$queryRaw`SELECT id FROM session_formats WHERE id = ${id}::uuid FOR UPDATE`;
    if ((await this.tx.db.submission.count({ where: { formatId: id } })) > 0) return false;
    await this.tx.db.sessionFormat.delete({ where: { id } });
    return true;
  }

  createTrack(eventId: string, slug: string, data: TrackWrite & { name: LocalizedText }): Promise<TrackRecord> {
    return this.tx.db.track.create({ data: { eventId, slug, ...data, description: jsonOrNull(data.description) }, select: TRACK_FIELDS });
  }

  findTrack(eventId: string, slug: string): Promise<TrackRecord | null> {
    return this.tx.db.track.findUnique({ where: { eventId_slug: { eventId, slug } }, select: TRACK_FIELDS });
  }

  updateTrack(id: string, data: TrackWrite): Promise<TrackRecord> {
    return this.tx.db.track.update({ where: { id }, data: { ...data, description: jsonOrNull(data.description) }, select: TRACK_FIELDS });
  }

  /** Same guarantee as deleteFormatIfUnused. */
  async deleteTrackIfUnused(id: string): Promise<boolean> {
    await this.tx.db.$queryRaw`SELECT id FROM tracks WHERE id = ${id}::uuid FOR UPDATE`;
    if ((await this.tx.db.submission.count({ where: { trackId: id } })) > 0) return false;
    await this.tx.db.track.delete({ where: { id } });
    return true;
  }

  countTracks(eventId: string): Promise<number> {
    return this.tx.db.track.count({ where: { eventId } });
  }

  createQuestion(
    eventId: string,
    data: QuestionWrite & { scope: CfpQuestionScope; type: CfpQuestionType; label: LocalizedText },
  ): Promise<QuestionRecord> {
    return this.tx.db.cfpQuestion.create({ data: { eventId, ...data, helpText: jsonOrNull(data.helpText) }, select: QUESTION_FIELDS });
  }

  findQuestion(eventId: string, id: string): Promise<QuestionRecord | null> {
    return this.tx.db.cfpQuestion.findFirst({ where: { id, eventId, ...notArchived }, select: QUESTION_FIELDS });
  }

  updateQuestion(id: string, data: QuestionWrite): Promise<QuestionRecord> {
    return this.tx.db.cfpQuestion.update({ where: { id }, data: { ...data, helpText: jsonOrNull(data.helpText) }, select: QUESTION_FIELDS });
  }

  async archiveQuestion(id: string, at: Date): Promise<void> {
    await this.tx.db.cfpQuestion.update({ where: { id }, data: { archivedAt: at } });
  }

  activeQuestions(eventId: string, scope: CfpQuestionScope): Promise<QuestionRecord[]> {
    return this.tx.db.cfpQuestion.findMany({
      where: { eventId, scope, ...notArchived },
      select: QUESTION_FIELDS,
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    });
  }

  findProfile(userId: string): Promise<ProfileRecord | null> {
    return this.tx.db.speakerProfile.findUnique({ where: { userId }, select: PROFILE_FIELDS });
  }

  upsertProfile(userId: string, data: ProfileWrite): Promise<ProfileRecord> {
    return this.tx.db.speakerProfile.upsert({
      where: { userId },
      create: { userId, ...data },
      update: data,
      select: PROFILE_FIELDS,
    });
  }

  /** The speaker's answers to this event's speaker questions (archived questions included: they were answered). */
  speakerAnswers(eventId: string, userId: string) {
    return this.tx.db.cfpAnswer.findMany({
      where: { userId, question: { eventId } },
      select: { questionId: true, value: true },
    });
  }

  /** Applies answer changes: a value is written, null removes the answer. */
  async saveAnswers(owner: AnswerOwner, changes: Map<string, Prisma.InputJsonValue | null>): Promise<void> {
    const removed = [...changes].filter(([, value]) => value === null).map(([questionId]) => questionId);
    if (removed.length > 0) {
      await this.tx.db.cfpAnswer.deleteMany({ where: { ...owner, questionId: { in: removed } } });
    }
    for (const [questionId, value] of changes) {
      if (value === null) continue;
      if ('submissionId' in owner) {
        await this.tx.db.cfpAnswer.upsert({
          where: { questionId_submissionId: { questionId, submissionId: owner.submissionId } },
          create: { questionId, submissionId: owner.submissionId, value },
          update: { value },
        });
      } else {
        await this.tx.db.cfpAnswer.upsert({
          where: { questionId_userId: { questionId, userId: owner.userId } },
          create: { questionId, userId: owner.userId, value },
          update: { value },
        });
      }
    }
  }
}
