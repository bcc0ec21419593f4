import { Prisma } from './generated/client';

/** True when the error is a unique-constraint violation (optionally on a given column). */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  if (column === undefined) return true;
  return JSON.stringify(error.meta ?? {}).includes(column);
}
