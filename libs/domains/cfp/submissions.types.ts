import { AudienceLevel, SubmissionState } from '@lectern/database/generated/enums';
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
