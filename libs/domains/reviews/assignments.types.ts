export interface CreateAssignmentInput {
  reviewerId: string;
  submissionId: string;
}

export interface DeclareConflictInput {
  reviewerId: string;
  submissionId: string;
  reason?: string;
}

export interface ReviewerTracksInput {
  tracks: string[];
}
