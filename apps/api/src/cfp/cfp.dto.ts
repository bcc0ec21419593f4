import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO31661Alpha2,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AudienceLevel, CfpQuestionScope, CfpQuestionType } from '@lectern/database/generated/enums';
import { DATE_TIME, DATE_TIME_DOC, SLUG, upper } from '@api/http/dto-rules';
import { CreateFormatInput, CreateQuestionInput, CreateTrackInput, PatchCfpSettingsInput, PutCfpSettingsInput, SpeakerAnswersInput, SpeakerProfileInput, UpdateFormatInput, UpdateQuestionInput, UpdateTrackInput } from '@lectern/domains/cfp/cfp.types';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { ChoiceOption } from '@lectern/domains/cfp/answers.policy';
/** BCP 47 language tags as conferences use them: en, zh-CN, pt-BR. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const CODE_PREFIX = /^[A-Z0-9]{2,10}$/;

/** The shared explanation, with the example a CFP deadline needs. */
const CFP_DATE_TIME_DOC = `${DATE_TIME_DOC} For example 2030-03-01T23:59:59 is one second before midnight local time.`;

export class PutCfpSettingsDto implements PutCfpSettingsInput {
  @ApiProperty({ example: '2030-01-10T00:00:00', description: CFP_DATE_TIME_DOC })
  @IsString()
  @Matches(DATE_TIME)
  opensAt!: string;

