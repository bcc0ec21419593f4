import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { NotificationStatus } from '@lectern/database/generated/enums';
import { MESSAGE_TEMPLATES } from '@lectern/mail/message-context';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ListNotificationsQuery } from '@lectern/domains/notifications/notifications.types';

export class ListNotificationsQueryDto extends PageQueryDto implements ListNotificationsQuery {
  @ApiPropertyOptional({ enum: NotificationStatus, description: 'Only messages in this state' })
  @IsOptional()
  @IsEnum(NotificationStatus)
  status?: NotificationStatus;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MESSAGE_TEMPLATES, description: 'Which message this is' }) template!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The subject, in the recipient’s language' })
  subject!: string | null;
  @ApiProperty() recipientEmail!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) recipientName!: string | null;
  @ApiProperty({ example: 'zh-CN' }) language!: string;
  @ApiProperty({
    enum: NotificationStatus,
    description: 'PENDING (waiting or retrying), SENDING, SENT, FAILED (permanently; see lastError), or HELD for the organisers’ review',
  })
  status!: NotificationStatus;
  @ApiProperty({ description: 'Send attempts of the current generation' }) attempts!: number;
  @ApiProperty({ description: '1, plus one per resend' }) generation!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The last SMTP error, e.g. "EENVELOPE 550: ..."' })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'When it was last sent' })
  sentAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) failedAt!: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class NotificationSummaryDto {
  @ApiProperty() pending!: number;
  @ApiProperty() sending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Decision e-mails held for the organisers (see …/email/settings)' }) held!: number;
}
