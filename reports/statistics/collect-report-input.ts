import { ReportInput } from '@reports/build-report';
import { collectContent } from './content';
import { collectEarlierEditions } from './editions';
import { collectEvent } from './event';
import { collectPartners } from './partners';
import { collectRegistrations } from './registrations';
import { collectScholarships } from './scholarships';
import { collectSharedCfp } from './shared-cfp';
import { collectChanges } from './changes';
import { BesideRunner, SqlRunner, applySettings } from './sql';

export { ReportEventNotFoundError } from './event';
export type { BesideRunner, SqlRunner } from './sql';

export interface CollectOptions {
  privacyThreshold: number;
  generatedAt: Date;
  /**
   * A second connection in the same snapshot: the registrations' scan then runs in two parts at once, one on each
   * (see collectRegistrations). Without it the scan runs whole on `sql`, with the same figures.
   */
  beside?: BesideRunner;
}

/**
 * Everything the report counts, as aggregates computed by Postgres: a fixed number of statements (thirteen; the organisers' choices come with the edition) whatever
 * the size of the edition; with `beside`, the registrations' scan runs in two parts, one on the second connection,
 * and three more statements (exporting the snapshot with the page to split at, importing it and the settings
 * there) keep the two in step. Run it inside one REPEATABLE READ transaction so that every figure is taken from the
 * same snapshot (buildReport checks that they agree: check-ins never exceed in-person registrations, and so on).
 * The counting rules are documented next to each statement.
 */
export async function collectReportInput(sql: SqlRunner, eventId: string, options: CollectOptions): Promise<ReportInput> {
  const { event, languages, choices } = await collectEvent(sql, eventId);
  await applySettings(sql);
  const registrations = await collectRegistrations(sql, eventId, options.beside);
  const content = await collectContent(sql, eventId);
  const scholarshipProgrammes = await collectScholarships(sql, eventId);
  const partners = await collectPartners(sql, eventId);
  const previousEditions = await collectEarlierEditions(sql, eventId);
  const shared = await collectSharedCfp(sql, eventId);
  const changes = await collectChanges(sql, eventId);
  return {
    generatedAt: options.generatedAt,
    languages,
    privacyThreshold: options.privacyThreshold,
    ...choices,
    event,
    ...registrations,
    ...content,
    scholarshipProgrammes,
    ...partners,
    previousEditions,
    ...shared,
    ...changes,
  };
}
