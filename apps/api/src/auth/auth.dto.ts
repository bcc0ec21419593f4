import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { supportedLanguages } from '@lectern/i18n/i18n';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { UpdateProfileInput } from '@lectern/domains/auth/auth.types';

export class SignUpDto {
  @ApiProperty({ example: 'ada@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: [...supportedLanguages()], default: 'en', description: 'Language of e-mails sent to this user' })
  @IsOptional()
  @IsIn([...supportedLanguages()])
  locale?: string;
}

export class LogInDto {
  @ApiProperty({ example: 'ada@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class UpdateProfileDto implements UpdateProfileInput {
  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200 })
  @ValidateIf((_, value: unknown) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: [...supportedLanguages()],
    description: 'Language of e-mails sent to this user (a language Lectern speaks); an edition that does not publish in it writes in its primary language',
  })
  @ValidateIf((_, value: unknown) => value !== undefined)
  @IsIn([...supportedLanguages()])
  locale?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'America/Los_Angeles',
    description: 'IANA time zone; e-mails of virtual and hybrid editions show times in it besides the edition’s own. Null removes it.',
  })
  @ValidateIf((_, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(64)
  timeZone?: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: [...supportedLanguages()] }) locale!: string;
  @ApiProperty({ nullable: true, type: String, description: 'IANA time zone the user reads times in; null: not given' }) timeZone!: string | null;
  @ApiProperty() isAdmin!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class SessionDto {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <token>"' }) token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class RoleSummaryDto {
  @ApiProperty() eventSlug!: string;
  @LocalizedTextResponse() eventName!: LocalizedText;
  @ApiProperty({ enum: ['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF'] }) role!: string;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [RoleSummaryDto] }) roles!: RoleSummaryDto[];
}
