import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, Matches } from 'class-validator';
import { AudienceLevel, OfferResponse, ReviewDecision, SpeakerRole, SubmissionState } from '@lectern/database/generated/enums';
import { SLUG } from '@api/http/dto-rules';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';

export class SetCfpGroupDto {
  @ApiProperty({
    type: [String],
    example: ['kubernetes-forum-seoul-2019', 'kubernetes-forum-sydney-2019'],
    description: 'Slugs of the editions of the same series that share this edition’s CFP; this edition is always one of them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(SLUG, { each: true })
  editions!: string[];
}

export class GroupEditionDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @LocalizedTextResponse() city!: LocalizedText;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2: the host country, against which speakers count as local' }) country!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
}

export class CfpGroupDto {
  @ApiProperty({ type: GroupEditionDto, description: 'The edition whose CFP and review the group shares' }) host!: GroupEditionDto;
  @ApiProperty({ type: [GroupEditionDto] }) editions!: GroupEditionDto[];
}

export class SetOffersDto {
  @ApiProperty({ type: [String], example: ['kubernetes-forum-seoul-2019'], description: 'Slugs of the editions of the group the speakers can present at' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(SLUG, { each: true })
  editions!: string[];
}

export class OfferDto {
  @ApiProperty() slug!: string;
  @LocalizedTextResponse() city!: LocalizedText;
  @ApiProperty() country!: string;
  @ApiPropertyOptional({ enum: ReviewDecision, nullable: true, description: 'null until the edition releases its decision' })
  decision!: ReviewDecision | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) releasedAt!: Date | null;
  @ApiPropertyOptional({ enum: OfferResponse, nullable: true }) response!: OfferResponse | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) respondedAt!: Date | null;
}

export class OffersDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ type: [OfferDto] }) editions!: OfferDto[];
}

export class OfferDecideDto {
  @ApiProperty({ enum: ReviewDecision }) @IsEnum(ReviewDecision) decision!: ReviewDecision;
}

export class OfferDecisionDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ description: 'The edition that decided' }) edition!: string;
  @ApiProperty({ enum: ReviewDecision }) decision!: ReviewDecision;
  @ApiProperty({ format: 'date-time' }) decidedAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) releasedAt!: Date | null;
}

export class OfferReleaseResultDto {
  @ApiProperty() released!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() waitlisted!: number;
}

export class OfferAnswerDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() edition!: string;
  @ApiPropertyOptional({ enum: ReviewDecision, nullable: true }) decision!: ReviewDecision | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) releasedAt!: Date | null;
  @ApiPropertyOptional({ enum: OfferResponse, nullable: true }) response!: OfferResponse | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) respondedAt!: Date | null;
}

export class OfferedSpeakerDto {
  @ApiProperty({ enum: SpeakerRole }) role!: SpeakerRole;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'ISO 3166-1 alpha-2, from the speaker profile' }) country!: string | null;
}

export class OfferedProposalDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) abstract!: string | null;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiPropertyOptional({ enum: AudienceLevel, nullable: true }) level!: AudienceLevel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Track slug in the host edition' }) track!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Format slug in the host edition' }) format!: string | null;
  @ApiProperty({ type: [OfferedSpeakerDto] }) speakers!: OfferedSpeakerDto[];
  @ApiProperty({ format: 'date-time' }) offeredAt!: Date;
  @ApiPropertyOptional({ enum: ReviewDecision, nullable: true, description: 'This edition’s decision, released or not' }) decision!: ReviewDecision | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) decidedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date, format: 'date-time' }) releasedAt!: Date | null;
  @ApiPropertyOptional({ enum: OfferResponse, nullable: true }) response!: OfferResponse | null;
}

export class OfferedProposalPageDto {
  @ApiProperty({ type: [OfferedProposalDto] }) items!: OfferedProposalDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
