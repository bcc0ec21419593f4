import { ScholarshipApplicationState, Gender } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';

export interface CreateApplicationInput extends ApplicationContentInput {
  programmeId: string;
  statement: string;
  requestedTravelMinor?: number;
  travelOrigin: string;
  consent: boolean;
}

export interface ListApplicationsQuery extends PageQuery {
  programmeId?: string;
  state?: ScholarshipApplicationState;
}

export interface UpdateApplicationInput extends ApplicationContentInput {
  statement?: string;
  requestedTravelMinor?: number;
  travelOrigin?: string;
}

/** The applicant's answers; the self-described ones are all optional. */
export interface ApplicationContentInput {
  contributions?: string | null;
  gender?: Gender | null;
  firstTimeAttendee?: boolean | null;
  underrepresented?: boolean | null;
  backgroundNote?: string | null;
}
