import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ReviewDecision, SubmissionState } from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { SLUG } from '@api/http/dto-rules';
import { AssignedQuery, DeclareOwnConflictInput, RankingQuery, ReviewInput } from '@lectern/domains/reviews/reviews.types';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
export const CALIBRATION_DOC =
  'calibrated: each reviewer’s review scores are normalised over all their reviews in the event, ' +
  'z = (s − μ_r) / σ_r (μ_r mean, σ_r population standard deviation of reviewer r’s scores; σ_r = 0 gives z = 0), ' +
  'and a submission’s calibrated score is the confidence-weighted mean of the z of its reviews, Σ c·z / Σ c. ' +
  'A review’s score s is the weighted mean of its criterion scores (the criteria’s weights). mean and median are ' +
  'of the raw review scores. Ranks order by calibrated, then mean (both descending, unscored last), then code.';

export class AssignedQueryDto extends PageQueryDto implements AssignedQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'REVIEWED'], description: 'Only the ones you have not reviewed yet, or only those you have' })
  @IsOptional()
  @IsIn(['PENDING', 'REVIEWED'])
  status?: 'PENDING' | 'REVIEWED';
}

export class ReviewInputDto implements ReviewInput {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { relevance: 4, clarity: 3, originality: 5, expertise: 4 },
    description: 'A whole-number score on the event’s scale for every criterion key, and no other key',
  })
  @IsObject()
  scores!: Record<string, unknown>;

  @ApiProperty({ minimum: 1, maximum: 3, description: '1 low, 2 medium, 3 high; weighs the review in the calibrated score' })
  @IsInt()
  @Min(1)
  @Max(3)
  confidence!: number;

  @ApiPropertyOptional({ maxLength: 10_000, description: 'For the organisers and the committee; never shown to speakers' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  committeeComment?: string;

  @ApiPropertyOptional({ maxLength: 5_000, description: 'Shown to the speakers, without your name, once the decision is released' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  speakerComment?: string;
}

export class DeclareOwnConflictDto implements DeclareOwnConflictInput {
  @ApiPropertyOptional({ maxLength: 500, example: 'I know who wrote this' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RefDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
}

export class ReviewFormatRefDto extends RefDto {
  @ApiProperty() durationMinutes!: number;
}

export class VisibleSpeakerDto {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) jobTitle!: string | null;
}

export class OwnReviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } }) scores!: Record<string, number>;
  @ApiProperty({ description: 'Weighted mean of the criterion scores' }) score!: number;
  @ApiProperty() confidence!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) committeeComment!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) speakerComment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class AssignedSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) abstract!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) level!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiPropertyOptional({ nullable: true, type: ReviewFormatRefDto }) format!: ReviewFormatRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: RefDto }) track!: RefDto | null;
  @ApiPropertyOptional({ type: [VisibleSpeakerDto], description: 'Only in events that do not anonymise reviews' })
  speakers?: VisibleSpeakerDto[];
  @ApiPropertyOptional({ nullable: true, type: OwnReviewDto, description: 'Your review; null until you write one' })
  review!: OwnReviewDto | null;
}

export class ReviewProgressDto {
  @ApiProperty() assigned!: number;
  @ApiProperty() reviewed!: number;
}

export class AssignedPageDto {
  @ApiProperty({ type: [AssignedSubmissionDto] }) items!: AssignedSubmissionDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ type: ReviewProgressDto, description: 'Over all your assignments, whatever the filter' }) progress!: ReviewProgressDto;
  @ApiProperty() anonymised!: boolean;
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @LocalizedTextResponse() label!: LocalizedText;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
    description: 'Text, number, boolean or list of choices',
  })
  value!: string | number | boolean | string[];
}

export class AssignedSubmissionDetailDto extends AssignedSubmissionDto {
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [AnswerDto] }) answers!: AnswerDto[];
  @ApiProperty({ description: 'The review window is open: you may write or edit your review now' }) editable!: boolean;
}

export class RankingQueryDto extends PageQueryDto implements RankingQuery {
  @ApiPropertyOptional({ description: 'Track slug' }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) track?: string;
  @ApiPropertyOptional({ description: 'Format slug' }) @IsOptional() @IsString() @Matches(SLUG) @MaxLength(60) format?: string;
}

export class RankedSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SubmissionState, description: 'Changes with released decisions only' }) state!: SubmissionState;
  @ApiPropertyOptional({ nullable: true, type: RefDto }) track!: RefDto | null;
  @ApiPropertyOptional({ nullable: true, type: RefDto }) format!: RefDto | null;
  @ApiProperty() reviews!: number;
  @ApiProperty() assigned!: number;
  @ApiProperty() wanted!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) mean!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) median!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: CALIBRATION_DOC }) calibrated!: number | null;
  @ApiProperty() rankOverall!: number;
  @ApiProperty() rankInTrack!: number;
  @ApiProperty() rankInFormat!: number;
  @ApiPropertyOptional({ nullable: true, enum: ReviewDecision, description: 'The organisers’ decision, released or not' })
  decision!: ReviewDecision | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time', description: 'null while the decision is not released' })
  decisionReleasedAt!: Date | null;
}

export class RankingPageDto {
  @ApiProperty({ type: [RankedSubmissionDto] }) items!: RankedSubmissionDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TrackProgressDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null for proposals without a track' }) track!: string | null;
  @LocalizedTextResponse({ nullable: true }) name!: LocalizedText | null;
  @ApiProperty() submissions!: number;
  @ApiProperty({ description: 'submissions × reviews wanted per submission' }) wanted!: number;
  @ApiProperty({ description: 'Reviews written, counting at most the wanted number per submission' }) done!: number;
  @ApiProperty() reviews!: number;
  @ApiProperty() assigned!: number;
}

export class ReviewerProgressDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String], description: 'Tracks the reviewer is limited to; empty means every track' }) tracks!: string[];
  @ApiProperty() assigned!: number;
  @ApiProperty() reviewed!: number;
}

export class ProgressDto {
  @ApiProperty() reviewsPerSubmission!: number;
  @ApiProperty({ type: TrackProgressDto }) overall!: TrackProgressDto;
  @ApiProperty({ type: [TrackProgressDto] }) tracks!: TrackProgressDto[];
  @ApiProperty({ type: [ReviewerProgressDto] }) reviewers!: ReviewerProgressDto[];
}

export class ReviewerRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class SubmissionReviewDto {
  @ApiProperty({ format: 'uuid', description: 'The assignment' }) assignmentId!: string;
  @ApiProperty({ type: ReviewerRefDto }) reviewer!: ReviewerRefDto;
  @ApiProperty() automatic!: boolean;
  @ApiPropertyOptional({ nullable: true, type: OwnReviewDto, description: 'null while the reviewer has not reviewed it' })
  review!: OwnReviewDto | null;
}
