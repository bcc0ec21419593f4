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
var RelayService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RelayService = void 0;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../../../libs/config/config.module");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const notification_queue_1 = require("./notification.queue");
const notifications_repository_1 = require("./notifications.repository");
const notifications_service_1 = require("./notifications.service");
/**
 * Moves work from Postgres into BullMQ, every NOTIFY_RELAY_EVERY_MS, in every worker process:
 * 1. unprocessed outbox rows, in id order, become dispatch jobs with the id `outbox-<id>`; a row is marked
 *    processed in the same transaction that holds it locked, after Redis accepted its job, so a Redis outage
 *    leaves it unprocessed for a later round, and rows locked by another worker's relay are skipped;
 * 2. dispatches still QUEUED long after their job was added, and deliveries still PENDING long after theirs
 *    (or claimed by a worker that died), get their job again. Job ids are deterministic, so a job still live in
 *    Redis is not duplicated; one that Redis lost (a restart without persistence) is created again.
 */
let RelayService = RelayService_1 = class RelayService {
    repository;
    queue;
    tx;
    config;
    logger = new common_1.Logger(RelayService_1.name);
    timer;
    running;
    stopped = false;
    redisDown = false;
    constructor(repository, queue, tx, config) {
        this.repository = repository;
        this.queue = queue;
        this.tx = tx;
        this.config = config;
    }
    onApplicationBootstrap() {
        this.schedule(0);
    }
    async onModuleDestroy() {
        this.stopped = true;
        clearTimeout(this.timer);
        await this.running;
    }
    schedule(delayMs) {
        if (this.stopped)
            return;
        this.timer = setTimeout(() => {
            this.running = this.round()
                .then((result) => {
                // a full batch means a backlog (a burst of registrations): go on at once instead of waiting
                const { relayBatchSize, relayEveryMs } = this.config.notifications;
                const full = result !== null && Math.max(result.relayed, result.dispatchesRequeued, result.deliveriesQueued) >= relayBatchSize;
                return full ? 0 : relayEveryMs;
            })
                .catch((error) => {
                this.logger.error(`relay round failed: ${error.message}`);
                return this.config.notifications.relayEveryMs;
            })
                .then((next) => {
                this.running = undefined;
                this.schedule(next);
            });
        }, delayMs);
    }
    /** One pass of the relay and the reconciler; null when Redis is unreachable and nothing was attempted. */
    async round() {
        if (!(await this.queue.ready())) {
            if (!this.redisDown)
                this.logger.warn('Redis is unreachable: outbox rows and deliveries wait in Postgres');
            this.redisDown = true;
            return null;
        }
        try {
            const result = {
                relayed: await this.relayOutbox(),
                dispatchesRequeued: await this.requeueStaleDispatches(),
                deliveriesQueued: await this.queueDeliveries(),
            };
            if (this.redisDown)
                this.logger.log('Redis is back: relaying what waited');
            this.redisDown = false;
            if (result.relayed + result.dispatchesRequeued + result.deliveriesQueued > 0)
                this.logger.debug(`relay round: ${JSON.stringify(result)}`);
            return result;
        }
        catch (error) {
            // Redis (or Postgres) went away mid-round: the transaction rolled back and the rows wait for the next one
            this.logger.warn(`relay round interrupted: ${error.message}`);
            return null;
        }
    }
    relayOutbox() {
        return this.tx.run(async () => {
            const rows = await this.repository.claimUnrelayedOutbox(this.config.notifications.relayBatchSize);
            if (rows.length === 0)
                return 0;
            const dispatched = rows.filter((row) => (0, notifications_service_1.causesMessages)(row.type)).map((row) => row.id);
            await this.queue.addDispatches(dispatched);
            await this.repository.markRelayed(rows.map((row) => row.id), dispatched);
            return rows.length;
        });
    }
    requeueStaleDispatches() {
        return this.tx.run(async () => {
            const { staleAfterSeconds, relayBatchSize } = this.config.notifications;
            const ids = await this.repository.claimStaleDispatches(staleAfterSeconds, relayBatchSize);
            if (ids.length === 0)
                return 0;
            await this.queue.addDispatches(ids);
            await this.repository.touchDispatches(ids);
            return ids.length;
        });
    }
    queueDeliveries() {
        return this.tx.run(async () => {
            const { staleAfterSeconds, sendLeaseSeconds, relayBatchSize } = this.config.notifications;
            const deliveries = await this.repository.claimDeliveriesToEnqueue(staleAfterSeconds, sendLeaseSeconds, relayBatchSize);
            if (deliveries.length === 0)
                return 0;
            await this.queue.addDeliveries(deliveries);
            await this.repository.markEnqueued(deliveries.map((d) => d.id));
            return deliveries.length;
        });
    }
};
exports.RelayService = RelayService;
exports.RelayService = RelayService = RelayService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository,
        notification_queue_1.NotificationQueue,
        transaction_host_1.TransactionHost, Object])
], RelayService);
//# sourceMappingURL=relay.service.js.map