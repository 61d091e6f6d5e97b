/**
 * Parquet and SQLite, read back by readers that are not ours: DuckDB for
 * every Parquet file (row for row and type for type against the JSON),
 * Python's sqlite3 for the database (tables, counts, keys, search, views).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordOf } from '../pipeline/history/records.js';
import { emptyIdentity } from '../pipeline/identity/ledger.js';
import { sha256 } from '../pipeline/lib/hash.js';
import type { Dataset } from '../pipeline/model/tables.js';
import { tableToParquet } from '../pipeline/publish/parquet.js';
import { publishedRows, publishedTables, type PublishedTable, tableFiles } from '../pipeline/publish/published.js';
import { listFiles } from '../pipeline/lib/files.js';
import { publishRelease } from '../pipeline/publish/publish.js';
import { renderDataset } from '../pipeline/publish/render.js';
import type { ReleaseMeta } from '../pipeline/publish/types.js';
import { renderSqlite } from '../pipeline/publish/sqlite.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { jsonSchemaOf } from '../pipeline/model/json-schema.js';
import { cli, fixture, modelOf, REPORT_MD, ROOT, sharedReportRelease, tempDir } from './helpers.js';

type Json = { type?: string | string[]; format?: string; anyOf?: Json[]; items?: Json; properties?: Record<string, Json> };
type Row = Record<string, unknown>;

const DATABASE = 'kz-political-prisoners.sqlite';
/** The non-null alternative of a nullable property (zod writes `type: [t, "null"]` or `anyOf`). */
function nonNull(p: Json): Json {
  if (Array.isArray(p.type)) return { ...p, type: p.type.find((t) => t !== 'null') };
  return p.anyOf?.find((o) => o.type !== 'null') ?? p;
}
const schemaOf = (table: PublishedTable) => jsonSchemaOf(table.name, table) as Json;

