"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HealthController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const health_service_1 = require("./health.service");
const metrics_service_1 = require("./metrics.service");
let HealthController = class HealthController {
    health;
    metrics;
    constructor(health, metrics) {
        this.health = health;
        this.metrics = metrics;
    }
    live() {
        return { status: 'ok' };
    }
    async ready() {
        const { ready, checks } = await this.health.readiness();
        if (!ready) {
            throw new domain_error_1.DomainError('SERVICE_UNAVAILABLE', 503, {}, { headers: { 'cache-control': 'no-store' }, extensions: { checks } });
        }
        return { status: 'ok', checks };
    }
    async scrape(reply) {
        void reply.header('content-type', this.metrics.registry.contentType);
        return this.metrics.registry.metrics();
    }
};
exports.HealthController = HealthController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('health/live'),
    (0, swagger_1.ApiOperation)({ summary: 'Liveness: the process is up', description: 'Anyone may call this.' }),
    (0, swagger_1.ApiOkResponse)({ schema: { example: { status: 'ok' } } }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], HealthController.prototype, "live", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('health/ready'),
    (0, swagger_1.ApiOperation)({ summary: 'Readiness: Postgres and Redis answer', description: 'Anyone may call this.' }),
    (0, swagger_1.ApiOkResponse)({ schema: { example: { status: 'ok', checks: { postgres: 'up', redis: 'up' } } } }),
    (0, swagger_1.ApiServiceUnavailableResponse)({
        description: 'A dependency is down; `checks` says which',
        content: { 'application/problem+json': { schema: { $ref: (0, swagger_1.getSchemaPath)(problem_dto_1.ProblemDto) } } },
    }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('metrics'),
    (0, common_1.Header)('content-type', 'text/plain; version=0.0.4; charset=utf-8'),
    (0, swagger_1.ApiOperation)({ summary: 'Prometheus metrics', description: 'Anyone who can reach the port; restrict it at the proxy.' }),
    (0, swagger_1.ApiProduces)('text/plain'),
    (0, swagger_1.ApiOkResponse)({ schema: { type: 'string' } }),
    __param(0, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], HealthController.prototype, "scrape", null);
exports.HealthController = HealthController = __decorate([
    (0, swagger_1.ApiTags)('operations'),
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [health_service_1.HealthService,
        metrics_service_1.MetricsService])
], HealthController);
//# sourceMappingURL=health.controller.js.map