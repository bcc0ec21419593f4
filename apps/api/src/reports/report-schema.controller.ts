import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@api/http/auth.decorators';
import { REPORT_SCHEMA } from '@reports/report.schema';

@ApiTags('reports')
@Controller({ path: 'report-schema', version: '1' })
export class ReportSchemaController {
  @Public()
  @Get()
  @Header('content-type', 'application/schema+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'The JSON Schema (draft-07) of the machine-readable report (…/reports/{id}/json)',
    description: 'Versioned with the report’s `format`: its `$id` ends in the format’s version. Anyone may read it.',
  })
  @ApiProduces('application/schema+json')
  @ApiOkResponse({ description: 'The JSON Schema', schema: { type: 'object' } })
  schema() {
    return REPORT_SCHEMA;
  }
}
