/** The diff's files: diff.json, diff.ndjson, DIFF.md (for a reader), changes.csv (one row per changed field). */
import { type ChangedRecord, type FieldChanges, labelOf, type Row, type SchemaChange, type TableDiff, type TablesDiff } from './compare.js';
import type { SideMeta } from './load.js';
import { plural } from '../lib/counts.js';
import { keyOf } from '../model/tables.js';
import { type Content, contentBytes, type Sink } from '../publish/sink.js';

export interface DatasetDiff extends TablesDiff {
  from: SideMeta;
  to: SideMeta;
}

export const DIFF_FILES = ['diff.json', 'diff.ndjson', 'DIFF.md', 'changes.csv'] as const;

const changedJson = (c: ChangedRecord) => ({
  id: c.id,
  changes: c.changes,
  ...(Object.keys(c.positional).length ? { positional: c.positional } : {}),
});

/**
 * JSON.stringify(value, null, 2) written at the indentation `indent`, piece by piece for `levels` levels
 * (a diff's lists can hold every record: one string of them all would be the run's largest allocation).
 */
function jsonInto(out: Sink, value: unknown, indent: string, levels: number): void {
  if (levels === 0 || typeof value !== 'object' || value === null) {
    out.text(JSON.stringify(value ?? null, null, 2).replaceAll('\n', `\n${indent}`)); // JSON escapes a string's own newlines
    return;
  }
  const list = Array.isArray(value) ? (value as unknown[]) : undefined;
  const object = value as Row;
  const names = list ? [] : Object.keys(object).filter((name) => object[name] !== undefined);
  const size = list ? list.length : names.length;
  const [open, close] = list ? ['[', ']'] : ['{', '}'];
  out.text(open);
  for (let n = 0; n < size; n++) {
    out.text(`${n ? ',' : ''}\n${indent}  ${list ? '' : `${JSON.stringify(names[n])}: `}`);
    jsonInto(out, list ? list[n] : object[names[n]!], `${indent}  `, levels - 1);
  }
  out.text(size ? `\n${indent}${close}` : close); // an empty list or object: [] or {}
}

/** diff.json: the object, its tables, each table, each list, written piece by piece; a record at once. */
export function diffJson(diff: DatasetDiff, out: Sink): void {
  const tables = Object.fromEntries(
    Object.entries(diff.tables).map(([t, d]) => [
      t,
      {
        added: d.added,
        removed: d.removed,
        changed: d.changed.map(changedJson),
        repositioned: d.repositioned.map(changedJson),
        counts: d.counts,
      },
    ]),
  );
  jsonInto(out, { from: diff.from, to: diff.to, bump: diff.bump, schema: diff.schema, tables }, '', 4);
  out.text('\n');
}

/**
 * One line per changed record: ADD and MOD carry the full new record, DEL only the id. Bytes, not text: a MOD
 * copies the record's line as read (a diff can list every record, its lines are never decoded and re-encoded).
 */
export function diffNdjson(diff: DatasetDiff, out: Sink): void {
  for (const [table, d] of Object.entries(diff.tables)) {
    for (const r of d.added) out.text(`${JSON.stringify({ op: 'ADD', table, id: keyOf(table, r), record: r })}\n`);
    for (const list of [d.changed, d.repositioned]) {
      for (const c of list) {
        out.text(`{"op":"MOD","table":${JSON.stringify(table)},"id":${JSON.stringify(c.id)},"record":`);
        const line = c.line;
        if (line) out.bytes(line);
        else out.text(JSON.stringify(c.record));
        out.text('}\n');
      }
    }
    for (const r of d.removed) out.text(`${JSON.stringify({ op: 'DEL', table, id: keyOf(table, r) })}\n`);
  }
}

/** A value as a reader sees it: text as is (shortened), everything else as JSON. */
function show(value: unknown, max = 120): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const fieldLines = (changes: FieldChanges) => Object.entries(changes).map(([f, c]) => `  - ${f}: ${show(c.from)} -> ${show(c.to)}`);

function schemaLine(c: SchemaChange): string {
  const where = c.field ? `${c.table}.${c.field}` : c.table;
  const what = {
    table_added: 'table added',
    table_removed: 'table removed',
    field_added: `field added (${c.to?.join('|')})`,
    field_removed: `field removed (was ${c.from?.join('|')})`,
    field_retyped: `field retyped: ${c.from?.join('|')} -> ${c.to?.join('|')}`,
  }[c.change];
  return `- \`${where}\`: ${what}`;
}

const hasSubstance = (d: TableDiff) => d.added.length + d.removed.length + d.changed.length > 0;

