/**
 * datapackage.json: the release described as a Frictionless Data Package v2.
 * Built from the release's own files: manifest.json says what the release is,
 * the table registry gives each table's schema; every other file becomes a
 * plain resource, so files appended later are described too.
 */
import { jsonSchemaOfTable, type PublishedTable, publishedTables, tableFiles } from './published.js';
import { sha256 } from '../lib/hash.js';
import { BUILD_RECORDS } from './buildinfo.js';
import { CHECKSUMS_FILE } from './checksums.js';
import { dataLicenseEntry } from './licence.js';
import { DATASETTE_FILE, sqliteFileOf } from './analytic-input.js';
import { tableSchemaOf } from './tableschema.js';
import type { Manifest } from './manifest.js';

export const DATAPACKAGE_FILE = 'datapackage.json';
export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const REPOSITORY = 'https://github.com/odf-data/kz-political-prisoners';

/** What datapackage.json needs from manifest.json. */
export type ReleaseFacts = Pick<Manifest, 'version' | 'created' | 'source' | 'pipeline'>;

const FORMATS: Record<string, { format: string; mediatype: string; binary?: true }> = {
  csv: { format: 'csv', mediatype: 'text/csv' },
  json: { format: 'json', mediatype: 'application/json' },
  ndjson: { format: 'ndjson', mediatype: 'application/x-ndjson' },
  md: { format: 'md', mediatype: 'text/markdown' },
  txt: { format: 'txt', mediatype: 'text/plain' },
  html: { format: 'html', mediatype: 'text/html' },
  parquet: { format: 'parquet', mediatype: 'application/vnd.apache.parquet', binary: true },
  sqlite: { format: 'sqlite', mediatype: 'application/vnd.sqlite3', binary: true },
};

function formatOfPath(path: string) {
  if (path === CHECKSUMS_FILE) return FORMATS.txt!;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? { format: ext || 'bin', mediatype: 'application/octet-stream' };
}

/** Resource names: a table's main CSV is named like the table (foreign keys refer to it); others by path. */
const nameOfPath = (path: string) =>
  path
    .toLowerCase()
    .replace(/\//g, '-')
    .replace(/[^a-z0-9._-]/g, '-');

const CSV_DIALECT = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };

const PARQUET_NOTE =
  'Apache Parquet, Snappy-compressed, typed from the schema: integers INT64, lists LIST, nested objects STRUCT, ' +
  'partial dates ("2022-09") strings; release version and source sha256 in the key-value metadata.';
const SQLITE_NOTE =
  'SQLite 3 database: every table (summaries too) with declared types, primary and foreign keys, lists as JSON text, ' +
  'full-text search (FTS5, <table>_fts) over the free text of each table with a text field, and views (prisoners_with_charges ...).';

interface Described {
  name?: string;
  title?: string;
  description: string;
  table?: { schema: Record<string, unknown>; csv: boolean };
}

/** What each file of the release is, for the files this module knows. */
function describeKnownFiles(tables: PublishedTable[], facts: ReleaseFacts): Map<string, Described> {
  const known = new Map<string, Described>();
  for (const table of tables) {
    const files = tableFiles(table);
    const json = jsonSchemaOfTable(table) as Parameters<typeof tableSchemaOf>[1];
    const what = `${table.title}${table.derived ? ' (summary computed from the records)' : ''}`;
    const about = json.description ? `${what}: ${json.description}.` : `${what}.`;
    known.set(files.csv, {
      name: table.name,
      title: table.title,
      description: `${about} CSV (RFC 4180, UTF-8, no BOM); lists joined with "; ", nested objects as prefixed columns.`,
      table: { schema: tableSchemaOf(table, json, tables, true), csv: true },
    });
    known.set(files.json, {
      title: table.title,
      description: `${about} One JSON array of records.`,
      table: { schema: tableSchemaOf(table, json, tables, false), csv: false },
    });
    known.set(files.ndjson, {
      title: table.title,
      description: `${about} Newline-delimited JSON: one record per line.`,
      table: { schema: tableSchemaOf(table, json, tables, false), csv: false },
    });
    known.set(files.excel, {
      title: `${table.title} (for spreadsheets)`,
      description:
        `The rows and columns of ${files.csv}, for spreadsheets: UTF-8 with a BOM, and a cell beginning with = + - @ tab or CR ` +
        `starts with an apostrophe so it is never run as a formula. Use ${files.csv} for analysis.`,
    });
    known.set(files.parquet, { title: `${table.title} (Parquet)`, description: `${about} ${PARQUET_NOTE}` });
    known.set(files.schema, {
      description: `JSON Schema (2020-12) of one record of ${table.name}: the contract its JSON/NDJSON files are validated against.`,
    });
  }
  const database = sqliteFileOf(facts.pipeline.name);
  known.set(database, { title: 'Every table in one SQLite database', description: SQLITE_NOTE });
  known.set(DATASETTE_FILE, {
    description:
      `Datasette metadata for ${database}: titles, licence, source, table and column descriptions ` +
      `(\`datasette ${database} -m ${DATASETTE_FILE}\`).`,
  });
  known.set('manifest.json', {
    description: 'Release manifest: version, source file and sha256, pipeline version, record counts, bytes and sha256 of the data files.',
  });
  for (const [path, description] of BUILD_RECORDS) known.set(path, { description });
  known.set('data-dictionary.md', { description: 'Data dictionary: every table and field with its type, meaning and an example value.' });
  known.set(CHECKSUMS_FILE, {
    description:
      'sha256 of every file of the release except itself, in the format `sha256sum -c SHA256SUMS` checks. ' +
      'It lists datapackage.json, so it has no hash here.',
  });
  return known;
}

