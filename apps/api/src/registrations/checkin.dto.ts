import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TicketTypeRefDto } from './registrations.dto';

export class CheckInDto {
  @ApiProperty({ description: 'The token on the attendee’s badge' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,64}$/)
  badgeToken!: string;
}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty() attendeeName!: string;
  @ApiProperty({ type: TicketTypeRefDto }) ticketType!: TicketTypeRefDto;
  @ApiProperty({ example: '2019-06-24', description: 'Event day, in the event’s time zone' }) day!: string;
  @ApiProperty({ format: 'date-time', description: 'When the day’s first scan happened' }) checkedInAt!: Date;
  @ApiProperty({ description: 'True when this badge was already scanned today; nothing new was recorded' })
  alreadyCheckedIn!: boolean;
}

export class AttendanceDayDto {
  @ApiProperty({ example: '2019-06-24' }) day!: string;
  @ApiProperty() checkedIn!: number;
}

export class AttendanceDto {
  @ApiProperty({ description: 'Confirmed registrations' }) confirmed!: number;
  @ApiProperty({ type: [AttendanceDayDto] }) days!: AttendanceDayDto[];
}
