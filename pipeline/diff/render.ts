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

/** JSON.stringify(value, null, 2) at the indentation `indent` (JSON escapes a string's own newlines); a scalar as it is. */
const pretty = (value: unknown, indent: string): string =>
  typeof value !== 'object' || value === null
    ? JSON.stringify(value ?? null)
    : JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);

/** pretty() of a record's field changes ({field: {from, to}}), written out: a diff can list every record. */
function fieldChangesJson(changes: FieldChanges, indent: string): string {
  const inner = `${indent}  `,
    value = `${inner}  `;
  let s = '';
  for (const field in changes) {
    const { from, to } = changes[field]!;
    const change = `{\n${value}"from": ${pretty(from, value)},\n${value}"to": ${pretty(to, value)}\n${inner}}`;
    s += `${s ? ',' : ''}\n${inner}${JSON.stringify(field)}: ${change}`;
  }
  return s ? `{${s}\n${indent}}` : '{}';
}

/** A changed record in diff.json: pretty({ id, changes, positional? }, indent), without making that object. */
function changedJson(c: ChangedRecord, indent: string): string {
  const inner = `${indent}  `;
  const positional = Object.keys(c.positional).length ? `,\n${inner}"positional": ${fieldChangesJson(c.positional, inner)}` : '';
  return `{\n${inner}"id": ${JSON.stringify(c.id)},\n${inner}"changes": ${fieldChangesJson(c.changes, inner)}${positional}\n${indent}}`;
}

/** The list of changed (or repositioned) records of a table in diff.json, written record by record. */
class ChangedList {
  constructor(readonly records: ChangedRecord[]) {}

  into(out: Sink, indent: string): void {
    const inner = `${indent}  `;
    this.records.forEach((c, n) => out.text(`${n ? ',' : '['}\n${inner}${changedJson(c, inner)}`));
    out.text(this.records.length ? `\n${indent}]` : '[]');
  }
}

/**
 * JSON.stringify(value, null, 2) written at the indentation `indent`, piece by piece for `levels` levels
 * (a diff's lists can hold every record: one string of them all would be the run's largest allocation).
 */
function jsonInto(out: Sink, value: unknown, indent: string, levels: number): void {
  if (value instanceof ChangedList) {
    value.into(out, indent);
    return;
  }
  if (levels === 0 || typeof value !== 'object' || value === null) {
    out.text(pretty(value, indent));
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
        changed: new ChangedList(d.changed),
        repositioned: new ChangedList(d.repositioned),
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
    const mod = `{"op":"MOD","table":${JSON.stringify(table)},"id":`;
    for (const list of [d.changed, d.repositioned]) {
      for (const c of list) {
        out.text(`${mod}${JSON.stringify(c.id)},"record":`);
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
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/; // \s: what String.prototype.trim removes
const csvField = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const cellOf = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** One row per changed field (ADD and DEL: one row for the record), written piece by piece: a diff can have 100,000s of rows. */
export function changesCsv(diff: DatasetDiff, out: Sink): void {
  out.text(`${CHANGES_COLUMNS.join(',')}\r\n`);
  for (const [table, d] of Object.entries(diff.tables)) {
    // the cells before the field's, made once per record
    const record = (id: string, label: string, op: string) => `${csvField(table)},${csvField(id)},${csvField(label)},${op},`;
    for (const r of d.added) out.text(`${record(keyOf(table, r), labelOf(table, r), 'ADD')},,,\r\n`);
    for (const list of [d.changed, d.repositioned]) {
      for (const c of list) {
        const start = record(c.id, c.label, 'MOD');
        const rows = (kind: string, fields: FieldChanges) => {
          for (const f in fields) {
            const { from, to } = fields[f]!;
            out.text(`${start}${csvField(f)},${kind},${csvField(cellOf(from))},${csvField(cellOf(to))}\r\n`);
          }
        };
        rows('substantive', c.changes);
        rows('positional', c.positional);
      }
    }
    for (const r of d.removed) out.text(`${record(keyOf(table, r), labelOf(table, r), 'DEL')},,,\r\n`);
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
