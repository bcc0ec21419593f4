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
var ExpireOffersProcessor_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ExpireOffersProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const waitlist_service_1 = require("../../../api/src/registrations/waitlist.service");
/**
 * Expires waiting-list offers and passes their seats on without waiting for a request. Registrations handle an
 * expired offer themselves when they meet one, so this schedule only decides how soon the next person hears.
 */
let ExpireOffersProcessor = ExpireOffersProcessor_1 = class ExpireOffersProcessor extends bullmq_1.WorkerHost {
    waitlist;
    queue;
    config;
    logger = new common_1.Logger(ExpireOffersProcessor_1.name);
    constructor(waitlist, queue, config) {
        super();
        this.waitlist = waitlist;
        this.queue = queue;
        this.config = config;
    }
    async onApplicationBootstrap() {
        await this.queue.upsertJobScheduler(queue_contract_1.EXPIRE_OFFERS_SCHEDULER_ID, { every: this.config.registrations.offerSweepEverySeconds * 1000 }, {
            name: 'registrations.expire-offers',
            data: { requestedAt: 'schedule' },
            opts: queue_contract_1.JOB_OPTIONS['registrations.expire-offers'],
        });
    }
    async process(job) {
        if (job.name !== 'registrations.expire-offers' || !(0, queue_contract_1.isExpireOffers)(job.data)) {
            throw new bullmq_2.UnrecoverableError(`unknown registrations job ${job.name}`);
        }
        const result = await this.waitlist.processDue();
        if (result.expired > 0 || result.offered > 0)
            this.logger.log(`waiting lists processed: ${JSON.stringify(result)}`);
        return result;
    }
};
exports.ExpireOffersProcessor = ExpireOffersProcessor;
exports.ExpireOffersProcessor = ExpireOffersProcessor = ExpireOffersProcessor_1 = __decorate([
    (0, bullmq_1.Processor)(queue_contract_1.QUEUES.registrations),
    __param(1, (0, bullmq_1.InjectQueue)(queue_contract_1.QUEUES.registrations)),
    __param(2, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [waitlist_service_1.WaitlistService,
        bullmq_2.Queue, Object])
], ExpireOffersProcessor);
//# sourceMappingURL=expire-offers.processor.js.map