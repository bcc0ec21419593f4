import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Attendance, TicketCategory } from '@lectern/database/generated/enums';
import { CURRENCY, upper } from '@api/http/dto-rules';
import { CreateQuotaInput, CreateTicketTypeInput, UpdateQuotaInput, UpdateTicketTypeInput } from '@lectern/domains/registrations/ticket-types.types';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';

export class CreateTicketTypeDto implements CreateTicketTypeInput {
  @LocalizedTextProperty({ max: 200, example: { en: 'In-person Corporate', 'zh-CN': '现场参会（企业）' } })
  name!: LocalizedText;

  @ApiProperty({ enum: TicketCategory })
  @IsEnum(TicketCategory)
  category!: TicketCategory;

  @ApiProperty({ enum: Attendance, description: 'In-person tickets also count against the event’s capacity' })
  @IsEnum(Attendance)
  attendance!: Attendance;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Minor currency units; 0 is a free ticket' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceCents?: number;

  @ApiPropertyOptional({ example: 'CNY', default: 'USD', description: 'ISO 4217 code' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Matches(CURRENCY)
  currency?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  salesStartAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  salesEndAt?: string;

  @ApiPropertyOptional({ default: false, description: 'Hidden types are listed to organisers only and sold only with a voucher' })
  @IsOptional()
  @IsBoolean()
  hidden?: boolean;
}

/** Attendance cannot change: registrations already count against the capacity (or not) because of it. */
export class UpdateTicketTypeDto implements UpdateTicketTypeInput {
  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'In-person Corporate' } }) name?: LocalizedText;
  @ApiPropertyOptional({ enum: TicketCategory }) @IsOptional() @IsEnum(TicketCategory) category?: TicketCategory;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000) priceCents?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsString() @Matches(CURRENCY) currency?: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  salesStartAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  salesEndAt?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hidden?: boolean;
}

export class TicketTypeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @ApiProperty({ enum: TicketCategory }) category!: TicketCategory;
  @ApiProperty({ enum: Attendance }) attendance!: Attendance;
  @ApiProperty() priceCents!: number;
  @ApiProperty() currency!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) salesStartAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) salesEndAt!: Date | null;
  @ApiProperty() hidden!: boolean;
  @ApiProperty({ type: [String], description: 'Quotas this type draws on' }) quotaIds!: string[];
  @ApiProperty({ description: 'Inside its sales window now' }) onSale!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Seats left now (the smallest over its quotas and the capacity); null when unlimited. Advisory: the seat is only taken by registering.',
  })
  available!: number | null;
}

export class CreateQuotaDto implements CreateQuotaInput {
  @ApiProperty({ example: 'In-person seats' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'No size: the quota only counts' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  size?: number | null;

  @ApiProperty({ type: [String], description: 'Ticket types of this event that share the quota' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ticketTypeIds!: string[];
}

export class UpdateQuotaDto implements UpdateQuotaInput {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) size?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ticketTypeIds?: string[];
}

export class QuotaDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) size!: number | null;
  @ApiProperty({ type: [String] }) ticketTypeIds!: string[];
  @ApiProperty({ description: 'Confirmed and pending registrations' }) taken!: number;
  @ApiProperty({ description: 'Seats held by open waiting-list offers' }) held!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) available!: number | null;
  @ApiProperty({ description: 'Someone is on the waiting list without an offer' }) waiting!: boolean;
}
