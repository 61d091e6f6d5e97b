/**
 * Reading published tables back: a release directory (manifest.json + one
 * file set per table) or a single .json / .ndjson file. Used by validate and
 * inspect; errors name the file and the line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EXIT, PipelineError } from '../errors.js';
import { TABLE_NAMES, type TableName } from '../model/tables.js';
import type { Manifest } from '../publish/manifest.js';
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

export function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new PipelineError('not a release directory: no manifest.json', EXIT.input, { file: dir });
  return parseJson(readText(file), file) as Manifest;
}

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
