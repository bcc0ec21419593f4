import { DomainError } from '../../../../libs/errors/domain.error';

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
