import { ParseIntPipe } from '@nestjs/common';
import { CommonErrors } from '@lectern/errors/domain.error';

/** A release number in the path; anything but an integer is a 400 naming the parameter. */
export const versionParam = () =>
  new ParseIntPipe({ exceptionFactory: () => CommonErrors.validation([{ field: 'version', code: 'isInt' }]) });
