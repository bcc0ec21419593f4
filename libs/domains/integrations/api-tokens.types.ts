import { ApiTokenKind } from '@lectern/database/generated/enums';

export interface CreateApiTokenInput {
  name: string;
  kind?: ApiTokenKind;
  /** One edition (by slug) or one series (by slug). */
  eventSlug?: string;
  seriesSlug?: string;
  /** Ignored for a check-in device, whose scopes are fixed. */
  scopes?: string[];
  /** ISO 8601 instant, at most MAX_TOKEN_DAYS ahead. */
  expiresAt: string;
}

/** What a request made with an API token may do, besides what its creator's roles allow. */
export interface ApiTokenGrant {
  id: string;
  kind: ApiTokenKind;
  scopes: string[];
  eventId: string | null;
  seriesId: string | null;
}
