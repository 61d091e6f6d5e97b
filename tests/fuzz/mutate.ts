/**
 * Mutations of a document, as users' files go wrong: lines deleted,
 * duplicated, swapped, the file cut short, random bytes or pieces of the
 * format inserted. Positions
 * are fractions of the document, so a mutation shrinks independently of the
 * document it is applied to.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'delete'; at: number; lines: number }
  | { op: 'duplicate'; at: number; lines: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'repeat'; at: number; lines: number; times: number }
  | { op: 'nest'; at: number; lines: number; marker: string; depth: number }
  | { op: 'run'; at: number; char: string; length: number };

/** Prefixes that open a block inside another (quotes, list items, indentation), repeated to nest. */
const NESTING = ['> ', '>', '- ', '* ', '1. ', '  ', '\t', '> - '];
/** Characters whose long runs cost CommonMark parsers: emphasis delimiters, brackets, backticks, table bars, HTML. */
const RUN_CHARS = ['*', '_', '~', '[', ']', '`', '|', '<', '(', '!', '\\', '&', '#', '-'];

/**
 * Pieces of the report's format (markup, numbering, dashes, articles, terms,
 * dates, footnote markers) and odd characters: inserted as text they reach
 * the extractors, where random bytes mostly stop at the decoder.
 */
const TOKENS = [
  '\n',
  '\n\n',
  '\r',
  '\t',
  '\f',
  '<sup>',
  '</sup>',
  '<sup>7</sup>',
  '<sup>3, 4</sup>',
  '**',
  '- ',
  '1 ',
  '12 ',
  '9999 ',
  '0 ',
  '# ',
  '## ',
  '### ',
  '**CONVICTED**',
  '## UNDER ARREST',
  ' – ',
  '—',
  '-',
  'Article 405',
  'Article 380-1',
  ' of the Criminal Code',
  '(“',
  '”)',
  '5 years',
  '6.5 years',
  ' and 1 month',
  ' plus ',
  ' on 10.02.2023',
  ' 3 March 2021',
  ' in 2019',
  'since ',
  'detained ',
  'sentenced ',
  '<https://example.org/x>',
  '[a](http://',
  '<br>',
  '|',
  '<!--',
  '```',
  '[^1]',
  'Given FAMILY',
  'İ',
  'ß',
  '\u0301',
  '😀',
  '\u200b',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((pieces) => new TextEncoder().encode(pieces.join('')));

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const span = fc.integer({ min: 1, max: 8 });
/** Cut-off points: a cut near the start leaves an empty file, which the corpus covers once and for all. */
const cut = fc.double({ min: 0.2, max: 1, maxExcluded: true, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, lines: span }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, lines: span }),
  fc.record({ op: fc.constant('swap' as const), a: position, b: position }),
  fc.record({ op: fc.constant('truncate' as const), at: cut }),
  fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, bytes: text }), weight: 3 },
  fc.record({
    op: fc.constant('repeat' as const),
    at: position,
    lines: fc.integer({ min: 1, max: 4 }),
    times: fc.integer({ min: 2, max: 3_000 }),
  }),
  fc.record({
    op: fc.constant('nest' as const),
    at: position,
    lines: fc.integer({ min: 1, max: 2_000 }),
    marker: fc.constantFrom(...NESTING),
    depth: fc.integer({ min: 1, max: 120 }),
  }),
  fc.record({
    op: fc.constant('run' as const),
    at: position,
    char: fc.constantFrom(...RUN_CHARS),
    length: fc.integer({ min: 2, max: 2_000 }),
  }),
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

/** A line as repeated: the last line of a file may lack its break. */
const withLineBreak = (line: Buffer) => (line.at(-1) === NL ? line : Buffer.concat([line, Buffer.from('\n')]));

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
    case 'repeat': {
      const at = index(m.at, lines.length);
      const copy = Buffer.concat(lines.slice(at, at + m.lines).map(withLineBreak));
      return Buffer.concat([...lines.slice(0, at), ...Array.from({ length: m.times }, () => copy), ...lines.slice(at + m.lines)]);
    }
    case 'nest': {
      const at = index(m.at, lines.length);
      const prefix = Buffer.from(m.marker.repeat(m.depth));
      const nested = lines.slice(at, at + m.lines).map((line) => Buffer.concat([prefix, line]));
      return Buffer.concat([...lines.slice(0, at), ...nested, ...lines.slice(at + m.lines)]);
    }
    case 'run': {
      const at = Math.floor(m.at * bytes.length);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.char.repeat(m.length)), bytes.subarray(at)]);
    }
  }
}

export const applyMutations = (bytes: Buffer, mutations: Mutation[]) => mutations.reduce(applyMutation, bytes);
