import { EventFactKind } from '@lectern/database/generated/enums';
import { MediaKind, SponsorTier } from '@reports/report.model';
import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CreateCommunityPartnerInput {
  name: string;
  website?: string;
}

export interface CreateEventFactInput {
  kind: EventFactKind;
  label: LocalizedText;
  value?: number;
  unit?: LocalizedText;
  source?: string;
  url?: string;
  publishedOn?: string;
  language?: string;
}

export interface CreateMediaAccreditationInput {
  name: string;
  outlet: string;
  kind: MediaKind;
  language: string;
}

export interface CreateSponsorInput {
  name: string;
  tier: SponsorTier;
  website?: string;
}

export interface UpdateCommunityPartnerInput {
  name?: string;
  website?: string | null;
}

/** Every field may be sent; null clears an optional one. */
export interface UpdateEventFactInput {
  kind?: EventFactKind;
  label?: LocalizedText;
  value?: number | null;
  unit?: LocalizedText | null;
  source?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  language?: string | null;
}

export interface UpdateMediaAccreditationInput {
  name?: string;
  outlet?: string;
  kind?: MediaKind;
  language?: string;
}

export interface UpdateSponsorInput {
  name?: string;
  tier?: SponsorTier;
  website?: string | null;
}
