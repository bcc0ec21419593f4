import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Attendance, RegistrationState, SubmissionState } from '@lectern/database/generated/enums';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { OVERRIDABLE_TEMPLATES } from '@lectern/mail/message-context';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { AudienceInput, ComposeInput, TemplatePreviewInput, TemplateTextsInput } from '@lectern/domains/notifications/email.types';

const SUBJECT_MAX = 200;
const BODY_MAX = 20_000;
const FILTER_MAX = 100;

const WORDING =
  'Plain text (never HTML: it is escaped in the HTML part) in every language of the edition; `{placeholder}` is replaced by the value ' +
  'the message’s context gives (see `placeholders`); paragraphs are separated by a blank line.';

export class TemplateTextsDto implements TemplateTextsInput {
  @LocalizedTextProperty({ max: SUBJECT_MAX, example: { en: 'Welcome aboard, {name}', 'zh-CN': '{name}，欢迎' }, description: WORDING })
  subject!: LocalizedText;

  @LocalizedTextProperty({ max: BODY_MAX, example: { en: 'Your talk {title} is in!', 'zh-CN': '您的议题 {title} 已入选！' }, description: WORDING })
  body!: LocalizedText;
}

export class TemplatePreviewDto implements TemplatePreviewInput {
  @LocalizedTextProperty({ max: SUBJECT_MAX, example: { en: 'Welcome aboard, {name}' }, optional: true, description: 'An unsaved wording to try (with body)' })
  subject?: LocalizedText;

  @LocalizedTextProperty({ max: BODY_MAX, example: { en: 'Your talk {title} is in!' }, optional: true, description: 'An unsaved wording to try (with subject)' })
  body?: LocalizedText;

  @ApiPropertyOptional({ format: 'uuid', description: 'A person of the edition (role, proposal or registration) to preview for' })
  @IsOptional()
  @IsUUID()
  recipientUserId?: string;
}

class UserRefDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) id!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) name!: string | null;
}

export class EmailTemplateDto {
  @ApiProperty({ enum: OVERRIDABLE_TEMPLATES }) template!: string;
  @ApiProperty({ type: [String], example: ['name', 'event', 'title'], description: 'Placeholders this message type offers' }) placeholders!: string[];
  @ApiProperty({ description: 'true while the edition’s wording is in force; false means Lectern’s default' }) overridden!: boolean;
  @ApiProperty({ description: 'Latest version (0 before any change)' }) version!: number;
  @LocalizedTextResponse({ nullable: true }) subject!: LocalizedText | null;
  @LocalizedTextResponse({ nullable: true }) body!: LocalizedText | null;
  @ApiPropertyOptional({ nullable: true, type: UserRefDto, description: 'Who made the latest version' }) updatedBy!: UserRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) updatedAt!: Date | null;
}

export class EmailTemplateListDto {
  @ApiProperty({ type: [EmailTemplateDto] }) items!: EmailTemplateDto[];
}

export class EmailTemplateVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'A reset to the default wording' }) reset!: boolean;
  @LocalizedTextResponse({ nullable: true }) subject!: LocalizedText | null;
  @LocalizedTextResponse({ nullable: true }) body!: LocalizedText | null;
  @ApiProperty({ type: UserRefDto }) createdBy!: UserRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class EmailTemplateHistoryDto {
  @ApiProperty({ type: [EmailTemplateVersionDto], description: 'Newest first' }) items!: EmailTemplateVersionDto[];
}

export class EmailPreviewItemDto {
  @ApiProperty({ example: 'zh-CN' }) language!: string;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The plain-text part' }) text!: string;
  @ApiProperty({ description: 'The HTML part' }) html!: string;
}

export class EmailPreviewDto {
  @ApiProperty({ type: [EmailPreviewItemDto], description: 'One per language of the edition, or the one of the recipient asked for' })
  items!: EmailPreviewItemDto[];
}

