/**
 * Compare two datasets table by table, record by record, by primary key.
 * Each table is indexed once (a Map from key to record): linear in the number
 * of records, never a join of every record with every other.
 */
import { keyFields, keyJoiner, TABLES } from '../model/tables.js';
import type { Row } from '../model/row.js';
import type { NdjsonLines } from '../publish/read-release.js';

export type { Row } from '../model/row.js';
export type { NdjsonLines } from '../publish/read-release.js';

/**
 * A table as read: parsed records, or the lines of its NDJSON file, parsed
 * only where needed (a line identical on both sides is an unchanged record
 * and is never parsed: most of a large diff is unchanged).
 */
export type TableData = Row[] | NdjsonLines;
/** Table name -> records, in the order they were published. */
export type Tables = Record<string, TableData>;

export interface FieldChange {
  from: unknown;
  to: unknown;
}
export type FieldChanges = Record<string, FieldChange>;

export interface ChangedRecord {
  id: string;
  /** Substantive changes; empty for a record that only moved in the document. */
  changes: FieldChanges;
  /** Changes of the table's positional fields (its place in the report's own order: a list number). */
  positional: FieldChanges;
  /** The record after the change (for diff.ndjson and labels). */
  record: Row;
  before: Row;
  /** The record's NDJSON line as read, when it was read from one. */
  line?: string | undefined;
}

export interface TableDiff {
  added: Row[];
  removed: Row[];
  /** Records with at least one substantive change. */
  changed: ChangedRecord[];
  /** Records whose only changes are positional (renumbered). */
  repositioned: ChangedRecord[];
  /**
   * moved: records whose only changes are of provenance (read at other lines, on another page, from
   * another file): counted, never listed. unchanged: the rest of the records both sides have.
   */
  counts: { added: number; removed: number; changed: number; repositioned: number; moved: number; unchanged: number };
}

export type SchemaChangeKind = 'table_added' | 'table_removed' | 'field_added' | 'field_removed' | 'field_retyped';
export interface SchemaChange {
  table: string;
  field: string | null;
  change: SchemaChangeKind;
  from: string[] | null;
  to: string[] | null;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface TablesDiff {
  schema: SchemaChange[];
  tables: Record<string, TableDiff>;
  bump: Bump;
}

type Registered = (typeof TABLES)[keyof typeof TABLES];
const registered = (table: string): Registered | undefined => (table in TABLES ? TABLES[table as keyof typeof TABLES] : undefined);

export type FieldRole = 'substantive' | 'positional' | 'provenance';
/** What a change of each field means, as the registry declares it; a field it does not name is substantive. */
export function fieldRoles(table: string): (field: string) => FieldRole {
  const entry = registered(table);
  const positional = new Set<string>(entry?.positional ?? []),
    provenance = new Set<string>(entry?.provenance ?? []);
  return (field) => (positional.has(field) ? 'positional' : provenance.has(field) ? 'provenance' : 'substantive');
}

/** The records of one side of one table, by position: key, raw line and record, each computed once. */
class TableSide {
  readonly size: number;
  private readonly rows: Array<Row | undefined>;
  private readonly ndjson: NdjsonLines | undefined;
  private readonly keyOfRow: (r: Row) => string;
  /** `{"id":"value"` at the start of a line: the key without parsing the line (values with escapes are parsed). */
  private readonly keyPrefix: Buffer | undefined;

  constructor(data: TableData, key: readonly string[]) {
    this.ndjson = Array.isArray(data) ? undefined : data;
    this.rows = Array.isArray(data) ? data : new Array(data.starts.length);
    this.size = this.rows.length;
    this.keyOfRow = keyJoiner(key);
    this.keyPrefix = key.length === 1 ? Buffer.from(`{"${key[0]}":"`) : undefined;
  }

  /** Whether line i here and line j of other hold the same bytes (false unless both are NDJSON). */
  sameLine(i: number, other: TableSide, j: number): boolean {
    const a = this.ndjson,
      b = other.ndjson;
    return !!a && !!b && a.bytes.compare(b.bytes, b.starts[j], b.ends[j], a.starts[i], a.ends[i]) === 0;
  }

  /** Line i's text, as read (undefined for a parsed table). */
  text = (i: number) => this.ndjson?.bytes.toString('utf8', this.ndjson.starts[i], this.ndjson.ends[i]);

