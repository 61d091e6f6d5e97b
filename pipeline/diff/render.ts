/** The diff's files: diff.json, diff.ndjson, DIFF.md (for a reader), changes.csv (one row per changed field). */
import type { ChangedRecord, FieldChanges, Row, SchemaChange, TableDiff, TablesDiff } from './compare.js';
import type { SideMeta } from './load.js';
import { plural } from '../lib/counts.js';
import { keyOf } from '../model/tables.js';

export interface DatasetDiff extends TablesDiff {
  from: SideMeta;
  to: SideMeta;
}

export const DIFF_FILES = ['diff.json', 'diff.ndjson', 'DIFF.md', 'changes.csv'] as const;

/** How a person reads a record: its name, else its title, else its key. */
const labelOf = (table: string, r: Row) => String(r.name ?? r.title ?? r.label ?? keyOf(table, r));

const changedJson = (c: ChangedRecord) => ({
  id: c.id,
  changes: c.changes,
  ...(Object.keys(c.positional).length ? { positional: c.positional } : {}),
});

export function diffJson(diff: DatasetDiff): string {
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
  return `${JSON.stringify({ from: diff.from, to: diff.to, bump: diff.bump, schema: diff.schema, tables }, null, 2)}\n`;
}

/** One line per changed record: ADD and MOD carry the full new record, DEL only the id. */
export function diffNdjson(diff: DatasetDiff): string {
  const lines: string[] = [];
  for (const [table, d] of Object.entries(diff.tables)) {
    for (const r of d.added) lines.push(JSON.stringify({ op: 'ADD', table, id: keyOf(table, r), record: r }));
    for (const list of [d.changed, d.repositioned]) {
      // the record's line as read, when there is one: the same JSON, without serialising it again
      for (const c of list)
        lines.push(
          `{"op":"MOD","table":${JSON.stringify(table)},"id":${JSON.stringify(c.id)},"record":${c.line ?? JSON.stringify(c.record)}}`,
        );
    }
    for (const r of d.removed) lines.push(JSON.stringify({ op: 'DEL', table, id: keyOf(table, r) }));
  }
  return lines.map((l) => `${l}\n`).join('');
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
  const changed = (c: ChangedRecord) => [`- ${person(c.record)}`, ...fieldLines(c.changes), ...renumbered(c)];
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

/** One row per changed field (ADD and DEL: one row for the record). Built as one string: a diff can have hundreds of thousands of rows. */
export function changesCsv(diff: DatasetDiff): string {
  let out = `${CHANGES_COLUMNS.join(',')}\r\n`;
  const row = (table: string, id: string, label: string, op: string, rest: string) =>
    `${csvField(table)},${csvField(id)},${csvField(label)},${op},${rest}\r\n`;
  for (const [table, d] of Object.entries(diff.tables)) {
    for (const r of d.added) out += row(table, keyOf(table, r), labelOf(table, r), 'ADD', ',,,');
    for (const list of [d.changed, d.repositioned]) {
      for (const c of list) {
        const label = labelOf(table, c.record);
        for (const [kind, fields] of [
          ['substantive', c.changes],
          ['positional', c.positional],
        ] as const) {
          for (const [f, v] of Object.entries(fields)) {
            out += row(table, c.id, label, 'MOD', `${csvField(f)},${kind},${csvField(cellOf(v.from))},${csvField(cellOf(v.to))}`);
          }
        }
      }
    }
    for (const r of d.removed) out += row(table, keyOf(table, r), labelOf(table, r), 'DEL', ',,,');
  }
  return out;
}

/** File name -> text of every diff file. */
export const renderDiff = (diff: DatasetDiff): Map<string, string> =>
  new Map([
    ['diff.json', diffJson(diff)],
    ['diff.ndjson', diffNdjson(diff)],
    ['DIFF.md', diffMarkdown(diff)],
    ['changes.csv', changesCsv(diff)],
  ]);
