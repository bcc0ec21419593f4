import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  Attendance,
  CancelReason,
  CompanySize,
  Gender,
  Industry,
  JobFunction,
  RegistrationState,
  TicketCategory,
} from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { trim, upper } from '@api/http/dto-rules';
import { CreateRegistrationInput, ListRegistrationsQuery, UpdateRegistrationInput, SelfDescribedInput } from '@lectern/domains/registrations/registrations.types';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
const CONSENT_NOTE = 'Stored only when consentToReport is true; used only in aggregate in the transparency report.';

/** Optional self-described data; sending any of it without consentToReport: true is refused. */
class SelfDescribedInputDto implements SelfDescribedInput {
  @ApiPropertyOptional({
    description: 'Consent to use the self-described fields in aggregate reporting. Withdrawing it erases them.',
  })
  @IsOptional()
  @IsBoolean()
  consentToReport?: boolean;

  @ApiPropertyOptional({ example: 'CN', description: `ISO 3166-1 alpha-2. ${CONSENT_NOTE}`, nullable: true, type: String })
  @IsOptional()
  @Transform(upper)
  @IsISO31661Alpha2()
  country?: string | null;

  @ApiPropertyOptional({ description: CONSENT_NOTE, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  companyName?: string | null;

  @ApiPropertyOptional({ enum: CompanySize, description: `Employees. ${CONSENT_NOTE}`, nullable: true })
  @IsOptional()
  @IsEnum(CompanySize)
  companySize?: CompanySize | null;

  @ApiPropertyOptional({ enum: JobFunction, description: CONSENT_NOTE, nullable: true })
  @IsOptional()
  @IsEnum(JobFunction)
  jobFunction?: JobFunction | null;

  @ApiPropertyOptional({ enum: Industry, description: CONSENT_NOTE, nullable: true })
  @IsOptional()
  @IsEnum(Industry)
  industry?: Industry | null;

  @ApiPropertyOptional({ description: `First time at an edition of this series. ${CONSENT_NOTE}`, nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  firstTimeAttendee?: boolean | null;

  @ApiPropertyOptional({ enum: Gender, description: CONSENT_NOTE, nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;
}

export class CreateRegistrationDto extends SelfDescribedInputDto implements CreateRegistrationInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketTypeId!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  attendeeName!: string;

  @ApiPropertyOptional({ description: 'Defaults to the account’s e-mail address' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  attendeeEmail?: string;

  @ApiPropertyOptional({ example: 'SPEAKER-2019', description: 'Unlocks a hidden ticket type and/or a discount' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @MaxLength(40)
  voucherCode?: string;

  @ApiPropertyOptional({ description: 'Join the waiting list instead of being refused when sold out' })
  @IsOptional()
  @IsBoolean()
  waitlist?: boolean;
}

export class UpdateRegistrationDto extends SelfDescribedInputDto implements UpdateRegistrationInput {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  attendeeName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  attendeeEmail?: string;
}

export class ListRegistrationsQueryDto extends PageQueryDto implements ListRegistrationsQuery {
  @ApiPropertyOptional({ enum: RegistrationState })
  @IsOptional()
  @IsEnum(RegistrationState)
  state?: RegistrationState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketTypeId?: string;

  @ApiPropertyOptional({ description: 'Part of the attendee’s name or e-mail' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class TicketTypeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @ApiProperty({ enum: TicketCategory }) category!: TicketCategory;
  @ApiProperty({ enum: Attendance }) attendance!: Attendance;
}

export class AttendeeSelfDescribedDto {
  @ApiPropertyOptional({ nullable: true, type: String }) country!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) companyName!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: CompanySize }) companySize!: CompanySize | null;
  @ApiPropertyOptional({ nullable: true, enum: JobFunction }) jobFunction!: JobFunction | null;
  @ApiPropertyOptional({ nullable: true, enum: Industry }) industry!: Industry | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) firstTimeAttendee!: boolean | null;
  @ApiPropertyOptional({ nullable: true, enum: Gender }) gender!: Gender | null;
}

/** What organisers see: never the self-described fields or the badge token. */
export class RegistrationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TicketTypeRefDto }) ticketType!: TicketTypeRefDto;
  @ApiProperty({ enum: RegistrationState }) state!: RegistrationState;
  @ApiProperty() attendeeName!: string;
  @ApiProperty() attendeeEmail!: string;
  @ApiProperty({ description: 'Amount due in minor currency units' }) priceCents!: number;
  @ApiProperty() currency!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) paidAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) waitlistedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'A waiting-list offer open until then' })
  offerExpiresAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) confirmedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, enum: CancelReason }) cancelReason!: CancelReason | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class RegistrationListItemDto extends RegistrationSummaryDto {
  @ApiProperty({ description: 'Days checked in' }) checkIns!: number;
}

/** What the attendee sees of their own registration. */
export class RegistrationDto extends RegistrationSummaryDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Shown at check-in; only while confirmed' })
  badgeToken!: string | null;
  @ApiProperty() consentToReport!: boolean;
  @ApiPropertyOptional({ nullable: true, type: AttendeeSelfDescribedDto }) selfDescribed!: AttendeeSelfDescribedDto | null;
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationListItemDto] }) items!: RegistrationListItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class EventRefDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
}

export class MyRegistrationDto extends RegistrationDto {
  @ApiProperty({ type: EventRefDto }) event!: EventRefDto;
}