class SpeakerFilterDto {
  @ApiPropertyOptional({ type: [String], enum: SubmissionState, description: 'Proposal states; every submitted proposal without them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_MAX)
  @IsIn(Object.values(SubmissionState), { each: true })
  states?: string[];

  @ApiPropertyOptional({ type: [String], example: ['scheduling'], description: 'Track slugs of this edition' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_MAX)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tracks?: string[];

  @ApiPropertyOptional({ type: [String], example: ['keynote'], description: 'Session format slugs of this edition' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_MAX)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  formats?: string[];
}

class AttendeeFilterDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Ticket type ids of this edition (or of the co-located events named)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_MAX)
  @IsUUID('all', { each: true })
  ticketTypes?: string[];

  @ApiPropertyOptional({ type: [String], enum: Attendance, description: 'In-person or virtual tickets' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(Attendance), { each: true })
  attendance?: string[];

  @ApiPropertyOptional({ type: [String], enum: RegistrationState, description: 'Registration states; CONFIRMED without them' })
  @IsOptional()
  @IsArray()
  @IsIn(Object.values(RegistrationState), { each: true })
  states?: string[];

  @ApiPropertyOptional({ description: 'Only those checked in (true) or not yet (false)' })
  @IsOptional()
  @IsBoolean()
  checkedIn?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Slugs of co-located events of this edition: their attendees instead' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FILTER_MAX)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  colocatedEvents?: string[];
}

export class AudienceDto implements AudienceInput {
  @ApiPropertyOptional({ type: SpeakerFilterDto, description: 'Speakers of proposals of this edition' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpeakerFilterDto)
  speakers?: SpeakerFilterDto;

  @ApiPropertyOptional({ type: AttendeeFilterDto, description: 'Attendees of this edition or of its co-located events' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeFilterDto)
  attendees?: AttendeeFilterDto;

  @ApiPropertyOptional({ description: 'People holding a scholarship award (offered or accepted)' })
  @IsOptional()
  @IsBoolean()
  scholarshipRecipients?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() reviewers?: boolean;

  @ApiPropertyOptional({ description: 'The scholarship committee' }) @IsOptional() @IsBoolean() committee?: boolean;
}

export class ComposeDto implements ComposeInput {
  @LocalizedTextProperty({ max: SUBJECT_MAX, example: { en: 'Where to find the virtual stage', 'zh-CN': '线上舞台入口' }, description: WORDING })
  subject!: LocalizedText;

  @LocalizedTextProperty({ max: BODY_MAX, example: { en: 'Hello {name}, …', 'zh-CN': '{name}，您好 …' }, description: WORDING })
  body!: LocalizedText;

  @ApiProperty({ type: AudienceDto, description: 'The union of the groups given, each person once' })
  @ValidateNested()
  @Type(() => AudienceDto)
  audience!: AudienceDto;
}

export class SendComposedDto {
  @ApiPropertyOptional({ description: 'Required (true) to send a message that was already sent once more' })
  @IsOptional()
  @IsBoolean()
  again?: boolean;
}

export class ComposedSendDto {
  @ApiProperty({ description: '1 for the first send, 2 for a second …' }) sequence!: number;
  @ApiProperty({ description: 'People the audience reached when it was sent' }) recipients!: number;
  @ApiProperty({ description: 'The worker resolved the audience into deliveries' }) resolved!: boolean;
  @ApiProperty({ description: 'Deliveries waiting or being sent' }) pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty({ description: 'Permanently failed (bounced, invalid address); see the notifications list' }) failed!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) sentById!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class ComposedMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @LocalizedTextResponse() subject!: LocalizedText;
  @LocalizedTextResponse() body!: LocalizedText;
  @ApiProperty({ type: AudienceDto }) audience!: AudienceDto;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [ComposedSendDto] }) sends!: ComposedSendDto[];
}

export class ComposedMessageListDto {
  @ApiProperty({ type: [ComposedMessageDto], description: 'The latest 100, newest first' }) items!: ComposedMessageDto[];
}

class DryRunLanguageDto {
  @ApiProperty({ example: 'zh-CN' }) language!: string;
  @ApiProperty() recipients!: number;
}

class DryRunPersonDto {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: 'en' }) language!: string;
}

export class DryRunDto {
  @ApiProperty({ description: 'People the message would reach now, each once' }) recipients!: number;
  @ApiProperty({ type: [DryRunLanguageDto], description: 'How many would read it in each language' }) languages!: DryRunLanguageDto[];
  @ApiProperty({ type: [DryRunPersonDto], description: 'Up to 10 of them, by name' }) sample!: DryRunPersonDto[];
}

export class EmailSettingsDto {
  @ApiProperty({ description: 'Hold decision e-mails for the organisers to review and send, instead of sending at release' })
  @IsBoolean()
  holdDecisions!: boolean;
}

export class RewordHeldDto {
  @ApiProperty({ maxLength: SUBJECT_MAX, description: 'The subject for this one recipient; placeholders as in the template' })
  @IsString()
  @MinLength(1)
  @MaxLength(SUBJECT_MAX)
  subject!: string;

  @ApiProperty({ maxLength: BODY_MAX, description: 'The body for this one recipient; plain text' })
  @IsString()
  @MinLength(1)
  @MaxLength(BODY_MAX)
  body!: string;
}

export class ReleaseHeldDto {
  @ApiPropertyOptional({ example: 'scheduling', description: 'Only the decisions on proposals of this track; all without it' })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsString()
  @MaxLength(100)
  track?: string;
}

export class ReleasedHeldDto {
  @ApiProperty({ description: 'Messages released to be sent' }) released!: number;
}
