"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApi = buildOpenApi;
exports.createApiApp = createApiApp;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const swagger_1 = require("@nestjs/swagger");
const logger_1 = require("../../../libs/logging/logger");
const app_module_1 = require("./app.module");
const metrics_service_1 = require("./health/metrics.service");
const problem_dto_1 = require("./http/problem.dto");
const problem_filter_1 = require("./http/problem.filter");
const validation_pipe_1 = require("./http/validation.pipe");
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
function buildOpenApi(app) {
    const config = new swagger_1.DocumentBuilder()
        .setTitle('Lectern API')
        .setDescription('Conference backend: events, call for proposals, review, registration, scholarships and transparency ' +
        'reports. Errors are RFC 9457 application/problem+json with a stable `code`; send Accept-Language: zh-CN ' +
        'for Chinese messages.')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build();
    return swagger_1.SwaggerModule.createDocument(app, config, { extraModels: [problem_dto_1.ProblemDto] });
}
/** The HTTP application, configured but not listening: main.ts, the tests and the benchmark all start it this way. */
async function createApiApp(config, logger) {
    const adapter = new platform_fastify_1.FastifyAdapter({
        loggerInstance: logger,
        bodyLimit: config.http.bodyLimitBytes,
        trustProxy: config.http.trustProxy,
        requestIdHeader: false,
        genReqId: (request) => {
            const given = request.headers['x-request-id'];
            return typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, node_crypto_1.randomUUID)();
        },
    });
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), adapter, {
        logger: new logger_1.PinoNestLogger(logger),
        abortOnError: false,
    });
    app.enableVersioning({ type: common_1.VersioningType.URI, defaultVersion: undefined });
    app.useGlobalPipes((0, validation_pipe_1.createValidationPipe)());
    app.useGlobalFilters(new problem_filter_1.ProblemFilter(config.http.bodyLimitBytes));
    app.enableShutdownHooks();
    const fastify = app.getHttpAdapter().getInstance();
    const metrics = app.get(metrics_service_1.MetricsService);
    fastify.addHook('onRequest', async (request, reply) => {
        void reply.header('x-request-id', request.id);
    });
    fastify.addHook('onResponse', async (request, reply) => {
        metrics.httpDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
    swagger_1.SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json' });
    return app;
}
//# sourceMappingURL=app.factory.js.map