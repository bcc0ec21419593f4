import { Socket } from 'node:net';
import { FastifyInstance } from 'fastify';
import { DEFAULT_LANGUAGE } from '@lectern/i18n/i18n';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';
import { PROBLEM_CONTENT_TYPE, toProblem } from '@lectern/errors/problem';

/**
 * NUL cannot be stored in a PostgreSQL text or jsonb value (it answers 22021), and an unpaired UTF-16 surrogate has
 * no UTF-8 form (the driver would silently store U+FFFD instead). Both are refused where they enter.
 */
// eslint-disable-next-line no-control-regex -- NUL is the character this is here to find
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorable(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Every string (and object key) in a parsed value that cannot be stored, as field errors with dotted paths. */
export function unstorableFields(value: unknown, path: string, found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (!isStorable(value)) found.push({ field: path || '(body)', code: 'unstorableCharacter' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableFields(item, path ? `${path}.${index}` : String(index), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (!isStorable(key)) {
        found.push({ field: path || '(body)', code: 'unstorableCharacter' });
        continue;
      }
      unstorableFields(item, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, stopping as soon as it passes `limit`. It reads the
 * text itself, so a hostile body never reaches JSON.parse or class-transformer (whose recursion overflows the stack).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Headers are decoded as Latin-1, so the only unstorable character they can carry is NUL, and Node's HTTP parser
 * refuses it (HPE_INVALID_HEADER_TOKEN) before a request exists. Fastify would answer its own JSON; this answers
 * the same problem+json as any other refused input (in the default language: no request, no Accept-Language).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const domainError =
    error.code === 'HPE_INVALID_HEADER_TOKEN'
      ? CommonErrors.validation([{ field: '(headers)', code: 'unstorableCharacter' }])
      : CommonErrors.badRequest();
  const body = JSON.stringify(toProblem(domainError, DEFAULT_LANGUAGE));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * Installs the input checks on the Fastify instance: the JSON body parser refuses bodies nested deeper than
 * `maxDepth` (the size limit stays Fastify's `bodyLimit`), and every request's path parameters, query and body are
 * checked for text that cannot be stored, before guards, pipes or handlers run.
 */
export function installInputGuard(fastify: FastifyInstance, maxDepth: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, maxDepth)) {
      done(CommonErrors.validation([{ field: '(body)', code: 'maxDepth', params: { max: maxDepth } }]), undefined);
      return;
    }
    void parseJson(request, text, done);
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.is404) return done();
    const errors = [
      ...unstorableFields(request.params, ''),
      ...unstorableFields(request.query, ''),
      ...unstorableFields(request.body, ''),
    ];
    done(errors.length > 0 ? CommonErrors.validation(errors) : undefined);
  });
}
