import { ReportInput } from '@reports/build-report';
import { collectContent } from './content';
import { collectEarlierEditions } from './editions';
import { collectEvent } from './event';
import { collectPartners } from './partners';
import { collectRegistrations } from './registrations';
import { collectScholarships } from './scholarships';
import { collectSharedCfp } from './shared-cfp';
import { collectChanges } from './changes';
import { SqlRunner } from './sql';

export { ReportEventNotFoundError } from './event';
export type { SqlRunner } from './sql';

export interface CollectOptions {
  privacyThreshold: number;
  generatedAt: Date;
}

/**
 * Memory for the statement that hashes the check-ins of the edition (about 40 bytes per check-in): with Postgres's
 * default 4 MB a million check-ins spill to disk. `set_config(..., true)` lasts until the end of the transaction,
 * so it changes nothing for other work on the connection (and nothing at all outside a transaction).
 */
const WORK_MEM = '64MB';

/**
 * Everything the report counts, as aggregates computed by Postgres: a fixed number of statements (fourteen; the organisers' choices come with the edition) whatever
 * the size of the edition. Run it inside one REPEATABLE READ transaction so that every figure is taken from the
 * same snapshot (buildReport checks that they agree: check-ins never exceed in-person registrations, and so on).
 * The counting rules are documented next to each statement.
 */
export async function collectReportInput(sql: SqlRunner, eventId: string, options: CollectOptions): Promise<ReportInput> {
  const { event, languages, choices } = await collectEvent(sql, eventId);
  await sql(`SELECT set_config('work_mem', $1, true)`, [WORK_MEM]);
  const registrations = await collectRegistrations(sql, eventId);
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