/** A table's added, removed and changed records, each by name; a changed one with its old -> new values. */
function tableSection(table: string, d: TableDiff): string[] {
  const out = [`## ${table}`, ''];
  const person = (r: Row) => `**${labelOf(table, r)}** (\`${keyOf(table, r)}\`)`;
  if (d.added.length) out.push(`### Added (${d.added.length})`, '', ...d.added.map((r) => `- ${person(r)}`), '');
  if (d.removed.length) out.push(`### Removed (${d.removed.length})`, '', ...d.removed.map((r) => `- ${person(r)}`), '');
  const positions = (c: ChangedRecord) =>
    fieldLines(c.positional)
      .map((l) => l.slice(4))
      .join('; ');
  const renumbered = (c: ChangedRecord) => (Object.keys(c.positional).length ? [`  - position: ${positions(c)}`] : []);
  const changed = (c: ChangedRecord) => [`- **${c.label}** (\`${c.id}\`)`, ...fieldLines(c.changes), ...renumbered(c)];
  if (d.changed.length) out.push(`### Changed (${d.changed.length})`, '', ...d.changed.flatMap(changed), '');
  return out;
}

const MOVED = 'moved in the document (other lines, page or file), nothing else changed';

/** Position-only lines, one per table, collapsed to counts: renumbered records, and records read at other places. */
function positionLines(table: string, d: TableDiff): string[] {
  const parts = [
    ...(d.counts.repositioned ? [`${plural(d.counts.repositioned, 'record')} renumbered, nothing else changed`] : []),
    ...(d.counts.moved ? [`${plural(d.counts.moved, 'record')} ${MOVED}`] : []),
  ];
  return parts.length ? [`- ${table}: ${parts.join('; ')}`] : [];
}

const BUMP_WHY = {
  major: 'the schema broke (a field or table removed or retyped)',
  minor: 'records or fields were added or removed',
  patch: 'records were corrected or renumbered',
  none: 'no record was added, removed, changed or renumbered',
};

/** For a reader: the substantive changes first, then the counts, then what only moved, as counts. */
export function diffMarkdown(diff: DatasetDiff): string {
  const out = [`# Changes from ${diff.from.label} to ${diff.to.label}`, ''];
  out.push(`Version bump this calls for: **${diff.bump}** (${BUMP_WHY[diff.bump]}).`, '');
  if (diff.schema.length) out.push('## Schema changes', '', ...diff.schema.map(schemaLine), '');
  const substantive = Object.entries(diff.tables).filter(([, d]) => hasSubstance(d));
  const none = 'No substantive change: no schema change, no record added, removed or changed.';
  if (!substantive.length && !diff.schema.length) out.push(none, '');
  for (const [t, d] of substantive) out.push(...tableSection(t, d));
  out.push(
    '## Counts',
    '',
    '| table | added | removed | changed | renumbered only | moved only | unchanged |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const [t, { counts: c }] of Object.entries(diff.tables)) {
    out.push(`| ${t} | ${c.added} | ${c.removed} | ${c.changed} | ${c.repositioned} | ${c.moved} | ${c.unchanged} |`);
  }
  const positions = Object.entries(diff.tables).flatMap(([t, d]) => positionLines(t, d));
  if (positions.length) out.push('', '## Position in the document only', '', ...positions);
  return `${out.join('\n').trimEnd()}\n`;
}

const CHANGES_COLUMNS = ['table', 'id', 'label', 'op', 'field', 'kind', 'from', 'to'];
/** RFC 4180 field, quoted when it must be (a diff has hundreds of thousands of cells: csv-stringify was the slowest part). */
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (s: string) => (NEEDS_QUOTES.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s);

const cellOf = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** One row per changed field (ADD and DEL: one row for the record), written piece by piece: a diff can have 100,000s of rows. */
export function changesCsv(diff: DatasetDiff, out: Sink): void {
  out.text(`${CHANGES_COLUMNS.join(',')}\r\n`);
  const row = (table: string, id: string, label: string, op: string, rest: string) =>
    `${csvField(table)},${csvField(id)},${csvField(label)},${op},${rest}\r\n`;
  for (const [table, d] of Object.entries(diff.tables)) {
    for (const r of d.added) out.text(row(table, keyOf(table, r), labelOf(table, r), 'ADD', ',,,'));
    for (const list of [d.changed, d.repositioned]) {
      for (const c of list) {
        for (const [kind, fields] of [
          ['substantive', c.changes],
          ['positional', c.positional],
        ] as const) {
          for (const [f, v] of Object.entries(fields)) {
            out.text(row(table, c.id, c.label, 'MOD', `${csvField(f)},${kind},${csvField(cellOf(v.from))},${csvField(cellOf(v.to))}`));
          }
        }
      }
    }
    for (const r of d.removed) out.text(row(table, keyOf(table, r), labelOf(table, r), 'DEL', ',,,'));
  }
}

/**
 * File name -> content of every diff file, each made as it is written: a diff of every record has a
 * diff.ndjson as large as a release, and the four files are never in memory together.
 */
export const diffFiles = (diff: DatasetDiff): Map<string, Content> =>
  new Map<string, Content>([
    ['diff.json', (out) => diffJson(diff, out)],
    ['diff.ndjson', (out) => diffNdjson(diff, out)],
    ['DIFF.md', (out) => out.text(diffMarkdown(diff))],
    ['changes.csv', (out) => changesCsv(diff, out)],
  ]);

/** File name -> bytes of every diff file (a release's history keeps them with its files). */
export const renderDiff = (diff: DatasetDiff): Map<string, Buffer> =>
  new Map([...diffFiles(diff)].map(([name, content]) => [name, contentBytes(content)]));
