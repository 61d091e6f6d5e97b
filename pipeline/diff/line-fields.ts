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

/**
 * Name and value ranges of the line's top-level fields into `into` (names as [start, end) pairs of their
 * content); false when the line is not a flat run of `"name":value`.
 */
function scan(bytes: Buffer, start: number, end: number, into: LineFields): boolean {
  let count = 0;
  let pos = skipSpace(bytes, start + 1, end); // after the line's {
  while (pos < end && !isClose(bytes[pos]!)) {
    if (bytes[pos] !== QUOTE) return false;
    const nameStart = pos + 1;
    const nameEnd = stringEnd(bytes, pos + 1, end);
    if (nameEnd < 0) return false;
    pos = skipSpace(bytes, nameEnd + 1, end);
    if (bytes[pos] !== COLON) return false;
    const value = skipSpace(bytes, pos + 1, end);
    const after = valueEnd(bytes, value, end);
    if (after < 0) return false;
    into.put(count++, nameStart, nameEnd, value, after);
    pos = skipSpace(bytes, after, end);
    if (bytes[pos] !== COMMA) break;
    pos = skipSpace(bytes, pos + 1, end);
    if (bytes[pos] !== QUOTE) return false; // a trailing comma
  }
  into.count = count;
  return pos === end - 1;
}

/** Bytes and a DataView over them, to compare them several at a time (a DataView reads at any offset). */
export interface Viewed {
  bytes: Buffer;
  view: DataView;
}
export const viewOf = (bytes: Buffer): Viewed => ({ bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) });

/** Longer spans are compared by one call to Buffer.compare, shorter ones eight bytes at a time (the call costs ~130 ns). */
const NATIVE_FROM = 128;

/** Whether a[aStart, aEnd) and b[bStart, bEnd) hold the same bytes. */
export function sameBytes(a: Viewed, aStart: number, aEnd: number, b: Viewed, bStart: number, bEnd: number): boolean {
  const length = aEnd - aStart;
  if (length !== bEnd - bStart) return false;
  if (length >= NATIVE_FROM) return a.bytes.compare(b.bytes, bStart, bEnd, aStart, aEnd) === 0;
  const x = a.view,
    y = b.view;
  let k = 0;
  for (; k + 8 <= length; k += 8) {
    if (x.getInt32(aStart + k) !== y.getInt32(bStart + k) || x.getInt32(aStart + k + 4) !== y.getInt32(bStart + k + 4)) return false;
  }
  for (; k < length; k++) if (x.getUint8(aStart + k) !== y.getUint8(bStart + k)) return false;
  return true;
}

/**
 * A name for which an object's field order is not its order in the line (integer-like names come first)
 * or that JSON.parse treats apart: lines with one are parsed whole.
 */
const SPECIAL_NAME = /^(0|[1-9]\d*)$|^__proto__$/;

/** The name lists met so far, shared by both sides of a table (lines of one table mostly share one). */
export class Layouts {
  private readonly known: Array<{ bytes: Viewed[]; names: string[] }> = [];

  /** The names of a line just scanned into `line`, or undefined when it must be parsed whole. */
  namesOf(bytes: Viewed, line: LineFields): string[] | undefined {
    for (const layout of this.known) if (line.hasNames(bytes, layout.bytes)) return layout.names;
    const spans = Array.from({ length: line.count }, (_, k) => line.nameBytes(bytes.bytes, k));
    const names = spans.map((span) => JSON.parse(`"${span.toString('utf8')}"`) as string);
    if (new Set(names).size < names.length || names.some((n) => SPECIAL_NAME.test(n))) return undefined;
    if (this.known.length < 16) this.known.push({ bytes: spans.map((s) => viewOf(Buffer.from(s))), names });
    return names;
  }
}

/**
 * The top-level fields of one line at a time, as byte ranges: its arrays are reused from line to line (a
 * diff can read every line of both sides). Value k spans bytes[starts[k], ends[k]) for k < count.
 */
export class LineFields {
  /** The names, one array shared by every line with the same names in the same order. */
  names: readonly string[] = [];
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** same[k]: value k was found byte for byte the same as in the line it was read along (readAlong). */
  same = new Uint8Array(64);
  /** Where the line starts and ends. */
  start = 0;
  end = 0;
  /** Where each name's content (between its quotes) starts and ends, as scanned. */
  private nameStarts = new Int32Array(64);
  private nameEnds = new Int32Array(64);

  /** Scans line [start, end) of bytes; false when it must be parsed whole. */
  read(bytes: Viewed, start: number, end: number, layouts: Layouts): boolean {
    if (!scan(bytes.bytes, start, end, this)) return false;
    const names = layouts.namesOf(bytes, this.at(start, end));
    if (!names) return false;
    this.names = names;
    this.same.fill(0, 0, this.count);
    return true;
  }

