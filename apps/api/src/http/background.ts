import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import { Foreground } from '@lectern/database/foreground';

/**
 * A long route (a CSV export) that gives way to other requests rather than counting as one: counted, a running
 * export would hold every other export to the busy rate.
 */
export const Background = () => RouteConfig({ background: true });

/** Counts each request that is not Background from its arrival until its response is done with (sent or abandoned). */
export function installForeground(fastify: FastifyInstance, foreground: Foreground): void {
  const end = () => foreground.end();
  fastify.addHook('onRequest', (request, reply, done) => {
    if ((request.routeOptions.config as { background?: boolean }).background !== true) {
      foreground.begin();
      reply.raw.once('close', end);
    }
    done();
  });
}
