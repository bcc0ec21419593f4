"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PinoNestLogger = void 0;
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
/** JSON lines on stdout; Fastify adds the request id to every request-scoped line. */
function createLogger(config, service) {
    return (0, pino_1.default)({ level: config.log.level, base: { service }, timestamp: pino_1.default.stdTimeFunctions.isoTime });
}
/** Routes Nest's own log calls into the same pino logger. */
class PinoNestLogger {
    logger;
    constructor(logger) {
        this.logger = logger;
    }
    log(message, context) {
        this.logger.info({ context }, String(message));
    }
    error(message, trace, context) {
        this.logger.error({ context, trace, err: message instanceof Error ? message : undefined }, String(message));
    }
    warn(message, context) {
        this.logger.warn({ context }, String(message));
    }
    debug(message, context) {
        this.logger.debug({ context }, String(message));
    }
    verbose(message, context) {
        this.logger.trace({ context }, String(message));
    }
    fatal(message, context) {
        this.logger.fatal({ context }, String(message));
    }
}
exports.PinoNestLogger = PinoNestLogger;
//# sourceMappingURL=logger.js.map