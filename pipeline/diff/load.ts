/** One side of a diff: a release directory (its JSON files) or a source document (extracted here). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { TABLE_NAMES } from '../model/tables.js';
import type { NdjsonLines, Row, TableData, Tables } from './compare.js';
import type { Manifest } from '../publish/manifest.js';

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

export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new PipelineError(err.code ? `cannot read the file (${err.code})` : `not valid JSON (${err.message})`, EXIT.input, { file });
  }
}

/** Where each line of an NDJSON file starts and ends; a final newline ends the last line, it does not start another. */
export function splitLines(bytes: Buffer): NdjsonLines {
  const starts: number[] = [],
    ends: number[] = [];
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
  const manifest = (existsSync(manifestFile) ? readJsonFile(manifestFile) : {}) as Partial<Manifest>;
  const names = manifest.counts
    ? Object.keys(manifest.counts)
    : TABLE_NAMES.filter((t) => existsSync(join(dir, `${t}.json`)) || existsSync(join(dir, `${t}.ndjson`)));
  if (!names.length) throw new PipelineError('not a release directory: no manifest.json and no table files', EXIT.input, { file: dir });
  const tables: Tables = {};
  for (const table of names) tables[table] = readTable(dir, table);
  const source = manifest.source ? { id: manifest.source.id, sha256: manifest.source.sha256 } : null;
  return { meta: { label, kind: 'release', version: manifest.version ?? null, source }, tables };
}
