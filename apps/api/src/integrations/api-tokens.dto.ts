import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ApiTokenKind } from '@lectern/database/generated/enums';
import { SLUG, trim } from '@api/http/dto-rules';
import { TOKEN_SCOPES } from '@lectern/domains/integrations/api-token.scopes';
import { CreateApiTokenInput } from '@lectern/domains/integrations/api-tokens.types';

export class CreateApiTokenDto implements CreateApiTokenInput {
  @ApiProperty({ example: 'Badge printer, hall A', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    enum: ApiTokenKind,
    default: ApiTokenKind.INTEGRATION,
    description: 'CHECKIN_DEVICE: scans badges and reads check-in counts of one edition, nothing else (scopes are fixed).',
  })
  @IsOptional()
  @IsEnum(ApiTokenKind)
  kind?: ApiTokenKind;

  @ApiPropertyOptional({ description: 'The edition the token works in (give this or seriesSlug)', example: 'kubecon-china-2026' })
  @IsOptional()
  @Matches(SLUG)
  eventSlug?: string;

  @ApiPropertyOptional({ description: 'The series whose every edition the token works in (not for devices)' })
  @IsOptional()
  @Matches(SLUG)
  seriesSlug?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: TOKEN_SCOPES,
    description: '`<area>:read` or `<area>:write` (write includes read). Required unless kind is CHECKIN_DEVICE.',
    example: ['registrations:read'],
  })
  @ValidateIf((dto: CreateApiTokenDto) => dto.kind !== ApiTokenKind.CHECKIN_DEVICE || dto.scopes !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TOKEN_SCOPES.length)
  @IsIn(TOKEN_SCOPES, { each: true })
  scopes?: string[];

  @ApiProperty({ format: 'date-time', description: 'When the token stops working; at most 366 days ahead.' })
  @IsISO8601({ strict: true })
  expiresAt!: string;
}

export class ApiTokenCreatorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ApiTokenKind }) kind!: ApiTokenKind;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the secret, to recognise it', example: 'lct_Xy3k9Q' }) displayPrefix!: string;
  @ApiProperty({ type: [String], enum: TOKEN_SCOPES }) scopes!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) eventSlug!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) seriesSlug!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'To the minute' }) lastUsedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) revokedAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: ApiTokenCreatorDto }) createdBy!: ApiTokenCreatorDto;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The bearer secret. Shown this once: only its SHA-256 is stored.', example: 'lct_Xy3k9Q…' })
  secret!: string;
}
