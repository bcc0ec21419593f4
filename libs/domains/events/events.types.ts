import { EventFormat, EventRole, EventStatus } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';
import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CreateEventInput {
  seriesSlug: string;
  slug: string;
  name: LocalizedText;
  city: LocalizedText;
  country: string;
  venue?: LocalizedText;
  timezone: string;
  startsAt: string;
  endsAt: string;
  format: EventFormat;
  capacity?: number;
  parentEventSlug?: string;
}

export interface CreateSeriesInput {
  slug: string;
  /** BCP 47 tags Lectern speaks, the primary first; English alone when absent. */
  languages?: string[];
  name: LocalizedText;
}

export interface UpdateSeriesInput {
  languages?: string[];
  name?: LocalizedText;
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
  name?: LocalizedText;
  city?: LocalizedText;
  country?: string;
  venue?: LocalizedText | null;
  timezone?: string;
  startsAt?: string;
  endsAt?: string;
  format?: EventFormat;
  capacity?: number;
  status?: EventStatus;
}
