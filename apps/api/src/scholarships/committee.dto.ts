import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ScholarshipAwardState } from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { LoadRangeDto } from '@api/reviews/assignments.dto';
import { ApplicantSelfDescribedDto } from './applications.dto';
import { AssignedQuery, RankingQuery, ReviewInput } from '@lectern/domains/scholarships/committee.types';
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export const CALIBRATION_DOC =
  'Ranked by calibrated score: each member’s scores in the programme become z-scores (z = (s − μ) / σ over that ' +
  'member’s scores; σ = 0 gives 0), and an application’s calibrated score is their confidence-weighted mean, so a ' +
  'harsh and a lenient member count alike (the formulas of the talk review, reviews/calibration.ts). Ties go to the ' +
  'higher raw mean, then to the earlier application; applications without reviews rank last.';

export class CommitteeReviewInputDto implements ReviewInput {
  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: 'Overall merit, from 1 (weak) to 5 (outstanding)' })
  @IsInt()
  @Min(SCORE_MIN)
  @Max(SCORE_MAX)
  score!: number;

  @ApiProperty({ minimum: 1, maximum: 3, description: 'How sure you are: 1 (low) to 3 (high); weighs the calibrated score' })
  @IsInt()
  @Min(1)
  @Max(3)
  confidence!: number;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'For the committee only' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  comment?: string | null;
}

export class CommitteeAssignedQueryDto implements AssignedQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
}

export class ScholarshipRankingQueryDto extends PageQueryDto implements RankingQuery {}

export class CommitteeAssignmentRunDto {
  @ApiProperty() applications!: number;
  @ApiProperty() members!: number;
  @ApiProperty() reviewsPerApplication!: number;
  @ApiProperty({ description: 'Assignments made by this run' }) added!: number;
  @ApiProperty({ description: 'Applications left with fewer members than wanted (too few eligible)' }) understaffed!: number;
  @ApiProperty({ type: LoadRangeDto, description: 'Fewest and most applications per member' }) loads!: LoadRangeDto;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CommitteeOwnReviewDto {
  @ApiProperty() score!: number;
  @ApiProperty() confidence!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class AssignedApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() programmeKey!: string;
  @ApiProperty({ type: PersonRefDto }) applicant!: PersonRefDto;
  @ApiProperty() statement!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contributions!: string | null;
  @ApiProperty() requestedTravelMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() travelOrigin!: string;
  @ApiProperty({ type: ApplicantSelfDescribedDto }) selfDescribed!: ApplicantSelfDescribedDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiPropertyOptional({ type: CommitteeOwnReviewDto, nullable: true }) review!: CommitteeOwnReviewDto | null;
}

export class CommitteeProgressDto {
  @ApiProperty({ example: 12 }) assigned!: number;
  @ApiProperty({ example: 7 }) reviewed!: number;
}

export class AssignedListDto {
  @ApiProperty({ type: [AssignedApplicationDto] }) items!: AssignedApplicationDto[];
  @ApiProperty({ type: CommitteeProgressDto }) progress!: CommitteeProgressDto;
}

export class ApplicationReviewDto {
  @ApiProperty({ type: PersonRefDto }) reviewer!: PersonRefDto;
  @ApiPropertyOptional({ type: CommitteeOwnReviewDto, nullable: true, description: 'null while the member has not reviewed it' })
  review!: CommitteeOwnReviewDto | null;
}

export class CountingAwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ScholarshipAwardState }) state!: ScholarshipAwardState;
  @ApiProperty() travelGrantMinor!: number;
  @ApiProperty() includesRegistration!: boolean;
}

export class RankedApplicationDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: PersonRefDto }) applicant!: PersonRefDto;
  @ApiProperty() travelOrigin!: string;
  @ApiProperty() requestedTravelMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() reviews!: number;
  @ApiProperty() assigned!: number;
  @ApiProperty() wanted!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) mean!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) median!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Confidence-weighted mean z-score' }) calibrated!: number | null;
  @ApiPropertyOptional({ nullable: true, type: CountingAwardDto, description: 'The award that counts (offered or accepted), if any' })
  award!: CountingAwardDto | null;
}

export class ScholarshipRankingPageDto {
  @ApiProperty({ type: [RankedApplicationDto] }) items!: RankedApplicationDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'Budget left to award, in minor units' }) remainingMinor!: number;
}
