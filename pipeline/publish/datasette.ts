/**
 * metadata.json beside the database, for `datasette <db>.sqlite -m metadata.json`:
 * title, description, licence, source, and every table and column described
 * from the record schemas (the data dictionary's meanings).
 */
import type { AnalyticInput } from './analytic-input.js';
import { datasetDescription, datasetTitle } from './datapackage.js';
import { attributionOf, DATA_LICENSE, QUOTED_TEXT_NOTICE } from './licence.js';
import { jsonSchemaOfTable } from './published.js';
import { ftsColumns, ftsTableOf } from './search.js';
import { databaseName, RELEASE_TABLE, sqliteColumns } from './sqlite.js';
import { VIEWS } from './views.js';

function tableMetadata({ table }: AnalyticInput['published'][number]): Record<string, unknown> {
  const schema = jsonSchemaOfTable(table) as { description?: string };
  const columns = sqliteColumns(table);
  const searchable = ftsColumns(columns, table.key).length > 0;
  return {
    title: table.title,
    description: `${schema.description ?? table.title}${table.derived ? ' (summary computed from the records)' : ''}. Lists are JSON text.`,
    columns: Object.fromEntries(columns.filter((c) => c.column.description).map((c) => [c.column.name, c.column.description])),
    ...(searchable ? { fts_table: ftsTableOf(table) } : {}),
  };
}

export function datasetteMetadata(input: AnalyticInput): Record<string, unknown> {
  const { source } = input.meta;
  const views = Object.fromEntries(VIEWS.map((v) => [v.name, { description: v.description }]));
  const tables = Object.fromEntries(input.published.map((p) => [p.table.name, tableMetadata(p)]));
  const release = { [RELEASE_TABLE]: { description: 'What this database is: release version, source file and its sha256, pipeline' } };
  return {
    title: datasetTitle(source),
    description: `${datasetDescription(source)} Attribution: data extracted from ${attributionOf(source)}. ${QUOTED_TEXT_NOTICE}`,
    license: DATA_LICENSE.name,
    license_url: DATA_LICENSE.path,
    source: source.title ?? source.file,
    ...(source.url ? { source_url: source.url } : {}),
    databases: { [databaseName(input)]: { tables: { ...release, ...tables, ...views } } },
  };
}

export const renderDatasetteMetadata = (input: AnalyticInput) => Buffer.from(`${JSON.stringify(datasetteMetadata(input), null, 2)}\n`);
