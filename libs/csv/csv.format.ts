/**
 * CSV as spreadsheets read it (RFC 4180, CRLF, every field quoted). A cell that starts with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel or LibreOffice, and speakers control titles and abstracts, so
 * such text gets a leading single quote (OWASP "CSV injection"). Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number' || typeof value === 'boolean') return `"${String(value)}"`;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Lets Excel detect UTF-8, so Chinese titles open correctly. */
export const UTF8_BOM = '\uFEFF';
