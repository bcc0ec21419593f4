import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from '@lectern/errors/domain.error';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter, never a database error. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => CommonErrors.validation([{ field: name, code: 'isUUID' }]) });
