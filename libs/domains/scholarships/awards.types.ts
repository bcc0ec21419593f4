import { ScholarshipAwardState } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';

export interface CreateAwardInput {
  applicationId: string;
  travelGrantMinor?: number;
  includesRegistration?: boolean;
}

export interface ListAwardsQuery extends PageQuery {
  programmeId?: string;
  state?: ScholarshipAwardState;
}
