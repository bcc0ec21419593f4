import { ValidationPipe } from '@nestjs/common';
import { ValidationError, getMetadataStorage } from 'class-validator';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';

const LIMIT_PARAM: Record<string, string> = {
  minLength: 'min',
  maxLength: 'max',
  min: 'min',
  max: 'max',
  arrayMinSize: 'min',
  arrayMaxSize: 'max',
  isLocalizedText: 'max',
};

/**
 * class-validator reports a constraint's name but not its arguments; look them up in its metadata so messages can
 * say "at most 200 characters" in every language instead of passing English text through.
 */
function constraintParams(target: object | undefined, property: string, name: string) {
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === name);
  const args = metadata?.constraints ?? [];
  if (LIMIT_PARAM[name] && typeof args[0] === 'number') return { [LIMIT_PARAM[name]]: args[0] };
  if (name === 'isEnum' && args[0] && typeof args[0] === 'object') {
    return { values: [...new Set(Object.values(args[0] as object))].join(', ') };
  }
  if (name === 'isIn' && Array.isArray(args[0])) return { values: (args[0] as unknown[]).join(', ') };
  return undefined;
}

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = error.property === undefined ? '(body)' : parent ? `${parent}.${error.property}` : error.property;
    for (const name of Object.keys(error.constraints ?? {})) {
      if (name === 'whitelistValidation') result.push({ field, code: 'unknownField' });
      else if (name === 'unknownValue') result.push({ field: '(body)', code: 'isObject' });
      else result.push({ field, code: name, params: constraintParams(error.target, error.property, name) });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

/** Unknown fields are refused, not silently dropped: a typo in a field name should not look like success. */
export function createValidationPipe() {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => CommonErrors.validation(toFieldErrors(errors)),
  });
}
