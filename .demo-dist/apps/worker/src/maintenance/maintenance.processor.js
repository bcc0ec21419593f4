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
var MaintenanceProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.MaintenanceProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const maintenance_service_1 = require("./maintenance.service");
let MaintenanceProcessor = MaintenanceProcessor_1 = class MaintenanceProcessor extends bullmq_1.WorkerHost {
    maintenance;
    queue;
    config;
    logger = new common_1.Logger(MaintenanceProcessor_1.name);
    constructor(maintenance, queue, config) {
        super();
        this.maintenance = maintenance;
        this.queue = queue;
        this.config = config;
    }
    /** Upserting the scheduler on every start keeps exactly one schedule, at the configured interval. */
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler(queue_contract_1.MAINTENANCE_SCHEDULER_ID, { every: this.config.worker.maintenanceEverySeconds * 1000 }, { name: 'maintenance.sweep', data: { requestedAt: 'schedule' }, opts: queue_contract_1.JOB_OPTIONS['maintenance.sweep'] });
    }
    /** Database errors are thrown as they are, so BullMQ retries them; a job we cannot understand never will be. */
    async process(job) {
        if (job.name !== 'maintenance.sweep' || !(0, queue_contract_1.isMaintenanceSweep)(job.data)) {
            throw new bullmq_2.UnrecoverableError(`unknown maintenance job ${job.name}`);
        }
        const result = await this.maintenance.sweep();
        this.logger.log(`sweep done: ${JSON.stringify(result)}`);
        return result;
    }
};
exports.MaintenanceProcessor = MaintenanceProcessor;
exports.MaintenanceProcessor = MaintenanceProcessor = MaintenanceProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(queue_contract_1.QUEUES.maintenance),
    __param(1, (0, bullmq_1.InjectQueue)(queue_contract_1.QUEUES.maintenance)),
    __param(2, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [maintenance_service_1.MaintenanceService,
        bullmq_2.Queue, Object])
], MaintenanceProcessor);
//# sourceMappingURL=maintenance.processor.js.map