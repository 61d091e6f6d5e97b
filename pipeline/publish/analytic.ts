/**
 * The files for analysts: Parquet for every table, one SQLite database and
 * its Datasette metadata. Their writers are loaded only here, when a release is rendered.
 */
import type { ReleaseMeta, Rendered } from './release.js';
import type { PublishedTable } from './published.js';

export interface AnalyticInput {
  published: Array<{ table: PublishedTable; rows: Array<Record<string, unknown>> }>;
  meta: ReleaseMeta;
}

export async function analyticFiles(input: AnalyticInput): Promise<Rendered> {
  const [{ parquetFiles }, { renderSqlite, sqlitePath }, { DATASETTE_FILE, renderDatasetteMetadata }] = await Promise.all([
    import('./parquet.js'),
    import('./sqlite.js'),
    import('./datasette.js'),
  ]);
  return new Map([
    ...(await parquetFiles(input)),
    [sqlitePath(input), await renderSqlite(input)],
    [DATASETTE_FILE, renderDatasetteMetadata(input)],
  ]);
}