/** The type DuckDB should report for a property (this test's own reading of the schema). */
function duckType(prop: Json): string {
  const s = nonNull(prop);
  if (s.type === 'array') return `${duckType(s.items!)}[]`;
  if (s.type === 'object')
    return `STRUCT(${Object.entries(s.properties!)
      .map(([k, v]) => `${k} ${duckType(v)}`)
      .join(', ')})`;
  if (s.type === 'string') return s.format === 'date' ? 'DATE' : 'VARCHAR';
  return { integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' }[s.type as string]!;
}

/** A record with every property of its schema present (absent optional fields are null in Parquet). */
function withNulls(record: Row, schema: Json): Row {
  return Object.fromEntries(
    Object.entries(schema.properties!).map(([k, p]) => {
      const inner = nonNull(p),
        value = record[k] ?? null;
      return [k, inner.type === 'object' && value !== null ? withNulls(value as Row, inner) : value];
    }),
  );
}

/** A record as the database stores it (this test's reading): nested objects as a_b columns, lists as JSON text, booleans 0/1. */
function asSqliteRow(record: Row, schema: Json): Row {
  return Object.fromEntries(
    Object.entries(schema.properties!).flatMap(([k, p]): Array<[string, unknown]> => {
      const inner = nonNull(p),
        value = record[k] ?? null;
      if (inner.type === 'object')
        return Object.keys(inner.properties!).map((sub) => [`${k}_${sub}`, (value as Row | null)?.[sub] ?? null]);
      if (inner.type === 'array') return [[k, value === null ? null : JSON.stringify(value)]];
      if (inner.type === 'boolean') return [[k, value === null ? null : Number(value)]];
      return [[k, value]];
    }),
  );
}

async function duck(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(':memory:')).connect();
}
const rowsOf = async (db: DuckDBConnection, sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson() as Row[];
const parquetMetadata = async (db: DuckDBConnection, file: string) =>
  Object.fromEntries(
    (await rowsOf(db, `SELECT key::VARCHAR AS k, value::VARCHAR AS v FROM parquet_kv_metadata('${file}')`)).map((r) => [r.k, r.v]),
  );

/** Python's sqlite3 on a database; `searches` are name -> SQL returning one column. */
function readSqlite(file: string, searches: Record<string, string> = {}) {
  const r = spawnSync('python3', [join(ROOT, 'tests', 'support', 'sqlite-read.py'), file, JSON.stringify(searches)], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`python3 could not read ${file} (the test needs python3 with sqlite3): ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as {
    tables: string[];
    views: string[];
    page_size: number;
    integrity: string;
    foreign_key_check: unknown[];
    columns: Record<string, Array<[string, string, number, number]>>;
    foreign_keys: Record<string, string[][]>;
    indexed: Record<string, string[]>;
    rows: Record<string, Row[]>;
    types: Record<string, Record<string, string[][]>>;
    search: Record<string, string[]>;
  };
}

const readJson = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Row[];

let first: string, second: string;
beforeAll(async () => {
  first = await sharedReportRelease(); // a second, independent extraction proves the bytes deterministic
  second = tempDir();
  const r = cli(['extract', REPORT_MD, '--out', second]);
  expect(r.status, r.stderr).toBe(0);
}, 180_000);

describe('Parquet, read by DuckDB', () => {
  it('every table, summaries too: the JSON rows, in order, with the types of the schema', async () => {
    const db = await duck();
    for (const table of publishedTables()) {
      const file = join(first, tableFiles(table).parquet);
      const schema = schemaOf(table);
      const described = await rowsOf(db, `DESCRIBE SELECT * FROM read_parquet('${file}')`);
      const expected = Object.entries(schema.properties!).map(([name, p]) => [name, duckType(p)]);
      expect(
        described.map((c) => [c.column_name, String(c.column_type).replace(/"/g, '')]),
        table.name,
      ).toEqual(expected);
      const rows = (await rowsOf(db, `SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${file}') AS t`)).map((r) =>
        JSON.parse(String(r.j)),
      );
      const json = readJson(first, tableFiles(table).json);
      expect(rows.length, table.name).toBe(json.length);
      expect(rows, table.name).toEqual(json.map((r) => withNulls(r, schema)));
    }
  });

  it('partial dates stay strings, lists are LIST, nested objects STRUCT; Snappy; the source sha256 in the metadata', async () => {
    const db = await duck();
    const file = join(first, 'prisoners.parquet');
    const types = Object.fromEntries(
      (await rowsOf(db, `DESCRIBE SELECT * FROM read_parquet('${file}')`)).map((c) => [c.column_name, c.column_type]),
    );
    expect(types).toMatchObject({ number: 'BIGINT', convicted_on: 'VARCHAR', aliases: 'VARCHAR[]', footnotes: 'BIGINT[]' });
    expect(String(types.charges)).toMatch(/^STRUCT\(article VARCHAR, "?label"? VARCHAR\)\[\]$/);
    const partial = await rowsOf(db, `SELECT count(*) AS n FROM read_parquet('${file}') WHERE length(convicted_on) < 10`);
    expect(Number(partial[0]!.n)).toBeGreaterThan(0); // the report gives some verdicts as a month or a year
    const codecs = await rowsOf(db, `SELECT DISTINCT compression FROM parquet_metadata('${file}')`);
    expect(codecs).toEqual([{ compression: 'SNAPPY' }]);
    expect(await parquetMetadata(db, file)).toMatchObject({
      'kzpp.table': 'prisoners',
      'kzpp.source.sha256': sha256(readFileSync(REPORT_MD)),
    });
  });
});

describe('two fresh builds', () => {
  it('give byte-identical Parquet files, SQLite database and Datasette metadata', () => {
    const files = listFiles(first).filter((f) => /\.(parquet|sqlite)$|^metadata\.json$/.test(f));
    expect(files.length).toBe(publishedTables().length + 2);
    for (const f of files) expect(sha256(readFileSync(join(second, f))), f).toBe(sha256(readFileSync(join(first, f))));
  });
});

