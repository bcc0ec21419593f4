"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_LANGUAGES = void 0;
exports.produceReport = produceReport;
exports.reportJson = reportJson;
const build_report_1 = require("./build-report");
const render_report_1 = require("./render/render-report");
const collect_report_input_1 = require("./statistics/collect-report-input");
exports.REPORT_LANGUAGES = ['en', 'zh-CN'];
/**
 * The whole report for one edition: statistics from the database (aggregates only), the model with its privacy
 * threshold, its JSON, and the PDF in each language. Throws ReportEventNotFoundError when the edition is gone and
 * ReportInputError when the figures contradict each other; both mean that retrying cannot help.
 */
async function produceReport(sql, eventId, options) {
    const render = options.render ?? render_report_1.renderReport;
    const input = await (0, collect_report_input_1.collectReportInput)(sql, eventId, { privacyThreshold: options.privacyThreshold, generatedAt: options.generatedAt });
    const model = (0, build_report_1.buildReport)(input);
    await options.onProgress?.(40, 'statistics');
    const pdf = {};
    for (const [index, language] of exports.REPORT_LANGUAGES.entries()) {
        pdf[language] = await render(model, language);
        await options.onProgress?.(40 + Math.round((50 * (index + 1)) / exports.REPORT_LANGUAGES.length), language);
    }
    return { model, json: reportJson(model), pdf };
}
/** The machine-readable report as stored and served: indented, so people can read it too. */
function reportJson(model) {
    return `${JSON.stringify(model, null, 2)}\n`;
}
//# sourceMappingURL=produce-report.js.map