"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var QueueModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.QueueModule = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const queue_contract_1 = require("./queue.contract");
/** BullMQ on the configured Redis, every queue of the contract registered, keys under the configured prefix. */
let QueueModule = QueueModule_1 = class QueueModule {
    static forRoot(config, role) {
        const bull = bullmq_1.BullModule.forRoot({
            prefix: `${config.redis.prefix}:bull`,
            connection: {
                url: config.redis.url,
                // Workers wait out a Redis outage; in the API a command gives up after one reconnection attempt, so a
                // request never hangs on Redis. (Disabling the offline queue would fail faster still, but BullMQ's own
                // shutdown then rejects unhandled when Redis is away at that moment.)
                maxRetriesPerRequest: role === 'worker' ? null : 1,
            },
        });
        const queues = bullmq_1.BullModule.registerQueue(...Object.values(queue_contract_1.QUEUES).map((name) => ({ name })));
        return { global: true, module: QueueModule_1, imports: [bull, queues], exports: [queues] };
    }
};
exports.QueueModule = QueueModule;
exports.QueueModule = QueueModule = QueueModule_1 = __decorate([
    (0, common_1.Module)({})
], QueueModule);
//# sourceMappingURL=queue.module.js.map