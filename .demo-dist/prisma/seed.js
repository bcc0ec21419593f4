"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const pino_1 = __importDefault(require("pino"));
const app_module_1 = require("../apps/api/src/app.module");
const config_1 = require("../libs/config/config");
const logger_1 = require("../libs/logging/logger");
const seed_data_1 = require("./seed-data");
/** `npm run seed`: the development accounts and editions (see seed-data.ts). Safe to run again. */
async function main() {
    const config = (0, config_1.loadConfig)(process.env);
    if (config.env === 'production')
        throw new Error('The demo seed never runs with NODE_ENV=production.');
    const app = await core_1.NestFactory.createApplicationContext(app_module_1.AppModule.forRoot(config), {
        logger: new logger_1.PinoNestLogger((0, pino_1.default)({ level: 'warn' })),
    });
    try {
        await (0, seed_data_1.seedDevelopmentData)(app);
        console.log('demo data ready:');
        console.log(`  administrator  ${seed_data_1.DEMO_ACCOUNTS.admin.email} / ${seed_data_1.DEMO_ACCOUNTS.admin.password}`);
        console.log(`  organiser      ${seed_data_1.DEMO_ACCOUNTS.organiser.email} / ${seed_data_1.DEMO_ACCOUNTS.organiser.password}`);
        console.log(`  editions       ${seed_data_1.EDITIONS.map((e) => e.slug).join(', ')}`);
    }
    finally {
        await app.close();
    }
}
main().catch((error) => {
    console.error(error instanceof config_1.ConfigError ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=seed.js.map