  row(i: number): Row {
    return (this.rows[i] ??= JSON.parse(this.text(i)!) as Row);
  }

  key(i: number): string {
    const prefix = this.keyPrefix,
      ndjson = this.ndjson;
    if (ndjson && prefix) {
      const start = ndjson.starts[i]! + prefix.length,
        lineEnd = ndjson.ends[i]!;
      if (start <= lineEnd && ndjson.bytes.compare(prefix, 0, prefix.length, start - prefix.length, start) === 0) {
        const end = ndjson.bytes.indexOf(0x22, start); // the closing quote
        if (end >= 0 && end < lineEnd) {
          const value = ndjson.bytes.toString('utf8', start, end);
          if (!value.includes('\\')) return value;
        }
      }
    }
    return this.keyOfRow(this.row(i));
  }

  /** Rows parsed so far (all of them for a parsed table). */
  parsedRows = () => this.rows.filter((r): r is Row => r !== undefined);
}

/** Structural equality of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a),
    kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameValue((a as Row)[k], (b as Row)[k])) return false;
  return true;
}

const TYPE_NAMES = ['string', 'number', 'boolean', 'array', 'object'] as const;
/** One bit per JSON type; null has none (a field that is sometimes null is not retyped). */
function typeBit(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return 1;
    case 'number':
      return 2;
    case 'boolean':
      return 4;
    case 'object':
      return v === null ? 0 : Array.isArray(v) ? 8 : 16;
    default:
      return 0;
  }
}
const typeNames = (bits: number) => TYPE_NAMES.filter((_, i) => bits & (1 << i)).sort();

/** Field -> the JSON types its values take, as bits (one pass; a bit mask is much cheaper than a Set per field). */
function fieldTypes(rows: Row[]): Map<string, number> {
  const types = new Map<string, number>();
  for (const row of rows) {
    for (const field in row) types.set(field, (types.get(field) ?? 0) | typeBit(row[field]));
  }
  return types;
}

function schemaChanges(table: string, from: Map<string, number>, to: Map<string, number>): SchemaChange[] {
  const out: SchemaChange[] = [];
  for (const [field, types] of from) {
    const after = to.get(field);
    if (after === undefined) out.push({ table, field, change: 'field_removed', from: typeNames(types), to: null });
    else if (types && after && types !== after)
      out.push({ table, field, change: 'field_retyped', from: typeNames(types), to: typeNames(after) });
  }
  for (const [field, types] of to)
    if (!from.has(field)) out.push({ table, field, change: 'field_added', from: null, to: typeNames(types) });
  return out;
}

/** An entry's text starts with its number: "12 Name – …" renumbered to "11 Name – …" is the same text. */
function onlyRenumbered(a: unknown, b: unknown, from: unknown, to: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || typeof from !== 'number' || typeof to !== 'number') return false;
  const [x, y] = [String(from), String(to)];
  return a.startsWith(x) && b.startsWith(y) && a.length - x.length === b.length - y.length && a.endsWith(b.slice(y.length));
}

/**
 * A provenance value as compared: without the id of the source it names. An ad-hoc id is made from a
 * file's name, so a copy saved under another name, or a release against its edition, must not differ by it.
 */
function placeOnly(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('id' in value)) return value;
  const { id: _sourceId, ...place } = value as Row;
  return place;
}

interface RecordChanges {
  changes: FieldChanges;
  positional: FieldChanges;
  /** Whether a provenance field changed (counted as a move, never listed). */
  moved: boolean;
}

/** Field changes between two versions of one record; fields only one side's schema has are schema changes, not record changes. */
function recordChanges(before: Row, after: Row, fields: string[], roleOf: (field: string) => FieldRole): RecordChanges {
  const result: RecordChanges = { changes: {}, positional: {}, moved: false };
  for (const field of fields) {
    const a = before[field],
      b = after[field];
    const role = roleOf(field);
    if (role === 'provenance') {
      result.moved ||= !sameValue(placeOnly(a), placeOnly(b));
      continue;
    }
    if (sameValue(a, b) || (field === 'text' && onlyRenumbered(a, b, before.number, after.number))) continue;
    (role === 'positional' ? result.positional : result.changes)[field] = { from: a ?? null, to: b ?? null };
  }
  return result;
}

