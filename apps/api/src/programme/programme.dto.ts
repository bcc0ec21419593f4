import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ScheduleBlockKind, SubmissionState } from '@lectern/database/generated/enums';
import { DATE_TIME, DATE_TIME_DOC, SLUG } from '@api/http/dto-rules';
import {
  AvailabilitySlotInput,
  CreateBlockInput,
  CreateRoomInput,
  NameInput,
  PlaceSessionInput,
  ProposeScheduleInput,
  PutAvailabilityInput,
  PutScheduleDaysInput,
  ScheduleDayInput,
  UpdateRoomInput,
} from '@lectern/domains/programme/programme.types';
import { SOFT_PROBLEM_CODES } from '@lectern/domains/programme/schedule-problems.policy';

const NAME_DOC = 'Language tag → text. English (en) is required; every tag must be a language Lectern publishes in.';
const NAME_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { en: 'Hall A', 'zh-CN': 'A 厅' },
  description: NAME_DOC,
} as const;

export class CreateRoomDto implements CreateRoomInput {
  @ApiProperty({ example: 'hall-a' }) @IsString() @Matches(SLUG) @MaxLength(60) slug!: string;
  @ApiProperty(NAME_SCHEMA) @IsObject() name!: NameInput;
  @ApiProperty({ example: 800, minimum: 1 }) @IsInt() @Min(1) @Max(100_000) capacity!: number;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() livestreamed?: boolean;
  @ApiPropertyOptional({ default: 0, description: 'Rooms are listed by position, then slug' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class UpdateRoomDto implements UpdateRoomInput {
  @ApiPropertyOptional(NAME_SCHEMA) @IsOptional() @IsObject() name?: NameInput;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() livestreamed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) position?: number;
}

export class RoomDto {
  @ApiProperty() slug!: string;
  @ApiProperty(NAME_SCHEMA) name!: Record<string, string>;
  @ApiProperty() capacity!: number;
  @ApiProperty() livestreamed!: boolean;
  @ApiProperty() position!: number;
}

export class ScheduleDayInputDto implements ScheduleDayInput {
  @ApiProperty({ example: '2030-06-24', description: 'Local date in the event’s time zone' }) @IsString() @MaxLength(10) date!: string;
  @ApiProperty({ example: '09:00', description: 'Local time sessions may start from' }) @IsString() @MaxLength(5) opens!: string;
  @ApiProperty({ example: '18:00', description: 'Local time sessions must end by' }) @IsString() @MaxLength(5) closes!: string;
}

export class PutScheduleDaysDto implements PutScheduleDaysInput {
  @ApiProperty({ type: [ScheduleDayInputDto], description: 'Replaces the days; an empty list goes back to the days the edition’s start and end give' })
  @IsArray()
  @ArrayMaxSize(31)
  @ValidateNested({ each: true })
  @Type(() => ScheduleDayInputDto)
  days!: ScheduleDayInputDto[];
}

export class ScheduleDayDto {
  @ApiProperty({ example: '2030-06-24' }) date!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: Date;
  @ApiProperty({ format: 'date-time' }) closesAt!: Date;
  @ApiProperty({ example: '2030-06-24T09:00:00+08:00' }) opensAtLocal!: string;
  @ApiProperty({ example: '2030-06-24T18:00:00+08:00' }) closesAtLocal!: string;
}

export class ScheduleDaysDto {
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ description: 'True when organisers set no days and these come from the edition’s start and end' }) defaulted!: boolean;
  @ApiProperty({ type: [ScheduleDayDto] }) days!: ScheduleDayDto[];
}

export class CreateBlockDto implements CreateBlockInput {
  @ApiProperty({ enum: ScheduleBlockKind }) @IsEnum(ScheduleBlockKind) kind!: ScheduleBlockKind;
  @ApiProperty(NAME_SCHEMA) @IsObject() name!: NameInput;
  @ApiPropertyOptional({ example: 'hall-a', description: 'The room it holds; absent for every room' })
  @IsOptional()
  @IsString()
  @Matches(SLUG)
  @MaxLength(60)
  room?: string;
  @ApiProperty({ example: '2030-06-24T12:00', description: DATE_TIME_DOC }) @IsString() @Matches(DATE_TIME) startsAt!: string;
  @ApiProperty({ example: '2030-06-24T13:30', description: DATE_TIME_DOC }) @IsString() @Matches(DATE_TIME) endsAt!: string;
}

export class ScheduleBlockDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ScheduleBlockKind }) kind!: ScheduleBlockKind;
  @ApiProperty(NAME_SCHEMA) name!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String, description: 'Null: every room' }) room!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
  @ApiProperty() startsAtLocal!: string;
  @ApiProperty() endsAtLocal!: string;
}

export class PlaceSessionDto implements PlaceSessionInput {
  @ApiProperty({ example: 'hall-a' }) @IsString() @Matches(SLUG) @MaxLength(60) room!: string;
  @ApiProperty({ example: '2030-06-24T10:00', description: DATE_TIME_DOC }) @IsString() @Matches(DATE_TIME) startsAt!: string;
  @ApiPropertyOptional({ description: 'Minutes; the session format’s length when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  lengthMinutes?: number;
  @ApiPropertyOptional({ description: 'The automatic proposal never moves a pinned session; kept when absent' })
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;
  @ApiPropertyOptional({ description: 'Organisers’ estimate of the audience, for room sizing; kept when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedAudience?: number;
}

export class ScheduleProblemDto {
  @ApiProperty({ enum: SOFT_PROBLEM_CODES }) code!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ example: 'KCC19-0042', description: 'The session’s code' }) session!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The other session (double booking, track overlap)' }) otherSubmissionId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The speaker concerned (double booking, availability)' }) speakerId?: string;
  @ApiProperty({ description: 'Translated by Accept-Language' }) message!: string;
}

