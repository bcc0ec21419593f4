/**
 * How the statistics reach the database: any function that runs one parameterised statement and returns its rows
 * (`pg`'s client in the tests and the bench, Prisma's `$queryRawUnsafe` in the worker). The statistics never load
 * rows about people: every statement returns aggregates (counts per group), so the amount of data crossing the
 * wire is bounded by the number of groups, not by the number of registrations.
 */
export type SqlRunner = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

/** An instant as ISO 8601 text in UTC, so every runner returns the same string whatever its date handling. */
export const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A whole number from a row: counts are cast to int in SQL, but a driver may still hand back a string or bigint. */
export function whole(value: unknown): number {
  const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : (value as number);
  if (!Number.isInteger(number)) throw new TypeError(`expected a whole number from SQL, got ${String(value)}`);
  return number;
}

/** A text array from a row: drivers return `text[]` as an array, some hand back JSON text instead. */
export function textArray(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return (JSON.parse(value) as unknown[]).map(String);
  throw new TypeError(`expected a text array from SQL, got ${typeof value}`);
}

/**
 * A second connection for the statistics: `beside(work)` opens a REPEATABLE READ transaction on a connection other
 * than the one of the statistics' transaction, runs `work` in it with no query before work's own (SET commands
 * may come first; a query would fix the transaction's snapshot before work can import the statistics' one), and
 * ends it.
 */
export type BesideRunner = <T>(work: (sql: SqlRunner) => Promise<T>) => Promise<T>;

/** The snapshot of `sql`'s transaction (REPEATABLE READ, still open), for another transaction to take. */
export async function exportSnapshot(sql: SqlRunner): Promise<string> {
  const [row] = await sql<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
  return row.snapshot;
}

/** Makes `sql`'s transaction, REPEATABLE READ and with no statement run yet, see the snapshot `exportSnapshot` gave. */
export async function importSnapshot(sql: SqlRunner, snapshot: string): Promise<void> {
  // SET takes no bind parameters, so the identifier goes into the text: it must be Postgres's own (hex groups)
  if (!/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(snapshot)) throw new TypeError(`not a snapshot identifier: ${snapshot}`);
  await sql(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
}

/**
 * Memory for the statement that hashes the check-ins of the edition (about 40 bytes per check-in): with Postgres's
 * default 4 MB a million check-ins spill to disk. `set_config(..., true)` lasts until the end of the transaction,
 * so it changes nothing for other work on the connection (and nothing at all outside a transaction).
 */
const WORK_MEM = '64MB';

/**
 * JIT off for the transaction: the trends' statement is costed above `jit_above_cost` (the planner takes each
 * earlier edition for about 90,000 registrations when the bench's have a few thousand), and compiling its
 * expressions took longer than running it (EXPLAIN ANALYZE on the bench's million registrations: JIT 280 to 400 ms
 * for a statement that runs in about 120 ms without it). The other statements were costed below the threshold.
 */
const JIT = 'off';

/** The statistics' settings, for the rest of the transaction on `sql`. */
export async function applySettings(sql: SqlRunner): Promise<void> {
  await sql(`SELECT set_config('work_mem', $1, true), set_config('jit', $2, true)`, [WORK_MEM, JIT]);
}
