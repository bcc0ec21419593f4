import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AudienceLevel,
  InvitationStatus,
  SpeakerRole,
  SubmissionOrigin,
  SubmissionState,
} from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ANSWERS_DOC } from './cfp.dto';
import { CreateInvitedSessionInput, ORIGIN_FILTERS, SubmissionOriginFilter, CreateSubmissionInput, ListSubmissionsQuery, SubmissionFilterQuery, UpdateSubmissionInput, InvitedSpeakerInput } from '@lectern/domains/cfp/submissions.types';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Limits a speaker sees on the form; KubeCon's CFP uses the same order of magnitude. */
export const TITLE_MAX = 200;
export const ABSTRACT_MAX = 1000;
export const DESCRIPTION_MAX = 10_000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSubmissionDto implements CreateSubmissionInput {
  @ApiProperty({ example: 'Zero-downtime upgrades of 10,000-node clusters', maxLength: TITLE_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  title!: string;

  @ApiPropertyOptional({ maxLength: ABSTRACT_MAX, description: 'Shown in the programme; required to submit' })
  @IsOptional()
  @IsString()
  @MaxLength(ABSTRACT_MAX)
  abstract?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, description: 'For reviewers only' })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @ApiPropertyOptional({ example: 'breakout', description: 'Slug of a session format of the event; required to submit' })
  @IsOptional()
  @IsString()
  @Matches(SLUG)
  @MaxLength(60)
  format?: string;

  @ApiPropertyOptional({ example: 'security', description: 'Slug of a track; required to submit when the event has tracks' })
  @IsOptional()
  @IsString()
  @Matches(SLUG)
  @MaxLength(60)
  track?: string;

  @ApiPropertyOptional({ enum: AudienceLevel, description: 'Required to submit' })
  @IsOptional()
  @IsEnum(AudienceLevel)
  level?: AudienceLevel;

  @ApiPropertyOptional({ example: 'zh-CN', description: 'One of the CFP’s talk languages; required to submit' })
  @IsOptional()
  @IsString()
  @Matches(LANGUAGE_TAG)
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: ANSWERS_DOC })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
}

/** Every field optional; `null` clears an optional field. The title cannot be cleared. */
export class UpdateSubmissionDto implements UpdateSubmissionInput {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @ValidateIf((body: { title?: unknown }) => body.title !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  title?: string;
  @ApiPropertyOptional({ maxLength: ABSTRACT_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(ABSTRACT_MAX)
  abstract?: string | null;
  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) format?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) track?: string | null;
  @ApiPropertyOptional({ enum: AudienceLevel, nullable: true }) @IsOptional() @IsEnum(AudienceLevel) level?: AudienceLevel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @Matches(LANGUAGE_TAG) @MaxLength(35) language?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: ANSWERS_DOC })
  @IsOptional()
  @IsObject()
  answers?: Record<string, unknown>;
}

