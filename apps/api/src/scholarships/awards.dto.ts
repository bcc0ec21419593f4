import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ScholarshipAwardState } from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ApplicantDto } from './applications.dto';
import { MAX_MINOR } from './programmes.dto';
import { CreateAwardInput, ListAwardsQuery } from '@lectern/domains/scholarships/awards.types';

export class CreateAwardDto implements CreateAwardInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId!: string;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'Travel grant in the programme’s minor units; at most its cap, and within what is left of its budget' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  travelGrantMinor?: number;

  @ApiPropertyOptional({ description: 'A free registration of the programme’s ticket type; default: whenever the programme offers one' })
  @IsOptional()
  @IsBoolean()
  includesRegistration?: boolean;
}

export class ListAwardsQueryDto extends PageQueryDto implements ListAwardsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ enum: ScholarshipAwardState }) @IsOptional() @IsEnum(ScholarshipAwardState) state?: ScholarshipAwardState;
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() programmeKey!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: ScholarshipAwardState, description: 'OFFERED and ACCEPTED count against the budget' }) state!: ScholarshipAwardState;
  @ApiProperty({ description: 'Minor units of `currency`' }) travelGrantMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() includesRegistration!: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The free registration, while it exists' })
  registrationId!: string | null;
  @ApiProperty({ format: 'date-time' }) offeredAt!: Date;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) respondedAt!: Date | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!: Date | null;
  @ApiPropertyOptional({ type: ApplicantDto, description: 'Organisers and committee only' }) recipient?: ApplicantDto;
}

export class AwardPageDto {
  @ApiProperty({ type: [AwardDto] }) items!: AwardDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
