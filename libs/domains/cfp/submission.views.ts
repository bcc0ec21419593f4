import { SpeakerRole } from '@lectern/database/generated/enums';
import { JsonValue } from '@lectern/database/json.types';
import { toZonedIso } from '@lectern/clock/zoned-time';
import { CfpSettingsRecord } from './cfp.repository';
import { MySubmissionRecord, SubmissionDetailRecord } from './submissions.repository';
import { localizedText } from '@lectern/i18n/localized-text';

/** The name a speaker gave their profile, else their account's. */
export const speakerName = (speaker: { user: { name: string; speakerProfile: { name: string } | null } }) =>
  speaker.user.speakerProfile?.name ?? speaker.user.name;

export const answerMap = (rows: { questionId: string; value: JsonValue }[]) =>
  Object.fromEntries(rows.map((row) => [row.questionId, row.value])) as Record<string, unknown>;

const formatRef = (format: { slug: string; name: unknown } | null) => (format ? { slug: format.slug, name: localizedText(format.name) } : null);

/** What a speaker's list shows of a submission; the organisers' list shows the same, built in SQL (submissionPageSql). */
const summaryOf = (row: MySubmissionRecord) => ({
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

/** A row of a speaker's own list, with their role in it. */
export function toMineItem(row: MySubmissionRecord, userId: string) {
  return {
    ...summaryOf(row),
    role: row.speakers.find((s) => s.userId === userId)?.role ?? SpeakerRole.CO_SPEAKER,
    updatedAt: row.updatedAt,
  };
}

/** How the one reading a submission stands to it; organisers also see the speakers' e-mails and answers. */
export interface SubmissionViewer {
  isOrganiser: boolean;
  /** Speakers may still edit it (its state allows it and the CFP is open). */
  editable: boolean;
}

export function toDetailView(record: SubmissionDetailRecord, viewer: SubmissionViewer, settings: CfpSettingsRecord | null, timezone: string) {
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
        ...(viewer.isOrganiser ? { email: s.user.email, answers: answerMap(s.user.cfpAnswers) } : {}),
      };
    }),
    invitations: record.invitations,
    submittedAt: record.submittedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    editable: viewer.editable,
    cfpClosesAt: settings?.closesAt ?? null,
    cfpClosesAtLocal: settings ? toZonedIso(settings.closesAt, timezone) : null,
  };
}
