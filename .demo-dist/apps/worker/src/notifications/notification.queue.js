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
var NotificationQueue_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationQueue = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
/**
 * The notifications queue as the relay and the reconciler use it. Unlike the worker's shared connection, which
 * waits out a Redis outage, this one gives up after one reconnection attempt: the relay adds jobs while it holds
 * outbox rows locked in a transaction, and during an outage those rows must be released, not held.
 */
let NotificationQueue = NotificationQueue_1 = class NotificationQueue {
    config;
    logger = new common_1.Logger(NotificationQueue_1.name);
    queue;
    constructor(config) {
        this.config = config;
        this.queue = new bullmq_1.Queue(queue_contract_1.QUEUES.notifications, {
            prefix: `${config.redis.prefix}:bull`,
            connection: { url: config.redis.url, maxRetriesPerRequest: 1, connectTimeout: 2_000 },
        });
        this.queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
    }
    /** Whether Redis answers now; the relay skips its round instead of opening transactions it must roll back. */
    async ready(timeoutMs = 1_000) {
        let timer;
        try {
            const client = await Promise.race([
                this.queue.getBackend().client,
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
                }),
            ]);
            return client.status === 'ready';
        }
        catch {
            return false;
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Adding an id that is live in Redis changes nothing; adding one Redis lost creates the job again. */
    async addDispatches(outboxIds) {
        if (outboxIds.length === 0)
            return;
        await this.queue.addBulk(outboxIds.map((id) => ({
            name: 'notifications.dispatch',
            data: { outboxId: id.toString() },
            opts: { ...queue_contract_1.JOB_OPTIONS['notifications.dispatch'], jobId: queue_contract_1.NOTIFICATION_JOB_IDS.dispatch(id) },
        })));
    }
    async addDeliveries(deliveries) {
        if (deliveries.length === 0)
            return;
        const { maxAttempts, backoffMs } = this.config.notifications;
        await this.queue.addBulk(deliveries.map((d) => ({
            name: 'notifications.deliver',
            data: { deliveryId: d.id, generation: d.generation },
            opts: {
                ...queue_contract_1.JOB_OPTIONS['notifications.deliver'],
                attempts: maxAttempts,
                backoff: { type: 'exponential', delay: backoffMs },
                jobId: queue_contract_1.NOTIFICATION_JOB_IDS.deliver(d.id, d.generation),
            },
        })));
    }
    async onModuleDestroy() {
        // closing while Redis is away must not take the process down with it
        await this.queue.close().catch((error) => this.logger.warn(`closing the queue: ${error.message}`));
    }
};
exports.NotificationQueue = NotificationQueue;
exports.NotificationQueue = NotificationQueue = NotificationQueue_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], NotificationQueue);
//# sourceMappingURL=notification.queue.js.map