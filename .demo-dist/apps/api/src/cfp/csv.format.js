"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UTF8_BOM = void 0;
exports.csvCell = csvCell;
exports.csvRow = csvRow;
/**
 * CSV as spreadsheets read it (RFC 4180, CRLF, every field quoted). A cell that starts with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel or LibreOffice, and speakers control titles and abstracts, so
 * such text gets a leading single quote (OWASP "CSV injection"). Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
function csvCell(value) {
    if (value === null || value === undefined)
        return '""';
    if (typeof value === 'number' || typeof value === 'boolean')
        return `"${String(value)}"`;
    const text = FORMULA_START.test(value) ? `'${value}` : value;
    return `"${text.replace(/"/g, '""')}"`;
}
function csvRow(values) {
    return `${values.map(csvCell).join(',')}\r\n`;
}
/** Lets Excel detect UTF-8, so Chinese titles open correctly. */
exports.UTF8_BOM = '\uFEFF';
//# sourceMappingURL=csv.format.js.map