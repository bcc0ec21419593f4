import { AudienceLevel, SpeakerRole, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { PageQuery } from '@lectern/database/pagination.types';

export interface CreateInvitedSessionInput {
  title: string;
  abstract: string;
  description?: string;
  format: string;
  track?: string;
  level?: AudienceLevel;
  language: string;
  speakers: InvitedSpeakerInput[];
}

export interface CreateSubmissionInput {
  title: string;
  abstract?: string;
  description?: string;
  format?: string;
  track?: string;
  level?: AudienceLevel;
  language?: string;
  answers?: Record<string, unknown>;
}

export interface ListSubmissionsQuery extends PageQuery, SubmissionFilterQuery {}

/** A page of the organisers' list as the response carries it (its items written by submissionPageSql). */
export interface SubmissionPage {
  items: {
    id: string;
    code: string;
    origin: SubmissionOrigin;
    state: SubmissionState;
    title: string;
    format: { slug: string; name: LocalizedText } | null;
    track: { slug: string; name: LocalizedText } | null;
    level: AudienceLevel | null;
    language: string | null;
    /** ISO 8601, UTC, milliseconds */
    submittedAt: string;
    speakers: { role: SpeakerRole; name: string; company: string | null; country: string | null }[];
  }[];
  nextCursor: string | null;
}

export const ORIGIN_FILTERS = ['CFP', 'INVITED', 'ALL'] as const;
export type SubmissionOriginFilter = (typeof ORIGIN_FILTERS)[number];

export interface SubmissionFilterQuery {
  state?: SubmissionState[];
  track?: string;
  format?: string;
  level?: AudienceLevel;
  language?: string;
  q?: string;
  origin?: SubmissionOriginFilter;
}

/** Every field optional; `null` clears an optional field. The title cannot be cleared. */
export interface UpdateSubmissionInput {
  title?: string;
  abstract?: string | null;
  description?: string | null;
  format?: string | null;
  track?: string | null;
  level?: AudienceLevel | null;
  language?: string | null;
  answers?: Record<string, unknown>;
}

export interface InvitedSpeakerInput {
  email: string;
}
