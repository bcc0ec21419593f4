import { ReportInput } from '@reports/build-report';
import { collectContent } from './content';
import { collectEarlierEditions } from './editions';
import { collectEvent } from './event';
import { collectPartners } from './partners';
import { collectRegistrations } from './registrations';
import { collectScholarships } from './scholarships';
import { collectSharedCfp } from './shared-cfp';
import { collectChanges } from './changes';
import { BesideRunner, SqlRunner, applySettings, exportSnapshot, importSnapshot } from './sql';

export { ReportEventNotFoundError } from './event';
export type { BesideRunner, SqlRunner } from './sql';

export interface CollectOptions {
  privacyThreshold: number;
  generatedAt: Date;
  /**
   * A second connection in the same snapshot: the registrations' scan then runs in two parts at once, one on each
   * (see collectRegistrations), and so do the statements after it, shared between the two. Without it everything
   * runs one statement after the other on `sql`, with the same figures.
   */
  beside?: BesideRunner;
}

/**
 * The statements after the registrations': with `beside`, the trends, the shared CFP and the changes run there at
 * the same time as the others here (each of these statements runs in one process, so two run at a time on two
 * cores), in a second transaction that takes `sql`'s snapshot too.
 */
async function collectTheRest(sql: SqlRunner, eventId: string, beside: BesideRunner | undefined) {
  const here = async () => ({
    content: await collectContent(sql, eventId),
    scholarshipProgrammes: await collectScholarships(sql, eventId),
    partners: await collectPartners(sql, eventId),
  });
  const there = async (other: SqlRunner) => ({
    previousEditions: await collectEarlierEditions(other, eventId),
    shared: await collectSharedCfp(other, eventId),
    changes: await collectChanges(other, eventId),
  });
  if (!beside) return [await here(), await there(sql)] as const;
  const snapshot = await exportSnapshot(sql);
  return Promise.all([
    here(),
    beside(async (other) => {
      await importSnapshot(other, snapshot);
      await applySettings(other);
      return there(other);
    }),
  ]);
}

/**
 * Everything the report counts, as aggregates computed by Postgres: a fixed number of statements (thirteen; the organisers' choices come with the edition) whatever
 * the size of the edition; with `beside`, the registrations' scan runs in two parts, one on the second connection,
 * and so do the trends, the shared CFP and the changes while the rest runs on `sql`; six more statements (exporting
 * the snapshot twice, the first time with the page to split at; importing it and the settings there, twice) keep
 * the two in step. Run it inside one REPEATABLE READ transaction so that every figure is taken from the
 * same snapshot (buildReport checks that they agree: check-ins never exceed in-person registrations, and so on).
 * The counting rules are documented next to each statement.
 */
export async function collectReportInput(sql: SqlRunner, eventId: string, options: CollectOptions): Promise<ReportInput> {
  const { event, languages, choices } = await collectEvent(sql, eventId);
  await applySettings(sql);
  const registrations = await collectRegistrations(sql, eventId, options.beside);
  const [{ content, scholarshipProgrammes, partners }, { previousEditions, shared, changes }] = await collectTheRest(sql, eventId, options.beside);
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
