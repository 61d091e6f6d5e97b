/** One side of a diff: a release directory (its JSON files) or a source document (extracted here). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { sha256 } from '../lib/hash.js';
import type { Identity } from '../identity/ledger.js';
import { TABLE_NAMES } from '../model/tables.js';
import { SOURCES_DIR } from '../sources/manifest.js';
import { readDocument } from '../parse/document.js';
import { formatOf } from '../parse/formats.js';
import { extractAll } from '../run.js';
import type { NdjsonLines, Row, TableData, Tables } from './compare.js';

export interface SideMeta {
  /** What the user named: a path, a version, or "nothing" for the first release. */
  label: string;
  kind: 'release' | 'source' | 'none';
  version: string | null;
  source: { id: string; sha256: string } | null;
}

export interface Side {
  meta: SideMeta;
  tables: Tables;
}

export const NOTHING: Side = { meta: { label: 'nothing', kind: 'none', version: null, source: null }, tables: {} };

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new PipelineError(err.code ? `cannot read the file (${err.code})` : `not valid JSON (${err.message})`, EXIT.input, { file });
  }
}

/** Where each line of an NDJSON file starts and ends; a final newline ends the last line, it does not start another. */
export function splitLines(bytes: Buffer): NdjsonLines {
  const starts: number[] = [], ends: number[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    starts.push(start);
    ends.push(end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
    start = end + 1;
  }
  return { bytes, starts, ends };
}

/** A table of a release: its NDJSON lines when there is an NDJSON file (parsed only where they differ), else its JSON array. */
function readTable(dir: string, table: string): TableData {
  const ndjson = join(dir, `${table}.ndjson`);
  if (existsSync(ndjson)) {
    const lines = splitLines(readFileSync(ndjson));
    const bad = lines.starts.findIndex((start, i) => lines.bytes[start] !== 0x7b || lines.bytes[lines.ends[i]! - 1] !== 0x7d);
    if (bad >= 0) throw new PipelineError('expected one JSON object per line', EXIT.input, { file: ndjson, line: bad + 1 });
    return lines;
  }
  const file = join(dir, `${table}.json`);
  const rows = readJsonFile(file);
  if (!Array.isArray(rows)) throw new PipelineError('expected a JSON array of records', EXIT.input, { file });
  return rows as Row[];
}

/** A release directory: manifest.json says which tables it has; each is <table>.json. */
export function loadRelease(dir: string, label = dir): Side {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = (existsSync(manifestFile) ? readJsonFile(manifestFile) : {}) as {
    version?: string | null;
    counts?: Record<string, number>;
    source?: { id: string; sha256: string };
  };
  const names = manifest.counts ? Object.keys(manifest.counts) : TABLE_NAMES.filter((t) => existsSync(join(dir, `${t}.json`)) || existsSync(join(dir, `${t}.ndjson`)));
  if (!names.length) throw new PipelineError('not a release directory: no manifest.json and no table files', EXIT.input, { file: dir });
  const tables: Tables = {};
  for (const table of names) tables[table] = readTable(dir, table);
  const source = manifest.source ? { id: manifest.source.id, sha256: manifest.source.sha256 } : null;
  return { meta: { label, kind: 'release', version: manifest.version ?? null, source }, tables };
}

/** The id of the declared source (sources/<id>/source.json) that has a file with these bytes, so its records match a release's. */
function declaredSourceId(hash: string): string | undefined {
  if (!existsSync(SOURCES_DIR)) return undefined;
  for (const id of readdirSync(SOURCES_DIR).sort()) {
    const file = join(SOURCES_DIR, id, 'source.json');
    if (!existsSync(file)) continue;
    const manifest = readJsonFile(file) as { files?: Array<{ sha256?: string }> };
    if (manifest.files?.some((f) => f.sha256 === hash)) return id;
  }
  return undefined;
}

/** A document in the report's format, extracted in-process with the given identity (so ids match across editions). */
export async function loadSource(file: string, identity: Identity, label = file): Promise<Side> {
  const bytes = readFileSync(file);
  const doc = await readDocument(bytes, file, formatOf(file, bytes));
  const hash = sha256(bytes);
  const id = declaredSourceId(hash) ?? basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { dataset } = extractAll(doc, id, identity);
  return { meta: { label, kind: 'source', version: null, source: { id, sha256: hash } }, tables: dataset as unknown as Tables };
}

/** A release directory or a source file, by what is at the path. */
export async function loadSide(path: string, identity: Identity): Promise<Side> {
  let dir: boolean;
  try {
    dir = statSync(path).isDirectory();
  } catch (e) {
    throw new PipelineError(`cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, { file: path });
  }
  return dir ? loadRelease(path) : loadSource(path, identity);
}
