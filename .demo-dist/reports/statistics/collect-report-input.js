"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportEventNotFoundError = void 0;
exports.collectReportInput = collectReportInput;
const content_1 = require("./content");
const editions_1 = require("./editions");
const event_1 = require("./event");
const partners_1 = require("./partners");
const registrations_1 = require("./registrations");
const scholarships_1 = require("./scholarships");
var event_2 = require("./event");
Object.defineProperty(exports, "ReportEventNotFoundError", { enumerable: true, get: function () { return event_2.ReportEventNotFoundError; } });
/**
 * Memory for the statement that hashes the check-ins of the edition (about 40 bytes per check-in): with Postgres's
 * default 4 MB a million check-ins spill to disk. `set_config(..., true)` lasts until the end of the transaction,
 * so it changes nothing for other work on the connection (and nothing at all outside a transaction).
 */
const WORK_MEM = '64MB';
/**
 * Everything the report counts, as aggregates computed by Postgres: a fixed number of statements (eleven) whatever
 * the size of the edition. Run it inside one REPEATABLE READ transaction so that every figure is taken from the
 * same snapshot (buildReport checks that they agree: check-ins never exceed in-person registrations, and so on).
 * The counting rules are documented next to each statement.
 */
async function collectReportInput(sql, eventId, options) {
    const event = await (0, event_1.collectEvent)(sql, eventId);
    await sql(`SELECT set_config('work_mem', $1, true)`, [WORK_MEM]);
    const registrations = await (0, registrations_1.collectRegistrations)(sql, eventId);
    const content = await (0, content_1.collectContent)(sql, eventId);
    const scholarshipProgrammes = await (0, scholarships_1.collectScholarships)(sql, eventId);
    const partners = await (0, partners_1.collectPartners)(sql, eventId);
    const previousEditions = await (0, editions_1.collectEarlierEditions)(sql, eventId);
    return {
        generatedAt: options.generatedAt,
        privacyThreshold: options.privacyThreshold,
        event,
        ...registrations,
        ...content,
        scholarshipProgrammes,
        ...partners,
        previousEditions,
    };
}
//# sourceMappingURL=collect-report-input.js.map