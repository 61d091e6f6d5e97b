import { EXIT, PipelineError } from '../../errors.js';
import { keyOf } from '../../model/tables.js';
import { nameKey } from '../../lib/namekey.js';
import { PIPELINE } from '../../lib/package.js';
import type { Command, Io } from '../command.js';
import { isDirectory, type LoadedTable, readManifest, readTableFile, type Row, tableFileIn } from '../../publish/read-release.js';
import type { Manifest } from '../../publish/manifest.js';
import { cellText as csvCellText, flatEntries } from '../../publish/columns.js';

export interface FieldSummary {
  field: string;
  types: string[];
  filled: number;
  empty: number;
  null: number;
  distinct: number;
  /** The most frequent filled value and how often it occurs. */
  top: { value: unknown; count: number } | null;
}

/** Nested objects as dotted fields: source.line_start (the CSV's source_line_start). */
const flattenRecord = (row: Row): Row => Object.fromEntries(flatEntries(row).map(([path, value]) => [path.join('.'), value]));

const typeOf = (v: unknown) => (v === null || v === undefined ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const isEmpty = (v: unknown) => v === '' || (Array.isArray(v) && v.length === 0);

/** Per field: types, how many rows fill it, leave it empty or null, distinct values; one pass over the rows. */
export function summarizeTable(rows: Row[]): FieldSummary[] {
  const fields = new Map<string, { types: Set<string>; filled: number; empty: number; values: Map<string, number> }>();
  const flat = rows.map((r) => flattenRecord(r));
  for (const row of flat) {
    for (const [field, value] of Object.entries(row)) {
      let f = fields.get(field);
      if (!f) fields.set(field, (f = { types: new Set(), filled: 0, empty: 0, values: new Map() }));
      if (value === null || value === undefined) continue;
      f.types.add(typeOf(value));
      if (isEmpty(value)) f.empty++;
      else {
        f.filled++;
        const key = JSON.stringify(value);
        f.values.set(key, (f.values.get(key) ?? 0) + 1);
      }
    }
  }
  return [...fields].map(([field, f]) => {
    let top: FieldSummary['top'] = null;
    for (const [value, count] of f.values) if (!top || count > top.count) top = { value: JSON.parse(value), count };
    return {
      field,
      types: [...f.types].sort(),
      filled: f.filled,
      empty: f.empty,
      null: rows.length - f.filled - f.empty,
      distinct: f.values.size,
      top,
    };
  });
}

/** As the CSV shows it (lists joined with "; "), but null and an empty list spelled out. */
const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  return Array.isArray(v) && !v.length ? '(none)' : csvCellText(v);
};

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** Words wrapped to width, continuation lines indented. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

const terminalWidth = () => Math.max(60, process.stdout.columns ?? 120);

function printSummary(io: Io, loaded: LoadedTable): void {
  const summary = summarizeTable(loaded.rows);
  if (io.json) {
    io.out(`${JSON.stringify({ file: loaded.file, table: loaded.table, rows: loaded.rows.length, fields: summary })}\n`);
    return;
  }
  const width = Math.max(5, ...summary.map((s) => s.field.length));
  const counts = (filled: unknown, empty: unknown, nul: unknown, distinct: unknown) =>
    `${String(filled).padStart(6)} ${String(empty).padStart(6)} ${String(nul).padStart(6)} ${String(distinct).padStart(8)}`;
  const header = `${'field'.padEnd(width)}  ${'type'.padEnd(14)} ${counts('filled', 'empty', 'null', 'distinct')}  most common`;
  const rest = Math.max(20, terminalWidth() - header.length + 'most common'.length);
  const lines = summary.map((s) => {
    const top = s.top ? `${clip(cellText(s.top.value).replace(/\s+/g, ' '), rest - 8)} (${s.top.count})` : '';
    return `${s.field.padEnd(width)}  ${s.types.join('|').padEnd(14)} ${counts(s.filled, s.empty, s.null, s.distinct)}  ${top}`;
  });
  io.out(`${loaded.file}: ${loaded.rows.length} ${loaded.table}\n\n${header}\n${lines.join('\n')}\n`);
}