  /**
   * Reads line [start, end) of bytes along `model`, a line of the same record on the other side: where its
   * bytes are those of the model (names, separators, values), no byte is scanned. False when the names or
   * separators differ, or a differing value cannot be read: then it is read on its own.
   */
  readAlong(bytes: Viewed, start: number, end: number, model: LineFields, modelBytes: Viewed): boolean {
    let pos = start,
      gapFrom = model.start;
    for (let k = 0; k < model.count; k++) {
      const valueStart = model.starts[k]!,
        valueStop = model.ends[k]!;
      const gap = valueStart - gapFrom; // the bytes before the value: `{"name":` or `,"name":`
      // the bytes before the value, the value and the byte that ended it (a number's end is that byte): one comparison
      const span = valueStop + 1 - gapFrom;
      const same = pos + span <= end && sameBytes(modelBytes, gapFrom, valueStop + 1, bytes, pos, pos + span);
      if (!same && (pos + gap > end || !sameBytes(modelBytes, gapFrom, valueStart, bytes, pos, pos + gap))) return false;
      const after = same ? pos + span - 1 : valueEnd(bytes.bytes, pos + gap, end);
      if (after < 0) return false;
      this.grow(k);
      this.starts[k] = pos + gap;
      this.ends[k] = after;
      this.same[k] = same ? 1 : 0;
      pos = after;
      gapFrom = valueStop;
    }
    const tail = model.end - gapFrom; // `}`
    if (pos + tail !== end || !sameBytes(modelBytes, gapFrom, model.end, bytes, pos, end)) return false;
    this.count = model.count;
    this.names = model.names;
    this.at(start, end);
    return true;
  }

  /** Notes field k (scan): its name's content and its value. */
  put(k: number, nameStart: number, nameEnd: number, valueStart: number, valueStop: number): void {
    this.grow(k);
    this.nameStarts[k] = nameStart;
    this.starts[k] = valueStart;
    this.ends[k] = valueStop;
    this.nameEnds[k] = nameEnd;
  }

  /** Whether the names just scanned are `names`, byte for byte. */
  hasNames(bytes: Viewed, names: Viewed[]): boolean {
    if (names.length !== this.count) return false;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (!sameBytes(name, 0, name.bytes.length, bytes, this.nameStarts[k]!, this.nameEnds[k]!)) return false;
    }
    return true;
  }

  /** The content of name k just scanned (between its quotes). */
  nameBytes = (bytes: Buffer, k: number): Buffer => bytes.subarray(this.nameStarts[k], this.nameEnds[k]);

  private at(start: number, end: number): this {
    this.start = start;
    this.end = end;
    return this;
  }

  private grow(k: number): void {
    if (k < this.starts.length) return;
    const size = this.starts.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = bigger(this.starts, (n) => new Int32Array(n));
    this.ends = bigger(this.ends, (n) => new Int32Array(n));
    this.nameStarts = bigger(this.nameStarts, (n) => new Int32Array(n));
    this.nameEnds = bigger(this.nameEnds, (n) => new Int32Array(n));
    this.same = bigger(this.same, (n) => new Uint8Array(n));
  }
}

const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * JSON.parse of the value bytes[start, end), the commonest values read directly: a short integer, and a
 * string with no escape, control character or byte above ASCII (a renumbered diff parses a few fields of
 * every record). Anything else, valid or not, goes to JSON.parse.
 */
export function parseValue(bytes: Buffer, start: number, end: number): unknown {
  const first = bytes[start]!;
  if (first === QUOTE && end - start >= 2 && bytes[end - 1] === QUOTE) {
    let p = start + 1;
    while (p < end - 1 && bytes[p]! >= 0x20 && bytes[p]! < 0x80 && bytes[p] !== BACKSLASH && bytes[p] !== QUOTE) p++;
    if (p === end - 1) return bytes.toString('latin1', start + 1, end - 1);
  } else if ((first >= ZERO && first <= NINE) || first === MINUS) {
    const negative = first === MINUS,
      digits = negative ? start + 1 : start;
    // no leading zero ("0" alone; "-0" is JSON.parse's), at most 15 digits: exact in a double
    if (end > digits && end - digits <= 15 && (bytes[digits] !== ZERO || end - digits === 1) && !(negative && bytes[digits] === ZERO)) {
      let n = 0,
        p = digits;
      for (; p < end && bytes[p]! >= ZERO && bytes[p]! <= NINE; p++) n = n * 10 + bytes[p]! - ZERO;
      if (p === end) return negative ? -n : n;
    }
  }
  return JSON.parse(bytes.toString('utf8', start, end));
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
