/**
 * docs/data-dictionary.md: every published table and field with its type,
 * meaning (the schema's description) and an example value from the data.
 * Generated; a test fails when the committed copy is stale.
 */
import type { Dataset } from '../model/tables.js';
import { type Attributed, licenceNotice } from './licence.js';
import { jsonSchemaOfTable, type PublishedTable, publishedRows, tableFiles } from './published.js';
import { foreignKeysOf } from './tableschema.js';
import { columnOf, flatColumnsOf, type JsonSchema, unwrapNullable, valueAt } from './columns.js';
import { DATASETTE_FILE } from './analytic-input.js';
import { parquetTypeOf } from './parquet.js';
import type { Row } from '../model/row.js';
import type { Root, RootContent } from 'mdast';
import {
  bulletList,
  code,
  comment,
  heading,
  type Inline,
  link,
  markdownOf,
  paragraph,
  prose,
  root,
  strong,
  table as table_,
} from './mdast.js';

/** Where the package keeps its data dictionary (a --file is the user's, from the current directory). */
export const DICTIONARY_FILE = 'docs/data-dictionary.md';
const EXAMPLE_LENGTH = 60;

/** "string", "integer or null", "array of string", "one of a, b". */
function typeOf(prop: JsonSchema): string {
  const { schema, nullable } = unwrapNullable(prop);
  let type = String(schema.type ?? 'any');
  if (schema.enum) type = `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  else if (type === 'array' && schema.items) {
    const item = unwrapNullable(schema.items).schema;
    type = item.properties ? `array of {${Object.keys(item.properties).join(', ')}}` : `array of ${String(item.type ?? 'any')}`;
  } else if (schema.pattern && /\\d\{4\}/.test(schema.pattern)) type = 'string (date)';
  return nullable ? `${type} or null` : type;
}

/** The first present value in the rows, shortened for a table cell. */
function exampleOf(rows: Row[], read: (row: Row) => unknown): Inline {
  const value = rows.map(read).find((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (value === undefined) return '';
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ');
  return code(text.length > EXAMPLE_LENGTH ? `${text.slice(0, EXAMPLE_LENGTH - 1)}…` : text);
}

/** One line per flat column: the field's path as in JSON, its CSV column, type, Parquet type, meaning, an example. */
function fieldRows(schema: JsonSchema, rows: Row[]): Inline[][] {
  return flatColumnsOf(schema).map(({ column, path, prop, required }) => [
    code(path.join('.')),
    code(column.name),
    [prose(typeOf(prop)), required ? '' : ' (may be absent)'],
    code(parquetTypeOf(columnOf(path.join('.'), prop as never, true))),
    (prop.description ?? unwrapNullable(prop).schema.description ?? '').replace(/\s+/g, ' '),
    exampleOf(rows, (r) => valueAt(r, path)),
  ]);
}

function tableSection(table: PublishedTable, rows: Row[], all: PublishedTable[]): RootContent[] {
  const schema = jsonSchemaOfTable(table) as JsonSchema;
  const files = tableFiles(table);
  const fks = foreignKeysOf(table, schema, all);
  const fileList = [files.json, files.ndjson, files.csv, files.excel, files.parquet].flatMap((f, i) => [i ? ', ' : '', code(f)]);
  const keys = table.key.flatMap((k, i) => [i ? ' + ' : '', code(k)]);
  return [
    heading(2, table.name),
    paragraph(
      strong(table.title),
      schema.description ? `: ${schema.description}` : '',
      '.',
      table.derived ? ' Computed from the records.' : '',
    ),
    bulletList([
      ['Files: ', fileList, '; schema ', code(files.schema)],
      [`Rows: ${rows.length}; key: `, keys.length ? keys : 'none'],
      ...fks.map((fk) => [code(fk.fields.join(', ')), ' refers to ', code(`${fk.reference.resource}.${fk.reference.fields.join(', ')}`)]),
    ]),
    table_(['field', 'CSV column', 'type', 'Parquet', 'meaning', 'example'], fieldRows(schema, rows)),
  ];
}

/** The files of a release, by format. */
const downloads = (database: string) =>
  table_(
    ['download', 'format', 'what it holds'],
    [
      [prose('`<table>.json`, `<table>.ndjson`'), 'JSON, NDJSON', prose('the records as validated against `schemas/<table>.schema.json`')],
      [prose('`<table>.csv`, `excel/<table>.csv`'), 'CSV', 'one row per record, for analysis and for spreadsheets'],
      [
        code('<table>.parquet'),
        'Apache Parquet (Snappy)',
        prose('typed columns: `INT64`, `DOUBLE`, `BOOLEAN`, `STRING`, `DATE`, `LIST`, `STRUCT`'),
      ],
      [code(database), 'SQLite 3', prose('every table: keys, foreign keys, lists as JSON text, full-text search (`<table>_fts`), views')],
      [code(DATASETTE_FILE), 'JSON', ['Datasette metadata: ', code(`datasette ${database} -m ${DATASETTE_FILE}`)]],
      [prose('`datapackage.json`, `SHA256SUMS`'), 'JSON, text', 'every file described (Frictionless Data Package) and hashed'],
    ],
  );

const INTRODUCTION = [
  'Every table is published in five forms with the same rows: `<table>.json` (a JSON array),',
  '`<table>.ndjson` (one JSON record per line), `<table>.csv` (RFC 4180, UTF-8, no BOM; lists',
  'joined with `; `, nested objects as `parent_child` columns), `excel/<table>.csv` (the same CSV',
  'with a BOM and formula-safe cells, for spreadsheets) and `<table>.parquet` (typed: the "Parquet" column below).',
  'Summary tables sit in `summaries/`.',
  'Empty CSV cells are null. Dates are ISO 8601 at the precision printed (`2023-02-10`, `2022-09`, `2019`):',
  'such a partial date stays a string in Parquet and SQLite too (no date type holds a month or a year alone);',
  'only a field whose schema says a full date (`format: date`) is a Parquet `DATE`.',
].join(' ');

/** The dictionary of a source's dataset as a tree; `source` names the report the licence's attribution credits. */
export function dictionaryTree(dataset: Dataset, source: Attributed & { id: string }, database: string): Root {
  const published = publishedRows(dataset);
  const all = published.map((p) => p.table);
  return root([
    heading(1, 'Data dictionary'),
    comment(`Generated by \`make data-dictionary\` from the record schemas and the data of source ${source.id}; do not edit.`),
    paragraph(prose(INTRODUCTION)),
    downloads(database),
    paragraph(licenceNotice(source)),
    table_(
      ['table', 'rows', 'what it is'],
      published.map(({ table, rows }) => [
        link(`#${table.name}`, table.name),
        String(rows.length),
        `${table.title}${table.derived ? ' (summary)' : ''}`,
      ]),
    ),
    ...published.flatMap(({ table, rows }) => tableSection(table, rows, all)),
  ]);
}

/** The dictionary as Markdown (docs/data-dictionary.md and each release's data-dictionary.md). */
export const renderDictionary = (dataset: Dataset, source: Attributed & { id: string }, database: string): string =>
  markdownOf(dictionaryTree(dataset, source, database));
