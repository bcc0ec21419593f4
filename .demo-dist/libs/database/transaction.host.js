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
exports.TransactionHost = void 0;
const node_async_hooks_1 = require("node:async_hooks");
const common_1 = require("@nestjs/common");
const prisma_service_1 = require("./prisma.service");
/**
 * One transaction idiom for the whole code base: a service wraps a unit of work in `run`, and every repository
 * call inside it, in whichever repository, joins that transaction through `db`. Services never see Prisma.
 */
let TransactionHost = class TransactionHost {
    prisma;
    current = new node_async_hooks_1.AsyncLocalStorage();
    constructor(prisma) {
        this.prisma = prisma;
    }
    /** The client for the surrounding transaction, or the pool outside one. */
    get db() {
        return this.current.getStore() ?? this.prisma;
    }
    run(work, options = {}) {
        if (this.current.getStore())
            return work();
        return this.prisma.$transaction((tx) => this.current.run(tx, work), {
            isolationLevel: options.isolation === 'Serializable' ? 'Serializable' : 'ReadCommitted',
            timeout: options.timeoutMs ?? 10_000,
            maxWait: 10_000,
        });
    }
};
exports.TransactionHost = TransactionHost;
exports.TransactionHost = TransactionHost = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [prisma_service_1.PrismaService])
], TransactionHost);
//# sourceMappingURL=transaction.host.js.map