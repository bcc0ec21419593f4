import { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, RequestListener, Server, ServerOptions, ServerResponse, createServer } from 'node:http';
import { FastifyInstance, FastifyServerOptions, onRequestAsyncHookHandler } from 'fastify';
import { Logger } from 'pino';
import { CachedFeed, PublicFeedCache } from '@lectern/domains/programme/public-feed.cache';
import { HttpMetrics } from '../health/http-metrics';
import { requestIdOf } from '../http/request-id';
import { SECURITY_HEADERS } from '../http/security-headers';
import { isNotModified, validatorHeaders } from './conditional-response';

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
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The headers of a cached feed's 200 and 304 (the security headers, then its validators), built once per feed. */
const FEED_HEADERS = new WeakMap<CachedFeed, { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>();

function headersOf(feed: CachedFeed) {
  let built = FEED_HEADERS.get(feed);
  if (!built) {
    const notModified: OutgoingHttpHeaders = { ...SECURITY_HEADERS, ...validatorHeaders(feed) };
    built = { notModified, ok: { ...notModified, 'content-type': feed.type, 'content-length': String(feed.body.length) } };
    FEED_HEADERS.set(feed, built);
  }
  return built;
}

/**
 * The one answer to a request for a cached feed, whichever of the two ways below it came: the security headers, the
 * feed's ETag, Last-Modified, Cache-Control and type, an empty 304 when the caller's copy is current, and the
 * request's own headers (`own`: its X-Request-Id, and under Fastify whatever its hooks set, such as CORS).
 */
function sendFeed(response: ServerResponse, feed: CachedFeed, request: IncomingMessage, own: Record<string, OutgoingHttpHeader | undefined>): void {
  const headers = headersOf(feed);
  const validators = { ifNoneMatch: one(request.headers['if-none-match']), ifModifiedSince: one(request.headers['if-modified-since']) };
  if (isNotModified(feed, validators)) {
    response.writeHead(304, { ...headers.notModified, ...own });
    response.end();
  } else {
    response.writeHead(200, { ...headers.ok, ...own });
    response.end(feed.body);
  }
}

/**
 * Public feeds are read far more often than they change, by calendar clients polling anonymously. A repeat
 * request for a feed whose programme has not changed is answered from memory in the route's own onRequest hook:
 * before authentication, guards, pipes and the controller, but after the hooks every request passes (request id,
 * security headers, CORS), with sendFeed's answer like the front door's; Fastify still logs the request and the
 * onResponse hook takes its metrics. This is the way for what the front door leaves to Fastify (a state that must be
 * read first, another spelling of the URL, CORS, a logger at info). Anything else (a caller with a token, a feed not
 * rendered yet or out of date, a failed read of the programme's state) goes on to the controller, which renders the
 * feed, answers errors as problems and fills the cache. Must be installed before Nest registers its routes.
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
      // Fastify's reply would send the same headers and body through its own serialisation; it keeps its request
      // log and onResponse hooks for a hijacked reply
      const own = reply.getHeaders();
      reply.hijack();
      sendFeed(reply.raw, feed, request.raw, own);
    };
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), answer];
  });
}

/**
 * A feed URL in the one spelling the front door answers: nothing to decode, no query but `lang`. Any other spelling
 * of the same feed is Fastify's to route, parse and answer.
 */
const FEED_URL =
  /^\/v1\/events\/([A-Za-z0-9._~-]{1,100})\/programme\/(?:(schedule\.json|schedule\.xml|calendar\.ics)|(rooms|speakers)\/([A-Za-z0-9._~-]{1,100})\/calendar\.ics)(?:\?lang=([A-Za-z0-9-]{1,35}))?$/;

const PATTERNS = { rooms: '/v1/events/:slug/programme/rooms/:room/calendar.ics', speakers: '/v1/events/:slug/programme/speakers/:speakerId/calendar.ics' };

interface Opened {
  cache: PublicFeedCache;
  metrics: HttpMetrics;
  /** Fastify's logger: its serializers and the line it writes when a response fails. */
  log: Logger;
}

interface Parts {
  cache: PublicFeedCache;
  metrics: HttpMetrics;
  fastify: FastifyInstance;
}

/**
 * The node:http server under Fastify, with a front door for released feeds. A repeat anonymous GET of a feed whose
 * edition state was read less than two seconds ago (PublicFeedCache.peek) is answered here, before Fastify builds a
 * request, a reply and a child logger and runs the global hooks: on a 144 KB schedule.json those cost the API
 * 40% of the req/s of a bare route serving the same bytes (profiled). It answers as the route's hook does (sendFeed),
 * with the request id Fastify would give (the caller's or a new one), and takes the HTTP metrics Fastify's onResponse
 * hook would take: the route pattern, status and time. It steps aside (the request goes to Fastify, whose onRequest
 * hook above still answers from memory) whenever what Fastify does around the answer could differ: a token, HEAD,
 * another spelling of the URL, a state that must be read first, CORS configured (its headers depend on the Origin),
 * a logger that writes a line per request (level info or below), which Fastify writes with the request's address as
 * it sees it, and a server closing.
 */
export class FeedsFrontDoor {
  private opened?: Opened;

  constructor(private readonly enabled: boolean) {}

  /**
   * Fastify's serverFactory: the server Fastify would build itself (its getServerInstance, with the timeouts it has
   * filled in with its defaults by then), with the front door before Fastify's handler.
   */
  readonly serverFactory = (handler: RequestListener, options: FastifyServerOptions & { http?: ServerOptions }): Server => {
    const server = createServer(options.http ?? {}, (request, response) => {
      if (!this.answer(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout!;
    server.requestTimeout = options.requestTimeout!;
    server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };

  /**
   * Opens the door once the application (its cache, metrics and Fastify's logger) exists. It closes when Fastify
   * starts closing, which from then on answers every request 503 with Connection: close so load balancers move on.
   */
  open({ cache, metrics, fastify }: Parts): void {
    this.opened = { cache, metrics, log: fastify.log as Logger };
    fastify.addHook('preClose', (done) => {
      this.opened = undefined;
      done();
    });
  }

  private answer(request: IncomingMessage, response: ServerResponse): boolean {
    const opened = this.opened;
    if (!this.enabled || !opened || request.method !== 'GET' || request.headers.authorization !== undefined) return false;
    const url = FEED_URL.exec(request.url ?? '');
    if (!url || opened.log.isLevelEnabled('info')) return false;
    const [, slug, file, list, item, lang] = url;
    const route = list ? PATTERNS[list as keyof typeof PATTERNS] : `/v1/events/:slug/programme/${file}`;
    const kind = ROUTES[route]({ room: item, speakerId: item });
    const feed = opened.cache.peek(PublicFeedCache.keyOf(slug, kind, lang));
    if (!feed) return false;

    const started = performance.now();
    const reqId = requestIdOf(request.headers['x-request-id']);
    const finished = (error?: Error) => {
      response.removeListener('finish', finished);
      response.removeListener('error', finished);
      const seconds = (performance.now() - started) / 1000;
      opened.metrics.observeRequest('GET', route, response.statusCode, seconds);
      if (error) opened.log.error({ reqId, res: response, err: error, responseTime: seconds * 1000 }, 'request errored');
    };
    response.on('finish', finished);
    response.on('error', finished);

    sendFeed(response, feed, request, { 'x-request-id': reqId });
    return true;
  }
}
