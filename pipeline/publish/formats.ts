/** Serialisations of one table: JSON array, NDJSON and CSV, all deterministic. */
import { stringify } from 'csv-stringify/sync';
import type { Row } from '../model/row.js';
import { csvCellsOf } from './columns.js';

export const toJson = (rows: unknown[]) => `${JSON.stringify(rows, null, 2)}\n`;
export const toNdjson = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** RFC 4180 CSV, UTF-8, no BOM; `columns` (csvColumnsOf) fixes the header even for optional fields. */
export function toCsv(rows: Row[], columns: string[]): string {
  return stringify(
    rows.map((r) => csvCellsOf(r)),
    { header: true, columns, record_delimiter: '\r\n', quoted_match: /^\s|\s$/ },
  );
}

/** A cell a spreadsheet would run as a formula (or mangle) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet-safe cell: a leading apostrophe makes Excel/LibreOffice show it as text. */
export const formulaSafe = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * The CSV for double-clicking: UTF-8 with a BOM (so Excel detects the
 * encoding) and every cell formula-safe. Same columns and rows as toCsv.
 */
export function toExcelCsv(rows: Row[], columns: string[]): string {
  const safe = rows.map((r) => Object.fromEntries(Object.entries(csvCellsOf(r)).map(([k, v]) => [k, formulaSafe(v)])));
  return `\uFEFF${stringify(safe, { header: true, columns, record_delimiter: '\r\n', quoted_match: /^\s|\s$/ })}`;
}
