import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsISO31661Alpha2,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EventFormat, EventRole, EventStatus } from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { SLUG, upper } from '@api/http/dto-rules';
import { LanguagesProperty, LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { CreateEventInput, CreateSeriesInput, GrantRoleInput, ListEventsQuery, UpdateEventInput, UpdateSeriesInput } from '@lectern/domains/events/events.types';

export class CreateSeriesDto implements CreateSeriesInput {
  @ApiProperty({ example: 'kubecon-china', pattern: SLUG.source })
  @IsString()
  @Matches(SLUG)
  @MaxLength(80)
  slug!: string;

  @LanguagesProperty({ optional: true })
  languages?: string[];

  @LocalizedTextProperty({ max: 200, example: { en: 'KubeCon + CloudNativeCon China', 'zh-CN': 'KubeCon + CloudNativeCon 中国' } })
  name!: LocalizedText;
}

export class UpdateSeriesDto implements UpdateSeriesInput {
  @LanguagesProperty({ optional: true, emptyRefusedByService: true })
  languages?: string[];

  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'KubeCon + CloudNativeCon China', 'zh-CN': 'KubeCon + CloudNativeCon 中国' } })
  name?: LocalizedText;
}

export class SeriesDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: [String], example: ['en', 'zh-CN'], description: 'BCP 47 tags its editions publish in, the primary first' })
  languages!: string[];
  @LocalizedTextResponse() name!: LocalizedText;
}

export class CreateEventDto implements CreateEventInput {
  @ApiProperty({ example: 'kubecon-china' })
  @IsString()
  @Matches(SLUG)
  @MaxLength(80)
  seriesSlug!: string;

  @ApiProperty({ example: 'kubecon-china-2019', pattern: SLUG.source })
  @IsString()
  @Matches(SLUG)
  @MaxLength(80)
  slug!: string;

  @LocalizedTextProperty({ max: 200, example: { en: 'KubeCon + CloudNativeCon + Open Source Summit China 2019', 'zh-CN': 'KubeCon + CloudNativeCon + 开源峰会中国 2019' } })
  name!: LocalizedText;

  @LocalizedTextProperty({ max: 120, example: { en: 'Shanghai', 'zh-CN': '上海' } })
  city!: LocalizedText;

  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsISO31661Alpha2()
  country!: string;

  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'Shanghai Expo Centre', 'zh-CN': '上海世博中心' } })
  venue?: LocalizedText;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone; CFP deadlines are shown in it' })
  @IsString()
  @MaxLength(64)
  timezone!: string;

  @ApiProperty({ format: 'date-time', example: '2019-06-24T01:00:00Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2019-06-26T10:00:00Z' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ enum: EventFormat })
  @IsEnum(EventFormat)
  format!: EventFormat;

  @ApiPropertyOptional({ minimum: 0, description: 'Seats for in-person attendees' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number;

  @ApiPropertyOptional({ description: 'Slug of the edition this co-located event belongs to' })
  @IsOptional()
  @IsString()
  @Matches(SLUG)
  @MaxLength(80)
  parentEventSlug?: string;
}

export class UpdateEventDto implements UpdateEventInput {
  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'KubeCon China 2019' } }) name?: LocalizedText;
  @LocalizedTextProperty({ max: 120, optional: true, example: { en: 'Shanghai' } }) city?: LocalizedText;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsISO31661Alpha2() country?: string;
  @LocalizedTextProperty({ max: 200, optional: true, nullable: true, example: { en: 'Shanghai Expo Centre' }, description: 'Text per language; null removes the venue' })
  venue?: LocalizedText | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timezone?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional({ enum: EventFormat }) @IsOptional() @IsEnum(EventFormat) format?: EventFormat;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) capacity?: number;
  @ApiPropertyOptional({
    enum: EventStatus,
    description: 'DRAFT → PUBLISHED | CANCELLED; PUBLISHED → POSTPONED | CANCELLED | COMPLETED; POSTPONED → PUBLISHED | CANCELLED',
  })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;
}

export class ListEventsQueryDto extends PageQueryDto implements ListEventsQuery {
  @ApiPropertyOptional({ description: 'Only editions of this series' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  series?: string;

  @ApiPropertyOptional({ enum: EventStatus })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;
}

export class EventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @ApiProperty({ type: SeriesDto, description: 'Its series, whose languages the edition publishes in' }) series!: SeriesDto;
  @ApiPropertyOptional({ nullable: true, type: String }) parentEventSlug!: string | null;
  @LocalizedTextResponse() city!: LocalizedText;
  @ApiProperty() country!: string;
  @LocalizedTextResponse({ nullable: true }) venue!: LocalizedText | null;
  @ApiProperty() timezone!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
  @ApiProperty({ enum: EventFormat }) format!: EventFormat;
  @ApiPropertyOptional({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty({ enum: EventStatus }) status!: EventStatus;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) items!: EventDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class GrantRoleDto implements GrantRoleInput {
  @ApiProperty({ example: 'reviewer@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: EventRole })
  @IsEnum(EventRole)
  role!: EventRole;
}

export class RoleGrantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EventRole }) role!: EventRole;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiPropertyOptional({ nullable: true }) before!: unknown;
  @ApiPropertyOptional({ nullable: true }) after!: unknown;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The API token the actor made the change with' })
  apiTokenId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: AuditActorDto, description: 'Who did it; null for the system' }) actor!: AuditActorDto | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
