/**
 * The JSON types each field of a table takes, over the records read, and the schema changes between two
 * sides. Fields keep the order a reader meets them in (by record, then within it), whatever order the
 * records were read in: a diff reads FROM's records in TO's order.
 */
import type { Row } from '../model/row.js';

export type SchemaChangeKind = 'table_added' | 'table_removed' | 'field_added' | 'field_removed' | 'field_retyped';
export interface SchemaChange {
  table: string;
  field: string | null;
  change: SchemaChangeKind;
  from: string[] | null;
  to: string[] | null;
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

/** A field's types as bits (much cheaper than a Set per field), and where it was first met: record, then place in it. */
interface Seen {
  bits: number;
  record: number;
  place: number;
}

/** The records read as field ranges that share one list of names: their types per field, and the first of them. */
interface Layout {
  bits: number[];
  record: number;
}

/** Field -> types, fed record by record in any order. */
export class FieldTypes {
  private readonly seen = new Map<string, Seen>();
  private readonly layouts = new Map<readonly string[], Layout>();

  /** Record `index` of its table (its position there, which orders the fields). */
  add(row: Row, index: number): void {
    let place = 0;
    for (const field in row) this.note(field, typeBit(row[field]), index, place++);
  }

  /**
   * Record `index`, read as names and type bits (bits[k] for names[k]; noted per list of names: a Map
   * look-up per field is too dear for every record).
   */
  addLine(names: readonly string[], bits: ArrayLike<number>, index: number): void {
    const layout = this.layouts.get(names);
    if (!layout) this.layouts.set(names, { bits: Array.from(names, (_, k) => bits[k]!), record: index });
    else {
      for (let k = 0; k < names.length; k++) layout.bits[k]! |= bits[k]!;
      layout.record = Math.min(layout.record, index);
    }
  }

  private note(field: string, bit: number, record: number, place: number): void {
    const seen = this.seen.get(field);
    if (!seen) this.seen.set(field, { bits: bit, record, place });
    else {
      seen.bits |= bit;
      if (record < seen.record) Object.assign(seen, { record, place });
    }
  }

  /** Field -> type bits, in the order the fields are first met reading the records in table order. */
  inOrder(): Map<string, number> {
    for (const [names, { bits, record }] of this.layouts) names.forEach((field, place) => this.note(field, bits[place]!, record, place));
    this.layouts.clear();
    const byPlace = (a: [string, Seen], b: [string, Seen]) => a[1].record - b[1].record || a[1].place - b[1].place;
    return new Map([...this.seen].sort(byPlace).map(([field, seen]) => [field, seen.bits]));
  }
}

export function schemaChanges(table: string, from: Map<string, number>, to: Map<string, number>): SchemaChange[] {
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
