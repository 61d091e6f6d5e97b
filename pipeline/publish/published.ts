/**
 * Everything a release publishes as a table: the extracted tables of the
 * registry (pipeline/model/tables.ts) followed by the derived summaries.
 * One list, so one writer serves both.
 */
import type { z } from 'zod';
import { type Dataset, TABLE_NAMES, TABLES } from '../model/tables.js';
import { jsonSchemaOf } from '../model/json-schema.js';
import { computeSummaries, SUMMARIES, SUMMARY_NAMES } from './summaries.js';
import type { Row } from '../model/row.js';

/** A Frictionless foreign key: fields of this table -> the key of another. */
export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface PublishedTable {
  name: string;
  title: string;
  schema: z.ZodType;
  key: readonly string[];
  /** Folder of its JSON/NDJSON/CSV files inside a release ('' or 'summaries/'). */
  dir: string;
  derived: boolean;
  /** Declared in the registry entry, if it declares any; else derived from field names. */
  foreignKeys?: ForeignKey[];
}

export const SUMMARIES_DIR = 'summaries/';

export function publishedTables(): PublishedTable[] {
  const extracted = TABLE_NAMES.map((name): PublishedTable => {
    const entry = TABLES[name] as { schema: z.ZodType; key: readonly string[]; title: string; foreignKeys?: ForeignKey[] };
    return { name, title: entry.title, schema: entry.schema, key: entry.key, dir: '', derived: false, foreignKeys: entry.foreignKeys };
  });
  const derived = SUMMARY_NAMES.map((name): PublishedTable => {
    const { title, schema, key } = SUMMARIES[name]!;
    return { name, title, schema, key, dir: SUMMARIES_DIR, derived: true };
  });
  return [...extracted, ...derived];
}

export const jsonSchemaOfTable = (table: PublishedTable) => jsonSchemaOf(table.name, table);

/** The paths of a table's files inside a release. */
export const tableFiles = (table: PublishedTable) => ({
  json: `${table.dir}${table.name}.json`,
  ndjson: `${table.dir}${table.name}.ndjson`,
  csv: `${table.dir}${table.name}.csv`,
  parquet: `${table.dir}${table.name}.parquet`,
  excel: `excel/${table.name}.csv`,
  schema: `schemas/${table.name}.schema.json`,
});

const rowsOfDataset = new WeakMap<Dataset, Array<{ table: PublishedTable; rows: Row[] }>>();
/** Computed once per dataset: the release's files and its data dictionary both publish these rows. */
export function publishedRows(dataset: Dataset): Array<{ table: PublishedTable; rows: Row[] }> {
  const known = rowsOfDataset.get(dataset);
  if (known) return known;
  const rows = tableRows(dataset);
  rowsOfDataset.set(dataset, rows);
  return rows;
}

/** Each published table with its rows, in publishing order. */
function tableRows(dataset: Dataset): Array<{ table: PublishedTable; rows: Row[] }> {
  const summaries = computeSummaries(dataset);
  return publishedTables().map((table) => ({
    table,
    // a partial dataset (tests, benchmarks) publishes empty tables
    rows: table.derived ? summaries[table.name]! : ((dataset[table.name as keyof Dataset] ?? []) as Row[]),
  }));
}
