import { LocalizedText } from '@lectern/i18n/localized-text';
export interface PutReviewSettingsInput {
  opensAt: string;
  closesAt: string;
  scaleMin?: number;
  scaleMax?: number;
  reviewsPerSubmission?: number;
  anonymised?: boolean;
  promoteFromWaitlist?: boolean;
  confirmationDays?: number;
  confirmationReminderDays?: number;
  criteria?: CriterionInput[];
}

export interface CriterionInput {
  key: string;
  name: LocalizedText;
  description?: LocalizedText | null;
  weight: number;
}
