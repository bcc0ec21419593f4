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
var NotificationsProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsProcessor = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const notifications_service_1 = require("./notifications.service");
/**
 * The notifications queue's BullMQ worker. It is built here rather than with @Processor because its lock
 * duration, stalled-job interval and concurrency come from the configuration read at start-up: after a worker is
 * killed, its active jobs go back to the queue once their lock expires, so tests and operators choose how soon.
 */
let NotificationsProcessor = NotificationsProcessor_1 = class NotificationsProcessor {
    notifications;
    config;
    logger = new common_1.Logger(NotificationsProcessor_1.name);
    worker;
    constructor(notifications, config) {
        this.notifications = notifications;
        this.config = config;
    }
    onApplicationBootstrap() {
        const { jobLockMs } = this.config.notifications;
        this.worker = new bullmq_1.Worker(queue_contract_1.QUEUES.notifications, (job, token) => this.process(job, token), {
            prefix: `${this.config.redis.prefix}:bull`,
            connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
            concurrency: this.config.worker.concurrency,
            lockDuration: jobLockMs,
            stalledInterval: jobLockMs,
            // a job that keeps stalling is dropped from Redis; its row is still PENDING in Postgres and gets a new job
            maxStalledCount: 2,
        });
        this.worker.on('error', (error) => this.logger.warn(`notifications worker: ${error.message}`));
    }
    /** Lets running jobs finish (SIGTERM); a job cut short is picked up again from its row's state. */
    async onModuleDestroy() {
        await this.worker?.close();
    }
    async process(job, token) {
        if (job.name === 'notifications.dispatch' && (0, queue_contract_1.isNotificationDispatch)(job.data)) {
            const outboxId = BigInt(job.data.outboxId);
            try {
                return await this.notifications.dispatch(outboxId);
            }
            catch (error) {
                if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
                    await this.notifications.recordDispatchFailure(outboxId, error);
                throw error;
            }
        }
        if (job.name === 'notifications.deliver' && (0, queue_contract_1.isNotificationDelivery)(job.data)) {
            let result;
            try {
                result = await this.notifications.deliver(job.data.deliveryId, job.data.generation);
            }
            catch (error) {
                if (error instanceof notifications_service_1.PermanentDeliveryError)
                    throw new bullmq_1.UnrecoverableError(error.message);
                throw error;
            }
            if (result.outcome === 'busy' && token) {
                // not a failed attempt: look again when the other run's claim ends
                await job.moveToDelayed(Date.now() + result.retryInMs, token);
                throw new bullmq_1.DelayedError();
            }
            return result;
        }
        throw new bullmq_1.UnrecoverableError(`unknown notifications job ${job.name}`);
    }
};
exports.NotificationsProcessor = NotificationsProcessor;
exports.NotificationsProcessor = NotificationsProcessor = NotificationsProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [notifications_service_1.NotificationsService, Object])
], NotificationsProcessor);
//# sourceMappingURL=notifications.processor.js.map