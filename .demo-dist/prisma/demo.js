"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const core_1 = require("@nestjs/core");
const pino_1 = __importDefault(require("pino"));
const app_module_1 = require("../apps/api/src/app.module");
const config_1 = require("../libs/config/config");
const logger_1 = require("../libs/logging/logger");
const project_root_1 = require("../libs/project-root");
const demo_data_1 = require("./demo-data");
const demo_plan_1 = require("./demo-plan");
const seed_data_1 = require("./seed-data");
/** Where `npm run demo` writes the report (the README names it). */
const OUTPUT_DIR = (0, node_path_1.join)('out', 'demo');
/**
 * `npm run demo` (the last step of `npm run setup`): the KubeCon + CloudNativeCon + Open Source Summit China 2019
 * edition and its 2018 predecessor, built through the API's services (see demo-data.ts), then the edition's
 * transparency report in English and Chinese and its JSON under out/demo/. Safe to run again: complete data is
 * left alone and the report is written anew.
 */
async function main() {
    const started = performance.now();
    const config = (0, config_1.loadConfig)(process.env);
    if (config.env === 'production')
        throw new Error('The demo never runs with NODE_ENV=production: it writes thousands of invented people.');
    // one connection per request in flight, and one for the odd lookup besides
    const demoConfig = {
        ...config,
        database: { url: (0, demo_data_1.demoDatabaseUrl)(config.database.url), poolSize: Math.max(config.database.poolSize, demo_data_1.DEMO_CONCURRENCY + 1) },
    };
    const app = await core_1.NestFactory.createApplicationContext(app_module_1.AppModule.forRoot(demoConfig), {
        logger: new logger_1.PinoNestLogger((0, pino_1.default)({ level: 'warn' })),
    });
    let built;
    try {
        console.log('demo: KubeCon + CloudNativeCon + Open Source Summit China 2019 and its 2018 edition');
        built = await (0, demo_data_1.buildDemoData)(app, { log: (line) => console.log(line) });
        if (built.skipped)
            console.log('  the demo data is complete already: nothing to build');
    }
    finally {
        await app.close();
    }
    const rendering = performance.now();
    const report = await (0, demo_data_1.produceDemoReport)(config.database.url, built.eventId, config.reports.privacyThreshold);
    const dir = (0, node_path_1.join)((0, project_root_1.projectRoot)(), OUTPUT_DIR);
    await (0, promises_1.mkdir)(dir, { recursive: true });
    const files = {
        en: (0, node_path_1.join)(dir, `${built.slug}.en.pdf`),
        'zh-CN': (0, node_path_1.join)(dir, `${built.slug}.zh-CN.pdf`),
        json: (0, node_path_1.join)(dir, `${built.slug}.json`),
    };
    await (0, promises_1.writeFile)(files.en, report.pdf.en);
    await (0, promises_1.writeFile)(files['zh-CN'], report.pdf['zh-CN']);
    await (0, promises_1.writeFile)(files.json, report.json);
    const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
    console.log(`  transparency report        ${seconds(rendering).padStart(6)} s`);
    console.log(`demo ready in ${seconds(started)} s:`);
    for (const path of Object.values(files))
        console.log(`  ${(0, node_path_1.relative)(process.cwd(), path) || path}`);
    console.log(`  sign in as ${seed_data_1.DEMO_ACCOUNTS.organiser.email} / ${seed_data_1.DEMO_ACCOUNTS.organiser.password} (organiser of both editions);`);
    console.log(`  every demo attendee and speaker (…@${demo_plan_1.DEMO_EMAIL_DOMAIN}) has the password ${demo_plan_1.DEMO_ATTENDEE_PASSWORD}`);
}
main().catch((error) => {
    console.error(error instanceof config_1.ConfigError ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=demo.js.map