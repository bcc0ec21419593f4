"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const config_1 = require("../../../libs/config/config");
const logger_1 = require("../../../libs/logging/logger");
const app_factory_1 = require("./app.factory");
async function main() {
    const config = (0, config_1.loadConfig)(process.env);
    const logger = (0, logger_1.createLogger)(config, 'api');
    if (config.auth.tokenSecretGenerated) {
        logger.warn('TOKEN_SECRET is not set: using a random secret, so tokens stop working when the API restarts');
    }
    const app = await (0, app_factory_1.createApiApp)(config, logger);
    await app.listen({ port: config.http.port, host: config.http.host });
    logger.info({ url: await app.getUrl(), docs: `${await app.getUrl()}/docs` }, 'Lectern API listening');
}
main().catch((error) => {
    if (error instanceof config_1.ConfigError) {
        console.error(error.message);
    }
    else {
        console.error(error);
    }
    process.exit(1);
});
//# sourceMappingURL=main.js.map