/**
 * Diff one table: FROM indexed once by key, TO walked once. Types are inferred from the records that differ
 * (identical records cannot change a schema).
 */
export function diffTable(table: string, before: TableData, after: TableData): { diff: TableDiff; schema: SchemaChange[] } {
  const key = keyFields(table);
  const from = new TableSide(before, key),
    to = new TableSide(after, key);
  const index = new Map<string, number>();
  for (let i = 0; i < from.size; i++) index.set(from.key(i), i);
  const counts = { added: 0, removed: 0, changed: 0, repositioned: 0, moved: 0, unchanged: 0 };
  const diff: TableDiff = { added: [], removed: [], changed: [], repositioned: [], counts };
  const matched = new Uint8Array(from.size);
  const pairs: Array<[number, number, string]> = [];
  for (let i = 0; i < to.size; i++) {
    const id = to.key(i);
    const j = index.get(id);
    if (j === undefined) {
      diff.added.push(to.row(i));
      continue;
    }
    matched[j] = 1;
    if (to.sameLine(i, from, j)) diff.counts.unchanged++;
    else pairs.push([j, i, id]);
  }
  for (let j = 0; j < from.size; j++) if (!matched[j]) diff.removed.push(from.row(j));
  for (const [j, i] of pairs) {
    from.row(j); // parsed before the types are inferred from them
    to.row(i);
  }

  const typesBefore = fieldTypes(from.parsedRows()),
    typesAfter = fieldTypes(to.parsedRows());
  const roleOf = fieldRoles(table);
  // a provenance field one side lacks is a front end's, not a schema's (a PDF build carries pages, a Markdown build none)
  const schema = from.size && to.size ? schemaChanges(table, typesBefore, typesAfter).filter((c) => roleOf(c.field!) !== 'provenance') : [];
  const fields = [...typesAfter.keys()].filter((f) => typesBefore.has(f));
  for (const [j, i, id] of pairs) {
    const prior = from.row(j),
      record = to.row(i);
    const { changes, positional, moved } = recordChanges(prior, record, fields, roleOf);
    const entry = { id, changes, positional, record, before: prior, line: to.text(i) };
    if (Object.keys(changes).length) diff.changed.push(entry);
    else if (Object.keys(positional).length) diff.repositioned.push(entry);
    else if (moved) diff.counts.moved++;
    else diff.counts.unchanged++;
  }
  diff.counts.added = diff.added.length;
  diff.counts.removed = diff.removed.length;
  diff.counts.changed = diff.changed.length;
  diff.counts.repositioned = diff.repositioned.length;
  return { diff, schema };
}

/**
 * The version bump a diff calls for, from substance only: schema break -> major; records or fields added or
 * removed -> minor; records corrected or renumbered -> patch. Records only read at other lines (moved) call for none.
 */
export function bumpFor(schema: SchemaChange[], tables: Record<string, TableDiff>): Bump {
  if (schema.some((c) => c.change === 'field_removed' || c.change === 'field_retyped' || c.change === 'table_removed')) return 'major';
  const counts = Object.values(tables).map((t) => t.counts);
  if (schema.length || counts.some((c) => c.added || c.removed)) return 'minor';
  if (counts.some((c) => c.changed || c.repositioned)) return 'patch';
  return 'none';
}

/** Tables in registry order, then any others in name order. */
export function tableOrder(...sides: Tables[]): string[] {
  const names = new Set(sides.flatMap((s) => Object.keys(s)));
  const known = Object.keys(TABLES).filter((t) => names.has(t));
  return [...known, ...[...names].filter((t) => !(t in TABLES)).sort()];
}

export function diffTables(from: Tables, to: Tables): TablesDiff {
  const schema: SchemaChange[] = [];
  const tables: Record<string, TableDiff> = {};
  for (const table of tableOrder(from, to)) {
    const before = from[table],
      after = to[table];
    if (!before) schema.push({ table, field: null, change: 'table_added', from: null, to: null });
    if (!after) schema.push({ table, field: null, change: 'table_removed', from: null, to: null });
    const result = diffTable(table, before ?? [], after ?? []);
    if (before && after) schema.push(...result.schema);
    tables[table] = result.diff;
  }
  return { schema, tables, bump: bumpFor(schema, tables) };
}
