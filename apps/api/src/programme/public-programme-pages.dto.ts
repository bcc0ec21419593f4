import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AudienceLevel } from '@lectern/database/generated/enums';
import { ProgrammeFilters } from '@lectern/domains/programme/public-programme-pages.service';

const NAMES = { type: 'object', additionalProperties: { type: 'string' }, description: 'Language tag → name, in the edition’s languages' } as const;

export class ProgrammeFiltersDto implements ProgrammeFilters {
  @ApiPropertyOptional({ example: '2030-06-24', description: 'A day of the edition, its local date' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  day?: string;

  @ApiPropertyOptional({ example: 'scheduling', description: 'A track slug of the edition' }) @IsOptional() @IsString() @MaxLength(100) track?: string;
  @ApiPropertyOptional({ description: `One of ${Object.values(AudienceLevel).join(', ')}` }) @IsOptional() @IsString() @MaxLength(20) level?: string;
  @ApiPropertyOptional({ example: 'zh-CN', description: 'A talk language of the edition’s CFP' }) @IsOptional() @IsString() @MaxLength(35) language?: string;
  @ApiPropertyOptional({ example: 'hall-a', description: 'A room slug of the edition' }) @IsOptional() @IsString() @MaxLength(100) room?: string;
}

export class PublicSpeakerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Shown only if the speaker publishes their name (the default); otherwise they are not listed' }) name!: string;
  @ApiPropertyOptional({ description: 'Only when the speaker agreed to publish it' }) company?: string;
  @ApiPropertyOptional({ description: 'Only when the speaker agreed to publish it' }) jobTitle?: string;
  @ApiPropertyOptional({ description: 'Only when the speaker agreed to publish it' }) bio?: string;
  @ApiPropertyOptional({ description: 'Only when the speaker agreed to publish it' }) photoUrl?: string;
}

export class PublicNamedDto {
  @ApiProperty() slug!: string;
  @ApiProperty(NAMES) name!: Record<string, string>;
}

export class PublicSessionDto {
  @ApiProperty({ format: 'uuid', description: 'Stable across releases' }) id!: string;
  @ApiProperty({ example: 'KCCN19-0042' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) abstract!: string | null;
  @ApiProperty({ example: '2030-06-24', description: 'The local date it starts on' }) day!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: '2030-06-24T09:00:00+08:00', description: 'With the edition’s offset' }) startsAtLocal!: string;
  @ApiProperty({ example: '2030-06-24T09:40:00+08:00' }) endsAtLocal!: string;
  @ApiProperty({ type: PublicNamedDto }) room!: PublicNamedDto;
  @ApiProperty({ type: PublicNamedDto, nullable: true }) track!: PublicNamedDto | null;
  @ApiProperty({ type: PublicNamedDto, nullable: true }) format!: PublicNamedDto | null;
  @ApiProperty({ enum: AudienceLevel, nullable: true }) level!: AudienceLevel | null;
  @ApiProperty({ nullable: true, type: String, example: 'en' }) language!: string | null;
  @ApiProperty({ type: [PublicSpeakerDto] }) speakers!: PublicSpeakerDto[];
}

export class PublicProgrammeDto {
  @ApiProperty({ description: 'The released version shown' }) version!: number;
  @ApiProperty({ format: 'date-time' }) releasedAt!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ type: [PublicSessionDto], description: 'In time order' }) sessions!: PublicSessionDto[];
}

export class PublicSpeakerListItemDto extends PublicSpeakerDto {
  @ApiProperty({ type: [String], description: 'Ids of their sessions in the programme' }) sessions!: string[];
}

export class PublicSpeakersDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: [PublicSpeakerListItemDto], description: 'By name' }) speakers!: PublicSpeakerListItemDto[];
}

export class PublicSpeakerPageDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ type: PublicSpeakerDto }) speaker!: PublicSpeakerDto;
  @ApiProperty({ type: [PublicSessionDto] }) sessions!: PublicSessionDto[];
}
