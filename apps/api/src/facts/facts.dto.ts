import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { EventFactKind, MediaKind, SponsorTier } from '@lectern/database/generated/enums';
import { IsNumberWithDecimals, trim } from '@api/http/dto-rules';
import { CreateCommunityPartnerInput, CreateEventFactInput, CreateMediaAccreditationInput, CreateSponsorInput, UpdateCommunityPartnerInput, UpdateEventFactInput, UpdateMediaAccreditationInput, UpdateSponsorInput } from '@lectern/domains/facts/facts.types';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** Optional in a PATCH, but not nullable: null is validated (and refused) instead of skipped as IsOptional would. */
const Absent = () => ValidateIf((_, value: unknown) => value !== undefined);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A two- or three-letter ISO 639 language code that Intl knows (en, zh, ja), so the report can name it. */
function IsLanguageCode(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isLanguageCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[a-z]{2,3}$/.test(value) && languageNames.of(value) !== undefined,
      },
    },
    options,
  );
}

export class CreateSponsorDto implements CreateSponsorInput {
  @ApiProperty({ example: 'Huawei', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SponsorTier })
  @IsEnum(SponsorTier)
  tier!: SponsorTier;

  @ApiPropertyOptional({ example: 'https://www.huawei.com', maxLength: 500 })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  website?: string;
}

export class UpdateSponsorDto implements UpdateSponsorInput {
  @ApiPropertyOptional({ maxLength: 200 }) @Absent() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: SponsorTier }) @Absent() @IsEnum(SponsorTier) tier?: SponsorTier;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  website?: string | null;
}

export class SponsorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SponsorTier }) tier!: SponsorTier;
  @ApiPropertyOptional({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class SponsorPageDto {
  @ApiProperty({ type: [SponsorDto] }) items!: SponsorDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateCommunityPartnerDto implements CreateCommunityPartnerInput {
  @ApiProperty({ example: 'Kubernetes 中文社区', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  website?: string;
}

export class UpdateCommunityPartnerDto implements UpdateCommunityPartnerInput {
  @ApiPropertyOptional({ maxLength: 200 }) @Absent() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  website?: string | null;
}

export class CommunityPartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class CommunityPartnerPageDto {
  @ApiProperty({ type: [CommunityPartnerDto] }) items!: CommunityPartnerDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateMediaAccreditationDto implements CreateMediaAccreditationInput {
  @ApiProperty({ example: 'Li Wei', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'InfoQ', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  outlet!: string;

  @ApiProperty({ enum: MediaKind })
  @IsEnum(MediaKind)
  kind!: MediaKind;

  @ApiProperty({ example: 'zh', description: 'Working language, ISO 639 code (en, zh, ja ...)' })
  @Transform(lower)
  @IsLanguageCode()
  language!: string;
}

export class UpdateMediaAccreditationDto implements UpdateMediaAccreditationInput {
  @ApiPropertyOptional({ maxLength: 200 }) @Absent() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @Absent() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) outlet?: string;
  @ApiPropertyOptional({ enum: MediaKind }) @Absent() @IsEnum(MediaKind) kind?: MediaKind;
  @ApiPropertyOptional({ example: 'en' }) @Absent() @Transform(lower) @IsLanguageCode() language?: string;
}

export class MediaAccreditationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() outlet!: string;
  @ApiProperty({ enum: MediaKind }) kind!: MediaKind;
  @ApiProperty({ example: 'zh' }) language!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class MediaAccreditationPageDto {
  @ApiProperty({ type: [MediaAccreditationDto] }) items!: MediaAccreditationDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateEventFactDto implements CreateEventFactInput {
  @ApiProperty({ enum: EventFactKind, description: 'FIGURE needs a value; PRESS_CLIPPING usually has a source and url' })
  @IsEnum(EventFactKind)
  kind!: EventFactKind;

  @LocalizedTextProperty({
    max: 300,
    example: { en: 'Pieces of media coverage', 'zh-CN': '条媒体报道' },
    description: 'Headline of a clipping, label of a figure, or the note; per language of the edition, its primary one required',
  })
  label!: LocalizedText;

  @ApiPropertyOptional({ example: 184, minimum: 0, description: 'Up to two decimals' })
  @IsOptional()
  @IsNumberWithDecimals(2)
  @Min(0)
  @Max(1_000_000_000_000)
  value?: number;

  @LocalizedTextProperty({
    max: 60,
    optional: true,
    example: { en: 'viewers', 'zh-CN': '人次' },
    description: 'What the value counts, printed after it ("12,000 viewers"); per language of the edition, its primary one required',
  })
  unit?: LocalizedText;

  @ApiPropertyOptional({ example: 'InfoQ', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source?: string;

  @ApiPropertyOptional({ example: 'https://www.infoq.cn/article/kubecon-china-2019', maxLength: 2000 })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2019-06-27', description: 'Calendar day, YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY)
  @IsISO8601({ strict: true })
  publishedOn?: string;

  @ApiPropertyOptional({ example: 'zh', description: 'ISO 639 code' })
  @IsOptional()
  @Transform(lower)
  @IsLanguageCode()
  language?: string;
}

/** Every field may be sent; null clears an optional one. */
export class UpdateEventFactDto implements UpdateEventFactInput {
  @ApiPropertyOptional({ enum: EventFactKind }) @Absent() @IsEnum(EventFactKind) kind?: EventFactKind;
  @LocalizedTextProperty({ max: 300, optional: true, example: { en: 'Pieces of media coverage' } }) label?: LocalizedText;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsNumberWithDecimals(2)
  @Min(0)
  @Max(1_000_000_000_000)
  value?: number | null;
  @LocalizedTextProperty({ max: 60, optional: true, nullable: true, example: { en: 'viewers' } }) unit?: LocalizedText | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) source?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2000) url?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(DAY) @IsISO8601({ strict: true }) publishedOn?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(lower) @IsLanguageCode() language?: string | null;
}

export class EventFactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EventFactKind }) kind!: EventFactKind;
  @LocalizedTextResponse() label!: LocalizedText;
  @ApiPropertyOptional({ nullable: true, type: Number }) value!: number | null;
  @LocalizedTextResponse({ nullable: true, description: 'What the value counts, per language' }) unit!: LocalizedText | null;
  @ApiPropertyOptional({ nullable: true, type: String }) source!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) url!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2019-06-27' }) publishedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ description: 'Always true: the report marks these as entered by the organisers' }) enteredByOrganisers!: true;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class EventFactPageDto {
  @ApiProperty({ type: [EventFactDto] }) items!: EventFactDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
