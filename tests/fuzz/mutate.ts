/**
 * Mutations of a document, as users' files go wrong: lines deleted,
 * duplicated, swapped, the file cut short, random bytes inserted. Positions
 * are fractions of the document, so a mutation shrinks independently of the
 * document it is applied to.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'delete'; at: number; lines: number }
  | { op: 'duplicate'; at: number; lines: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const span = fc.integer({ min: 1, max: 40 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, lines: span }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, lines: span }),
  fc.record({ op: fc.constant('swap' as const), a: position, b: position }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

const NL = 0x0a;

/** Byte lines, each with its line break (the last may lack one), so joining them gives the bytes back. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(NL); i >= 0; i = bytes.indexOf(NL, start)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const index = (fraction: number, length: number) => Math.min(length - 1, Math.floor(fraction * length));

export function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  const lines = splitLines(bytes);
  if (lines.length === 0) return m.op === 'insert' ? Buffer.from(m.bytes) : bytes;
  switch (m.op) {
    case 'delete': {
      const at = index(m.at, lines.length);
      return Buffer.concat([...lines.slice(0, at), ...lines.slice(at + m.lines)]);
    }
    case 'duplicate': {
      const at = index(m.at, lines.length);
      const copy = lines.slice(at, at + m.lines);
      return Buffer.concat([...lines.slice(0, at), ...copy, ...copy, ...lines.slice(at + m.lines)]);
    }
    case 'swap': {
      const [a, b] = [index(m.a, lines.length), index(m.b, lines.length)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return Buffer.concat(lines);
    }
    case 'truncate':
      return bytes.subarray(0, Math.floor(m.at * bytes.length));
    case 'insert': {
      const at = Math.floor(m.at * bytes.length);
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    }
  }
}

export const applyMutations = (bytes: Buffer, mutations: Mutation[]) => mutations.reduce(applyMutation, bytes);
