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

/** `{"items": <items>, ...rest}` as JSON text, `items` being the JSON text of an array, `rest` ordinary values. */
export function jsonPage<T>(items: string, rest: Record<string, unknown>): JsonText<T> {
  const others = JSON.stringify(rest);
  return `{"items":${items}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
}

/** JsonText read back as values, for a caller in the same process (the demo's set-up). */
export const parseJsonText = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
