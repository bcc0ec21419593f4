import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { PublicationInput } from '@lectern/domains/programme/speaker-profile.service';

const DEFAULT = 'Left out: its default';

export class PutPublicationDto implements PublicationInput {
  @ApiPropertyOptional({ default: true, description: `Publish your name. Without it you are not listed at all. ${DEFAULT}` })
  @IsOptional()
  @IsBoolean()
  publishName?: boolean;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publishCompany?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publishJobTitle?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() publishBio?: boolean;
  @ApiPropertyOptional({ default: false, description: 'Needs photoUrl' }) @IsOptional() @IsBoolean() publishPhoto?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://example.org/ada.jpg', description: 'An https URL of your photo' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  photoUrl?: string | null;
}

export class PublicationDto {
  @ApiProperty() publishName!: boolean;
  @ApiProperty() publishCompany!: boolean;
  @ApiProperty() publishJobTitle!: boolean;
  @ApiProperty() publishBio!: boolean;
  @ApiProperty() publishPhoto!: boolean;
  @ApiProperty({ nullable: true, type: String }) photoUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Null: never chosen, the defaults apply (the name only)' })
  updatedAt!: Date | null;
}
