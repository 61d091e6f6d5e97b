/**
 * <dataset>.sqlite: every published table in one database, with declared
 * types, primary and foreign keys, indexes on the foreign keys, lists as JSON
 * text, a full-text index (FTS5) over the free text of each table that has a
 * `text` field, and a few views. Built in memory with SQLite's own WebAssembly
 * build, then VACUUMed and exported: the same rows give the same bytes.
 */
import { setFlagsFromString } from 'node:v8';
import type { Database } from '@sqlite.org/sqlite-wasm';
import { type Column, flatColumnsOf, valueAt } from './columns.js';
import { type AnalyticInput, sqliteFileOf } from './analytic-input.js';
import { jsonSchemaOfTable, type PublishedTable } from './published.js';
import { foreignKeysOf } from './tableschema.js';
import { type FlatColumn, ftsColumns, ftsTableOf, ftsValue } from './search.js';
import { VIEWS, viewApplies } from './views.js';
import type { Row } from '../model/row.js';

export const databaseName = (input: AnalyticInput) => input.meta.pipeline.name;
export const sqlitePath = (input: AnalyticInput) => sqliteFileOf(databaseName(input));

/** Fixed, so the file does not depend on the library's default. */
const PAGE_SIZE = 4096;

const SQL_TYPES: Record<Column['kind'], string> = {
  string: 'TEXT',
  integer: 'INTEGER',
  number: 'REAL',
  boolean: 'INTEGER',
  date: 'TEXT',
  json: 'TEXT',
  list: 'TEXT',
  struct: 'TEXT',
};

export const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteNames = (names: readonly string[]) => names.map(quoteName).join(', ');

/** A table's columns as stored: structs expanded ("source_line_start"), lists and deeper objects as JSON text. */
export function sqliteColumns(table: PublishedTable): FlatColumn[] {
  const known = columnCache.get(table);
  if (known) return known;
  const columns = flatColumnsOf(jsonSchemaOfTable(table) as never);
  columnCache.set(table, columns);
  return columns;
}

/** Generating a JSON Schema is not free, and a table's columns are asked for at each step. */
const columnCache = new WeakMap<PublishedTable, FlatColumn[]>();

function columnDefinition({ column }: FlatColumn): string {
  const checks = column.kind === 'boolean' ? ` CHECK (${quoteName(column.name)} IN (0, 1))` : '';
  return `${quoteName(column.name)} ${SQL_TYPES[column.kind]}${column.nullable ? '' : ' NOT NULL'}${checks}`;
}

/** A key over a nullable column is only UNIQUE: SQLite would let a PRIMARY KEY hold NULLs. */
function keyClause(table: PublishedTable, columns: FlatColumn[]): string[] {
  if (!table.key.length) return [];
  const nullable = table.key.some((k) => columns.find((c) => c.column.name === k)?.column.nullable !== false);
  return [`${nullable ? 'UNIQUE' : 'PRIMARY KEY'} (${table.key.map(quoteName).join(', ')})`];
}

const foreignKeys = (table: PublishedTable, tables: PublishedTable[]) => foreignKeysOf(table, jsonSchemaOfTable(table) as never, tables);

function createTable(table: PublishedTable, tables: PublishedTable[]): string[] {
  const columns = sqliteColumns(table);
  const fks = foreignKeys(table, tables);
  const clauses = [
    ...columns.map(columnDefinition),
    ...keyClause(table, columns),
    ...fks.map(
      (fk) => `FOREIGN KEY (${quoteNames(fk.fields)}) REFERENCES ${quoteName(fk.reference.resource)} (${quoteNames(fk.reference.fields)})`,
    ),
  ];
  const indexes = fks.map(
    (fk) => `CREATE INDEX ${quoteName(`${table.name}_${fk.fields.join('_')}`)} ON ${quoteName(table.name)} (${quoteNames(fk.fields)});`,
  );
  return [`CREATE TABLE ${quoteName(table.name)} (\n  ${clauses.join(',\n  ')}\n);`, ...indexes];
}

/** A JSON value as SQLite stores it in its column. */
function sqlValue(column: Column, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'boolean') return value ? 1 : 0;
  if (column.kind === 'list' || column.kind === 'struct' || column.kind === 'json') return JSON.stringify(value);
  return value as string | number;
}

/**
 * A value written into SQL text. Rows go in as one script of INSERT statements, parsed by SQLite itself: binding
 * value by value crossed into WebAssembly (and copied a C string) for every cell, most of the database's cost.
 * SQLite reads decimal numbers back to the same double (correctly rounded since 3.43); a NUL, which would end the
 * script's C string, is spelled char(0).
 */
export function sqlLiteral(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return value
    .split('\0')
    .map((part) => `'${part.replace(/'/g, "''")}'`)
    .join(' || char(0) || ');
}

