/** Serialisations of one table: JSON array, NDJSON and CSV, all deterministic. */
import { stringify } from 'csv-stringify/sync';
import type { Row } from '../model/row.js';

export const toJson = (rows: unknown[]) => `${JSON.stringify(rows, null, 2)}\n`;
export const toNdjson = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** A cell: arrays joined with "; ", objects in an array as "a: b", null as empty. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v !== null
          ? Object.values(v)
              .filter((x) => x !== null)
              .join(': ')
          : cell(v),
      )
      .join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Nested objects become prefixed columns: source.line_start -> source_line_start. */
export function flatten(row: Row, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value as Row, `${prefix}${key}_`, out);
    else out[`${prefix}${key}`] = cell(value);
  }
  return out;
}

/** RFC 4180 CSV, UTF-8, no BOM; `columns` fixes the header even for optional fields. */
export function toCsv(rows: Row[], columns: string[]): string {
  return stringify(
    rows.map((r) => flatten(r)),
    { header: true, columns, record_delimiter: '\r\n', quoted_match: /^\s|\s$/ },
  );
}

/** CSV columns of a schema: its properties in order, nested objects expanded. */
export function csvColumns(schema: { properties?: Record<string, { properties?: Record<string, unknown>; type?: unknown }> }): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, prop]) =>
    prop.properties ? Object.keys(prop.properties).map((k) => `${key}_${k}`) : [key],
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
  const safe = rows.map((r) => Object.fromEntries(Object.entries(flatten(r)).map(([k, v]) => [k, formulaSafe(v)])));
  return `\uFEFF${stringify(safe, { header: true, columns, record_delimiter: '\r\n', quoted_match: /^\s|\s$/ })}`;
}
