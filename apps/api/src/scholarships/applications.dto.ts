import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsISO31661Alpha2,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Gender, ScholarshipApplicationState, ScholarshipAwardState, ScholarshipKind } from '@lectern/database/generated/enums';
import { PageQueryDto } from '@api/http/pagination.dto';
import { MAX_MINOR } from './programmes.dto';
import { upper } from '@api/http/dto-rules';
import { CreateApplicationInput, ListApplicationsQuery, UpdateApplicationInput, ApplicationContentInput } from '@lectern/domains/scholarships/applications.types';
import { LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { LocalizedText } from '@lectern/i18n/localized-text';
const nullable = (_: object, value: unknown) => value !== null;

/** The applicant's answers; the self-described ones are all optional. */
class ApplicationContentDto implements ApplicationContentInput {
  @ApiPropertyOptional({ description: 'Contributions to the community so far (projects, meetups, talks)', nullable: true, type: String })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(5000)
  contributions?: string | null;

  @ApiPropertyOptional({ enum: Gender, nullable: true, description: 'Self-described; optional' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsEnum(Gender)
  gender?: Gender | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Self-described; optional' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsBoolean()
  firstTimeAttendee?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Self-described: belongs to a group underrepresented in tech; optional' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsBoolean()
  underrepresented?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Self-described background in the applicant’s own words; optional' })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(2000)
  backgroundNote?: string | null;
}

export class CreateApplicationDto extends ApplicationContentDto implements CreateApplicationInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({ description: 'Why attending matters to you and what it would make possible' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  statement!: string;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'Travel support asked for, in the programme’s minor units; at most its cap' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINOR)
  requestedTravelMinor?: number;

  @ApiProperty({ example: 'NG', description: 'ISO 3166-1 alpha-2 country you would travel from' })
  @Transform(upper)
  @IsISO31661Alpha2()
  travelOrigin!: string;

  @ApiProperty({ description: 'Must be true: the scholarship committee may read this application and its answers' })
  @IsBoolean()
  consent!: boolean;
}

export class UpdateApplicationDto extends ApplicationContentDto implements UpdateApplicationInput {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(5000) statement?: string;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) requestedTravelMinor?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsISO31661Alpha2() travelOrigin?: string;
}

export class ListApplicationsQueryDto extends PageQueryDto implements ListApplicationsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ enum: ScholarshipApplicationState }) @IsOptional() @IsEnum(ScholarshipApplicationState) state?: ScholarshipApplicationState;
}

export class ApplicationProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @LocalizedTextResponse() name!: LocalizedText;
  @ApiProperty({ enum: ScholarshipKind }) kind!: ScholarshipKind;
  @ApiProperty() currency!: string;
}

export class ApplicationAwardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ScholarshipAwardState }) state!: ScholarshipAwardState;
  @ApiProperty({ description: 'Minor units of the programme’s currency' }) travelGrantMinor!: number;
  @ApiProperty() includesRegistration!: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) registrationId!: string | null;
  @ApiProperty({ format: 'date-time' }) offeredAt!: Date;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) respondedAt!: Date | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!: Date | null;
}

export class ApplicantSelfDescribedDto {
  @ApiPropertyOptional({ enum: Gender, nullable: true }) gender!: Gender | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) firstTimeAttendee!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) underrepresented!: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String }) backgroundNote!: string | null;
}

export class ApplicantDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

/** The applicant's own view, and (with `applicant`) the committee's; nobody else ever receives one. */
export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ApplicationProgrammeDto }) programme!: ApplicationProgrammeDto;
  @ApiProperty({ enum: ScholarshipApplicationState }) state!: ScholarshipApplicationState;
  @ApiProperty() statement!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) contributions!: string | null;
  @ApiProperty() requestedTravelMinor!: number;
  @ApiProperty() travelOrigin!: string;
  @ApiProperty({ type: ApplicantSelfDescribedDto }) selfDescribed!: ApplicantSelfDescribedDto;
  @ApiProperty({ format: 'date-time' }) consentGivenAt!: Date;
  @ApiProperty({ description: 'The applicant may still change or withdraw it (window open, not withdrawn)' }) editable!: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
  @ApiPropertyOptional({ type: ApplicationAwardDto, nullable: true, description: 'The latest award, if any' }) award!: ApplicationAwardDto | null;
  @ApiPropertyOptional({ type: ApplicantDto, description: 'Committee only' }) applicant?: ApplicantDto;
}

export class ApplicationListItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() programmeKey!: string;
  @ApiProperty({ type: ApplicantDto }) applicant!: ApplicantDto;
  @ApiProperty({ enum: ScholarshipApplicationState }) state!: ScholarshipApplicationState;
  @ApiProperty() requestedTravelMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() travelOrigin!: string;
  @ApiProperty() assigned!: number;
  @ApiProperty() reviews!: number;
  @ApiPropertyOptional({ type: ApplicationAwardDto, nullable: true }) award!: ApplicationAwardDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationListItemDto] }) items!: ApplicationListItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
