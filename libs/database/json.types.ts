import { Prisma } from './generated/client';

/** JSON as stored in a jsonb column and read back, and as written: for code outside repositories. */
export type JsonValue = Prisma.JsonValue;
export type InputJsonValue = Prisma.InputJsonValue;
export type InputJsonObject = Prisma.InputJsonObject;
