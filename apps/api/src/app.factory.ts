import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { AppConfig } from '@lectern/config/config';
import { CommonErrors } from '@lectern/errors/domain.error';
import { PublicFeedCache } from '@lectern/domains/programme/public-feed.cache';
import { Foreground } from '@lectern/database/foreground';
import { PinoNestLogger } from '@lectern/logging/logger';
import { AppModule } from './app.module';
import { HttpMetrics } from './health/http-metrics';
import { installAttribution } from './integrations/attribution.hook';
import { API_TOKEN_SCHEME } from './integrations/token-area.decorator';
import { WebhookPayloadDto } from './integrations/webhooks.dto';
import { ProblemDto, documentHttpLayerProblems } from './http/problem.dto';
import { BodilessRouteGuard } from './http/bodiless.guard';
import { installForeground } from './http/background';
import { clientErrorHandler, installInputGuard } from './http/input-guard';
import { installSecurityHeaders } from './http/security-headers';
import { requestIdOf } from './http/request-id';
import { mountQueueDashboard } from './operations/queue-dashboard';
import { FeedsFrontDoor, installFeedsFastPath } from './programme/feeds.fast-path';
import { ProblemFilter, sendProblem } from './http/problem.filter';
import { createValidationPipe } from './http/validation.pipe';

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lectern API')
    .setDescription(
      'Conference backend: events, call for proposals, review, registration, scholarships and transparency ' +
        'reports. Errors are RFC 9457 application/problem+json with a stable `code`; send Accept-Language: zh-CN ' +
        'for Chinese messages. Webhooks: organisers subscribe URLs at /v1/events/{slug}/webhooks; every POST carries ' +
        'a WebhookPayloadDto body signed per Standard Webhooks (see that schema).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A person’s session token from /v1/auth/login.' })
    .addSecurity(API_TOKEN_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'lct_…',
      description:
        'An API token (lct_…) from POST /v1/me/api-tokens, sent as a bearer token. It acts as its creator, with the ' +
        'roles the creator holds at the time of use, in its edition or series only, and only on operations that list ' +
        'this scheme; the list names the scope the operation needs (`<area>:read` or `<area>:write`, write includes read).',
    })
    .build();
  return documentHttpLayerProblems(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, WebhookPayloadDto] }));
}

const MAX_PARAM_LENGTH = 100;

function routerError(error: Error & { code?: string }): unknown {
  if (error.code === 'FST_ERR_BAD_URL') return CommonErrors.validation([{ field: '(path)', code: 'percentEncoding' }]);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return CommonErrors.validation([{ field: '(path)', code: 'maxLength', params: { max: MAX_PARAM_LENGTH } }]);
  return error;
}

/** The HTTP application, configured but not listening: main.ts, the tests and the benchmark all start it this way. */
export async function createApiApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  // CORS headers depend on the request's Origin, which the front door does not look at
  const feedsFrontDoor = new FeedsFrontDoor(config.http.corsOrigins.length === 0);
  const adapter = new FastifyAdapter({
    serverFactory: feedsFrontDoor.serverFactory,
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimitBytes,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    trustProxy: config.http.trustProxy,
    clientErrorHandler,
    // the router's own refusals (an escape that does not decode, a segment longer than maxParamLength) come before
    // any hook, and Fastify would answer them in its own JSON; they are problems like any other bad input
    // (Nest's adapter has its own copy of Fastify's types, hence the casts)
    frameworkErrors: (error: Error & { code?: string }, request: unknown, reply: unknown) =>
      sendProblem(routerError(error), request as FastifyRequest, reply as FastifyReply, config.http.bodyLimitBytes),
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => requestIdOf(request.headers['x-request-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // the JSON parser is installInputGuard's, which limits nesting before parsing
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installSecurityHeaders(fastify);
  installFeedsFastPath(fastify, app.get(PublicFeedCache));
  // Off unless origins are listed: browsers on other origins then cannot read the API's answers at all.
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key', 'x-request-id'],
      exposedHeaders: ['retry-after', 'x-request-id', 'content-language', 'location'],
      maxAge: 600,
    });
  }
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: undefined });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(config.http.bodyLimitBytes));
  // after the modules' APP_GUARDs (authentication, limits), which Nest registered while creating the app
  app.useGlobalGuards(new BodilessRouteGuard());
  app.enableShutdownHooks();

  installInputGuard(fastify, config.http.jsonMaxDepth);
  installAttribution(fastify);
  installForeground(fastify, app.get(Foreground));
  const metrics = app.get(HttpMetrics);
  feedsFrontDoor.open({ cache: app.get(PublicFeedCache), metrics, fastify });
  // callback hooks rather than async functions: Fastify then runs them without a promise per hook and request
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
  await mountQueueDashboard(app, config);
  return app;
}
