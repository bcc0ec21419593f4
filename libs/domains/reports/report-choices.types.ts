import { LocalizedText } from '@lectern/i18n/localized-text';
import { OptionalSection } from '@reports/report.model';

/** What organisers choose for their edition's report; every field is replaced by a PUT. */
export interface PutReportChoicesInput {
  introduction?: LocalizedText | null;
  omittedSections?: OptionalSection[];
  topCountries?: number;
}

export interface ReportChoicesView {
  introduction: LocalizedText | null;
  omittedSections: OptionalSection[];
  topCountries: number;
  /** Null until the organisers first set them (the defaults apply). */
  updatedAt: Date | null;
}
