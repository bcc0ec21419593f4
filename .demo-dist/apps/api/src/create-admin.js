"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const pino_1 = __importDefault(require("pino"));
const config_1 = require("../../../libs/config/config");
const logger_1 = require("../../../libs/logging/logger");
const app_module_1 = require("./app.module");
const auth_service_1 = require("./auth/auth.service");
/**
 * `npm run admin:create -- <email>` with the password on standard input (so it never appears in the shell
 * history or the process list): creates the administrator, or promotes an existing account.
 */
async function main() {
    const email = process.argv[2];
    if (!email || !email.includes('@'))
        throw new Error('usage: npm run admin:create -- <email>   (password on stdin)');
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    if (password.length < 12)
        throw new Error('the password (read from stdin) must be at least 12 characters long');
    const config = (0, config_1.loadConfig)(process.env);
    const app = await core_1.NestFactory.createApplicationContext(app_module_1.AppModule.forRoot(config), {
        logger: new logger_1.PinoNestLogger((0, pino_1.default)({ level: 'warn' })),
    });
    try {
        const { user, created } = await app.get(auth_service_1.AuthService).ensureAdmin(email, password);
        console.log(`${created ? 'created' : 'updated'} administrator ${user.email}`);
    }
    finally {
        await app.close();
    }
}
main().catch((error) => {
    console.error(error instanceof config_1.ConfigError ? error.message : error.message);
    process.exit(1);
});
//# sourceMappingURL=create-admin.js.map