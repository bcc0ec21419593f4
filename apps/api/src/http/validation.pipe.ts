import { ArgumentMetadata, PipeTransform, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, getMetadataStorage } from 'class-validator';
import { CommonErrors, DomainError, FieldError } from '@lectern/errors/domain.error';

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

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

/**
 * `null` for a field the OpenAPI document does not mark `nullable` is refused: @IsOptional() lets null through
 * validation, and a NOT NULL column would then refuse it with a database error. A field that is documented nullable
 * takes null to clear it.
 */
export function nullFields(instance: unknown, parent = '', found: FieldError[] = []): FieldError[] {
  if (instance === null || typeof instance !== 'object') return found;
  if (Array.isArray(instance)) {
    instance.forEach((item, index) => nullFields(item, parent ? `${parent}.${index}` : String(index), found));
    return found;
  }
  const prototype = Object.getPrototypeOf(instance) as object | null;
  if (prototype === null || prototype === Object.prototype) return found;
  for (const [key, value] of Object.entries(instance as Record<string, unknown>)) {
    const documented = Reflect.getMetadata(SWAGGER_PROPERTY, prototype, key) as { nullable?: boolean } | undefined;
    if (!documented) continue;
    const field = parent ? `${parent}.${key}` : key;
    if (value === null && documented.nullable !== true) found.push({ field, code: 'isNotNull' });
    else nullFields(value, field, found);
  }
  return found;
}

class LecternValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    // a body of `null`, an array or a bare value would pass a DTO whose fields are all optional as "nothing to change"
    if (metadata.type === 'body' && value !== undefined && metatype && this.toValidate(metadata) && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw CommonErrors.validation([{ field: '(body)', code: 'isObject' }]);
    }
    const nulls =
      metadata.type === 'body' && metatype && value !== null && typeof value === 'object' && this.toValidate(metadata)
        ? nullFields(plainToInstance(metatype, value))
        : [];
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (error) {
      if (nulls.length === 0 || !(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
      const reported = new Set(error.fieldErrors.map((fieldError) => fieldError.field));
      throw CommonErrors.validation([...error.fieldErrors, ...nulls.filter((fieldError) => !reported.has(fieldError.field))]);
    }
    if (nulls.length > 0) throw CommonErrors.validation(nulls);
    return result;
  }
}

/**
 * A path segment read as a string and a custom decorator's value (the caller, the edition) have nothing to validate:
 * ValidationPipe would hand them back as they are (String() of a string), through two promises more per argument on
 * every request. Nest awaits a pipe's answer whether it is a promise or not.
 */
class ArgumentPipe implements PipeTransform {
  constructor(private readonly validation: LecternValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom' || (metadata.type === 'param' && metadata.metatype === String && typeof value === 'string')) return value;
    return this.validation.transform(value, metadata);
  }
}

/** Unknown fields are refused, not silently dropped: a typo in a field name should not look like success. */
export function createValidationPipe(): PipeTransform {
  return new ArgumentPipe(new LecternValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => CommonErrors.validation(toFieldErrors(errors)),
  }));
}
