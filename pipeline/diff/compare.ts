/**
 * Compare two datasets table by table, record by record, by primary key.
 * Each table is indexed once (a Map from key to record): linear in the number
 * of records, never a join of every record with every other.
 */
import { keyFields, keyJoiner, keyOf, TABLES } from '../model/tables.js';
import type { Row } from '../model/row.js';
import type { NdjsonLines } from '../publish/read-release.js';
import { FieldTypes, type SchemaChange, schemaChanges } from './field-types.js';
import { Layouts, LineFields, parseValue, sameBytes, typeBitAt, type Viewed, viewOf } from './line-fields.js';
import {
  type Difference,
  differences,
  type FieldChanges,
  type FieldRole,
  RENUMBERED_FIELD,
  RULE_FIELDS,
  recordChanges,
  renumberedAsRead,
} from './record-changes.js';

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

export type { FieldChange, FieldChanges, FieldRole } from './record-changes.js';
export { sameValue } from './record-changes.js';
export type { SchemaChange, SchemaChangeKind } from './field-types.js';

export interface ChangedRecord {
  id: string;
  /** How a person reads the record: its name, else its title, else its key. */
  label: string;
  /** Substantive changes; empty for a record that only moved in the document. */
  changes: FieldChanges;
  /** Changes of the table's positional fields (its place in the report's own order: a list number). */
  positional: FieldChanges;
  /** The record after the change (read again from its line when it was read from one). */
  readonly record: Row;
  /** The record before the change (read again likewise). */
  readonly before: Row;
  /** The record's NDJSON line as read, when it was read from one. */
  readonly line?: Buffer | undefined;
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

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface TablesDiff {
  schema: SchemaChange[];
  tables: Record<string, TableDiff>;
  bump: Bump;
}

type Registered = (typeof TABLES)[keyof typeof TABLES];
const registered = (table: string): Registered | undefined => (table in TABLES ? TABLES[table as keyof typeof TABLES] : undefined);

/** What a change of each field means, as the registry declares it; a field it does not name is substantive. */
export function fieldRoles(table: string): (field: string) => FieldRole {
  const entry = registered(table);
  const positional = new Set<string>(entry?.positional ?? []),
    provenance = new Set<string>(entry?.provenance ?? []);
  return (field) => (positional.has(field) ? 'positional' : provenance.has(field) ? 'provenance' : 'substantive');
}

/** How a person reads a record, its fields read through `get` (only as far as needed): its name, else its title, else its key. */
function labelFrom(table: string, get: (field: string) => unknown): string {
  const key = () => keyOf(table, Object.fromEntries(keyFields(table).map((f) => [f, get(f)])));
  return String(get('name') ?? get('title') ?? get('label') ?? key());
}
export const labelOf = (table: string, r: Row) => labelFrom(table, (field) => r[field]);

/**
 * The records of one side of one table, by position. A record read from a line is parsed when asked and not
 * kept (a diff can pair every record), except those parsed for their key; the types of every record parsed
 * are noted (identical records cannot change a schema, so unparsed ones are not needed).
 */
class TableSide {
  readonly size: number;
  readonly types = new FieldTypes();
  private readonly rows: Array<Row | undefined>;
  private readonly ndjson: NdjsonLines | undefined;
  /** The NDJSON file's bytes, viewed to be compared several at a time. */
  private readonly viewed: Viewed | undefined;
  private readonly keyOfRow: (r: Row) => string;
  /** `{"id":"value"` at the start of a line: the key without parsing the line (values with escapes are parsed). */
  private readonly keyPrefix: Buffer | undefined;
  /** The line read as field ranges, and its type bits: reused from line to line. */
  private readonly reader = new LineFields();
  private bits = new Uint8Array(64);

  constructor(data: TableData, key: readonly string[]) {
    this.ndjson = Array.isArray(data) ? undefined : data;
    this.viewed = this.ndjson && viewOf(this.ndjson.bytes);
    this.rows = Array.isArray(data) ? data : new Array(data.starts.length);
    this.size = this.rows.length;
    this.keyOfRow = keyJoiner(key);
    this.keyPrefix = key.length === 1 ? Buffer.from(`{"${key[0]}":"`) : undefined;
    if (Array.isArray(data)) data.forEach((row, i) => this.types.add(row, i));
  }

  /** Whether line i here and line j of other hold the same bytes (false unless both are NDJSON). */
  sameLine(i: number, other: TableSide, j: number): boolean {
    const a = this.ndjson,
      b = other.ndjson;
    return !!a && !!b && a.bytes.compare(b.bytes, b.starts[j], b.ends[j], a.starts[i], a.ends[i]) === 0;
  }