const defaultDescription = (path: string) =>
  path.startsWith('site/') ? `${path}: a page of the release's website (open site/index.html).` : `${path}: a file of the release.`;

function resourceOf(path: string, bytes: Buffer | null, known: Described | undefined): Record<string, unknown> {
  const { format, mediatype, binary } = formatOfPath(path);
  const isTable = known?.table !== undefined;
  return {
    name: known?.name ?? nameOfPath(path),
    path,
    ...(isTable ? { type: 'table' } : {}),
    ...(known?.title ? { title: known.title } : {}),
    description: known?.description ?? defaultDescription(path),
    format,
    mediatype,
    ...(binary ? {} : { encoding: 'utf-8' }),
    ...(bytes ? { bytes: bytes.length, hash: `sha256:${sha256(bytes)}` } : {}),
    ...(format === 'csv' ? { dialect: CSV_DIALECT } : {}),
    ...(known?.table ? { schema: known.table.schema } : {}),
  };
}

/** What the title and description read of the source (the writers' AnalyticMeta has no format). */
type TitledSource = Pick<ReleaseFacts['source'], 'file' | 'title' | 'publisher' | 'published_on'>;

/** The dataset's title and description (datapackage.json, the Datasette metadata). */
export const datasetTitle = (source: TitledSource) =>
  source.title ? `Political prisoners in Kazakhstan, from "${source.title}"` : `Political prisoners, from ${source.file}`;
export const datasetDescription = (source: TitledSource) =>
  `Records extracted from ${source.publisher ? `the ${source.publisher} report` : source.file}` +
  `${source.published_on ? ` of ${source.published_on}` : ''}, ` +
  'validated against their schemas, with summary tables. Every record points back to the lines of the source it was read from.';

function contributorsOf(facts: ReleaseFacts) {
  const { publisher, coalition = [] } = facts.source;
  const authors = publisher ? [{ title: publisher, roles: ['creator'] }] : [];
  const partners = coalition.filter((c) => c !== publisher).map((title) => ({ title, roles: ['contributor'] }));
  return [...authors, ...partners, { title: `${facts.pipeline.name} ${facts.pipeline.version}`, path: REPOSITORY, roles: ['dataCurator'] }];
}

/**
 * The descriptor. `files` is the whole release but datapackage.json and
 * SHA256SUMS (which lists datapackage.json, so it is described without a hash).
 */
export function buildDatapackage(files: Map<string, Buffer>, facts: ReleaseFacts): Record<string, unknown> {
  const known = describeKnownFiles(publishedTables(), facts);
  const { source } = facts;
  const resources = [...files].map(([path, bytes]) => resourceOf(path, bytes, known.get(path)));
  resources.push(resourceOf(CHECKSUMS_FILE, null, known.get(CHECKSUMS_FILE)));
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: `${facts.pipeline.name}-${source.id}`,
    id: facts.version ? `${REPOSITORY}/releases/tag/v${facts.version}` : `urn:sha256:${source.sha256}`,
    title: datasetTitle(source),
    description: datasetDescription(source),
    ...(facts.version ? { version: facts.version } : {}),
    // The source's date, never the build time, so rebuilds are byte-identical.
    ...(facts.created ? { created: `${facts.created}T00:00:00Z` } : {}),
    homepage: REPOSITORY,
    keywords: ['political prisoners', 'Kazakhstan', 'human rights'],
    licenses: [dataLicenseEntry(source)],
    sources: [
      {
        title: source.title ?? source.file,
        ...(source.url ? { path: source.url } : {}),
        ...(source.publisher ? { publisher: source.publisher } : {}),
        ...(source.published_on ? { date: source.published_on } : {}),
        file: source.file,
        sha256: source.sha256,
      },
    ],
    contributors: contributorsOf(facts),
    resources,
  };
}
