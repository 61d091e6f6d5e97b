/**
 * What the SQLite database indexes for full-text search: every table that has
 * a `text` field (the prose of a record) gets <table>_fts over its free-text
 * columns (names, aliases, labels, the text itself), lists flattened to lines.
 * Identifiers and addresses are not prose and stay out.
 */
import type { Column, FlatColumn } from './columns.js';
import type { PublishedTable } from './published.js';

export type { FlatColumn } from './columns.js';

/** Ids ("id", "prisoner_id") and web addresses ("source_urls", "domains") are looked up, not searched. */
const NOT_PROSE = /(^|_)(id|urls?|domains?)$/;

/** Does the column hold free text somewhere (itself, its list items, a field of its structs)? */
function holdsText(column: Column): boolean {
  if (NOT_PROSE.test(column.name)) return false;
  if (column.kind === 'list') return holdsText(column.items);
  if (column.kind === 'struct') return column.fields.some(holdsText);
  return column.freeText === true;
}

export const ftsTableOf = (table: PublishedTable) => `${table.name}_fts`;

/** The FTS columns of a table: its key (to name the row) then its free text; none when it has no `text`. */
export function ftsColumns(columns: FlatColumn[], key: readonly string[]): FlatColumn[] {
  if (!columns.some((c) => c.column.name === 'text' && c.column.freeText)) return [];
  const keys = columns.filter((c) => key.includes(c.column.name));
  return [...keys, ...columns.filter((c) => !key.includes(c.column.name) && holdsText(c.column))];
}

/** The searchable text of a value: list items and struct fields that hold text, one per line. */
export function ftsValue(column: Column, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'list')
    return (value as unknown[])
      .map((item) => ftsValue(column.items, item))
      .filter((v) => v !== null && v !== '')
      .join('\n');
  if (column.kind === 'struct') {
    const record = value as Record<string, unknown>;
    return column.fields
      .filter(holdsText)
      .map((f) => ftsValue(f, record[f.name]))
      .filter((v) => v !== null && v !== '')
      .join(' ');
  }
  return value as string | number;
}
