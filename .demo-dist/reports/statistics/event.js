"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportEventNotFoundError = void 0;
exports.collectEvent = collectEvent;
const sql_1 = require("./sql");
/** The edition the report is about no longer exists (deleted after the report was requested). */
class ReportEventNotFoundError extends Error {
    eventId;
    constructor(eventId) {
        super(`event ${eventId} does not exist`);
        this.eventId = eventId;
        this.name = 'ReportEventNotFoundError';
    }
}
exports.ReportEventNotFoundError = ReportEventNotFoundError;
async function collectEvent(sql, eventId) {
    const [row] = await sql(`SELECT e.slug, e.name, e.name_zh, s.name AS series_name, s.name_zh AS series_name_zh, e.city, e.country, e.venue,
            e.timezone, ${(0, sql_1.isoUtc)('e.starts_at')} AS starts_at, ${(0, sql_1.isoUtc)('e.ends_at')} AS ends_at, e.format::text AS format
       FROM events e JOIN series s ON s.id = e.series_id
      WHERE e.id = $1::uuid`, [eventId]);
    if (!row)
        throw new ReportEventNotFoundError(eventId);
    return {
        slug: row.slug,
        name: row.name,
        nameZh: row.name_zh,
        seriesName: row.series_name,
        seriesNameZh: row.series_name_zh,
        city: row.city,
        country: row.country,
        venue: row.venue,
        timezone: row.timezone,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        format: row.format,
    };
}
//# sourceMappingURL=event.js.map