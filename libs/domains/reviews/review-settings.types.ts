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
  name: string;
  nameZh?: string;
  description?: string;
  weight: number;
}
