import { PageQuery } from '@lectern/database/pagination.types';

export interface AssignedQuery extends PageQuery {
  status?: 'PENDING' | 'REVIEWED';
}

export interface DeclareOwnConflictInput {
  reason?: string;
}

export interface RankingQuery extends PageQuery {
  track?: string;
  format?: string;
}

export interface ReviewInput {
  scores: Record<string, unknown>;
  confidence: number;
  committeeComment?: string;
  speakerComment?: string;
}
