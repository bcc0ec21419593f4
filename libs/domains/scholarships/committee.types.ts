import { PageQuery } from '@lectern/database/pagination.types';

export interface AssignedQuery {
  programmeId?: string;
}

export type RankingQuery = PageQuery;

export interface ReviewInput {
  score: number;
  confidence: number;
  comment?: string | null;
}
