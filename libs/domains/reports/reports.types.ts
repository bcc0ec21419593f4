import { ReportStatus } from '@lectern/database/generated/enums';
import { Language } from '@lectern/i18n/i18n';

export interface ReportView {
  id: string;
  eventSlug: string;
  status: ReportStatus;
  progress: number;
  attempts: number;
  privacyThreshold: number;
  failureReason: string | null;
  lastError: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  generatedAt: Date | null;
  publishedAt: Date | null;
  files: ReportFileInput[];
  html: ReportHtmlInput[];
  json: ReportJsonInput | null;
}

export interface ReportFileInput {
  language: Language;
  sha256: string;
  sizeBytes: number;
  url: string;
}

/** One language's web edition. */
export interface ReportHtmlInput {
  language: Language;
  sha256: string;
  sizeBytes: number;
  url: string;
}

export interface ReportJsonInput {
  sha256: string;
  url: string;
}
