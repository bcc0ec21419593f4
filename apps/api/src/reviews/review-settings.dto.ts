import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_TIME, DATE_TIME_DOC } from '@api/http/dto-rules';
import { PutReviewSettingsInput, CriterionInput } from '@lectern/domains/reviews/review-settings.types';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
export const CRITERION_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export class CriterionInputDto implements CriterionInput {
  @ApiProperty({ example: 'relevance', pattern: CRITERION_KEY.source, description: 'Stable key the scores are given under' })
  @IsString()
  @Matches(CRITERION_KEY)
  key!: string;

  @LocalizedTextProperty({ max: 100, example: { en: 'Relevance', 'zh-CN': '相关性' } }) name!: LocalizedText;
  @LocalizedTextProperty({ max: 1000, optional: true, nullable: true, example: { en: 'Does the talk fit the event?' } }) description?: LocalizedText | null;

  @ApiProperty({ example: 2, minimum: 0.01, maximum: 100, description: 'Relative weight in a review’s score' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  weight!: number;
}

export class PutReviewSettingsDto implements PutReviewSettingsInput {
  @ApiProperty({ example: '2030-03-05T00:00:00', description: `${DATE_TIME_DOC} Reviews can be written from then on.` })
  @IsString()
  @Matches(DATE_TIME)
  opensAt!: string;

  @ApiProperty({ example: '2030-03-25T23:59:59', description: `${DATE_TIME_DOC} Reviews can be written and edited until then.` })
  @IsString()
  @Matches(DATE_TIME)
  closesAt!: string;

  @ApiPropertyOptional({ default: 1, minimum: 0, maximum: 10 }) @IsOptional() @IsInt() @Min(0) @Max(10) scaleMin?: number;
  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 100 }) @IsOptional() @IsInt() @Min(1) @Max(100) scaleMax?: number;

  @ApiPropertyOptional({ default: 3, minimum: 1, maximum: 20, description: 'Reviewers the automatic assignment gives each submission' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  reviewsPerSubmission?: number;

  @ApiPropertyOptional({ default: true, description: 'Reviewers never see speaker names, e-mails, companies or ids' })
  @IsOptional()
  @IsBoolean()
  anonymised?: boolean;

  @ApiPropertyOptional({ default: true, description: 'A declined acceptance promotes the best waitlisted talk of its track' })
  @IsOptional()
  @IsBoolean()
  promoteFromWaitlist?: boolean;

  @ApiPropertyOptional({
    default: 14,
    minimum: 1,
    maximum: 90,
    description: 'Days accepted speakers have to confirm or decline, from when the acceptance reached them',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  confirmationDays?: number;

  @ApiPropertyOptional({
    default: 3,
    minimum: 0,
    maximum: 89,
    description:
      'Days before that deadline the owner of a talk still unanswered is reminded once by e-mail; 0 sends no ' +
      'reminder. Less than confirmationDays (400 REVIEW_CONFIRMATION_WINDOW_INVALID).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(89)
  confirmationReminderDays?: number;

  @ApiPropertyOptional({
    type: [CriterionInputDto],
    description:
      'Scored criteria (kept as they are when left out; on first use: relevance ×2, clarity, originality, speaker ' +
      'expertise). They and the scale can change only while no review exists.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria?: CriterionInputDto[];
}

export class CriterionDto {
  @ApiProperty() key!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @LocalizedTextResponse({ nullable: true }) description!: LocalizedText | null;
  @ApiProperty() weight!: number;
  @ApiProperty() position!: number;
}

export class ReviewSettingsDto {
  @ApiProperty() eventSlug!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty() scaleMin!: number;
  @ApiProperty() scaleMax!: number;
  @ApiProperty() reviewsPerSubmission!: number;
  @ApiProperty() anonymised!: boolean;
  @ApiProperty() promoteFromWaitlist!: boolean;
  @ApiProperty() confirmationDays!: number;
  @ApiProperty({ description: '0: no reminder' }) confirmationReminderDays!: number;
  @ApiProperty({ format: 'date-time' }) opensAt!: Date;
  @ApiProperty({ example: '2030-03-05T00:00:00+08:00' }) opensAtLocal!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: Date;
  @ApiProperty({ example: '2030-03-25T23:59:59+08:00' }) closesAtLocal!: string;
  @ApiProperty({ description: 'Reviews can be written now' }) isOpen!: boolean;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ enum: [1, 2, 3], isArray: true, description: 'Confidence levels: 1 low, 2 medium, 3 high' }) confidenceLevels!: number[];
}
