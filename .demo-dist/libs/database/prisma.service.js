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
exports.PrismaService = void 0;
const common_1 = require("@nestjs/common");
const adapter_pg_1 = require("@prisma/adapter-pg");
const pg_1 = require("pg");
const config_module_1 = require("../config/config.module");
const client_1 = require("./generated/client");
let PrismaService = class PrismaService extends client_1.PrismaClient {
    pool;
    counter;
    constructor(config) {
        const counter = { statements: 0 };
        // Counts every statement sent to Postgres (BEGIN and COMMIT included), so tests can prove that a page of a
        // list costs a fixed number of queries whatever its size. One increment per statement costs nothing measurable.
        class CountingClient extends pg_1.Client {
            query(...args) {
                counter.statements += 1;
                return super.query(...args);
            }
        }
        const pool = new pg_1.Pool({
            connectionString: config.database.url,
            max: config.database.poolSize,
            connectionTimeoutMillis: 5_000,
            Client: CountingClient,
        });
        // An idle connection that the server drops emits 'error' on the pool; unhandled, it would kill the process.
        // The next query opens a new connection, and /health/ready reports the outage meanwhile.
        const logger = new common_1.Logger('Postgres');
        pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
        super({ adapter: new adapter_pg_1.PrismaPg(pool) });
        this.pool = pool;
        this.counter = counter;
    }
    /** Statements sent since the process started; compare two readings around the work being measured. */
    get statementCount() {
        return this.counter.statements;
    }
    async onModuleDestroy() {
        await this.$disconnect();
        await this.pool.end();
    }
};
exports.PrismaService = PrismaService;
exports.PrismaService = PrismaService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], PrismaService);
//# sourceMappingURL=prisma.service.js.map