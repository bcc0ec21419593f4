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
Object.defineProperty(exports, "__esModule", { value: true });
exports.HealthService = void 0;
const common_1 = require("@nestjs/common");
const redis_service_1 = require("../../../../libs/redis/redis.service");
const health_repository_1 = require("./health.repository");
const CHECK_TIMEOUT_MS = 1_500;
function withTimeout(work) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
    });
    return Promise.race([work.then(() => 'up', () => 'down'), timeout]).finally(() => clearTimeout(timer));
}
let HealthService = class HealthService {
    db;
    redis;
    constructor(db, redis) {
        this.db = db;
        this.redis = redis;
    }
    /** Each dependency answers within its own time limit; a hung connection counts as down. */
    async readiness() {
        const [postgres, redis] = await Promise.all([withTimeout(this.db.ping()), withTimeout(this.redis.client.ping())]);
        return { ready: postgres === 'up' && redis === 'up', checks: { postgres, redis } };
    }
};
exports.HealthService = HealthService;
exports.HealthService = HealthService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [health_repository_1.HealthRepository,
        redis_service_1.RedisService])
], HealthService);
//# sourceMappingURL=health.service.js.map