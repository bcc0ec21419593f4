import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReportStatus } from '@lectern/database/generated/enums';
import { supportedLanguages, Language } from '@lectern/i18n/i18n';
import { ReportView, ReportFileInput, ReportHtmlInput, ReportJsonInput } from '@lectern/domains/reports/reports.types';

export class ReportFileDto implements ReportFileInput {
  @ApiProperty({ enum: [...supportedLanguages()] }) language!: Language;
  @ApiProperty({ description: 'SHA-256 of the PDF, hex; also its ETag' }) sha256!: string;
  @ApiProperty({ example: 412_345 }) sizeBytes!: number;
  @ApiProperty({ example: '/v1/events/kubecon-china-2019/reports/8f0c…/pdf?lang=zh-CN' }) url!: string;
}

export class ReportHtmlDto implements ReportHtmlInput {
  @ApiProperty({ enum: [...supportedLanguages()] }) language!: Language;
  @ApiProperty({ description: 'SHA-256 of the page (UTF-8), hex; also its ETag' }) sha256!: string;
  @ApiProperty({ example: 98_765 }) sizeBytes!: number;
  @ApiProperty({ example: '/v1/events/kubecon-china-2019/reports/8f0c…/html?lang=zh-CN' }) url!: string;
}

export class ReportJsonDto implements ReportJsonInput {
  @ApiProperty({ description: 'SHA-256 of the JSON document, hex; also its ETag' }) sha256!: string;
  @ApiProperty({ example: '/v1/events/kubecon-china-2019/reports/8f0c…/json' }) url!: string;
}

export class ReportDto implements ReportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kubecon-china-2019' }) eventSlug!: string;
  @ApiProperty({ enum: ReportStatus }) status!: ReportStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Share of the work done; 100 once SUCCEEDED' }) progress!: number;
  @ApiProperty({ description: 'Runs started so far (a retry or a restart after a crash is one more)' }) attempts!: number;
  @ApiProperty({ example: 5, description: 'Groups of fewer people than this are merged or suppressed' }) privacyThreshold!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the report failed for good (status FAILED)' })
  failureReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Error of the latest failed run while retries go on' })
  lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) startedAt!: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) finishedAt!: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'The instant printed in the report' })
  generatedAt!: Date | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Once set, anyone may download it' })
  publishedAt!: Date | null;
  @ApiProperty({ type: [ReportFileDto], description: 'One PDF per language edition, once SUCCEEDED' }) files!: ReportFileDto[];
  @ApiProperty({
    type: [ReportHtmlDto],
    description: 'One web edition (HTML page) per language, once SUCCEEDED; empty for a report produced before web editions existed',
  })
  html!: ReportHtmlDto[];
  @ApiPropertyOptional({ type: ReportJsonDto, nullable: true, description: 'The machine-readable report, once SUCCEEDED' })
  json!: ReportJsonDto | null;
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] }) items!: ReportDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReportPdfQueryDto {
  @ApiPropertyOptional({ enum: [...supportedLanguages()], default: 'en', description: 'Language edition' })
  @IsOptional()
  @IsIn([...supportedLanguages()])
  lang?: Language;
}
