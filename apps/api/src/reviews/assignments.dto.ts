import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SLUG } from '@api/http/dto-rules';
import { CreateAssignmentInput, DeclareConflictInput, ReviewerTracksInput } from '@lectern/domains/reviews/assignments.types';

export class ReviewerTracksInputDto implements ReviewerTracksInput {
  @ApiProperty({ type: [String], example: ['security', 'runtime'], description: 'Track slugs; an empty list lifts the limit' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(SLUG, { each: true })
  tracks!: string[];
}

export class ReviewerTracksDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: [String], description: 'Track slugs the reviewer is limited to; empty means every track' }) tracks!: string[];
}

export class CreateAssignmentDto implements CreateAssignmentInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() reviewerId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() submissionId!: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ description: 'Made by the automatic run rather than by hand' }) automatic!: boolean;
  @ApiProperty() reviewed!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class LoadRangeDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class AssignmentRunDto {
  @ApiProperty({ description: 'Submitted, undecided CFP submissions considered' }) submissions!: number;
  @ApiProperty() reviewers!: number;
  @ApiProperty() reviewsPerSubmission!: number;
  @ApiProperty({ description: 'Assignments added by this run' }) added!: number;
  @ApiProperty({ description: 'Unreviewed assignments removed: conflict, track limit or role no longer allow them' }) removed!: number;
  @ApiProperty({ description: 'Submissions left with fewer reviewers than wanted: not enough eligible reviewers' }) understaffed!: number;
  @ApiProperty({ type: LoadRangeDto, description: 'Fewest and most assignments per reviewer, over the submissions considered' }) loads!: LoadRangeDto;
}

export class DeclareConflictDto implements DeclareConflictInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() reviewerId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() submissionId!: string;
  @ApiPropertyOptional({ example: 'Former colleague of the speaker' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty() reviewerName!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() submissionCode!: string;
  @ApiProperty() submissionTitle!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}
