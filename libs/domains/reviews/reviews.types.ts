import { PageQuery } from '@lectern/database/pagination.types';
import { LocalizedText } from '@lectern/i18n/localized-text';

export interface AssignedQuery extends PageQuery {
  status?: 'PENDING' | 'REVIEWED';
}

/** A page of a reviewer's assignments as the response carries it (its items written by reviewerPageSql). */
export interface AssignedPage {
  items: {
    id: string;
    code: string;
    title: string;
    abstract: string | null;
    level: string | null;
    language: string | null;
    format: { slug: string; name: LocalizedText; durationMinutes: number } | null;
    track: { slug: string; name: LocalizedText } | null;
    /** Only when the event does not anonymise its review. */
    speakers?: { name: string; company: string | null; jobTitle: string | null }[];
    review: {
      scores: Record<string, number>;
      score: number;
      confidence: number;
      committeeComment: string | null;
      speakerComment: string | null;
      /** ISO 8601, UTC, milliseconds */
      createdAt: string;
      updatedAt: string;
    } | null;
  }[];
  nextCursor: string | null;
  progress: { assigned: number; reviewed: number };
  anonymised: boolean;
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
