import { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response. An API answers JSON; the one HTML page is the Swagger UI under /docs, which
 * loads its own scripts and styles from this origin and sets some styles inline. Nothing here is meant to be framed.
 *
 * helmet itself rather than @fastify/helmet: the plugin builds a new helmet middleware (every header's value) on
 * each request and adds two hooks with reply decorators; the headers never change, so they are built once here.
 */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
