import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiProperty({ example: 'isNotEmpty' }) code!: string;
  @ApiProperty({ example: 'title must not be empty.' }) message!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:lectern:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Some fields are missing or invalid; see errors for each field.' }) detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' }) code!: string;
  @ApiPropertyOptional({ example: '/v1/events' }) instance?: string;
  @ApiPropertyOptional({ description: 'Echoes the x-request-id response header' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (problem+json with per-field errors)',
  401: 'Missing, invalid or expired bearer token',
  403: 'Signed in, but without a role that allows this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  429: 'Too many requests; see Retry-After',
};

/** Documents the problem+json responses a route can return. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