  @ApiProperty({ example: '2030-03-01T23:59:59', description: `${CFP_DATE_TIME_DOC} Submissions are refused after it.` })
  @IsString()
  @Matches(DATE_TIME)
  closesAt!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 100, description: 'Submissions one person may be a speaker on' })
  @IsInt()
  @Min(1)
  @Max(100)
  maxSubmissionsPerSpeaker!: number;

  @ApiPropertyOptional({ example: ['en', 'zh-CN'], default: ['en', 'zh-CN'], description: 'Talk languages (BCP 47)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(LANGUAGE_TAG, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ example: 'KCCN19', description: 'Prefix of submission codes; derived from the slug if left out' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Matches(CODE_PREFIX)
  codePrefix?: string;
}

export class PatchCfpSettingsDto implements PatchCfpSettingsInput {
  @ApiPropertyOptional({ description: CFP_DATE_TIME_DOC }) @IsOptional() @IsString() @Matches(DATE_TIME) opensAt?: string;
  @ApiPropertyOptional({ description: CFP_DATE_TIME_DOC }) @IsOptional() @IsString() @Matches(DATE_TIME) closesAt?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @IsInt() @Min(1) @Max(100) maxSubmissionsPerSpeaker?: number;
  @ApiPropertyOptional({ example: ['en', 'zh-CN'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(LANGUAGE_TAG, { each: true })
  languages?: string[];
  @ApiPropertyOptional({ example: 'KCCN19' }) @IsOptional() @Transform(upper) @IsString() @Matches(CODE_PREFIX) codePrefix?: string;
}

export class CreateFormatDto implements CreateFormatInput {
  @ApiProperty({ example: 'tutorial', pattern: SLUG.source }) @IsString() @Matches(SLUG) @MaxLength(60) slug!: string;
  @LocalizedTextProperty({ max: 120, example: { en: 'Tutorial', 'zh-CN': '教程' } }) name!: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Text' } }) description?: LocalizedText | null;
  @ApiProperty({ example: 90, minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) durationMinutes!: number;
  @ApiProperty({ example: 4, minimum: 1, maximum: 20, description: 'Speakers a session of this format may have' })
  @IsInt()
  @Min(1)
  @Max(20)
  maxSpeakers!: number;
  @ApiPropertyOptional({ default: true, description: 'False for formats filled only by invitation (keynotes)' })
  @IsOptional()
  @IsBoolean()
  openForSubmissions?: boolean;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class UpdateFormatDto implements UpdateFormatInput {
  @LocalizedTextProperty({ max: 120, optional: true, example: { en: 'Text' } }) name?: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Text' } }) description?: LocalizedText | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(20) maxSpeakers?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() openForSubmissions?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class FormatDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @LocalizedTextResponse({ nullable: true }) description!: LocalizedText | null;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() maxSpeakers!: number;
  @ApiProperty() openForSubmissions!: boolean;
  @ApiProperty() position!: number;
}

export class CreateTrackDto implements CreateTrackInput {
  @ApiProperty({ example: 'security', pattern: SLUG.source }) @IsString() @Matches(SLUG) @MaxLength(60) slug!: string;
  @LocalizedTextProperty({ max: 120, example: { en: 'Security + Identity + Policy', 'zh-CN': '安全 + 身份 + 策略' } }) name!: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Text' } }) description?: LocalizedText | null;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class UpdateTrackDto implements UpdateTrackInput {
  @LocalizedTextProperty({ max: 120, optional: true, example: { en: 'Text' } }) name?: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Text' } }) description?: LocalizedText | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class TrackDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @LocalizedTextResponse({ nullable: true }) description!: LocalizedText | null;
  @ApiProperty() position!: number;
}

/** One choice of a question: answers hold its value, whatever language the speaker reads its label in. */
export class ChoiceOptionDto implements ChoiceOption {
  @ApiProperty({ example: 'meetup', minLength: 1, maxLength: 200, description: 'What answers hold; stable across languages' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value!: string;

  @LocalizedTextProperty({ max: 200, example: { en: 'Yes, at a meetup', 'zh-CN': '是的，在聚会上' } }) label!: LocalizedText;
}

export class CreateQuestionDto implements CreateQuestionInput {
  @ApiProperty({ enum: CfpQuestionScope, description: 'Answered once per submission, or once per speaker and event' })
  @IsEnum(CfpQuestionScope)
  scope!: CfpQuestionScope;

  @ApiProperty({ enum: CfpQuestionType }) @IsEnum(CfpQuestionType) type!: CfpQuestionType;
  @LocalizedTextProperty({ max: 500, example: { en: 'Has this talk been given before?', 'zh-CN': '这个演讲以前讲过吗？' } }) label!: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Where and when, if so.' } }) helpText?: LocalizedText | null;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() required?: boolean;

  @ApiPropertyOptional({ type: [ChoiceOptionDto], description: 'The choices; required for CHOICE and MULTI_CHOICE, refused otherwise' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];

  @ApiPropertyOptional({ description: 'TEXT only: longest answer accepted (default 5000)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20_000)
  maxLength?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

/** Scope and type are fixed once created: answers already given were checked against them. */
export class UpdateQuestionDto implements UpdateQuestionInput {
  @LocalizedTextProperty({ max: 500, optional: true, example: { en: 'Text' } }) label?: LocalizedText;
  @LocalizedTextProperty({ max: 2000, optional: true, nullable: true, example: { en: 'Where and when, if so.' } }) helpText?: LocalizedText | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ type: [ChoiceOptionDto], description: 'Replaces every choice; answers hold values, so keep a value to keep its answers' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(20_000) maxLength?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CfpQuestionScope }) scope!: CfpQuestionScope;
  @ApiProperty({ enum: CfpQuestionType }) type!: CfpQuestionType;
  @LocalizedTextResponse() label!: LocalizedText;
  @LocalizedTextResponse({ nullable: true }) helpText!: LocalizedText | null;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [ChoiceOptionDto] }) options!: ChoiceOptionDto[];
  @ApiPropertyOptional({ nullable: true, type: Number }) maxLength!: number | null;
  @ApiProperty() position!: number;
}

export class CfpDto {
  @ApiProperty() eventSlug!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) opensAt!: Date;
  @ApiProperty({ example: '2030-01-10T00:00:00+08:00', description: 'The same instant in the event’s time zone' })
  opensAtLocal!: string;
  @ApiProperty({ format: 'date-time', description: 'UTC; the last instant at which a submission is accepted' })
  closesAt!: Date;
  @ApiProperty({ example: '2030-03-01T23:59:59+08:00' }) closesAtLocal!: string;
  @ApiProperty({ description: 'Whether submissions are accepted right now' }) isOpen!: boolean;
  @ApiProperty() maxSubmissionsPerSpeaker!: number;
  @ApiProperty({ type: [String], example: ['en', 'zh-CN'] }) languages!: string[];
  @ApiProperty({ enum: AudienceLevel, isArray: true }) levels!: AudienceLevel[];
  @ApiProperty({ example: 'KCCN19' }) codePrefix!: string;
  @ApiProperty({ type: [FormatDto] }) formats!: FormatDto[];
  @ApiProperty({ type: [TrackDto] }) tracks!: TrackDto[];
  @ApiProperty({ type: [QuestionDto], description: 'Questions still asked (archived ones are left out)' })
  questions!: QuestionDto[];
}

export class SpeakerProfileInputDto implements SpeakerProfileInput {
  @ApiProperty({ example: 'Ada Lovelace', description: 'Name as printed in the programme' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) bio!: string;
  @ApiProperty({ example: 'Analytical Engines Ltd' }) @IsString() @MinLength(1) @MaxLength(200) company!: string;
  @ApiProperty({ example: 'Principal Engineer' }) @IsString() @MinLength(1) @MaxLength(200) jobTitle!: string;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' }) @Transform(upper) @IsISO31661Alpha2() country!: string;
  @ApiPropertyOptional({ example: 'she/her' }) @IsOptional() @IsString() @MaxLength(50) pronouns?: string;
  @ApiProperty({ description: 'First time speaking at this event series (counted in the transparency report)' })
  @IsBoolean()
  firstTimeSpeaker!: boolean;
}

export class SpeakerProfileDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() bio!: string;
  @ApiProperty() company!: string;
  @ApiProperty() jobTitle!: string;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) pronouns!: string | null;
  @ApiProperty() firstTimeSpeaker!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export const ANSWERS_DOC =
  'Question id → answer: a string (TEXT), one option value (CHOICE), a list of option values (MULTI_CHOICE), a number ' +
  '(NUMBER) or true/false (BOOLEAN). null removes an answer; questions left out keep theirs.';

export class SpeakerAnswersInputDto implements SpeakerAnswersInput {
  @ApiProperty({ type: 'object', additionalProperties: true, description: ANSWERS_DOC })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class SpeakerAnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Question id → answer' })
  answers!: Record<string, unknown>;
}