  /**
   * Line i as field ranges (undefined for a parsed table, or a line that must be parsed whole): read along
   * `model`, the other side's line of the record, when given; valid until this side's next line is read.
   */
  fields(i: number, layouts: Layouts, model?: { line: LineFields; side: TableSide }): LineFields | undefined {
    const ndjson = this.ndjson,
      viewed = this.viewed;
    if (!ndjson || !viewed) return undefined;
    const start = ndjson.starts[i]!,
      end = ndjson.ends[i]!,
      line = this.reader;
    const along = model?.side.viewed && line.readAlong(viewed, start, end, model.line, model.side.viewed);
    return along || line.read(viewed, start, end, layouts) ? line : undefined;
  }

  /** Field k of a line read as field ranges, parsed. */
  value = (line: LineFields, k: number): unknown => parseValue(this.ndjson!.bytes, line.starts[k]!, line.ends[k]!);

  /** Whether field k of a line here and of a line of other hold the same bytes. */
  sameField(line: LineFields, other: TableSide, otherLine: LineFields, k: number): boolean {
    return sameBytes(this.viewed!, line.starts[k]!, line.ends[k]!, other.viewed!, otherLine.starts[k]!, otherLine.ends[k]!);
  }

  /** Whether field k of a line here and of a line of other differ only by their records' numbers (see renumberedAsRead). */
  renumbered(line: LineFields, other: TableSide, otherLine: LineFields, k: number, role: FieldRole, from: unknown, to: unknown): boolean {
    const a = this.ndjson!.bytes,
      b = other.ndjson!.bytes;
    return renumberedAsRead(role, a, line.starts[k]!, line.ends[k]!, b, otherLine.starts[k]!, otherLine.ends[k]!, from, to);
  }

  /** Notes the types of a line read as field ranges. */
  noteTypes(line: LineFields, i: number): void {
    const bytes = this.ndjson!.bytes;
    if (this.bits.length < line.count) this.bits = new Uint8Array(line.count);
    for (let k = 0; k < line.count; k++) this.bits[k] = typeBitAt(bytes, line.starts[k]!);
    this.types.addLine(line.names, this.bits, i);
  }

  /** Line i's bytes, as read (undefined for a parsed table): a view, not a copy. */
  line = (i: number) => this.ndjson?.bytes.subarray(this.ndjson.starts[i], this.ndjson.ends[i]);

  row(i: number): Row {
    const kept = this.rows[i];
    if (kept) return kept;
    const { bytes, starts, ends } = this.ndjson!;
    const row = JSON.parse(bytes.toString('utf8', starts[i], ends[i])) as Row;
    this.types.add(row, i);
    return row;
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
    return this.keyOfRow((this.rows[i] ??= this.row(i)));
  }
}

/** Both sides of a table, or a place in each. */
interface Pair<T> {
  from: T;
  to: T;
}

const SETTLED: Difference[] = [];

/**
 * A record listed as changed: what the diff's files need, its record read again from its side when asked
 * (never kept). Made as its pair is compared; its differences become changes once the table's fields are known.
 */
class Listed implements ChangedRecord {
  declare changes: FieldChanges;
  declare positional: FieldChanges;
  readonly label: string;
  /** The fields that differ, until settled into changes. */
  private found: Difference[];

  constructor(
    readonly id: string,
    compared: Compared,
    private readonly sides: Pair<TableSide>,
    private readonly fromIndex: number,
    private readonly toIndex: number,
  ) {
    this.label = compared.label;
    this.found = compared.found;
  }

  /** Sorts the differences into changes, in the table's field order; whether a provenance field changed. */
  settle(order: Map<string, number>): boolean {
    const { changes, positional, moved } = recordChanges(this.found, order);
    this.changes = changes;
    this.positional = positional;
    this.found = SETTLED;
    return moved;
  }

  get record(): Row {
    return this.sides.to.row(this.toIndex);
  }

  get before(): Row {
    return this.sides.from.row(this.fromIndex);
  }

