import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ScholarshipKind } from '@lectern/database/generated/enums';
import { CURRENCY, DATE_TIME, DATE_TIME_DOC, SLUG, upper } from '@api/http/dto-rules';
import { CreateProgrammeInput, UpdateProgrammeInput } from '@lectern/domains/scholarships/programmes.types';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
/** Amounts are whole minor units (cents, fen) and stay within Postgres' integer. */
export const MAX_MINOR = 1_000_000_000;

export class CreateProgrammeDto implements CreateProgrammeInput {
  @ApiProperty({ example: 'diversity', pattern: SLUG.source, description: 'Stable per edition; the transparency report groups by it' })
  @IsString()
  @Matches(SLUG)
  @MaxLength(60)
  key!: string;

  @LocalizedTextProperty({ max: 200, example: { en: 'Diversity scholarship', 'zh-CN': '多样性奖学金' } }) name!: LocalizedText;
  @LocalizedTextProperty({ max: 5000, optional: true, nullable: true, example: { en: 'For people under-represented in tech' } }) description?: LocalizedText | null;
  @ApiProperty({ enum: ScholarshipKind }) @IsEnum(ScholarshipKind) kind!: ScholarshipKind;

  @ApiProperty({ example: '2030-01-10T00:00:00', description: `${DATE_TIME_DOC} Applications are accepted from then on.` })
  @IsString()
  @Matches(DATE_TIME)
  opensAt!: string;

  @ApiProperty({ example: '2030-02-28T23:59:59', description: `${DATE_TIME_DOC} Applications can be sent and edited until then.` })
  @IsString()
  @Matches(DATE_TIME)
  closesAt!: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code of every amount of the programme' })
  @Transform(upper)
  @IsString()
  @Matches(CURRENCY)
  currency!: string;

  @ApiProperty({ example: 30_000_000, minimum: 0, description: 'Total of the travel grants, in minor units' })
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  budgetMinor!: number;

  @ApiPropertyOptional({ example: 150_000, minimum: 0, default: 0, description: 'Most one person may request or be granted for travel, in minor units; 0 = no travel grants' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  travelCapMinor?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Ticket type of the free registration an award can include' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  ticketTypeId?: string | null;

  @ApiPropertyOptional({ default: 3, minimum: 1, maximum: 20, description: 'Committee reviews the balanced assignment gives each application' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  reviewsPerApplication?: number;
}

export class UpdateProgrammeDto implements UpdateProgrammeInput {
  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'Diversity scholarship' } }) name?: LocalizedText;
  @LocalizedTextProperty({ max: 5000, optional: true, nullable: true, example: { en: 'For people under-represented in tech' } }) description?: LocalizedText | null;
  @ApiPropertyOptional({ enum: ScholarshipKind }) @IsOptional() @IsEnum(ScholarshipKind) kind?: ScholarshipKind;
  @ApiPropertyOptional({ description: DATE_TIME_DOC }) @IsOptional() @IsString() @Matches(DATE_TIME) opensAt?: string;
  @ApiPropertyOptional({ description: DATE_TIME_DOC }) @IsOptional() @IsString() @Matches(DATE_TIME) closesAt?: string;
  @ApiPropertyOptional({ description: 'Only while the programme has no award' }) @IsOptional() @Transform(upper) @IsString() @Matches(CURRENCY) currency?: string;
  @ApiPropertyOptional({ description: 'Never below the grants of the awards that count' }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) budgetMinor?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) travelCapMinor?: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() ticketTypeId?: string | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 20 }) @IsOptional() @IsInt() @Min(1) @Max(20) reviewsPerApplication?: number;
}

export class ProgrammeTicketTypeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @LocalizedTextResponse() name!: LocalizedText;
}

/** What anyone who can see the event reads: enough to decide whether and when to apply. */
export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @LocalizedTextResponse({ nullable: true }) description!: LocalizedText | null;
  @ApiProperty({ enum: ScholarshipKind }) kind!: ScholarshipKind;
  @ApiProperty({ format: 'date-time' }) opensAt!: Date;
  @ApiProperty({ format: 'date-time' }) closesAt!: Date;
  @ApiProperty({ example: '2030-01-10T00:00:00+08:00' }) opensAtLocal!: string;
  @ApiProperty({ example: '2030-02-28T23:59:59+08:00' }) closesAtLocal!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty() isOpen!: boolean;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Minor units; 0 = the programme grants no travel' }) travelCapMinor!: number;
  @ApiPropertyOptional({ type: ProgrammeTicketTypeDto, nullable: true, description: 'The free registration an award can include' })
  freeRegistration!: ProgrammeTicketTypeDto | null;
  @ApiPropertyOptional({ description: 'Organisers and committee only: the total of the travel grants, in minor units' })
  budgetMinor?: number;
  @ApiPropertyOptional({ description: 'Organisers and committee only' }) reviewsPerApplication?: number;
}

export class AwardCountsDto {
  @ApiProperty({ example: 3 }) offered!: number;
  @ApiProperty({ example: 12 }) accepted!: number;
  @ApiProperty({ example: 1 }) declined!: number;
  @ApiProperty({ example: 0 }) revoked!: number;
}

export class ProgrammeTotalsDto {
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() key!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @ApiProperty({ enum: ScholarshipKind }) kind!: ScholarshipKind;
  @ApiProperty() currency!: string;
  @ApiProperty() budgetMinor!: number;
  @ApiProperty({ description: 'Submitted (not withdrawn) applications' }) applications!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ type: AwardCountsDto }) awards!: AwardCountsDto;
  @ApiProperty({ description: 'Grants of offered and accepted awards: what the budget is holding' }) committedMinor!: number;
  @ApiProperty({ description: 'Funds granted: the grants of accepted awards' }) grantedMinor!: number;
  @ApiProperty({ description: 'budgetMinor − committedMinor' }) remainingMinor!: number;
  @ApiProperty({ description: 'Free registrations of offered and accepted awards' }) registrations!: number;
}
