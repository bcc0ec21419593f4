import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { LocalizedTextProperty, LocalizedTextResponse } from '@api/http/localized-text.decorators';
import { PutReportChoicesInput, ReportChoicesView } from '@lectern/domains/reports/report-choices.types';
import { DEFAULT_TOP_COUNTRIES, OPTIONAL_SECTIONS, OptionalSection, TOP_COUNTRIES_RANGE } from '@reports/report.model';

const SECTIONS_DOC =
  'Optional sections left out of the report (and of its JSON): trends (earlier editions), speakerOrigins, gender, ' +
  'scholarships, jobFunction, industry, organiserFacts. A scholarship section with no programme is left out anyway.';

export class PutReportChoicesDto implements PutReportChoicesInput {
  @LocalizedTextProperty({
    max: 2000,
    optional: true,
    nullable: true,
    example: { en: 'Thank you to everyone who came to Shanghai.', 'zh-CN': '感谢每一位来到上海的朋友。' },
    description: 'Printed on the first page of every language edition; per language of the edition, its primary one required',
  })
  introduction?: LocalizedText | null;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', enum: [...OPTIONAL_SECTIONS] }, uniqueItems: true, maxItems: OPTIONAL_SECTIONS.length, description: SECTIONS_DOC })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPTIONAL_SECTIONS.length)
  @ArrayUnique()
  @IsIn([...OPTIONAL_SECTIONS], { each: true })
  omittedSections?: OptionalSection[];

  @ApiPropertyOptional({ default: DEFAULT_TOP_COUNTRIES, minimum: TOP_COUNTRIES_RANGE.min, maximum: TOP_COUNTRIES_RANGE.max, description: 'Countries listed before "Other"' })
  @IsOptional()
  @IsInt()
  @Min(TOP_COUNTRIES_RANGE.min)
  @Max(TOP_COUNTRIES_RANGE.max)
  topCountries?: number;
}

export class ReportChoicesDto implements ReportChoicesView {
  @LocalizedTextResponse({ nullable: true, description: 'The organisers’ introduction, per language' }) introduction!: LocalizedText | null;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...OPTIONAL_SECTIONS] }, description: SECTIONS_DOC }) omittedSections!: OptionalSection[];
  @ApiProperty({ example: DEFAULT_TOP_COUNTRIES }) topCountries!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Null until first set (the defaults apply)' })
  updatedAt!: Date | null;
}
