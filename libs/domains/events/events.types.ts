import { EventFormat, EventRole, EventStatus } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';

export interface CreateEventInput {
  seriesSlug: string;
  slug: string;
  name: string;
  nameZh?: string;
  city: string;
  cityZh?: string;
  country: string;
  venue?: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  format: EventFormat;
  capacity?: number;
  parentEventSlug?: string;
}

export interface CreateSeriesInput {
  slug: string;
  name: string;
  nameZh?: string;
}

export interface GrantRoleInput {
  email: string;
  role: EventRole;
}

export interface ListEventsQuery extends PageQuery {
  series?: string;
  status?: EventStatus;
}

export interface UpdateEventInput {
  name?: string;
  nameZh?: string;
  city?: string;
  cityZh?: string;
  country?: string;
  venue?: string;
  timezone?: string;
  startsAt?: string;
  endsAt?: string;
  format?: EventFormat;
  capacity?: number;
  status?: EventStatus;
}