function printRecord(io: Io, loaded: LoadedTable, index: number): void {
  const row = loaded.rows[index]!;
  if (io.json) {
    io.out(`${JSON.stringify(row)}\n`);
    return;
  }
  const flat = flattenRecord(row);
  const width = Math.max(...Object.keys(flat).map((k) => k.length));
  const body = Object.entries(flat).map(([k, v]) => `${k.padEnd(width)}  ${wrap(cellText(v), terminalWidth() - width - 2, width + 2)}`);
  io.out(`${loaded.file}:${loaded.lines[index]}: ${loaded.table} "${keyOf(loaded.table, row)}"\n\n${body.join('\n')}\n`);
}

function printRelease(io: Io, dir: string, manifest: Manifest): void {
  if (io.json) {
    io.out(`${JSON.stringify({ dir, ...manifest })}\n`);
    return;
  }
  const tables = Object.entries(manifest.counts).map(([t, n]) => `  ${t.padEnd(16)}${String(n).padStart(8)} records`);
  const short = (hash: string) => `${hash.slice(0, 12)}…`;
  const files = manifest.files.map((f) => `  ${f.path.padEnd(24)}${String(f.bytes).padStart(10)} bytes  sha256 ${short(f.sha256)}`);
  const { source } = manifest;
  io.out(
    `${dir}: version ${manifest.version ?? '(unversioned extract)'}, created ${manifest.created ?? 'unknown'}\n` +
      `source   ${source.id} (${source.file}, ${source.format}, sha256 ${short(source.sha256)})\n` +
      `pipeline ${manifest.pipeline.name} ${manifest.pipeline.version}\n\ntables:\n${tables.join('\n')}\n\nfiles:\n${files.join('\n')}\n`,
  );
}

/** A person named by a name or alias, folded as for ids ("arman testof" finds Arman TESTOV). */
const namedAs = (folded: string) => (r: Record<string, unknown>) =>
  [r.name, r.name_as_printed, ...(Array.isArray(r.aliases) ? r.aliases : [])].some((n) => typeof n === 'string' && nameKey(n) === folded);

/** The row a KEY (a key, or a person's name or alias) or --row N names; an unknown key is a usage error naming the file. */
function findRow(loaded: LoadedTable, key: string | undefined, row: string | undefined): number {
  if (row !== undefined) {
    const n = Number(row);
    if (!Number.isInteger(n) || n < 1 || n > loaded.rows.length)
      throw new PipelineError(`--row must be 1-${loaded.rows.length}`, EXIT.usage, { file: loaded.file });
    return n - 1;
  }
  const exact = loaded.rows.findIndex((r) => keyOf(loaded.table, r) === key);
  const index = exact >= 0 || key === undefined ? exact : loaded.rows.findIndex(namedAs(nameKey(key)));
  if (index < 0) throw new PipelineError(`no ${loaded.table} record with key "${key}"`, EXIT.usage, { file: loaded.file });
  return index;
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'print a release, a table summary or one record to the terminal',
  help: `Usage: kzpp inspect DIR [TABLE [KEY | --row N]] [--json]
       kzpp inspect FILE.ndjson|FILE.json [KEY | --row N] [--table NAME]

DIR alone: the release's version, source, tables and files. With TABLE: each
field's type, how many records fill it, leave it empty or null, its distinct
values and most common value. With KEY (the record's id, or a person's name or
alias, folded as ids are: case, transliteration) or --row N (1-based): that
record, one field per line.

Example:
  npx kzpp inspect dist/${PIPELINE.version}
  npx kzpp inspect dist/${PIPELINE.version} prisoners
  npx kzpp inspect dist/${PIPELINE.version}/prisoners.ndjson --row 1`,
  options: { row: { type: 'string' }, table: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [path, ...rest] = positionals;
    if (!path) throw new PipelineError('inspect needs a DIR or FILE (see kzpp inspect --help)', EXIT.usage);
    const row = values.row as string | undefined;
    let loaded: LoadedTable;
    let key: string | undefined;
    if (isDirectory(path)) {
      const manifest = readManifest(path);
      const [table, k] = rest;
      if (!table) {
        printRelease(io, path, manifest);
        return EXIT.ok;
      }
      if (!(table in manifest.counts))
        throw new PipelineError(`no table "${table}" in this release (${Object.keys(manifest.counts).join(', ')})`, EXIT.usage, {
          file: path,
        });
      loaded = readTableFile(tableFileIn(path, table), table);
      key = k;
    } else {
      loaded = readTableFile(path, values.table as string | undefined);
      key = rest[0];
    }
    if (key === undefined && row === undefined) printSummary(io, loaded);
    else printRecord(io, loaded, findRow(loaded, key, row));
    return EXIT.ok;
  },
};
