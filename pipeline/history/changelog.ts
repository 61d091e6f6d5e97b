/**
 * CHANGELOG.md, Keep a Changelog style, newest first: each release adds its
 * entry, written from its diff against the previous release, on top of the
 * previous release's changelog.
 */
import type { ChangedRecord, Row, SchemaChange } from '../diff/compare.js';
import { keyOf } from '../model/tables.js';
import type { DatasetDiff } from '../diff/render.js';

export const CHANGELOG_HEADER = `# Changelog

All notable changes to the dataset, newest first. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/); versions follow
[Semantic Versioning](https://semver.org/spec/v2.0.0.html) by the diff against
the previous release: a schema break (a field or table removed or retyped) is
a major release, records or fields added or removed a minor one, corrections a
patch. Each release's DIFF.md, diff.json and changes.csv give the details.
`;

/** How many records a section names before it only counts the rest. */
const NAMED = 25;

const nameOf = (table: string, r: Row) => `${String(r.name ?? r.title ?? keyOf(table, r))} (\`${keyOf(table, r)}\`)`;

function named(table: string, rows: Row[], verb: string): string[] {
  if (!rows.length) return [];
  const shown = rows.slice(0, NAMED).map((r) => nameOf(table, r));
  const more = rows.length > NAMED ? `, and ${rows.length - NAMED} more (see DIFF.md)` : '';
  return [`- ${table}: ${rows.length} ${rows.length === 1 ? 'record' : 'records'} ${verb}: ${shown.join(', ')}${more}`];
}

const typeChange = (c: SchemaChange) => (c.to && c.from ? ` (${c.from.join('|')} -> ${c.to.join('|')})` : '');
const schemaItem = (c: SchemaChange) =>
  `- schema: \`${c.field ? `${c.table}.${c.field}` : c.table}\` ${c.change.replace(/^(table|field)_/, '$1 ')}${typeChange(c)}`;

function changedItems(table: string, changed: ChangedRecord[], repositioned: ChangedRecord[]): string[] {
  const out = changed.slice(0, NAMED).map((c) => `- ${table}: ${nameOf(table, c.record)}: ${Object.keys(c.changes).join(', ')}`);
  if (changed.length > NAMED) out.push(`- ${table}: ${changed.length - NAMED} more records corrected (see DIFF.md)`);
  if (repositioned.length) out.push(`- ${table}: ${repositioned.length} records renumbered only`);
  return out;
}

/** The entry of one release. */
export function changelogEntry(version: string, date: string | null, diff: DatasetDiff): string {
  const sections: Array<[string, string[]]> = [
    [
      'Added',
      [
        ...diff.schema.filter((c) => c.change.endsWith('_added')).map(schemaItem),
        ...Object.entries(diff.tables).flatMap(([t, d]) => named(t, d.added, 'added')),
      ],
    ],
    [
      'Changed',
      [
        ...diff.schema.filter((c) => c.change === 'field_retyped').map(schemaItem),
        ...Object.entries(diff.tables).flatMap(([t, d]) => changedItems(t, d.changed, d.repositioned)),
      ],
    ],
    [
      'Removed',
      [
        ...diff.schema.filter((c) => c.change.endsWith('_removed')).map(schemaItem),
        ...Object.entries(diff.tables).flatMap(([t, d]) => named(t, d.removed, 'removed')),
      ],
    ],
  ];
  const source = diff.to.source ? `source \`${diff.to.source.id}\` (sha256 ${diff.to.source.sha256.slice(0, 12)}…)` : 'its source';
  const what = !diff.from.version
    ? 'the first release'
    : diff.bump === 'none'
      ? `no change to the data since ${diff.from.version}`
      : `a ${diff.bump} release after ${diff.from.version}`;
  const out = [`## [${version}]${date ? ` - ${date}` : ''}`, '', `Built from ${source}; ${what}.`, ''];
  for (const [title, items] of sections) if (items.length) out.push(`### ${title}`, '', ...items, '');
  return out.join('\n');
}

/** This release's entry on top of the entries of the previous release's changelog. */
export function changelog(entry: string, previous: string | null): string {
  const start = previous?.indexOf('\n## [') ?? -1;
  const older = previous && start >= 0 ? previous.slice(start + 1) : '';
  return `${CHANGELOG_HEADER}\n${entry}${older ? `\n${older}` : ''}`.replace(/\n+$/, '\n');
}