export class InvitedSpeakerDto implements InvitedSpeakerInput {
  @ApiProperty({ example: 'keynote@example.org', description: 'E-mail of an existing account' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class CreateInvitedSessionDto implements CreateInvitedSessionInput {
  @ApiProperty({ maxLength: TITLE_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(TITLE_MAX) title!: string;
  @ApiProperty({ maxLength: ABSTRACT_MAX }) @IsString() @MinLength(1) @MaxLength(ABSTRACT_MAX) abstract!: string;
  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX }) @IsOptional() @IsString() @MaxLength(DESCRIPTION_MAX) description?: string;
  @ApiProperty({ example: 'keynote' }) @IsString() @Matches(SLUG) @MaxLength(60) format!: string;
  @ApiPropertyOptional({ example: 'security' }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) track?: string;
  @ApiPropertyOptional({ enum: AudienceLevel }) @IsOptional() @IsEnum(AudienceLevel) level?: AudienceLevel;
  @ApiProperty({ example: 'en' }) @IsString() @Matches(LANGUAGE_TAG) @MaxLength(35) language!: string;
  @ApiProperty({ type: [InvitedSpeakerDto], description: 'The first one is the owner' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InvitedSpeakerDto)
  speakers!: InvitedSpeakerDto[];
}

export class InviteCospeakerDto {
  @ApiProperty({ example: 'cospeaker@example.org' }) @IsEmail() @MaxLength(254) email!: string;
}

const LISTED_STATES = Object.values(SubmissionState).filter((s) => s !== SubmissionState.DRAFT);
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;

export class SubmissionFilterQueryDto implements SubmissionFilterQuery {
  @ApiPropertyOptional({
    type: String,
    example: 'SUBMITTED,WAITLISTED',
    description: `Comma-separated states among ${LISTED_STATES.join(', ')} (drafts are private to their speakers)`,
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(LISTED_STATES.length)
  @IsIn(LISTED_STATES, { each: true })
  state?: SubmissionState[];

  @ApiPropertyOptional({ description: 'Track slug' }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) track?: string;
  @ApiPropertyOptional({ description: 'Format slug' }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) format?: string;
  @ApiPropertyOptional({ enum: AudienceLevel }) @IsOptional() @IsEnum(AudienceLevel) level?: AudienceLevel;
  @ApiPropertyOptional({ example: 'zh-CN' }) @IsOptional() @IsString() @Matches(LANGUAGE_TAG) @MaxLength(35) language?: string;
  @ApiPropertyOptional({ description: 'Words in the title or abstract (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({
    enum: ORIGIN_FILTERS,
    default: 'CFP',
    description: 'CFP submissions (default), sessions organisers added (INVITED), or both',
  })
  @IsOptional()
  @IsIn([...ORIGIN_FILTERS])
  origin?: SubmissionOriginFilter;
}

export class ListSubmissionsQueryDto extends IntersectionType(PageQueryDto, SubmissionFilterQueryDto) implements ListSubmissionsQuery {}

export class FormatRefDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
}

export class TrackRefDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
}

export class SpeakerDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: SpeakerRole }) role!: SpeakerRole;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) country!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pronouns!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bio!: string | null;
  @ApiProperty({ description: 'False until the speaker has a speaker profile' }) hasProfile!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'As declared when the submission was committed' })
  firstTimeSpeaker!: boolean | null;
  @ApiPropertyOptional({ description: 'Organisers only' }) email?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Organisers only: speaker questions' })
  answers?: Record<string, unknown>;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: InvitationStatus }) status!: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) respondedAt!: Date | null;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KCCN19-7F3K', description: 'Short code speakers can quote' }) code!: string;
  @ApiProperty({ enum: SubmissionOrigin }) origin!: SubmissionOrigin;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) abstract!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiPropertyOptional({ nullable: true, type: FormatRefDto }) format!: FormatRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: TrackRefDto }) track!: TrackRefDto | null;
  @ApiPropertyOptional({ nullable: true, enum: AudienceLevel }) level!: AudienceLevel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Question id → answer' }) answers!: Record<string, unknown>;
  @ApiProperty({ type: [SpeakerDto] }) speakers!: SpeakerDto[];
  @ApiProperty({ type: [InvitationDto] }) invitations!: InvitationDto[];
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) submittedAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ description: 'Whether the caller may change the content right now' }) editable!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time', description: 'End of the CFP (UTC)' })
  cfpClosesAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2030-03-01T23:59:59+08:00', description: 'Same, in the event’s time zone' })
  cfpClosesAtLocal!: string | null;
}

export class SubmissionSpeakerSummaryDto {
  @ApiProperty({ enum: SpeakerRole }) role!: SpeakerRole;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) country!: string | null;
}

export class SubmissionListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SubmissionOrigin }) origin!: SubmissionOrigin;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: FormatRefDto }) format!: FormatRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: TrackRefDto }) track!: TrackRefDto | null;
  @ApiPropertyOptional({ nullable: true, enum: AudienceLevel }) level!: AudienceLevel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ type: [SubmissionSpeakerSummaryDto] }) speakers!: SubmissionSpeakerSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) submittedAt!: Date | null;
}

export class SubmissionPageDto {
  @ApiProperty({ type: [SubmissionListItemDto] }) items!: SubmissionListItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MySubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: SubmissionOrigin }) origin!: SubmissionOrigin;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: FormatRefDto }) format!: FormatRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: TrackRefDto }) track!: TrackRefDto | null;
  @ApiPropertyOptional({ nullable: true, enum: AudienceLevel }) level!: AudienceLevel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: SpeakerRole, description: 'The caller’s role on it' }) role!: SpeakerRole;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) submittedAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class CountDto {
  @ApiProperty() key!: string;
  @LocalizedTextResponse({ nullable: true, description: 'Track or format name per language; null for "none" and states' }) name!: LocalizedText | null;
  @ApiProperty() count!: number;
}

export class SubmissionCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [CountDto], description: 'key = state' }) byState!: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'key = track slug, or "none"' }) byTrack!: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'key = format slug, or "none"' }) byFormat!: CountDto[];
}

export class PendingInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() eventSlug!: string;
  @LocalizedTextResponse() eventName!: LocalizedText;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() submissionCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Who invited you' }) ownerName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}
