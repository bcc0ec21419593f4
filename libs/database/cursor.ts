import { KeysetPosition } from './keyset';
import { DomainError } from '@lectern/errors/domain.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque keyset cursors: clients pass back what they were given and never build one themselves. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the same error as a well-formed cursor of the wrong shape
  }
  throw new DomainError('CURSOR_INVALID', 400);
}

/**
 * The position a cursor from `keysetPage` stands for (none for the first page). A cursor someone tampered with is
 * a 400, never a database error: its timestamp must be a date and its id a uuid.
 */
export function decodeKeyset(cursor: string | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !UUID.test(id)) throw new DomainError('CURSOR_INVALID', 400);
  return { at: date, id };
}

/**
 * A page read as `limit + 1` rows in (timestamp, id) order, the extra row only saying that there is more: the page,
 * and the cursor of the next one, made from the page's last row.
 */
export function keysetPage<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date | null) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const lastAt = last ? at(last) : null;
  return { page, nextCursor: rows.length > limit && last && lastAt ? keysetCursor(lastAt, last.id) : null };
}

/** The cursor of the page after one that ended with the row at (`at`, `id`). */
export function keysetCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}