  get line(): Buffer | undefined {
    return this.sides.to.line(this.toIndex);
  }
}

/** A pair that differs somewhere, as compared: the record's label and the fields that differ. */
interface Compared {
  label: string;
  found: Difference[];
}

/** What comparing the pairs of one table needs, made once per table. */
interface PairContext {
  table: string;
  roleOf: (field: string) => FieldRole;
  layouts: Layouts;
  /** Fields parsed on both sides even when their bytes are the same: those rules read. */
  ruleFields: Set<string>;
}

/**
 * Two lines with the same names in the same order: only the fields whose bytes differ are parsed (with those
 * rules and labels read), into partial records compared as whole ones would be. Undefined for other pairs.
 */
function compareFields(sides: Pair<TableSide>, at: Pair<number>, context: PairContext): Compared | undefined {
  const a = sides.from.fields(at.from, context.layouts),
    b = a && sides.to.fields(at.to, context.layouts, { line: a, side: sides.from });
  if (!a || !b || a.names !== b.names) return undefined;
  const before: Row = {},
    after: Row = {};
  let renumbered = -1; // RENUMBERED_FIELD when its bytes differ: parsed unless the record's number explains it
  for (let k = 0; k < a.count; k++) {
    const name = a.names[k]!;
    if (!context.ruleFields.has(name) && (b.same[k] || sides.from.sameField(a, sides.to, b, k))) continue;
    if (name === RENUMBERED_FIELD) renumbered = k;
    else {
      before[name] = sides.from.value(a, k);
      after[name] = sides.to.value(b, k);
    }
  }
  if (
    renumbered >= 0 &&
    !sides.from.renumbered(a, sides.to, b, renumbered, context.roleOf(RENUMBERED_FIELD), before.number, after.number)
  ) {
    before[RENUMBERED_FIELD] = sides.from.value(a, renumbered);
    after[RENUMBERED_FIELD] = sides.to.value(b, renumbered);
  }
  sides.from.noteTypes(a, at.from);
  sides.to.noteTypes(b, at.to);
  const labelField = (field: string) => {
    const k = b.names.indexOf(field);
    return k < 0 ? undefined : Object.hasOwn(after, field) ? after[field] : sides.to.value(b, k);
  };
  return { label: labelFrom(context.table, labelField), found: differences(before, after, context.roleOf) };
}

/** Compare a pair that differs: field by field when both are lines that allow it, else parsed whole. */
function comparePair(sides: Pair<TableSide>, at: Pair<number>, context: PairContext): Compared {
  const byField = compareFields(sides, at, context);
  if (byField) return byField;
  const record = sides.to.row(at.to);
  return { label: labelOf(context.table, record), found: differences(sides.from.row(at.from), record, context.roleOf) };
}

type Counts = TableDiff['counts'];

/** Sort the pairs that differ into changed, repositioned, moved or unchanged, with their changes in field order. */
function sortPairs(pending: Listed[], order: Map<string, number>, diff: TableDiff, counts: Counts): void {
  for (const entry of pending) {
    const moved = entry.settle(order);
    if (Object.keys(entry.changes).length) diff.changed.push(entry);
    else if (Object.keys(entry.positional).length) diff.repositioned.push(entry);
    else if (moved) counts.moved++;
    else counts.unchanged++;
  }
}

/**
 * Diff one table: FROM indexed once by key, TO walked once, each pair that differs compared as it is read.
 * Types are inferred from the records parsed (identical lines are not: they cannot change a schema).
 */
export function diffTable(table: string, before: TableData, after: TableData): { diff: TableDiff; schema: SchemaChange[] } {
  const key = keyFields(table);
  const from = new TableSide(before, key),
    to = new TableSide(after, key);
  const index = new Map<string, number>();
  for (let i = 0; i < from.size; i++) index.set(from.key(i), i);
  const counts: Counts = { added: 0, removed: 0, changed: 0, repositioned: 0, moved: 0, unchanged: 0 };
  const diff: TableDiff = { added: [], removed: [], changed: [], repositioned: [], counts };
  const roleOf = fieldRoles(table);
  const context: PairContext = { table, roleOf, layouts: new Layouts(), ruleFields: new Set(RULE_FIELDS) };
  const matched = new Uint8Array(from.size);
  const sides = { from, to };
  const pending: Listed[] = [];
  for (let i = 0; i < to.size; i++) {
    const id = to.key(i);
    const j = index.get(id);
    if (j === undefined) {
      diff.added.push(to.row(i));
      continue;
    }
    matched[j] = 1;
    if (to.sameLine(i, from, j)) counts.unchanged++;
    else {
      pending.push(new Listed(id, comparePair(sides, { from: j, to: i }, context), sides, j, i));
    }
  }
  for (let j = 0; j < from.size; j++) if (!matched[j]) diff.removed.push(from.row(j));

  const typesBefore = from.types.inOrder(),
    typesAfter = to.types.inOrder();
  // a provenance field one side lacks is a front end's, not a schema's (a PDF build carries pages, a Markdown build none)
  const schema = from.size && to.size ? schemaChanges(table, typesBefore, typesAfter).filter((c) => roleOf(c.field!) !== 'provenance') : [];
  const fields = [...typesAfter.keys()].filter((f) => typesBefore.has(f));
  sortPairs(pending, new Map(fields.map((f, n) => [f, n])), diff, counts);
  counts.added = diff.added.length;
  counts.removed = diff.removed.length;
  counts.changed = diff.changed.length;
  counts.repositioned = diff.repositioned.length;
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
