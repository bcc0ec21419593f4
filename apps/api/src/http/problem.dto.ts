import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, OpenAPIObject, ResponseObject, getSchemaPath } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'title' }) field!: string;
  @ApiProperty({ example: 'isNotEmpty' }) code!: string;
  @ApiProperty({ example: 'title must not be empty.' }) message!: string;
}

/** RFC 9457 problem details; the optional members after `errors` are extensions that only some codes carry. */
export class LanguageUseDto {
  @ApiProperty({ nullable: true, type: String, example: 'kubecon-seoul-2026', description: 'The edition; null for the series’ own name' }) event!: string | null;
  @ApiProperty({ example: 'tracks.name', description: 'table.column of the texts, or reports for published reports' }) field!: string;
  @ApiProperty({ example: 'ko' }) language!: string;
  @ApiProperty({ example: 3 }) uses!: number;
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
  @ApiPropertyOptional({ example: '2030-03-01T09:00', description: '*_NOT_OPEN: when the window opens, in the event’s time zone' })
  opensAtLocal?: string;
  @ApiPropertyOptional({ example: '2030-03-25T23:59', description: '*_CLOSED: when the window closed, in the event’s time zone' })
  closesAtLocal?: string;
  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: 'With opensAtLocal or closesAtLocal: the event’s time zone' })
  timezone?: string;
  @ApiPropertyOptional({ description: 'SUBMISSION_LIMIT_REACHED: submissions allowed per speaker' }) limit?: number;
  @ApiPropertyOptional({ description: 'SUBMISSION_SPEAKER_LIMIT: speakers allowed by the session format' }) maxSpeakers?: number;
  @ApiPropertyOptional({ description: 'SCHOLARSHIP_BUDGET_EXCEEDED: budget left, in minor units' }) remainingMinor?: number;
  @ApiPropertyOptional({ description: 'SCHOLARSHIP_BUDGET_EXCEEDED: the grant asked for, in minor units' }) requestedMinor?: number;
  @ApiPropertyOptional({ example: 'USD', description: 'SCHOLARSHIP_BUDGET_EXCEEDED: currency of the amounts' }) currency?: string;
  @ApiPropertyOptional({ type: [String], example: ['title', 'name'], description: 'EMAIL_TEMPLATE_PLACEHOLDER_UNKNOWN: the placeholders the message type offers' })
  allowedPlaceholders?: string[];
  @ApiPropertyOptional({ type: [String], example: ['talk'], description: 'EMAIL_TEMPLATE_PLACEHOLDER_UNKNOWN: the placeholders used that it does not offer' })
  unknownPlaceholders?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down'] },
    example: { postgres: 'down', redis: 'up' },
    description: 'SERVICE_UNAVAILABLE from /health/ready: each dependency',
  })
  checks?: Record<string, 'up' | 'down'>;
  @ApiPropertyOptional({
    type: [LanguageUseDto],
    description: 'SERIES_LANGUAGE_IN_USE and SERIES_PRIMARY_LANGUAGE_MISSING (409): the texts and published reports in the way, per edition and field',
  })
  languageUses?: LanguageUseDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (problem+json with per-field errors)',
  401: 'Missing, invalid or expired bearer token',
  403: 'Signed in, but without a role that allows this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Request body is not application/json',
  422: 'Well-formed, but incomplete or inconsistent (problem+json with per-field errors)',
  429: 'Too many requests; see Retry-After',
  503: 'Temporarily unavailable; see Retry-After',
};

function problemResponse(status: number, description = DESCRIPTIONS[status] ?? 'Error'): ResponseObject {
  return { description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } };
}

/** Documents the problem+json responses a route can return. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));
}

/**
 * Adds the problems that come from the HTTP layer rather than from a route, to every operation they apply to:
 * - 401 everywhere: the global AuthGuard refuses a malformed or unknown bearer token even on public routes;
 * - 400 everywhere: text that cannot be stored (NUL, unpaired surrogates) in a path parameter, query or header,
 *   and fields sent to a route that reads no body;
 * - 403 everywhere: the same guard refuses an API token outside its scopes, its edition, or the routes open to it;
 * - 429 on every write: the per-client and per-account write limits (rate-limit.module.ts);
 * - 413 and 415 wherever a JSON body is read: Fastify refuses a body over the limit and a body of another media
 *   type before the route runs;
 * - 503 everywhere: a request that waits longer than DATABASE_POOL_WAIT_MS for a connection (the bearer token alone
 *   is looked up in the database) is answered DATABASE_BUSY with Retry-After.
 */
export function documentHttpLayerProblems(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      const add = (status: number, description?: string) => {
        operation.responses[status] ??= problemResponse(status, description);
      };
      add(401, operation.security ? undefined : 'A bearer token was sent, but it is invalid or expired');
      add(400);
      add(403, 'An API token was sent that this operation does not accept (scope, edition, or not open to API tokens)');
      if (method !== 'get') add(429);
      if (operation.requestBody) [413, 415].forEach((status) => add(status));
      add(503, 'Every database connection stayed in use for DATABASE_POOL_WAIT_MS (code DATABASE_BUSY); see Retry-After');
    }
  }
  return document;
}
