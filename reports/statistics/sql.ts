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
