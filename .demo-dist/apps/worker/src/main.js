"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const config_1 = require("../../../libs/config/config");
const logger_1 = require("../../../libs/logging/logger");
const worker_factory_1 = require("./worker.factory");
async function main() {
    const config = (0, config_1.loadConfig)(process.env);
    const logger = (0, logger_1.createLogger)(config, 'worker');
    await (0, worker_factory_1.createWorker)(config, logger);
    logger.info({ prefix: config.redis.prefix }, 'Lectern worker running');
}
main().catch((error) => {
    console.error(error instanceof config_1.ConfigError ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=main.js.map