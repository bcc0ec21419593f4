import { Prisma } from './generated/client';

/** JSON as stored in a jsonb column and read back, and as written: for code outside repositories. */
export type JsonValue = Prisma.JsonValue;
export type InputJsonValue = Prisma.InputJsonValue;
export type InputJsonObject = Prisma.InputJsonObject;

/**
 * A response body already in JSON: a page whose items the database wrote as JSON text (the organisers' list of
 * submissions), passed on without being parsed and written again. `T` is the shape the text holds, for the reader.
 */
export type JsonText<T> = string & { readonly json?: T };

/** A keyset page as JSON text, `items` being the JSON text of its array of items. */
export function jsonPage<T>(items: string, nextCursor: string | null): JsonText<T> {
  return `{"items":${items},"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/** JsonText read back as values, for a caller in the same process (the demo's set-up). */
export const parseJsonText = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
