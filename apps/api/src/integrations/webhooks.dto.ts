import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { WebhookDeliveryStatus } from '@lectern/database/generated/enums';
import { trim } from '@api/http/dto-rules';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION } from '@lectern/domains/integrations/webhook-events';
import { CreateWebhookInput, UpdateWebhookInput } from '@lectern/domains/integrations/webhooks.types';

const EVENT_TYPES_DOC = 'Event types to receive; see WebhookPayloadDto for what each carries.';

export class CreateWebhookDto implements CreateWebhookInput {
  @ApiProperty({
    example: 'https://crm.example.org/hooks/lectern',
    maxLength: 2000,
    description: 'https, resolving to public addresses only (no loopback, private, link-local or metadata ranges); redirects are not followed.',
  })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES, description: EVENT_TYPES_DOC })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class UpdateWebhookDto implements UpdateWebhookInput {
  @ApiPropertyOptional({ maxLength: 2000 })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: WEBHOOK_EVENT_TYPES })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @ValidateIf((_, v: unknown) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(200)
  description?: string | null;

  @ApiPropertyOptional({ description: 'true switches a disabled subscription back on (failures count from zero); false pauses it' })
  @ValidateIf((_, v: unknown) => v !== undefined)
  @IsBoolean()
  active?: boolean;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String], enum: WEBHOOK_EVENT_TYPES }) eventTypes!: string[];
  @ApiProperty({ description: 'false once disabled (by an organiser, or after WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row)' })
  active!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disabledAt!: Date | null;
  @ApiProperty({ description: 'Failed attempts in a row' }) consecutiveFailures!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'Until then the previous secret signs too' })
  previousSecretUntil!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'Standard Webhooks signing secret (whsec_…), shown this once', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret!: string;
}

export class RotatedWebhookSecretDto {
  @ApiProperty({ description: 'The new secret, shown this once' }) secret!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'The previous secret signs too until then' })
  previousSecretUntil!: Date | null;
}

export class WebhookAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The subscriber’s HTTP status; null when none came (timeout, refused)' })
  statusCode!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The webhook-id header of every attempt' }) id!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ enum: WebhookDeliveryStatus }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deliveredAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [WebhookAttemptDto] }) log!: WebhookAttemptDto[];
}

export class WebhookDeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Deliveries created before this instant (the last createdAt of the previous page)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;
}

export class WebhookPayloadDataDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'proposal.*, decision.released, speaker.*' }) submissionId?: string;
  @ApiPropertyOptional({ enum: ['ACCEPTED', 'REJECTED', 'WAITLISTED'], description: 'decision.released' }) decision?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'registration.*, checkin.recorded' }) registrationId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'checkin.recorded: the event’s local day' }) day?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'scholarship.awarded' }) applicationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'scholarship.awarded' }) awardId?: string;
  @ApiPropertyOptional({ description: 'edition.status_changed: the previous status' }) from?: string;
  @ApiPropertyOptional({ description: 'edition.status_changed: the new status' }) to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'report.published' }) reportId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'schedule.released: the released version (GET …/schedule/releases lists them)' }) releaseId?: string;
}

/**
 * The body of every webhook POST (not an API response). Headers: `webhook-id` (the delivery's id, the same on
 * every retry), `webhook-timestamp` (Unix seconds), `webhook-signature` (`v1,<base64 HMAC-SHA256>` of
 * `<id>.<timestamp>.<body>` under the secret's base64-decoded bytes after `whsec_`; two, space-separated, while a
 * rotation overlaps).
 */
export class WebhookPayloadDto {
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type!: string;
  @ApiProperty({ enum: [WEBHOOK_PAYLOAD_VERSION], description: 'Payload format version' }) version!: number;
  @ApiProperty({ format: 'date-time', description: 'When it happened' }) timestamp!: string;
  @ApiProperty({ type: WebhookPayloadDataDto, description: 'Ids and states only: fetch details with an API token' }) data!: WebhookPayloadDataDto;
}
