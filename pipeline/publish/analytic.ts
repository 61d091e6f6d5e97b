/**
 * The files for analysts: Parquet for every table, one SQLite database and
 * its Datasette metadata. Their writers are loaded only here, when a release is rendered.
 */
import { type AnalyticInput, DATASETTE_FILE } from './analytic-input.js';

export async function analyticFiles(input: AnalyticInput): Promise<Map<string, Buffer>> {
  const [{ parquetFiles }, { renderSqlite, sqlitePath }, { renderDatasetteMetadata }] = await Promise.all([
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
