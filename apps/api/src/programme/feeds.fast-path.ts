import { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { PublicFeedCache } from '@lectern/domains/programme/public-feed.cache';
import { sendConditional } from './conditional-response';

/** The feed part of a cached feed's key: the controllers that fill the cache and the fast path here agree on it. */
export const FEED_KINDS = {
  json: () => 'json',
  xml: () => 'xml',
  ics: () => 'ics',
  room: (room: string) => `ics:room:${room}`,
  speaker: (speakerId: string) => `ics:speaker:${speakerId}`,
};

type Params = Record<string, string | undefined>;

const ROUTES: Record<string, (params: Params) => string> = {
  '/v1/events/:slug/programme/schedule.json': () => FEED_KINDS.json(),
  '/v1/events/:slug/programme/schedule.xml': () => FEED_KINDS.xml(),
  '/v1/events/:slug/programme/calendar.ics': () => FEED_KINDS.ics(),
  '/v1/events/:slug/programme/rooms/:room/calendar.ics': (params) => FEED_KINDS.room(params.room ?? ''),
  '/v1/events/:slug/programme/speakers/:speakerId/calendar.ics': (params) => FEED_KINDS.speaker(params.speakerId ?? ''),
};

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Public feeds are read far more often than they change, by calendar clients polling anonymously. A repeat
 * request for a feed whose programme has not changed is answered from memory in the route's own onRequest hook:
 * before authentication, guards, pipes and the controller, but after the hooks every request passes (request id,
 * security headers) and with the same validators and 304s; metrics are taken on the response as for any route.
 * Anything else (a caller with a token, a feed not rendered yet or out of date, a failed read of the programme's
 * state) goes on to the controller, which renders the feed, answers errors as problems and fills the cache.
 * Must be installed before Nest registers its routes.
 */
export function installFeedsFastPath(fastify: FastifyInstance, cache: PublicFeedCache): void {
  fastify.addHook('onRoute', (route) => {
    const kindOf = ROUTES[route.url];
    if (!kindOf || route.method !== 'GET') return;
    const answer: onRequestAsyncHookHandler = async (request, reply) => {
      // Fastify gives HEAD its own copy of the route; only GET is answered here
      if (request.method !== 'GET' || request.headers.authorization !== undefined) return;
      const params = request.params as Params;
      const lang = (request.query as Record<string, unknown>).lang;
      if (lang !== undefined && typeof lang !== 'string') return;
      // a read that fails here fails again in the controller, which answers it as a problem
      const feed = await cache.current(PublicFeedCache.keyOf(params.slug ?? '', kindOf(params), lang)).catch(() => undefined);
      if (!feed) return;
      const validators = { ifNoneMatch: header(request, 'if-none-match'), ifModifiedSince: header(request, 'if-modified-since') };
      return reply.send(sendConditional(reply, feed, feed.type, validators));
    };
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), answer];
  });
}
