import { CfpQuestionScope, CfpQuestionType } from '@lectern/database/generated/enums';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { ChoiceOption } from './answers.policy';

export interface CreateFormatInput {
  slug: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  durationMinutes: number;
  maxSpeakers: number;
  openForSubmissions?: boolean;
  position?: number;
}

export interface CreateQuestionInput {
  scope: CfpQuestionScope;
  type: CfpQuestionType;
  label: LocalizedText;
  helpText?: LocalizedText | null;
  required?: boolean;
  options?: ChoiceOption[];
  maxLength?: number;
  position?: number;
}

export interface CreateTrackInput {
  slug: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  position?: number;
}

export interface PatchCfpSettingsInput {
  opensAt?: string;
  closesAt?: string;
  maxSubmissionsPerSpeaker?: number;
  languages?: string[];
  codePrefix?: string;
}

export interface PutCfpSettingsInput {
  opensAt: string;
  closesAt: string;
  maxSubmissionsPerSpeaker: number;
  languages?: string[];
  codePrefix?: string;
}

export interface SpeakerAnswersInput {
  answers: Record<string, unknown>;
}

export interface SpeakerProfileInput {
  name: string;
  bio: string;
  company: string;
  jobTitle: string;
  country: string;
  pronouns?: string;
  firstTimeSpeaker: boolean;
}

export interface UpdateFormatInput {
  name?: LocalizedText;
  description?: LocalizedText | null;
  durationMinutes?: number;
  maxSpeakers?: number;
  openForSubmissions?: boolean;
  position?: number;
}

/** Scope and type are fixed once created: answers already given were checked against them. */
export interface UpdateQuestionInput {
  label?: LocalizedText;
  helpText?: LocalizedText | null;
  required?: boolean;
  options?: ChoiceOption[];
  maxLength?: number;
  position?: number;
}

export interface UpdateTrackInput {
  name?: LocalizedText;
  description?: LocalizedText | null;
  position?: number;
}
