export interface BulkDecisionInput {
  groupBy?: (typeof BULK_GROUPS)[number];
  acceptPercent?: number;
  acceptQuotas?: Record<string, unknown>;
  waitlistPercent?: number;
  waitlistQuotas?: Record<string, unknown>;
  rejectRest?: boolean;
}

export interface ReleaseInput {
  submissionIds?: string[];
}
export const BULK_GROUPS = ['TRACK', 'FORMAT', 'EVENT'] as const;
