import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { EditionChangeKind, EventFormat } from '@lectern/database/generated/enums';
import { SLUG } from '@api/http/dto-rules';
import { LocalizedTextProperty } from '@api/http/localized-text.decorators';
import { EventDto } from '@api/events/events.dto';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { CloneEditionInput, MoveOnlineInput, PostponeEditionInput, RescheduleEditionInput } from '@lectern/domains/lifecycle/lifecycle.types';

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

export class PostponeEditionDto implements PostponeEditionInput {
  @ApiPropertyOptional({ format: 'date-time', example: '2020-08-13T07:00:00Z', description: 'New start; with endsAt, or neither: dates to be announced' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2020-08-16T16:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Move the windows that depend on the dates and are still open (CFP, review, ticket sales, vouchers, scholarships) and the days, blocks, sessions and co-located events by the same amount',
  })
  @IsOptional()
  @IsBoolean()
  shiftWindows?: boolean;
}

export class RescheduleEditionDto extends PostponeEditionDto implements RescheduleEditionInput {}

export class ChangeDatesDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
  @ApiProperty({ enum: EventFormat }) format!: EventFormat;
}

export class ChangeTargetDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null: to be announced' }) startsAt!: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endsAt!: Date | null;
  @ApiProperty({ enum: EventFormat }) format!: EventFormat;
}

export class ChangeActorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class EditionChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EditionChangeKind }) kind!: EditionChangeKind;
  @ApiProperty({ type: ChangeDatesDto }) from!: ChangeDatesDto;
  @ApiProperty({ type: ChangeTargetDto }) to!: ChangeTargetDto;
  @ApiProperty({ description: 'Whether the windows depending on the dates moved with them' }) windowsShifted!: boolean;
  @ApiProperty({ description: 'Registrations the change cancelled (each with its refund due)' }) registrationsCancelled!: number;
  @ApiProperty({ type: ChangeActorDto, nullable: true }) actor!: ChangeActorDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class EditionChangeResultDto {
  @ApiProperty({ type: EventDto }) event!: EventDto;
  @ApiProperty({ type: EditionChangeDto }) change!: EditionChangeDto;
}

export class EditionChangeListDto {
  @ApiProperty({ type: [EditionChangeDto], description: 'Oldest first' }) items!: EditionChangeDto[];
}

export class TicketTypeMappingDto {
  @ApiProperty({ format: 'uuid', description: 'An in-person ticket type of the edition' })
  @IsUUID()
  from!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The virtual ticket type its registrations become; null: they are cancelled with what was paid due back; for a hybrid edition, the type itself: kept on sale in person',
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  to!: string | null;
}

export class MoveOnlineDto implements MoveOnlineInput {
  @ApiPropertyOptional({
    enum: [EventFormat.VIRTUAL, EventFormat.HYBRID],
    default: EventFormat.VIRTUAL,
    description: 'VIRTUAL: nobody attends in person; HYBRID: the venue stays, with the in-person types the map keeps',
  })
  @IsOptional()
  @IsIn([EventFormat.VIRTUAL, EventFormat.HYBRID])
  format?: 'VIRTUAL' | 'HYBRID';

  @ApiProperty({ type: [TicketTypeMappingDto], description: 'Every in-person ticket type of the edition still on sale in person, once' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TicketTypeMappingDto)
  ticketTypes!: TicketTypeMappingDto[];
}
