import { RegistrationState, CompanySize, JobFunction, Industry, Gender } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';

export interface CreateRegistrationInput extends SelfDescribedInput {
  ticketTypeId: string;
  attendeeName: string;
  attendeeEmail?: string;
  voucherCode?: string;
  waitlist?: boolean;
}

export interface ListRegistrationsQuery extends PageQuery {
  state?: RegistrationState;
  ticketTypeId?: string;
  q?: string;
}

export interface UpdateRegistrationInput extends SelfDescribedInput {
  attendeeName?: string;
  attendeeEmail?: string;
}

/** Optional self-described data; sending any of it without consentToReport: true is refused. */
export interface SelfDescribedInput {
  consentToReport?: boolean;
  country?: string | null;
  companyName?: string | null;
  companySize?: CompanySize | null;
  jobFunction?: JobFunction | null;
  industry?: Industry | null;
  firstTimeAttendee?: boolean | null;
  gender?: Gender | null;
}
export const SELF_DESCRIBED_FIELDS = [
  'country',
  'companyName',
  'companySize',
  'jobFunction',
  'industry',
  'firstTimeAttendee',
  'gender',
] as const;
