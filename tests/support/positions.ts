import { TABLE_NAMES, type Dataset } from '../../pipeline/model/tables.js';

/**
 * Fields that say where a row was read, not what it says: lines of a Markdown
 * file and lines of a PDF's pages are different things, so the formats are
 * compared without them.
 */
export const POSITION_FIELDS: Record<string, string[]> = { prisoners: ['source'], sections: ['line_start', 'page'], mentions: ['line', 'page'] };

export function withoutPositions(dataset: Dataset): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLE_NAMES.map((t) => [t, (dataset[t] as object[]).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !POSITION_FIELDS[t]?.includes(k))))]),
  );
}
