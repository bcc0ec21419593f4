import { ScholarshipKind } from '@lectern/database/generated/enums';
import { LocalizedText } from '@lectern/i18n/localized-text';

export interface CreateProgrammeInput {
  key: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  kind: ScholarshipKind;
  opensAt: string;
  closesAt: string;
  currency: string;
  budgetMinor: number;
  travelCapMinor?: number;
  ticketTypeId?: string | null;
  reviewsPerApplication?: number;
}

export interface UpdateProgrammeInput {
  name?: LocalizedText;
  description?: LocalizedText | null;
  kind?: ScholarshipKind;
  opensAt?: string;
  closesAt?: string;
  currency?: string;
  budgetMinor?: number;
  travelCapMinor?: number;
  ticketTypeId?: string | null;
  reviewsPerApplication?: number;
}