describe("SQLite, read by Python's sqlite3", () => {
  it('holds every table with its rows, keys, foreign keys (checked clean) and indexes on them', () => {
    const db = readSqlite(join(first, DATABASE));
    expect(db.integrity).toBe('ok');
    expect(db.page_size).toBe(4096);
    const names = publishedTables().map((t) => t.name);
    expect(db.tables).toEqual(['about_release', ...names, ...['prisoners', 'footnotes', 'claims', 'events'].map((t) => `${t}_fts`)].sort());
    for (const table of publishedTables()) {
      const json = readJson(first, tableFiles(table).json);
      expect(db.rows[table.name], table.name).toEqual(json.map((r) => asSqliteRow(r, schemaOf(table))));
    }
    expect(db.foreign_key_check).toEqual([]);
    expect(db.foreign_keys.charges).toEqual([['prisoner_id', 'prisoners', 'id']]);
    expect(db.foreign_keys.mentions).toEqual(
      expect.arrayContaining([
        ['prisoner_id', 'prisoners', 'id'],
        ['section_id', 'sections', 'id'],
      ]),
    );
    expect(db.indexed.charges).toEqual(['prisoner_id']);
    expect(db.indexed.mentions).toEqual(['prisoner_id', 'section_id']);
  });

  it('declares types: INTEGER for integers, REAL for numbers, TEXT (JSON) for lists; primary keys NOT NULL', () => {
    const db = readSqlite(join(first, DATABASE));
    const prisoners = Object.fromEntries(db.columns.prisoners!.map(([name, type, notNull, pk]) => [name, { type, notNull, pk }]));
    expect(prisoners.id).toEqual({ type: 'TEXT', notNull: 1, pk: 1 });
    expect(prisoners.number).toMatchObject({ type: 'INTEGER', notNull: 1 });
    expect(prisoners.sentence_months).toMatchObject({ type: 'INTEGER', notNull: 0 });
    expect(prisoners.aliases).toMatchObject({ type: 'TEXT', notNull: 1 });
    expect(db.types.prisoners!.number).toEqual([['integer']]);
    expect(db.types.sentences_by_group!.median_months).toEqual([['real']]);
  });

  it('finds the entries that mention a hunger strike with MATCH, and names and charges too', () => {
    const prisoners = readJson(first, 'prisoners.json');
    const mentioning = prisoners
      .filter((p) => /\bhunger\b/i.test(String(p.text)))
      .map((p) => p.id)
      .sort();
    expect(mentioning.length).toBeGreaterThan(0);
    const someone = prisoners[0]!;
    const label = prisoners.flatMap((p) => p.charges as Array<{ label: string | null }>).find((c) => c.label)!.label!;
    const db = readSqlite(join(first, DATABASE), {
      hunger: "SELECT id FROM prisoners_fts WHERE prisoners_fts MATCH 'hunger' ORDER BY id",
      hungerRows:
        "SELECT p.id FROM prisoners AS p WHERE p.rowid IN (SELECT rowid FROM prisoners_fts WHERE prisoners_fts MATCH 'hunger') ORDER BY p.id",
      name: `SELECT id FROM prisoners_fts WHERE prisoners_fts MATCH 'name_as_printed : "${String(someone.family_name)}"'`,
      label: `SELECT id FROM prisoners_fts WHERE prisoners_fts MATCH 'charges : "${label.replace(/"/g, '')}"'`,
    });
    expect(db.search.hunger).toEqual(mentioning);
    expect(db.search.hungerRows).toEqual(mentioning);
    expect(db.search.name).toContain(someone.id);
    expect(db.search.label!.length).toBeGreaterThan(0);
  });

  it('has the views a journalist wants: prisoners with their charges in one line, charges by article', () => {
    const db = readSqlite(join(first, DATABASE));
    expect(db.views).toEqual(['charges_by_article', 'events_in_order', 'prisoners_with_charges']);
    const prisoners = readJson(first, 'prisoners.json');
    const charges = readJson(first, 'charges.json');
    const withCharges = db.rows.prisoners_with_charges!;
    expect(withCharges.map((r) => r.id)).toEqual(prisoners.map((p) => p.id));
    const first1 = prisoners.find((p) => (p.charges as unknown[]).length > 0)!;
    const line = (first1.charges as Array<{ article: string; label: string | null }>)
      .map((c) => (c.label ? `${c.article} (${c.label})` : c.article))
      .join('; ');
    expect(withCharges.find((r) => r.id === first1.id)!.charges).toBe(line);
    expect(db.rows.charges_by_article!.length).toBe(charges.length);
  });

  it('says what release it is: about_release, and metadata.json for Datasette with every table and column described', () => {
    const db = readSqlite(join(first, DATABASE));
    expect(db.rows.about_release).toContainEqual({ key: 'source_sha256', value: sha256(readFileSync(REPORT_MD)) });
    const meta = JSON.parse(readFileSync(join(first, 'metadata.json'), 'utf8'));
    expect(meta).toMatchObject({
      license: 'CC-BY-4.0',
      license_url: expect.stringMatching(/^https:/),
      source: expect.any(String),
      title: expect.any(String),
    });
    const tables = meta.databases['kz-political-prisoners'].tables;
    for (const table of publishedTables()) expect(Object.keys(tables[table.name].columns).length, table.name).toBeGreaterThan(0);
    expect(tables.prisoners).toMatchObject({
      fts_table: 'prisoners_fts',
      columns: { text: expect.stringMatching(/text/i), source_line_start: expect.any(String) },
    });
  });
});

