import { ApiProperty } from '@nestjs/swagger';

export class MarkedSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class MyInterestDto {
  @ApiProperty({ type: [MarkedSessionDto], description: 'Marked sessions of the latest release, in the order marked' })
  sessions!: MarkedSessionDto[];
  @ApiProperty({ description: 'Whether you have a personal feed URL (its token is shown only when made)' }) feed!: boolean;
}

export class InterestFeedDto {
  @ApiProperty({ description: 'Shown this once; only its hash is kept' }) token!: string;
  @ApiProperty({ example: 'https://lectern.example/v1/events/kccn-2030/interest-feeds/…' }) url!: string;
}

export class SessionInterestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Attendees who marked it' }) interested!: number;
}

export class InterestCountsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The release counted; null before the first' }) version!: number | null;
  @ApiProperty({ type: [SessionInterestDto], description: 'Most marked first' }) sessions!: SessionInterestDto[];
}
