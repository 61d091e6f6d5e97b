/**
 * <table>.parquet for every published table (summaries in summaries/), typed
 * from the record schema (columns.ts): integers INT64, full dates DATE,
 * partial dates strings, lists LIST, nested objects STRUCT, nulls null;
 * Snappy-compressed; release version and source sha256 in the key-value metadata.
 * Written by hyparquet-writer (pure JavaScript): the same rows give the same bytes.
 */
import type { ColumnSource, KeyValue, SchemaElement } from 'hyparquet-writer';
import { type Column, columnsOf, type ScalarKind } from './columns.js';
import type { AnalyticInput } from './analytic-input.js';
import { jsonSchemaOfTable, type PublishedTable, tableFiles } from './published.js';
import type { Row } from '../model/row.js';

type Writer = typeof import('hyparquet-writer');

const SCALAR_ELEMENTS: Record<string, Partial<SchemaElement>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { type: 'INT64' },
  number: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON' },
};

/** What DuckDB, pandas or Spark call the scalar types above. */
const SCALAR_NAMES: Record<ScalarKind, string> = {
  string: 'STRING',
  integer: 'INT64',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  json: 'JSON',
};

/** A column's Parquet type as the data dictionary shows it: "INT64", "LIST<STRING>", "STRUCT<article, label>". */
export function parquetTypeOf(column: Column): string {
  if (column.kind === 'list') return `LIST<${parquetTypeOf(column.items)}>`;
  if (column.kind === 'struct') return `STRUCT<${column.fields.map((f) => f.name).join(', ')}>`;
  return SCALAR_NAMES[column.kind];
}

/** The schema elements of one column, depth first (a LIST in the standard three levels). */
function elementsOf(column: Column): SchemaElement[] {
  const repetition_type = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  if (column.kind === 'list') {
    return [
      { name: column.name, repetition_type, converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      ...elementsOf(column.items),
    ];
  }
  if (column.kind === 'struct') {
    return [{ name: column.name, repetition_type, num_children: column.fields.length }, ...column.fields.flatMap(elementsOf)];
  }
  return [{ name: column.name, repetition_type, ...SCALAR_ELEMENTS[column.kind] } as SchemaElement];
}

/** A JSON value as the writer takes it for its column: INT64 as bigint, DATE as a UTC Date, nested values converted alike. */
function valueFor(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === 'integer') return BigInt(value as number);
  if (column.kind === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (column.kind === 'list') return (value as unknown[]).map((item) => valueFor(column.items, item));
  if (column.kind === 'struct') return Object.fromEntries(column.fields.map((f) => [f.name, valueFor(f, (value as Row)[f.name])]));
  return value;
}

/** The key-value metadata: what release and source the file belongs to. */
function metadataOf(table: PublishedTable, input: AnalyticInput): KeyValue[] {
  const { meta } = input;
  return [
    { key: 'kzpp.table', value: table.name },
    { key: 'kzpp.version', value: meta.version ?? '' },
    { key: 'kzpp.source.id', value: meta.source.id },
    { key: 'kzpp.source.sha256', value: meta.source.sha256 },
  ];
}

/** One table as Parquet bytes. */
export function tableToParquet(writer: Writer, table: PublishedTable, rows: Row[], input: AnalyticInput): Buffer {
  const columns = columnsOf(jsonSchemaOfTable(table) as never);
  const columnData: ColumnSource[] = columns.map((column) => ({
    name: column.name,
    data: rows.map((row) => valueFor(column, row[column.name])),
  }));
  const root: SchemaElement = { name: 'schema', num_children: columns.length };
  const bytes = writer.parquetWriteBuffer({
    columnData,
    schema: [root, ...columns.flatMap(elementsOf)],
    codec: 'SNAPPY',
    kvMetadata: metadataOf(table, input),
    createdBy: `${input.meta.pipeline.name} ${input.meta.pipeline.version} (hyparquet-writer)`,
  });
  return Buffer.from(bytes);
}

/** Every table's Parquet file, in publishing order. */
export async function parquetFiles(input: AnalyticInput): Promise<Array<[string, Buffer]>> {
  const writer = await import('hyparquet-writer');
  return input.published.map(({ table, rows }) => [tableFiles(table).parquet, tableToParquet(writer, table, rows, input)]);
}