export class PlacementDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SubmissionState }) state!: SubmissionState;
  @ApiProperty({ nullable: true, type: String }) track!: string | null;
  @ApiProperty({ nullable: true, type: String }) format!: string | null;
  @ApiProperty() room!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
  @ApiProperty() startsAtLocal!: string;
  @ApiProperty() endsAtLocal!: string;
  @ApiProperty() lengthMinutes!: number;
  @ApiProperty({ description: 'True when the length is not the format’s' }) lengthOverridden!: boolean;
  @ApiProperty() pinned!: boolean;
  @ApiProperty({ nullable: true, type: Number }) expectedAudience!: number | null;
  @ApiProperty({ type: [String] }) speakerIds!: string[];
  @ApiProperty({ type: [ScheduleProblemDto], description: 'Soft problems: reported, not refused' }) problems!: ScheduleProblemDto[];
}

export class DraftScheduleDto {
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: [PlacementDto] }) placements!: PlacementDto[];
  @ApiProperty() problemCount!: number;
}

export class ScheduleCheckDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { TRACK_OVERLAP: 2 } }) counts!: Record<string, number>;
  @ApiProperty({ type: [ScheduleProblemDto] }) problems!: ScheduleProblemDto[];
}

export class AvailabilitySlotInputDto implements AvailabilitySlotInput {
  @ApiProperty({ example: '2030-06-24T09:00', description: 'ISO 8601; without an offset it is read in `timezone`' })
  @IsString()
  @Matches(DATE_TIME)
  startsAt!: string;
  @ApiProperty({ example: '2030-06-24T12:00' }) @IsString() @Matches(DATE_TIME) endsAt!: string;
}

export class PutAvailabilityDto implements PutAvailabilityInput {
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'The IANA zone the times are given in; the event’s when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
  @ApiProperty({ type: [AvailabilitySlotInputDto], description: 'Replaces the slots; an empty list means available any time' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AvailabilitySlotInputDto)
  slots!: AvailabilitySlotInputDto[];
}

export class AvailabilitySlotDto {
  @ApiProperty({ format: 'date-time' }) startsAt!: Date;
  @ApiProperty({ format: 'date-time' }) endsAt!: Date;
  @ApiProperty({ description: 'In the zone the speaker used' }) startsAtLocal!: string;
  @ApiProperty() endsAtLocal!: string;
  @ApiProperty({ description: 'In the event’s zone' }) startsAtEventLocal!: string;
  @ApiProperty() endsAtEventLocal!: string;
}

export class AvailabilityDto {
  @ApiProperty() timezone!: string;
  @ApiProperty() eventTimezone!: string;
  @ApiProperty({ type: [AvailabilitySlotDto] }) slots!: AvailabilitySlotDto[];
}

export class ProposeScheduleDto implements ProposeScheduleInput {
  @ApiPropertyOptional({ default: false, description: 'Also move placements organisers did not pin; by default only sessions in no room yet are placed' })
  @IsOptional()
  @IsBoolean()
  replaceUnpinned?: boolean;
}

export class UnplacedSessionDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
}

export class ProblemCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { TRACK_OVERLAP: 2 } }) counts!: Record<string, number>;
}

export class ScheduleProposalDto {
  @ApiProperty({ description: 'Sessions the proposal placed' }) placed!: number;
  @ApiProperty({ description: 'Unpinned placements taken out to be placed again (replaceUnpinned)' }) replaced!: number;
  @ApiProperty({ type: [UnplacedSessionDto], description: 'Sessions no slot could take without a hard conflict' }) unplaced!: UnplacedSessionDto[];
  @ApiProperty({ description: 'Time the search took, in milliseconds' }) proposalMs!: number;
  @ApiProperty({ type: ProblemCountsDto, description: 'Soft problems of the whole draft afterwards' }) problems!: ProblemCountsDto;
}

export class CreateReleaseDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'A note for organisers (never sent to speakers)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class ReleasedSlotDto {
  @ApiProperty({ nullable: true, type: String, description: 'Room slug; null if the room was deleted since' }) room!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() startsAtLocal!: string;
}

export class ReleaseNewSessionDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ReleasedSlotDto }) to!: ReleasedSlotDto;
}

export class ReleaseMovedSessionDto extends ReleaseNewSessionDto {
  @ApiProperty({ type: ReleasedSlotDto }) from!: ReleasedSlotDto;
}

export class ReleaseCancelledSessionDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class ReleaseChangelogDto {
  @ApiProperty({ type: [ReleaseNewSessionDto] }) new!: ReleaseNewSessionDto[];
  @ApiProperty({ type: [ReleaseMovedSessionDto], description: 'Room or time changed' }) moved!: ReleaseMovedSessionDto[];
  @ApiProperty({ type: [ReleaseCancelledSessionDto], description: 'In the previous version, not in this one' }) cancelled!: ReleaseCancelledSessionDto[];
}

export class ScheduleReleaseDto {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ format: 'date-time' }) releasedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() sessionCount!: number;
  @ApiProperty({ type: ReleaseChangelogDto, description: 'Against the previous version (everything is new in version 1)' }) changelog!: ReleaseChangelogDto;
}
