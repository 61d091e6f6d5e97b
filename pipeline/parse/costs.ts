/**
 * The cost pre-pass: one pass over a text document's lines, before the
 * Markdown parser sees it, measuring the constructs known to cost CommonMark
 * parsers more than linear time or memory (deep block nesting, long runs of
 * emphasis delimiters, brackets and backticks, wide or long tables, huge
 * paragraphs). Refusing here costs a scan of the text; letting the parser pay
 * for them costs tens of seconds and gigabytes (docs/limits.md). Each
 * construct is measured by its own function and bounded in LIMITS.
 */
import { inputError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { thousands } from '../lib/order.js';

/** What the scan carries from one line to the next. */
interface ScanState {
  /** Lines of the table (lines holding `|`) the line belongs to. */
  tableRows: number;
  /** Lines and characters of the paragraph the line continues (lines that start no block). */
  paragraphLines: number;
  paragraphChars: number;
  /** Inline markup characters of the block (a paragraph, a list item) and of the whole document so far. */
  blockMarkup: number;
  documentMarkup: number;
  /** Lines of the section (up to the next heading the parser is cut at) that open a nested quote or list. */
  nestedLines: number;
  previousBlank: boolean;
}

interface Construct {
  /** How the refusal names it: "block nesting", "a run of emphasis delimiters" ... */
  name: string;
  limit: number;
  unit: string;
  measure: (line: string, state: ScanState) => number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
/** `***`, `- - -`, `___`: a thematic break, however many markers: cheap, and not nesting. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A block quote marker or a list item marker, at the scan's position. */
const CONTAINER_MARKER = /(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/** Quotes and list items opened on this line, plus the list levels its indentation implies (2 columns each). */
export function nestingDepth(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  let depth = 0;
  let indent = 0;
  let i = 0;
  for (;;) {
    while (isSpace(line[i])) {
      if (depth === 0) indent += line[i] === '\t' ? 4 : 1;
      i++;
    }
    CONTAINER_MARKER.lastIndex = i;
    const marker = CONTAINER_MARKER.exec(line);
    if (!marker) break;
    depth++;
    i += marker[0].length;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/** A run of characters from a set, per set: `[*_~]+`. */
const runPatterns = new Map<string, RegExp>();
const runPattern = (set: string) =>
  runPatterns.get(set) ?? runPatterns.set(set, new RegExp(`[${set.replace(/[\]\\^-]/g, '\\$&')}]+`, 'g')).get(set)!;

/** The longest run on the line of characters from `set` (a run mixes them: `[[]]` is 4); the regular expression engine scans. */
export function longestRun(line: string, set: string): number {
  let longest = 0;
  for (const [run] of line.matchAll(runPattern(set))) if (run.length > longest) longest = run.length;
  return longest;
}

/** Cells of a table row: the pieces between its `|` (an outer `|` on either side opens no cell). */
const tableColumns = (line: string) =>
  line.includes('|')
    ? line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|').length
    : 0;

/** A line that starts a block of its own (a heading, a quote, a list item, a table row, a fence) or is blank. */
const STARTS_BLOCK = /^\s*$|^ {0,3}(?:#|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3})|\|/;

/** Characters that open or close inline constructs: each becomes tokens, events and nodes in the parser (its memory grows with them). */
const MARKUP = '*_~`[]<>!\\&|';
const markupCount = (line: string) => {
  let count = 0;
  for (let i = 0; i < line.length; i++) if (MARKUP.includes(line[i]!)) count++;
  return count;
};

/** A heading at column 0 after a blank line: where parse/markdown.ts cuts the document into sections. */
const SECTION_HEADING = /^#{1,6}(?:[ \t]|$)/;

function advance(line: string, state: ScanState): void {
  if (state.previousBlank && SECTION_HEADING.test(line)) state.nestedLines = 0;
  state.previousBlank = !line.trim();
  // each such line closes the nested container the line before opened: micromark splices the section's events then
  if (nestingDepth(line) >= 2) state.nestedLines++;
  const markup = markupCount(line);
  state.documentMarkup += markup;
  state.tableRows = line.includes('|') ? state.tableRows + 1 : 0;
  const continues = !STARTS_BLOCK.test(line);
  state.blockMarkup = continues ? state.blockMarkup + markup : markup; // a list item, heading or table row starts its own
  state.paragraphLines = continues ? state.paragraphLines + 1 : 0;
  state.paragraphChars = continues ? state.paragraphChars + line.length : 0;
}

/** Each costly construct, its measure and its limit (LIMITS says why each value). */
export const CONSTRUCTS: Construct[] = [
  { name: 'block nesting (quotes and lists)', limit: LIMITS.nestingDepth, unit: 'levels deep', measure: nestingDepth },
  {
    name: 'a run of emphasis delimiters (* _ ~)',
    limit: LIMITS.delimiterRun,
    unit: 'characters',
    measure: (line) => longestRun(line, '*_~'),
  },
  { name: 'a run of brackets ([ ])', limit: LIMITS.bracketRun, unit: 'characters', measure: (line) => longestRun(line, '[]') },
  { name: 'a run of backticks', limit: LIMITS.backtickRun, unit: 'characters', measure: (line) => longestRun(line, '`') },
  { name: 'a table row', limit: LIMITS.tableColumns, unit: 'columns', measure: tableColumns },
  { name: 'a table', limit: LIMITS.tableRows, unit: 'rows', measure: (_, state) => state.tableRows },
  { name: 'a paragraph', limit: LIMITS.paragraphLines, unit: 'lines', measure: (_, state) => state.paragraphLines },
  {
    name: 'lines opening a nested list or quote in one section',
    limit: LIMITS.nestedLines,
    unit: 'lines',
    measure: (_, state) => state.nestedLines,
  },
  { name: 'a paragraph', limit: LIMITS.paragraphChars, unit: 'characters', measure: (_, state) => state.paragraphChars },
  {
    name: 'inline markup in one block (* _ ~ ` [ ] < > ! \\ & |)',
    limit: LIMITS.blockMarkup,
    unit: 'characters',
    measure: (_, state) => state.blockMarkup,
  },
  {
    name: 'inline markup in the document (* _ ~ ` [ ] < > ! \\ & |)',
    limit: LIMITS.documentMarkup,
    unit: 'characters',
    measure: (_, state) => state.documentMarkup,
  },
];

const n = thousands;

function refuse(construct: Construct, value: number, file: string, line: number): never {
  const what = `${construct.name} ${n(value)} ${construct.unit}`;
  throw inputError(
    `${what}, over the limit of ${n(construct.limit)}: parsing it would cost seconds and gigabytes; a report in this format needs far less`,
    {
      file,
      line,
    },
  );
}

/** Refuse the first line on which any construct goes over its limit. Linear in the text; runs before the parser. */
export function checkCosts(text: string, file: string): void {
  const state: ScanState = {
    tableRows: 0,
    paragraphLines: 0,
    paragraphChars: 0,
    blockMarkup: 0,
    documentMarkup: 0,
    nestedLines: 0,
    previousBlank: true,
  };
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end < 0 ? text.length : end);
    advance(content, state);
    for (const construct of CONSTRUCTS) {
      const value = construct.measure(content, state);
      if (value > construct.limit) refuse(construct, value, file, line);
    }
    if (end < 0) return;
    start = end + 1;
  }
}
