/**
 * What differs between two versions of one record. A pair is compared as soon as it is read, before the
 * table's fields are all known: its differences are kept, and sorted into changes once they are.
 */
import type { Row } from '../model/row.js';

export type FieldRole = 'substantive' | 'positional' | 'provenance';

export interface FieldChange {
  from: unknown;
  to: unknown;
}
export type FieldChanges = Record<string, FieldChange>;

/** One field whose values differ (provenance compared without the source's id, its values not kept). */
export interface Difference {
  field: string;
  role: FieldRole;
  from: unknown;
  to: unknown;
}

export interface RecordChanges {
  changes: FieldChanges;
  positional: FieldChanges;
  /** Whether a provenance field changed (counted as a move, never listed). */
  moved: boolean;
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

/** The fields a rule reads besides the one it compares (onlyRenumbered: the record's number). */
export const RULE_FIELDS = ['number'];

/** The field whose values onlyRenumbered compares. */
export const RENUMBERED_FIELD = 'text';

/** An entry's text starts with its number: "12 Name – …" renumbered to "11 Name – …" is the same text. */
function onlyRenumbered(a: unknown, b: unknown, from: unknown, to: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || typeof from !== 'number' || typeof to !== 'number') return false;
  const [x, y] = [String(from), String(to)];
  return a.startsWith(x) && b.startsWith(y) && a.length - x.length === b.length - y.length && a.endsWith(b.slice(y.length));
}

const QUOTE = 0x22;
/** Whether bytes[at...] starts with the ASCII text s. */
function startsWith(bytes: Buffer, at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let k = 0; k < s.length; k++) if (bytes[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * onlyRenumbered on two values of RENUMBERED_FIELD as read from their lines, before they are parsed (a
 * renumbered list changes every entry's text): true when both are JSON strings that start with their record's
 * number and go on byte for byte the same (then so do the parsed strings). False decides nothing: parse them.
 */
export function renumberedAsRead(
  role: FieldRole,
  a: Buffer,
  aStart: number,
  aEnd: number,
  b: Buffer,
  bStart: number,
  bEnd: number,
  from: unknown,
  to: unknown,
): boolean {
  if (role === 'provenance' || typeof from !== 'number' || typeof to !== 'number' || a[aStart] !== QUOTE || b[bStart] !== QUOTE)
    return false;
  const [x, y] = [String(from), String(to)];
  if (!startsWith(a, aStart + 1, aEnd, x) || !startsWith(b, bStart + 1, bEnd, y)) return false;
  const restA = aStart + 1 + x.length,
    restB = bStart + 1 + y.length;
  return aEnd - restA === bEnd - restB && a.compare(b, restB, bEnd, restA, aEnd) === 0;
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

function differs(field: string, role: FieldRole, before: Row, after: Row): boolean {
  const a = before[field],
    b = after[field];
  if (role === 'provenance') return !sameValue(placeOnly(a), placeOnly(b));
  return !sameValue(a, b) && !(field === 'text' && onlyRenumbered(a, b, before.number, after.number));
}

/** The fields of either version whose values differ: AFTER's fields first, then those only BEFORE has. */
export function differences(before: Row, after: Row, roleOf: (field: string) => FieldRole): Difference[] {
  const out: Difference[] = [];
  const check = (field: string) => {
    const role = roleOf(field);
    if (!differs(field, role, before, after)) return;
    // a provenance change is only counted: its values are not kept (a diff can move every record)
    out.push(role === 'provenance' ? { field, role, from: null, to: null } : { field, role, from: before[field], to: after[field] });
  };
  for (const field in after) check(field);
  for (const field in before) if (!Object.hasOwn(after, field)) check(field);
  return out;
}

/**
 * The changes of a record, in the table's field order; fields only one side's schema has (not in `order`)
 * are schema changes, not record changes.
 */
export function recordChanges(found: Difference[], order: Map<string, number>): RecordChanges {
  const result: RecordChanges = { changes: {}, positional: {}, moved: false };
  const known = found.filter((d) => order.has(d.field)).sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  for (const { field, role, from, to } of known) {
    if (role === 'provenance') result.moved = true;
    else (role === 'positional' ? result.positional : result.changes)[field] = { from: from ?? null, to: to ?? null };
  }
  return result;
}
