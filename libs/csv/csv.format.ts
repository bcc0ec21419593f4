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

/**
 * The same cells written by PostgreSQL (ExportPool.copyCsv), as SQL over a column expression: text with the
 * formula quote, and null as an empty field. `expression` is evaluated twice, so it should be a column.
 */
export const csvTextSql = (expression: string) =>
  `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${expression} ELSE coalesce(${expression}::text, '') END`;

/** A value that cannot start a formula (number, enum, uuid), as text; null as an empty field. */
export const csvPlainSql = (expression: string) => `coalesce(${expression}::text, '')`;

/** An instant as toISOString writes it (UTC, milliseconds, Z); null as an empty field. */
export const csvUtcSql = (expression: string) =>
  `coalesce(to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;

/** Lets Excel detect UTF-8, so Chinese titles open correctly. */
export const UTF8_BOM = '\uFEFF';
