import { ScholarshipKind } from '@lectern/database/generated/enums';

export interface CreateProgrammeInput {
  key: string;
  name: string;
  nameZh?: string;
  description?: string;
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
  name?: string;
  nameZh?: string | null;
  description?: string | null;
  kind?: ScholarshipKind;
  opensAt?: string;
  closesAt?: string;
  currency?: string;
  budgetMinor?: number;
  travelCapMinor?: number;
  ticketTypeId?: string | null;
  reviewsPerApplication?: number;
}
