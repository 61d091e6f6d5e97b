/**
 * Reading a published release back into tables: a release directory
 * (manifest.json + one file set per table) or a single .json / .ndjson file.
 * The one reader for validate and inspect (every record parsed, with its line)
 * and for diff and the release history (NDJSON lines kept as bytes until
 * compared); errors name the file and the line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { TABLE_NAMES, type TableName } from '../model/tables.js';
import { MANIFEST_FILE, type Manifest } from './manifest.js';
import type { Row } from '../model/row.js';

export type { Row } from '../model/row.js';

export interface LoadedTable {
  table: TableName;
  file: string;
  rows: Row[];
  /** Line of each row in the file (NDJSON: its own line; JSON: where the object starts). */
  lines: number[];
}

export const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new PipelineError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, EXIT.input, { file });
  }
}

const lineAt = (text: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
};

/** JSON.parse with the failing line in the error ("Unexpected token ... at position 812"). */
export function parseJson(text: string, file: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = firstLine - 1 + (position ? lineAt(text, Number(position)) : 1);
    throw new PipelineError(`invalid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, EXIT.input, { file, line });
  }
}

/** A JSON file, parsed; unreadable or invalid: an input error naming the file (and the line). */
export const readJsonFile = (file: string): unknown => parseJson(readText(file), file);

/** manifest.json of a release directory, or undefined where there is none (a directory of bare table files). */
export function manifestIn(dir: string): Manifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  return existsSync(file) ? (readJsonFile(file) as Manifest) : undefined;
}

export function readManifest(dir: string): Manifest {
  const manifest = manifestIn(dir);
  if (!manifest) throw new PipelineError(`not a release directory: no ${MANIFEST_FILE}`, EXIT.input, { file: dir });
  return manifest;
}

/** Where a table of a release sits in its directory, as NDJSON (one record a line) or JSON (one array). */
export const tableFileIn = (dir: string, table: string, as: 'ndjson' | 'json' = 'ndjson') => join(dir, `${table}.${as}`);

/** The tables of a release: those its manifest counts, else those with a file in the directory. */
export const tablesIn = (dir: string, manifest: Partial<Manifest> | undefined): string[] =>
  manifest?.counts
    ? Object.keys(manifest.counts)
    : TABLE_NAMES.filter((t) => existsSync(tableFileIn(dir, t, 'json')) || existsSync(tableFileIn(dir, t)));

/** The table a file holds: --table, else its name ("prisoners.ndjson"). */
export function tableOfFile(file: string, table?: string): TableName {
  const name = table ?? basename(file).replace(/\.(nd)?json$/, '');
  if (!(TABLE_NAMES as string[]).includes(name)) {
    throw new PipelineError(
      `unknown table "${name}" (tables: ${TABLE_NAMES.join(', ')}; name the file <table>.json or pass --table)`,
      EXIT.usage,
      { file },
    );
  }
  return name as TableName;
}

/** Rows of a .ndjson (one per line) or .json (one array) file. */
export function readTableFile(file: string, table?: string): LoadedTable {
  if (!existsSync(file)) throw new PipelineError('no such file or directory', EXIT.input, { file });
  const name = tableOfFile(file, table);
  const text = readText(file);
  if (file.endsWith('.ndjson')) return { table: name, file, ...parseNdjson(text, file) };
  if (!file.endsWith('.json')) throw new PipelineError('expected a .json or .ndjson file', EXIT.usage, { file });
  const rows = parseJson(text, file);
  if (!Array.isArray(rows)) throw new PipelineError('expected a JSON array of records', EXIT.input, { file, line: 1 });
  return { table: name, file, rows, lines: objectStartLines(text, rows.length) };
}

function parseNdjson(text: string, file: string): { rows: Row[]; lines: number[] } {
  const rows: Row[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    rows.push(parseJson(line, file, i + 1) as Row);
    lines.push(i + 1);
  });
  return { rows, lines };
}

/** Lines where the top-level array's objects begin, in one pass (strings skipped). */
function objectStartLines(text: string, count: number): number[] {
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length && starts.length <= count; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (c === '{' && depth === 1) starts.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return starts;
}

/**
 * An NDJSON file's bytes and where each line starts and ends (newline
 * excluded). Lines stay bytes until parsed: decoding 100 MB into strings
 * costs more than the whole comparison.
 */
export interface NdjsonLines {
  bytes: Buffer;
  starts: number[];
  ends: number[];
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

/** A table of a release for comparing: its NDJSON lines when there is an NDJSON file (parsed only where needed), else its JSON array. */
export function readTableLines(dir: string, table: string): Row[] | NdjsonLines {
  const ndjson = tableFileIn(dir, table);
  if (existsSync(ndjson)) {
    const lines = splitLines(readFileSync(ndjson));
    const bad = lines.starts.findIndex((start, i) => lines.bytes[start] !== 0x7b || lines.bytes[lines.ends[i]! - 1] !== 0x7d);
    if (bad >= 0) throw new PipelineError('expected one JSON object per line', EXIT.input, { file: ndjson, line: bad + 1 });
    return lines;
  }
  const file = tableFileIn(dir, table, 'json');
  const rows = readJsonFile(file);
  if (!Array.isArray(rows)) throw new PipelineError('expected a JSON array of records', EXIT.input, { file });
  return rows as Row[];
}
