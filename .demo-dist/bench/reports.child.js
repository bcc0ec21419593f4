"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const pg_1 = require("pg");
const build_report_1 = require("../reports/build-report");
const produce_report_1 = require("../reports/produce-report");
const render_report_1 = require("../reports/render/render-report");
const collect_report_input_1 = require("../reports/statistics/collect-report-input");
/**
 * The work of one report job, alone in its own process so that its peak RSS is the job's and nothing else's:
 * `node dist/bench/reports.child.js <databaseUrl> <eventId> <runs>` prints one JSON line of timings.
 * The baseline runs here too, on the same connection, interleaved with the statistics so that both see the same
 * cache and the same load from whatever else the machine is doing.
 */
const BASELINE = `SELECT country, count(*) FROM registrations WHERE event_id = $1::uuid GROUP BY country`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function timed(work) {
    const started = process.hrtime.bigint();
    const result = await work();
    return [result, Number(process.hrtime.bigint() - started) / 1e6];
}
async function main() {
    const [databaseUrl, eventId, runsArg] = process.argv.slice(2);
    const runs = Number(runsArg ?? 3);
    const db = new pg_1.Client({ connectionString: databaseUrl });
    await db.connect();
    const sql = async (text, values = []) => (await db.query(text, values)).rows;
    const generatedAt = new Date('2019-07-15T08:00:00Z');
    /** As the worker runs it: one REPEATABLE READ snapshot. */
    const collect = async () => {
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
            return await (0, collect_report_input_1.collectReportInput)(sql, eventId, { privacyThreshold: 5, generatedAt });
        }
        finally {
            await db.query('COMMIT');
        }
    };
    // warm-up: both read the table once into the cache before anything is timed
    await db.query(BASELINE, [eventId]);
    await collect();
    const baseline = [];
    const statistics = [];
    let input;
    for (let run = 0; run < runs; run++) {
        baseline.push((await timed(() => db.query(BASELINE, [eventId])))[1]);
        const [collected, ms] = await timed(collect);
        statistics.push(ms);
        input = collected;
    }
    await db.end();
    const [model, buildMs] = await timed(async () => (0, build_report_1.buildReport)(input));
    // the first render parses the CJK font, as the first render of every report job's thread does
    const renders = {};
    for (const language of produce_report_1.REPORT_LANGUAGES) {
        const [pdf, ms] = await timed(() => (0, render_report_1.renderReport)(model, language));
        renders[language] = { ms, bytes: pdf.length, pages: (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length };
    }
    process.stdout.write(`${JSON.stringify({
        baselineMs: median(baseline),
        statisticsMs: median(statistics),
        baselineRuns: baseline,
        statisticsRuns: statistics,
        buildMs,
        renders,
        registrations: model.headline.registrations,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`);
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=reports.child.js.map