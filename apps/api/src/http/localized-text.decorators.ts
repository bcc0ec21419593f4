import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateBy, ValidateIf, ValidationOptions, buildMessage } from 'class-validator';

/** More languages than any edition publishes in is not a translation but a payload to refuse early. */
const MAX_LANGUAGES = 16;

/** An object of non-empty strings of at most `max` characters: the wire shape of LocalizedText. */
function IsLocalizedText(max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isLocalizedText',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.keys(value).length <= MAX_LANGUAGES &&
          Object.values(value).every((text) => typeof text === 'string' && text.trim().length > 0 && text.length <= max),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must map language tags to texts of at most ${max} characters`, options),
      },
    },
    options,
  );
}

/**
 * A translated field: `{"en": "...", "ko": "..."}`, keyed by BCP 47 tags of the languages the edition publishes in
 * (the primary one required). The service checks the keys against the edition; this checks the shape.
 */
export function LocalizedTextProperty(options: { max: number; example: Record<string, string>; optional?: boolean; nullable?: boolean; description?: string }) {
  const schema = {
    type: 'object',
    additionalProperties: { type: 'string', minLength: 1, maxLength: options.max },
    minProperties: 1,
    maxProperties: MAX_LANGUAGES,
    example: options.example,
    description:
      options.description ??
      'Text per language (BCP 47 tag → text): the languages of the edition’s series, its primary language required.',
    ...(options.nullable ? { nullable: true } : {}),
  } as const;
  if (!options.optional) return applyDecorators(ApiProperty(schema), IsLocalizedText(options.max));
  // Leaving an optional field out is fine; sending null clears it only where the field may be empty.
  const skip = options.nullable ? IsOptional() : ValidateIf((_, value: unknown) => value !== undefined);
  return applyDecorators(ApiPropertyOptional(schema), skip, IsLocalizedText(options.max));
}

/** A translated field in a response: only the languages the edition publishes in. */
export function LocalizedTextResponse(options: { nullable?: boolean; description?: string } = {}) {
  const schema = {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: options.description ?? 'Text per language (BCP 47 tag → text)',
    ...(options.nullable ? { nullable: true } : {}),
  } as const;
  return options.nullable ? ApiPropertyOptional(schema) : ApiProperty(schema);
}

/** The languages a series publishes in: BCP 47 tags Lectern speaks, the primary first. */
export function LanguagesProperty(options: { optional?: boolean; emptyRefusedByService?: boolean } = {}) {
  const schema = {
    type: String,
    isArray: true,
    minItems: 1,
    maxItems: MAX_LANGUAGES,
    example: ['en', 'ko'],
    description: 'BCP 47 tags of languages Lectern speaks (folders under locales/), the primary first; English alone by default',
  } satisfies ApiPropertyOptions;
  // Where the service answers an empty list with its own problem (SERIES_PRIMARY_LANGUAGE_MISSING), the pipe lets it through.
  const rules = [IsArray(), ...(options.emptyRefusedByService ? [] : [ArrayMinSize(1)]), ArrayMaxSize(MAX_LANGUAGES), IsString({ each: true }), MaxLength(35, { each: true })];
  return options.optional
    ? applyDecorators(ApiPropertyOptional(schema), IsOptional(), ...rules)
    : applyDecorators(ApiProperty(schema), ...rules);
}
