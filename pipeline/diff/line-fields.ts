/**
 * The top-level fields of an NDJSON line as byte ranges, found without parsing the line: two versions of a
 * record are compared field by field, and only the fields whose bytes differ are parsed (a renumbered
 * record differs in two or three of its fields). A line this reader does not follow is parsed whole instead.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const isOpen = (b: number) => b === 0x7b || b === 0x5b; // { [
const isClose = (b: number) => b === 0x7d || b === 0x5d; // } ]
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export interface LineFields {
  /** The names, one array shared by every line with the same names in the same order. */
  names: readonly string[];
  /** Value k spans bytes[starts[k], ends[k]). */
  starts: number[];
  ends: number[];
}

/** The closing quote of the string whose content starts at `from`, or -1: short strings in a loop, long ones by indexOf. */
function stringEnd(bytes: Buffer, from: number, end: number): number {
  const near = Math.min(end, from + 24);
  for (let p = from; p < near; p++) {
    const b = bytes[p];
    if (b === QUOTE) return p;
    if (b === BACKSLASH) p++; // the escaped byte is never the closing quote
  }
  for (let q = bytes.indexOf(QUOTE, near); q >= 0 && q < end; q = bytes.indexOf(QUOTE, q + 1)) {
    let slashes = 0;
    while (q - 1 - slashes >= from && bytes[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return -1;
}

/** Just after the array or object starting at `pos`, or -1. */
function nestedEnd(bytes: Buffer, pos: number, end: number): number {
  let depth = 0;
  for (let p = pos; p < end; p++) {
    const b = bytes[p]!;
    if (b === QUOTE) {
      p = stringEnd(bytes, p + 1, end);
      if (p < 0) return -1;
    } else if (isOpen(b)) depth++;
    else if (isClose(b) && --depth === 0) return p + 1;
  }
  return -1;
}

/** Just after the value starting at `pos` (a string, array, object, number or literal), or -1. */
function valueEnd(bytes: Buffer, pos: number, end: number): number {
  const first = bytes[pos]!;
  if (first === QUOTE) {
    const q = stringEnd(bytes, pos + 1, end);
    return q < 0 ? -1 : q + 1;
  }
  if (isOpen(first)) return nestedEnd(bytes, pos, end);
  let p = pos;
  for (let b = bytes[p]!; p < end && b !== COMMA && !isClose(b) && !isSpace(b); b = bytes[++p]!);
  return p > pos ? p : -1;
}

const skipSpace = (bytes: Buffer, pos: number, end: number) => {
  while (pos < end && isSpace(bytes[pos]!)) pos++;
  return pos;
};

/** Name and value ranges of the line's top-level fields, or undefined when the line is not a flat run of `"name":value`. */
function scan(bytes: Buffer, start: number, end: number): { names: number[]; starts: number[]; ends: number[] } | undefined {
  const names: number[] = [], // start and end of each name's content
    starts: number[] = [],
    ends: number[] = [];
  let pos = skipSpace(bytes, start + 1, end); // after the line's {
  while (pos < end && !isClose(bytes[pos]!)) {
    if (bytes[pos] !== QUOTE) return undefined;
    const nameEnd = stringEnd(bytes, pos + 1, end);
    if (nameEnd < 0) return undefined;
    names.push(pos + 1, nameEnd);
    pos = skipSpace(bytes, nameEnd + 1, end);
    if (bytes[pos] !== COLON) return undefined;
    const value = skipSpace(bytes, pos + 1, end);
    const after = valueEnd(bytes, value, end);
    if (after < 0) return undefined;
    starts.push(value);
    ends.push(after);
    pos = skipSpace(bytes, after, end);
    if (bytes[pos] !== COMMA) break;
    pos = skipSpace(bytes, pos + 1, end);
    if (bytes[pos] !== QUOTE) return undefined; // a trailing comma
  }
  return pos === end - 1 ? { names, starts, ends } : undefined;
}

/** Whether a[aStart, aEnd) and b[bStart, bEnd) hold the same bytes (short ones in a loop: cheaper than a call into Buffer.compare). */
export function sameBytes(a: Buffer, aStart: number, aEnd: number, b: Buffer, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  if (length > 32) return a.compare(b, bStart, bEnd, aStart, aEnd) === 0;
  for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/**
 * A name for which an object's field order is not its order in the line (integer-like names come first)
 * or that JSON.parse treats apart: lines with one are parsed whole.
 */
const SPECIAL_NAME = /^(0|[1-9]\d*)$|^__proto__$/;

/** The name lists met so far, shared by both sides of a table (lines of one table mostly share one). */
export class Layouts {
  private readonly known: Array<{ bytes: Buffer[]; names: string[] }> = [];

  /** Field ranges of line [start, end) of bytes, or undefined when it must be parsed whole. */
  fieldsOf(bytes: Buffer, start: number, end: number): LineFields | undefined {
    const found = scan(bytes, start, end);
    if (!found) return undefined;
    const names = this.namesOf(bytes, found.names);
    return names && { names, starts: found.starts, ends: found.ends };
  }

  private namesOf(bytes: Buffer, at: number[]): string[] | undefined {
    const same = (known: Buffer[]) =>
      known.length * 2 === at.length && known.every((name, k) => sameBytes(name, 0, name.length, bytes, at[2 * k]!, at[2 * k + 1]!));
    const hit = this.known.find((layout) => same(layout.bytes));
    if (hit) return hit.names;
    const spans = Array.from({ length: at.length / 2 }, (_, k) => bytes.subarray(at[2 * k], at[2 * k + 1]));
    const names = spans.map((span) => JSON.parse(`"${span.toString('utf8')}"`) as string);
    if (new Set(names).size < names.length || names.some((n) => SPECIAL_NAME.test(n))) return undefined;
    if (this.known.length < 16) this.known.push({ bytes: spans.map((s) => Buffer.from(s)), names });
    return names;
  }
}

/** A value's JSON type as a bit (see field-types.ts), from its first byte. */
export function typeBitAt(bytes: Buffer, pos: number): number {
  const first = bytes[pos]!;
  if (first === QUOTE) return 1;
  if (first === 0x5b) return 8;
  if (first === 0x7b) return 16;
  if (first === 0x74 || first === 0x66) return 4; // true, false
  return first === 0x6e ? 0 : 2; // null, else a number
}
