import { DatabaseError as DriverError } from 'pg';
import { Prisma } from './generated/client';

/** True when the error is a unique-constraint violation (optionally on a given column). */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  if (column === undefined) return true;
  return JSON.stringify(error.meta ?? {}).includes(column);
}

/** What Postgres said when it refused a statement or a commit. */
export interface DatabaseError {
  /** The SQLSTATE, e.g. 55P03 for a lock timeout. */
  code: string;
  message: string;
  detail?: string;
  /** The violated constraint or unique index, when Postgres names one. */
  constraint?: string;
}

interface AdapterCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  detail?: unknown;
  constraint?: { index?: unknown };
}

/**
 * The Postgres error inside whatever wrapped it: a query's error arrives as a PrismaClientKnownRequestError with
 * the driver adapter's error in its meta, a failed commit of an interactive transaction as the adapter's error
 * itself, a statement sent through the driver directly as the driver's own error. Null for anything that is not
 * an error from Postgres.
 */
export function databaseError(error: unknown): DatabaseError | null {
  if (!(error instanceof Error)) return null;
  // a statement sent through the driver itself (TransactionHost.read and runAsOne outside a transaction)
  if (error instanceof DriverError && typeof error.code === 'string') {
    return {
      code: error.code,
      message: error.message,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
      ...(error.constraint !== undefined ? { constraint: error.constraint } : {}),
    };
  }
  const adapterError =
    error instanceof Prisma.PrismaClientKnownRequestError
      ? (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)
      : error.name === 'DriverAdapterError'
        ? (error as { cause?: AdapterCause })
        : undefined;
  const cause = adapterError?.cause;
  if (typeof cause?.originalCode !== 'string') return null;
  return {
    code: cause.originalCode,
    message: typeof cause.originalMessage === 'string' ? cause.originalMessage : '',
    ...(typeof cause.detail === 'string' ? { detail: cause.detail } : {}),
    ...(typeof cause.constraint?.index === 'string' ? { constraint: cause.constraint.index } : {}),
  };
}
