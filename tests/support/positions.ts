import { TABLE_NAMES, TABLES, type Dataset } from '../../pipeline/model/tables.js';

/**
 * Fields that say where a row was read, not what it says: lines of a Markdown
 * file and lines of a PDF's pages are different things, so the formats are
 * compared without them: the table registry's provenance fields (one owner).
 */
export const POSITION_FIELDS: Record<string, readonly string[]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLES[t].provenance]));

export function withoutPositions(dataset: Dataset): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [
      t,
      (dataset[t] as object[]).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !POSITION_FIELDS[t]?.includes(k)))),
    ]),
  );
}
