"use strict";
/**
 * The transparency report as data: what the worker stores as the machine-readable JSON and what both PDF editions
 * are rendered from. Every number in it is printed in each PDF edition (a test checks this), so nothing goes in
 * here that the reader cannot see.
 *
 * Conventions:
 * - counts are whole numbers of people, proposals, sessions or organisations;
 * - every field named `percent` or ending in `Percent` is a percentage between 0 and 100 with at most one decimal
 *   (see `percent` in stats.ts), or null when its denominator is zero or the privacy threshold hides it;
 * - money is `{ currency, minor }` in the currency's minor unit (cents), never a float;
 * - instants are ISO 8601 strings in UTC; the renderer shows them in the event's time zone.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPONSOR_TIERS = exports.OTHER_KEY = exports.REPORT_FORMAT = void 0;
exports.REPORT_FORMAT = 'lectern-transparency-report/1';
/** Key of the row that holds groups merged away, for privacy or to keep a chart to its top N. */
exports.OTHER_KEY = '_other';
/** Display order of sponsor tiers, highest first. */
exports.SPONSOR_TIERS = [
    'STRATEGIC',
    'DOUBLE_DIAMOND',
    'DIAMOND',
    'PLATINUM',
    'GOLD',
    'SILVER',
    'BRONZE',
    'START_UP',
    'END_USER',
    'SUPPORTER',
];
//# sourceMappingURL=report.model.js.map