import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';

/** What a conditional response is answered from: a programme feed or page, a report's web edition. */
export interface ConditionalBody {
  body: Buffer;
  etag: string;
  lastModified: Date;
  /** Default `public, max-age=60`: released programme data, public and rarely changed. */
  cacheControl?: string;
}

export interface Validators {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/** The request headers and the 304 of a public response that carries an ETag and Last-Modified. */
export const ApiConditional = () =>
  applyDecorators(
    ApiHeader({ name: 'if-none-match', required: false }),
    ApiHeader({ name: 'if-modified-since', required: false }),
    ApiResponse({ status: 304, description: 'The copy with this ETag (or of that date) is current' }),
  );

/** The headers of every answer from a conditional body, 200 or 304. */
export function validatorHeaders(page: ConditionalBody): Record<'etag' | 'last-modified' | 'cache-control', string> {
  return { etag: page.etag, 'last-modified': page.lastModified.toUTCString(), 'cache-control': page.cacheControl ?? 'public, max-age=60' };
}

/** Whether the caller's copy is current (If-None-Match wins over If-Modified-Since). */
export function isNotModified(page: ConditionalBody, { ifNoneMatch, ifModifiedSince }: Validators): boolean {
  return ifNoneMatch !== undefined
    ? ifNoneMatch.split(',').some((tag) => tag.trim() === page.etag || tag.trim() === '*')
    : ifModifiedSince !== undefined && Math.floor(page.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
}

/** Sends the body with its validators, or an empty 304 when the caller's copy is current (If-None-Match wins over If-Modified-Since). */
export function sendConditional(reply: FastifyReply, page: ConditionalBody, type: string, validators: Validators) {
  void reply.headers(validatorHeaders(page));
  if (isNotModified(page, validators)) {
    void reply.status(304);
    return undefined;
  }
  void reply.header('content-type', type);
  return page.body;
}
