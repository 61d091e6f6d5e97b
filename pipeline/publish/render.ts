/** Rendering a validated dataset into the files of a release (nothing is written here: see publish.ts). */
import type { Dataset } from '../model/tables.js';
import { schemaText } from '../model/json-schema.js';
import { analyticFiles } from './analytic.js';
import { sqliteFileOf } from './analytic-input.js';
import { buildRecords } from './buildinfo.js';
import { renderDictionary } from './dictionary.js';
import { csvColumnsOf } from './columns.js';
import { toCsv, toExcelCsv, toJson, toNdjson } from './formats.js';
import { buildManifest, MANIFEST_FILE, manifestBytes } from './manifest.js';
import { jsonSchemaOfTable, publishedRows, tableFiles } from './published.js';
import type { ReleaseMeta, Rendered } from './types.js';

/**
 * The release's files: each table (extracted, then summaries) as JSON, NDJSON
 * and CSV; the spreadsheet CSVs; the JSON Schemas; Parquet, SQLite and Datasette
 * metadata (analytic.ts); the data dictionary; then
 * manifest.json. More files may be appended; publishing adds datapackage.json
 * and SHA256SUMS over all of them (sealRelease). `extra`: further files of
 * the release (the QA report, the release's history), listed in the manifest like the tables.
 * `site` and `analytic` false leave out the website and the Parquet/SQLite files (the fuzzer's per-case render).
 */
export async function renderDataset(
  dataset: Dataset,
  meta: ReleaseMeta,
  extra: Rendered = new Map(),
  { site = true, analytic = true } = {},
): Promise<Rendered> {
  const files: Rendered = new Map();
  const published = publishedRows(dataset).map(({ table, rows }) => ({
    table,
    rows,
    paths: tableFiles(table),
    schema: jsonSchemaOfTable(table),
  }));
  for (const { rows, paths, schema } of published) {
    files.set(paths.json, Buffer.from(toJson(rows)));
    files.set(paths.ndjson, Buffer.from(toNdjson(rows)));
    files.set(paths.csv, Buffer.from(toCsv(rows, csvColumnsOf(schema as never))));
  }
  for (const { rows, paths, schema } of published) files.set(paths.excel, Buffer.from(toExcelCsv(rows, csvColumnsOf(schema as never))));
  for (const { paths, schema } of published) files.set(paths.schema, Buffer.from(schemaText(schema)));
  if (analytic) for (const [name, bytes] of await analyticFiles({ published, meta })) files.set(name, bytes);
  const countsOf = (derived: boolean) =>
    Object.fromEntries(published.filter((p) => p.table.derived === derived).map((p) => [p.table.name, p.rows.length]));
  files.set('data-dictionary.md', Buffer.from(renderDictionary(dataset, meta.source, sqliteFileOf(meta.pipeline.name))));
  for (const [name, bytes] of extra) files.set(name, bytes);
  for (const [name, bytes] of buildRecords(meta)) files.set(name, bytes); // what built it: SBOM and provenance (issue #13)
  if (site) for (const [name, bytes] of (await import('./site/index.js')).renderSite(dataset, meta, files)) files.set(name, bytes);
  files.set(MANIFEST_FILE, manifestBytes(buildManifest(meta, countsOf(false), countsOf(true), files)));
  return files;
}
