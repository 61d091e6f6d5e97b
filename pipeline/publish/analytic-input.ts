/**
 * What the Parquet, SQLite and Datasette writers are given, and the names of
 * the files they write: a leaf module, so the writers, the data package and
 * the dictionary can all name those files without importing one another.
 */
import type { PublishedTable } from './published.js';

/** The release facts the writers use (a ReleaseMeta has them all). */
export interface AnalyticMeta {
  version: string | null;
  source: { id: string; file: string; sha256: string; published_on: string | null; title?: string; url?: string; publisher?: string };
  pipeline: { name: string; version: string };
}

export interface AnalyticInput {
  published: Array<{ table: PublishedTable; rows: Array<Record<string, unknown>> }>;
  meta: AnalyticMeta;
}

export const DATASETTE_FILE = 'metadata.json';

/** The database file, named after the dataset (the package), the same in every release. */
export const sqliteFileOf = (pipelineName: string) => `${pipelineName}.sqlite`;