describe("in the release's catalogues", () => {
  it('datapackage.json (format, media type), SHA256SUMS and manifest.json list every new file', () => {
    const pkg = JSON.parse(readFileSync(join(first, 'datapackage.json'), 'utf8'));
    const byPath = new Map(pkg.resources.map((r: { path: string }) => [r.path, r]));
    expect(byPath.get('prisoners.parquet')).toMatchObject({ format: 'parquet', mediatype: 'application/vnd.apache.parquet' });
    expect(byPath.get('summaries/prisoners_by_group.parquet')).toMatchObject({ format: 'parquet' });
    expect(byPath.get(DATABASE)).toMatchObject({ format: 'sqlite', mediatype: 'application/vnd.sqlite3' });
    expect(byPath.get(DATABASE)).not.toHaveProperty('encoding');
    const sums = readFileSync(join(first, 'SHA256SUMS'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8'));
    for (const f of ['prisoners.parquet', 'summaries/sentences_by_article.parquet', DATABASE, 'metadata.json']) {
      expect(sums).toContain(`  ${f}\n`);
      expect(manifest.files.map((x: { path: string }) => x.path)).toContain(f);
    }
  });
});

describe('many releases at once', () => {
  const meta = (version: string): ReleaseMeta => ({
    version,
    source: {
      id: `ed-${version}`,
      file: 'report.md',
      format: 'markdown',
      sha256: version.replace(/\./g, '').padEnd(64, '0'),
      published_on: null,
    },
    pipeline: { name: 'kz-political-prisoners', version },
  });

  it('one DuckDB query over dist/*/prisoners.parquet shows one person across versions', async () => {
    const identity = emptyIdentity();
    const dist = tempDir();
    const editions: Array<[string, Dataset]> = [
      ['1.0.0', 'edition-1.md'],
      ['1.1.0', 'edition-2.md'],
    ].map(([version, name]) => [version!, extractAll(modelOf(readFileSync(fixture(name!), 'utf8'), name), 'ed', identity).dataset]);
    for (const [version, dataset] of editions) publishRelease(dist, version, await renderDataset(dataset, meta(version)));
    const changed = editions[0]![1].prisoners.find((p) => {
      const later = editions[1]![1].prisoners.find((q) => q.id === p.id);
      return later && later.sentence_months !== p.sentence_months;
    })!;
    expect(changed).toBeDefined();
    const db = await duck();
    const rows = await rowsOf(
      db,
      `SELECT regexp_extract(filename, '([0-9]+\\.[0-9]+\\.[0-9]+)/prisoners\\.parquet$', 1) AS version,
        id, name, sentence_months, convicted_on
      FROM read_parquet('${dist}/*/prisoners.parquet', filename = true)
      WHERE id = '${changed.id}'
      ORDER BY version`,
    );
    expect(rows).toEqual(
      editions.map(([version, dataset]) => {
        const p = dataset.prisoners.find((q) => q.id === changed.id)!;
        return { version, id: p.id, name: p.name, sentence_months: String(p.sentence_months), convicted_on: p.convicted_on };
      }),
    );
    for (const [version] of editions) {
      expect(await parquetMetadata(db, join(dist, version, 'prisoners.parquet'))).toMatchObject({ 'kzpp.version': version });
      expect(recordOf(join(dist, version)).files.map((f) => f.path)).toEqual(
        expect.arrayContaining(['prisoners.parquet', DATABASE, 'metadata.json']),
      );
    }
  });
});

describe('any table, with no code of its own', () => {
  /** A table with no code of its own (an events table of another shape than the registry's): full dates, booleans, text, a foreign key by name. */
  const events: PublishedTable = {
    name: 'events',
    title: 'Dated events',
    schema: z.strictObject({
      id: z.string(),
      prisoner_id: z.string(),
      date: z.iso.date(),
      kind: z.enum(['detained', 'hunger_strike']),
      confirmed: z.boolean().nullable(),
      text: z.string(),
      footnotes: z.array(z.number().int()),
    }),
    key: ['id'],
    dir: '',
    derived: false,
  };

  it('gets typed Parquet (DATE, BOOLEAN), a table with its foreign key, full-text search and the timeline view', async () => {
    const { dataset } = extractAll(modelOf(readFileSync(fixture('mini-report.md'), 'utf8'), 'mini.md'), 'mini', emptyIdentity());
    const [a, b] = dataset.prisoners;
    const rows = [
      {
        id: 'e1',
        prisoner_id: a!.id,
        date: '2023-05-02',
        kind: 'hunger_strike',
        confirmed: true,
        text: 'She went on a hunger strike.',
        footnotes: [1],
      },
      { id: 'e2', prisoner_id: b!.id, date: '2022-01-06', kind: 'detained', confirmed: null, text: 'He was detained.', footnotes: [] },
    ];
    const meta: ReleaseMeta = {
      version: '0.0.1',
      source: { id: 'mini', file: 'mini.md', format: 'markdown', sha256: '0'.repeat(64), published_on: null },
      pipeline: { name: 'kzpp-test', version: '0' },
    };
    const input = { published: [...publishedRows(dataset).filter((p) => p.table.name !== 'events'), { table: events, rows }], meta };
    const dir = tempDir();
    writeFileSync(join(dir, 'events.parquet'), tableToParquet(await import('hyparquet-writer'), events, rows, input));
    writeFileSync(join(dir, 'db.sqlite'), await renderSqlite(input));

    const duckdb = await duck();
    const types = await rowsOf(
      duckdb,
      `SELECT column_name AS c, column_type AS t FROM (DESCRIBE SELECT * FROM read_parquet('${join(dir, 'events.parquet')}'))`,
    );
    expect(types.map((r) => [r.c, r.t])).toEqual(Object.entries(schemaOf(events).properties!).map(([n, p]) => [n, duckType(p)]));
    expect(types.find((r) => r.c === 'date')!.t).toBe('DATE');
    const back = await rowsOf(duckdb, `SELECT to_json(t)::VARCHAR AS j FROM read_parquet('${join(dir, 'events.parquet')}') AS t`);
    expect(back.map((r) => JSON.parse(String(r.j)))).toEqual(rows);

    const db = readSqlite(join(dir, 'db.sqlite'), { hunger: "SELECT id FROM events_fts WHERE events_fts MATCH 'hunger'" });
    expect(db.tables).toContain('events');
    expect(db.foreign_keys.events).toEqual([['prisoner_id', 'prisoners', 'id']]);
    expect(db.indexed.events).toEqual(['prisoner_id']);
    expect(db.foreign_key_check).toEqual([]);
    expect(db.search.hunger).toEqual(['e1']);
    expect(db.rows.events_in_order!.map((r) => [r.name, r.id])).toEqual([
      [a!.name, 'e1'],
      [b!.name, 'e2'],
    ]);
    expect(db.rows.events).toEqual(rows.map((r) => asSqliteRow(r, schemaOf(events))));
  });
});
