import { HttpException } from '@nestjs/common';
import { Language, translator } from '@lectern/i18n/i18n';
import { CommonErrors, DomainError } from './domain.error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; code: string; message: string }[];
  [extension: string]: unknown;
}

const GENERIC_BY_STATUS: Record<number, () => DomainError> = {
  400: CommonErrors.badRequest,
  401: CommonErrors.unauthenticated,
  403: CommonErrors.forbidden,
  415: CommonErrors.unsupportedMediaType,
};

/**
 * Turns anything thrown while serving a request into a DomainError. Errors raised by Fastify before Nest sees the
 * request (body parsing, size limit) carry Fastify codes; Nest's own HttpExceptions carry a status.
 */
export function toDomainError(error: unknown, context: { method: string; path: string; bodyLimit: number }) {
  if (error instanceof DomainError) return error;
  const fastifyCode = (error as { code?: unknown }).code;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' || statusCode === 413) {
    return CommonErrors.payloadTooLarge(context.bodyLimit);
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return CommonErrors.unsupportedMediaType();
  // the request pool's DATABASE_BUSY (libs/database/prisma.service.ts) as Prisma's client re-raises it
  if (fastifyCode === 'DATABASE_BUSY') return CommonErrors.databaseBusy();
  if (
    fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (statusCode === 400 && error instanceof SyntaxError)
  ) {
    return CommonErrors.malformedJson();
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return CommonErrors.routeNotFound(context.method, context.path);
    if (status === 413) return CommonErrors.payloadTooLarge(context.bodyLimit);
    if (status === 415) return CommonErrors.unsupportedMediaType();
    // Nest re-raises Fastify's body-parser failures as plain 400s; their message is all that tells them apart.
    const response = error.getResponse();
    if (status === 400 && typeof response === 'string' && /JSON/.test(response)) return CommonErrors.malformedJson();
    return (GENERIC_BY_STATUS[status] ?? (() => new DomainError('HTTP_ERROR', status, { status })))();
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return (GENERIC_BY_STATUS[statusCode] ?? CommonErrors.badRequest)();
  }
  return CommonErrors.internal();
}

/** Renders a DomainError as an RFC 9457 problem in the given language. */
export function toProblem(error: DomainError, language: Language, instance?: string, requestId?: string): ProblemBody {
  const t = translator(language);
  const slug = error.code.toLowerCase().replace(/_/g, '-');
  const body: ProblemBody = {
    type: `urn:lectern:problem:${slug}`,
    title: t(`errors:${error.code}.title`, { ...error.params, defaultValue: error.code }),
    status: error.status,
    detail: t(`errors:${error.code}.detail`, { ...error.params, defaultValue: error.code }),
    code: error.code,
  };
  Object.assign(body, error.extensions);
  if (instance) body.instance = instance;
  if (requestId) body.requestId = requestId;
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors.map((fieldError) => ({
      field: fieldError.field,
      code: fieldError.code,
      message: t(`validation:${fieldError.code}`, {
        field: fieldError.field,
        ...fieldError.params,
        defaultValue: t('validation:invalid', { field: fieldError.field }),
      }),
    }));
  }
  return body;
}
