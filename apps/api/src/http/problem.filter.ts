import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@lectern/errors/domain.error';
import { PROBLEM_CONTENT_TYPE, toDomainError, toProblem } from '@lectern/errors/problem';
import { databaseError } from '@lectern/database/prisma-errors';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { requestLanguage } from './request-language';

/**
 * SQLSTATE of the triggers that keep a series' languages and its texts in agreement. Services check first and name
 * the places; this is only seen when a change of languages and a write crossed, whichever repository wrote.
 */
const LANGUAGES_SQLSTATE = 'LL409';

/** Renders any failure as application/problem+json; shared by Nest's filter and Fastify's own error handler. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, bodyLimit: number) {
  const path = request.url.split('?')[0];
  const domainError =
    databaseError(error)?.code === LANGUAGES_SQLSTATE ? EventErrors.languagesChanged() : toDomainError(error, { method: request.method, path, bodyLimit });
  if (domainError.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  const problem = toProblem(domainError, requestLanguage(request), path, String(request.id));
  void reply
    .status(domainError.status)
    .headers(domainError.headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', requestLanguage(request))
    .send(JSON.stringify(problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly bodyLimit: number) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    if (reply.sent) {
      if (!(error instanceof DomainError)) this.logger.error(error);
      return;
    }
    sendProblem(error, http.getRequest<FastifyRequest>(), reply, this.bodyLimit);
  }
}
