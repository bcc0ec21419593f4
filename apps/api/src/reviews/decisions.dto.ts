import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsIn, IsNumber, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ReviewDecision, SubmissionState } from '@lectern/database/generated/enums';
import { BULK_GROUPS, BulkDecisionInput, ReleaseInput } from '@lectern/domains/reviews/decisions.types';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';

export class DecideDto {
  @ApiProperty({ enum: ReviewDecision }) @IsEnum(ReviewDecision) decision!: ReviewDecision;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ enum: ReviewDecision }) decision!: ReviewDecision;
  @ApiProperty({ format: 'date-time' }) decidedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time', description: 'null until released to the speakers' })
  releasedAt!: Date | null;
}

const QUOTAS_DOC = 'Slug of a track (groupBy TRACK) or format (groupBy FORMAT) → number of submissions; groups left out are not touched';

export class BulkDecisionDto implements BulkDecisionInput {
  @ApiPropertyOptional({ enum: BULK_GROUPS, default: 'TRACK', description: 'Rank and apply the quota within each track, each format, or the whole event' })
  @IsOptional()
  @IsIn(BULK_GROUPS)
  groupBy?: (typeof BULK_GROUPS)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, example: 20, description: 'Accept this share of each group, best first (rounded to the nearest whole talk)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  acceptPercent?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, example: { security: 5, runtime: 3 }, description: QUOTAS_DOC })
  @IsOptional()
  @IsObject()
  acceptQuotas?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Waitlist this share of each group, the next best after the accepted ones' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  waitlistPercent?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, description: QUOTAS_DOC })
  @IsOptional()
  @IsObject()
  waitlistQuotas?: Record<string, unknown>;

  @ApiPropertyOptional({ default: false, description: 'Reject the rest of every group that got a quota' })
  @IsOptional()
  @IsBoolean()
  rejectRest?: boolean;
}

export class BulkGroupDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Track or format slug; null for "none" or the whole event' }) group!: string | null;
  @LocalizedTextResponse({ nullable: true }) name!: LocalizedText | null;
  @ApiProperty({ description: 'Submitted, undecided proposals in the group' }) eligible!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() waitlisted!: number;
  @ApiProperty() rejected!: number;
}

export class BulkDecisionResultDto {
  @ApiProperty({ enum: BULK_GROUPS }) groupBy!: string;
  @ApiProperty({ type: [BulkGroupDto] }) groups!: BulkGroupDto[];
  @ApiProperty({ description: 'Decisions recorded (not yet released)' }) decided!: number;
}

export class ReleaseDto implements ReleaseInput {
  @ApiPropertyOptional({ type: [String], description: 'Release only these submissions’ decisions; all pending ones when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5_000)
  @IsUUID('all', { each: true })
  submissionIds?: string[];
}

export class ReleaseResultDto {
  @ApiProperty() released!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() waitlisted!: number;
  @ApiProperty({ description: 'Pending decisions dropped because the submission moved on (e.g. it was withdrawn)' }) dropped!: number;
}

export class SubmissionOutcomeDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiPropertyOptional({ nullable: true, enum: ReviewDecision, description: 'null until the organisers release a decision' })
  decision!: ReviewDecision | null;
  @ApiProperty({ description: 'Accepted and waiting for the speakers to confirm or decline' }) awaitingConfirmation!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time', description: 'While awaiting confirmation: the deadline to confirm or decline by' })
  confirmBy!: Date | null;
  @ApiProperty({ format: 'date-time' }) stateChangedAt!: Date;
  @ApiProperty({ type: [String], description: 'Reviewer comments meant for the speakers, without reviewer names; empty before release' })
  speakerComments!: string[];
}
