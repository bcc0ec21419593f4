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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisService = void 0;
exports.redisOptions = redisOptions;
const common_1 = require("@nestjs/common");
const ioredis_1 = __importDefault(require("ioredis"));
const config_module_1 = require("../config/config.module");
/** ioredis options from a redis:// or rediss:// URL. */
function redisOptions(url) {
    const parsed = new URL(url);
    return {
        host: parsed.hostname,
        port: parsed.port ? Number(parsed.port) : 6379,
        username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
        password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
        db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
        tls: parsed.protocol === 'rediss:' ? {} : undefined,
    };
}
/**
 * A general-purpose Redis connection under the configured key prefix. It fails fast instead of queueing commands
 * while disconnected, so callers (health checks, idempotency) see an outage at once.
 */
let RedisService = class RedisService {
    client;
    constructor(config) {
        this.client = new ioredis_1.default({
            ...redisOptions(config.redis.url),
            keyPrefix: `${config.redis.prefix}:`,
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 2_000,
            retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        });
        // Connection errors surface through the commands that fail; ioredis keeps reconnecting.
        this.client.on('error', () => undefined);
    }
    async onModuleDestroy() {
        this.client.disconnect();
    }
};
exports.RedisService = RedisService;
exports.RedisService = RedisService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], RedisService);
//# sourceMappingURL=redis.service.js.map