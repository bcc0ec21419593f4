"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createWorker = createWorker;
const core_1 = require("@nestjs/core");
const logger_1 = require("../../../libs/logging/logger");
const worker_module_1 = require("./worker.module");
/** The worker: a Nest application context with no HTTP server, running the BullMQ processors. */
async function createWorker(config, logger) {
    const app = await core_1.NestFactory.createApplicationContext(worker_module_1.WorkerModule.forRoot(config), {
        logger: new logger_1.PinoNestLogger(logger),
        abortOnError: false,
    });
    // SIGTERM closes the BullMQ workers, which let their current jobs finish first.
    app.enableShutdownHooks();
    return app;
}
//# sourceMappingURL=worker.factory.js.map