import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { SLUG } from '@api/http/dto-rules';
import { LocalizedTextProperty } from '@api/http/localized-text.decorators';
import { EventDto } from '@api/events/events.dto';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { CloneEditionInput } from '@lectern/domains/lifecycle/lifecycle.types';

export class CloneEditionDto implements CloneEditionInput {
  @ApiProperty({ example: 'kubecon-china-2020', pattern: SLUG.source })
  @IsString()
  @Matches(SLUG)
  @MaxLength(80)
  slug!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2020-07-28T01:00:00Z',
    description: 'When the new edition starts; every date of the source (end, CFP, review, sales, scholarships, days, blocks, co-located events) moves by the same amount',
  })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @LocalizedTextProperty({ max: 200, optional: true, example: { en: 'KubeCon + CloudNativeCon + Open Source Summit China 2020' }, description: 'The source’s name when absent' })
  name?: LocalizedText;
}

export class CloneSourceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
}

export class CloneCountsDto {
  @ApiProperty() sessionFormats!: number;
  @ApiProperty() tracks!: number;
  @ApiProperty({ description: 'Questions still asked (archived ones stay behind)' }) cfpQuestions!: number;
  @ApiProperty({ description: '1 when the source had CFP settings' }) cfpSettings!: number;
  @ApiProperty({ description: '1 when the source had review settings' }) reviewSettings!: number;
  @ApiProperty() reviewCriteria!: number;
  @ApiProperty() ticketTypes!: number;
  @ApiProperty() quotas!: number;
  @ApiProperty() scholarshipProgrammes!: number;
  @ApiProperty() rooms!: number;
  @ApiProperty() scheduleDays!: number;
  @ApiProperty() scheduleBlocks!: number;
  @ApiProperty() colocatedEvents!: number;
}

export class ClonedEditionDto extends EventDto {
  @ApiProperty({ type: CloneSourceDto, description: 'The edition it was cloned from' }) source!: CloneSourceDto;
  @ApiProperty({ description: 'Milliseconds every instant of the source moved by' }) shiftMs!: number;
  @ApiProperty({ type: CloneCountsDto, description: 'What was copied, by kind' }) copied!: CloneCountsDto;
  @ApiProperty({ type: [String], description: 'Slugs of the co-located event shells created with it' }) colocatedEventSlugs!: string[];
}