/** Rows per INSERT: each statement is parsed (in WebAssembly) once for the rows it holds, not once per row. */
const ROWS_PER_INSERT = 500;

function insertRows(db: Database, name: string, columns: FlatColumn[], rows: Row[], read: (c: FlatColumn, row: Row) => unknown): void {
  const into = `INSERT INTO ${quoteName(name)} (rowid, ${columns.map((c) => quoteName(c.column.name)).join(', ')}) VALUES\n`;
  const values = (row: Row, index: number) =>
    `(${index + 1}, ${columns.map((c) => sqlLiteral(read(c, row) as string | number | null | undefined)).join(', ')})`;
  const statements: string[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const batch = rows.slice(start, start + ROWS_PER_INSERT).map((row, i) => values(row, start + i));
    statements.push(`${into}${batch.join(',\n')};`);
  }
  if (statements.length) db.exec(statements.join('\n'));
}

/** The full-text index of a table with free text: its row ids are the table's, so a MATCH joins on rowid. */
function addSearch(db: Database, table: PublishedTable, rows: Row[]): void {
  const columns = ftsColumns(sqliteColumns(table), table.key);
  if (!columns.length) return;
  const definitions = columns.map((c) => `${quoteName(c.column.name)}${table.key.includes(c.column.name) ? ' UNINDEXED' : ''}`);
  db.exec(
    `CREATE VIRTUAL TABLE ${quoteName(ftsTableOf(table))} USING fts5(${definitions.join(', ')}, ` +
      "tokenize = 'porter unicode61 remove_diacritics 2');",
  );
  insertRows(db, ftsTableOf(table), columns, rows, (c, row) => ftsValue(c.column, valueAt(row, c.path)));
}

/** Facts about the release, one per row, so the database says what it is. */
function releaseRows(input: AnalyticInput): Row[] {
  const { meta } = input;
  const facts: Array<[string, string | null]> = [
    ['version', meta.version],
    ['source_id', meta.source.id],
    ['source_file', meta.source.file],
    ['source_sha256', meta.source.sha256],
    ['source_title', meta.source.title ?? null],
    ['source_url', meta.source.url ?? null],
    ['pipeline', `${meta.pipeline.name} ${meta.pipeline.version}`],
  ];
  return facts.map(([key, value]) => ({ key, value }));
}

export const RELEASE_TABLE = 'about_release';
const RELEASE_COLUMNS: FlatColumn[] = ['key', 'value'].map((name) => ({
  column: { name, kind: 'string', nullable: name === 'value' },
  path: [name],
  prop: { type: 'string' },
  required: name === 'key',
}));

function fill(db: Database, input: AnalyticInput): void {
  const tables = input.published.map((p) => p.table);
  db.exec(`PRAGMA page_size = ${PAGE_SIZE}; BEGIN;`);
  db.exec(`CREATE TABLE ${RELEASE_TABLE} (key TEXT NOT NULL PRIMARY KEY, value TEXT);`);
  insertRows(db, RELEASE_TABLE, RELEASE_COLUMNS, releaseRows(input), (c, row) => row[c.column.name]);
  for (const { table, rows } of input.published) {
    db.exec(createTable(table, tables).join('\n'));
    insertRows(db, table.name, sqliteColumns(table), rows, (c, row) => sqlValue(c.column, valueAt(row, c.path)));
    addSearch(db, table, rows);
  }
  const present = new Map(tables.map((t) => [t.name, new Set(sqliteColumns(t).map((c) => c.column.name))]));
  for (const view of VIEWS.filter((v) => viewApplies(v, present))) db.exec(`CREATE VIEW ${quoteName(view.name)} AS\n${view.sql};`);
  db.exec('COMMIT; VACUUM;');
}

let engine: Promise<Awaited<ReturnType<typeof import('@sqlite.org/sqlite-wasm')['default']>>> | undefined;

/**
 * SQLite's WebAssembly build, loaded once, only when a database is written. Its code stays with V8's baseline
 * compiler (Liftoff): optimising a megabyte of WebAssembly in the background cost more CPU (about 0.4 s a run)
 * than it saves in a run that writes one small database.
 */
const sqlite = () => (engine ??= loadEngine());

function loadEngine() {
  setFlagsFromString('--liftoff-only');
  return import('@sqlite.org/sqlite-wasm').then((module) => module.default());
}

/** The database's bytes. */
export async function renderSqlite(input: AnalyticInput): Promise<Buffer> {
  const sqlite3 = await sqlite();
  const db = new sqlite3.oo1.DB(':memory:');
  try {
    fill(db, input);
    return Buffer.from(sqlite3.capi.sqlite3_js_db_export(db));
  } finally {
    db.close();
  }
}
