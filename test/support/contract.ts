import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface MediaType {
  schema?: Schema;
}
interface OpenApiResponse {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, OpenApiResponse>;
}
/** The parts of an OpenAPI 3.0 document that the contract and the tests read (what @nestjs/swagger produces). */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
type Schema = { [keyword: string]: unknown };

/** One request as the harness made it, and the answer it got. */
export interface Exchange {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** The JSON body sent, when the test sent one through `body` (undefined: none). */
  body: unknown;
  /** A raw body (`rawBody`): not checked against the request schema, since the test means it to be malformed. */
  raw: boolean;
  status: number;
  contentType: string | null;
  text: string;
}

export class ContractError extends Error {
  override name = 'ContractError';
}

/** Served by SwaggerModule, about the document itself, so the document cannot list them. */
const DOCUMENT_ROUTES = /^\/docs(-json|-yaml)?(\/|$)/;
const COMPONENTS = 'openapi-components';

interface Route {
  template: string;
  pattern: RegExp;
  parameters: number;
  operations: Record<string, Operation>;
}

/**
 * The API's own OpenAPI document as an executable contract: every request the tests make must name a documented
 * operation, send a body its schema accepts (or be refused with a documented 4xx), get a documented status, and
 * get back a body of a documented media type that matches the documented schema.
 *
 * OpenAPI 3.0 schemas are turned into JSON Schema for Ajv: `nullable: true` becomes "or null", and an object that
 * lists its properties is closed (`additionalProperties: false`), so a field the API returns but the document does
 * not mention is a mismatch too — a reader of /docs-json would not know it exists.
 */
export class ApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // file downloads; their bodies are never parsed
    this.ajv.addFormat('binary', true);
    const components = Object.fromEntries(
      Object.entries(document.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
    );
    this.ajv.addSchema({ $id: COMPONENTS, definitions: components });
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
        parameters: (template.match(/\{[^}]+\}/g) ?? []).length,
        operations,
      }))
      // a literal segment wins over a parameter, as in the router (/registrations/me before /registrations/{id})
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** Throws a ContractError naming the operation, the status and what does not match. */
  check(exchange: Exchange): void {
    const pathname = exchange.path.split('?')[0];
    if (DOCUMENT_ROUTES.test(pathname)) return;
    const method = exchange.method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.pattern.test(pathname) && candidate.operations[method]);
    if (!route) {
      // a test may probe a route that does not exist; the router must then answer, and nothing else may
      if (exchange.status === 404 && this.isRouteNotFound(exchange)) return;
      throw new ContractError(`${exchange.method} ${pathname} is not a documented operation (answered ${exchange.status})`);
    }
    const operation = route.operations[method];
    const name = `${exchange.method} ${route.template} (${operation.operationId ?? 'no operationId'})`;
    const fail: (problem: string) => never = (problem) => {
      throw new ContractError(`${name} answered ${exchange.status}: ${problem}\n${exchange.text.slice(0, 2000)}`);
    };

    const requestProblem = exchange.raw ? undefined : this.requestProblem(route.template, method, operation, exchange.body);
    const documented = operation.responses[String(exchange.status)] ?? operation.responses[`${String(exchange.status)[0]}XX`] ?? operation.responses.default;
    if (!documented) fail(`status ${exchange.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`);
    // a body the schema refuses must be refused by the API too: otherwise the schema is stricter than the API
    if (requestProblem && (exchange.status < 400 || exchange.status >= 500)) {
      fail(`the request body does not match the documented schema (${requestProblem}), yet the API accepted it`);
    }

    const content = documented.content ?? {};
    if (exchange.text.length === 0) {
      if (Object.keys(content).length > 0 && exchange.status !== 304) fail('documents a body, but the response has none');
      return;
    }
    const mediaType = (exchange.contentType ?? '').split(';')[0].trim().toLowerCase();
    const documentedType = Object.keys(content).find((candidate) => mediaTypeMatches(candidate, mediaType));
    if (documentedType === undefined) {
      return fail(`content type "${mediaType}" is not documented for this status (documented: ${Object.keys(content).join(', ') || 'no body'})`);
    }
    if (!isJson(mediaType)) return;
    const schema = content[documentedType].schema;
    if (!schema) return fail(`documents ${documentedType} without a schema`);
    const validate = this.validator(`response ${method} ${route.template} ${exchange.status} ${documentedType}`, schema);
    let parsed: unknown;
    try {
      parsed = JSON.parse(exchange.text);
    } catch {
      fail(`the ${mediaType} body is not JSON`);
    }
    if (!validate(parsed)) fail(`the response body does not match the documented schema: ${explain(validate.errors)}`);
  }

  private isRouteNotFound(exchange: Exchange): boolean {
    if (!isJson((exchange.contentType ?? '').split(';')[0].trim())) return false;
    const problem: unknown = JSON.parse(exchange.text);
    const validate = this.validator('problem', { $ref: '#/components/schemas/ProblemDto' });
    return validate(problem) && (problem as { code: string }).code === 'ROUTE_NOT_FOUND';
  }

  /** Why the body does not match the operation's request schema, or undefined when it does. */
  private requestProblem(template: string, method: string, operation: Operation, body: unknown): string | undefined {
    const requestBody = operation.requestBody;
    if (!requestBody) return body === undefined ? undefined : 'the operation documents no request body';
    if (body === undefined) return requestBody.required ? 'the documented request body is required' : undefined;
    const schema = requestBody.content['application/json']?.schema;
    if (!schema) return 'the operation documents no application/json request body';
    const validate = this.validator(`request ${template} ${method}`, schema);
    return validate(body) ? undefined : explain(validate.errors);
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(key, validate);
    }
    return validate;
  }

}

/** An OpenAPI 3.0 schema as JSON Schema (draft 7, Ajv's default). */
function toJsonSchema(value: unknown): Schema {
  return convert(value) as Schema;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Schema;
  const schema: Schema = {};
  for (const [keyword, inner] of Object.entries(source)) {
    if (keyword === 'nullable' || keyword === 'example' || keyword === 'examples') continue;
    if (keyword === '$ref' && typeof inner === 'string') schema.$ref = inner.replace('#/components/schemas/', `${COMPONENTS}#/definitions/`);
    else if (keyword === 'properties') {
      schema.properties = Object.fromEntries(Object.entries(inner as Schema).map(([name, property]) => [name, convert(property)]));
    } else schema[keyword] = convert(inner);
  }
  if (source.properties && source.additionalProperties === undefined) schema.additionalProperties = false;
  return source.nullable === true ? { anyOf: [{ type: 'null' }, schema] } : schema;
}

function mediaTypeMatches(documented: string, actual: string): boolean {
  if (documented === '*/*' || documented === actual) return true;
  return documented.endsWith('/*') && actual.startsWith(documented.slice(0, -1));
}

function isJson(mediaType: string) {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function explain(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map((error) => {
      const where = error.instancePath || '(body)';
      const extra = error.keyword === 'additionalProperties' ? ` "${String(error.params.additionalProperty)}"` : '';
      return `${where} ${error.message ?? error.keyword}${extra}`;
    })
    .join('; ');
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
