"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isoUtc = void 0;
exports.whole = whole;
exports.textArray = textArray;
/** An instant as ISO 8601 text in UTC, so every runner returns the same string whatever its date handling. */
const isoUtc = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
exports.isoUtc = isoUtc;
/** A whole number from a row: counts are cast to int in SQL, but a driver may still hand back a string or bigint. */
function whole(value) {
    const number = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
    if (!Number.isInteger(number))
        throw new TypeError(`expected a whole number from SQL, got ${String(value)}`);
    return number;
}
/** A text array from a row: drivers return `text[]` as an array, some hand back JSON text instead. */
function textArray(value) {
    if (value === null || value === undefined)
        return [];
    if (Array.isArray(value))
        return value.map(String);
    if (typeof value === 'string')
        return JSON.parse(value).map(String);
    throw new TypeError(`expected a text array from SQL, got ${typeof value}`);
}
//# sourceMappingURL=sql.js.map