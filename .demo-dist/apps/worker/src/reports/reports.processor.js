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
var ReportsProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsProcessor = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const reports_service_1 = require("./reports.service");
/**
 * The reports queue's BullMQ worker, built here rather than with @Processor because its lock duration comes from
 * the configuration: after a worker dies mid-report, its job goes back to the queue once the lock expires. One
 * report at a time per process: rendering is CPU work, done in a worker thread so this thread keeps renewing the
 * job's lock however long a render takes.
 */
let ReportsProcessor = ReportsProcessor_1 = class ReportsProcessor {
    reports;
    config;
    logger = new common_1.Logger(ReportsProcessor_1.name);
    worker;
    constructor(reports, config) {
        this.reports = reports;
        this.config = config;
    }
    onApplicationBootstrap() {
        const { jobLockMs } = this.config.reports;
        this.worker = new bullmq_1.Worker(queue_contract_1.QUEUES.reports, (job) => this.process(job), {
            prefix: `${this.config.redis.prefix}:bull`,
            connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
            concurrency: 1,
            lockDuration: jobLockMs,
            stalledInterval: jobLockMs,
        });
        this.worker.on('error', (error) => this.logger.warn(`reports worker: ${error.message}`));
    }
    /** Lets the report in progress finish (SIGTERM); one cut short is picked up again from its row. */
    async onModuleDestroy() {
        await this.worker?.close();
    }
    async process(job) {
        if (job.name !== 'reports.generate' || !(0, queue_contract_1.isReportGenerate)(job.data)) {
            throw new bullmq_1.UnrecoverableError(`unknown reports job ${job.name}`);
        }
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        try {
            const result = await this.reports.generate(job.data.reportId, lastAttempt);
            this.logger.log(`report ${job.data.reportId}: ${result.outcome}`);
            return result;
        }
        catch (error) {
            if (error instanceof reports_service_1.PermanentReportError)
                throw new bullmq_1.UnrecoverableError(error.message);
            this.logger.warn(`report ${job.data.reportId} attempt ${job.attemptsMade + 1} failed: ${error.message}`);
            throw error;
        }
    }
};
exports.ReportsProcessor = ReportsProcessor;
exports.ReportsProcessor = ReportsProcessor = ReportsProcessor_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [reports_service_1.WorkerReportsService, Object])
], ReportsProcessor);
//# sourceMappingURL=reports.processor.js.map