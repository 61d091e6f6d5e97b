/**
 * Inputs within the size, line and line-length limits built from the
 * constructs that cost CommonMark parsers more than linear time or memory
 * (deep nesting, delimiter, bracket and backtick runs, wide tables, huge
 * paragraphs, dense inline markup), and PDFs of many pages or many tiny text
 * items. Each must be refused within the cost bound (COST_BOUND), by the
 * pre-pass (pipeline/parse/costs.ts) or the PDF loader, naming the line.
 */
import type { CaseDirs, ExtractCase } from './cases.js';
import { manyPagesPdf, repeatedObjectPdf, tinyItemsPdf } from './pdf.js';

const MiB = 1024 * 1024;

/** The synthetic report, then lines of `line(i)` (a blank line every `block` lines) up to just under the text limits (1 MiB, 10,000 lines). */
export function nearLimits(start: string, line: (i: number) => string, block = Number.POSITIVE_INFINITY): Buffer {
  const lines = start.split('\n');
  let bytes = Buffer.byteLength(start);
  for (let i = 0; lines.length < 9_990; i++) {
    const next = (i + 1) % block === 0 ? '' : line(i);
    if (bytes + next.length + 1 > MiB - 1024) break;
    lines.push(next);
    bytes += next.length + 1;
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const input = (c: CaseDirs) => c.input;
const startLines = (start: string) => start.split('\n').length;

/** Cases over the synthetic report `start` (its text decides the line the construct starts on). */
export function costlyCases(start: () => string): ExtractCase[] {
  // line of the construct's k-th line (0-based): after the report's lines and the empty line its final newline leaves
  const after = (k: number) => startLines(start()) + 1 + k;
  const md = (name: string, line: (i: number) => string, expect: { line?: number; message: RegExp }, block?: number): ExtractCase => ({
    name,
    run: 'extract',
    file: 'report.md',
    bounded: true,
    bytes: () => nearLimits(start(), line, block),
    expect: { exit: 3, file: input, ...expect },
  });
  return [
    md('block quotes nested 60 deep on every line', () => `${'> '.repeat(60)}quoted text`, {
      line: after(0),
      message: /block nesting \(quotes and lists\) 60 levels deep, over the limit of 10/,
    }),
    md('a list nested 60 deep (each item indented further)', (i) => `${'  '.repeat(i % 60)}- item ${i}`, {
      line: after(10),
      message: /block nesting \(quotes and lists\) 11 levels deep/,
    }),
    md('list markers nested 60 deep on one line, every line', () => `${'- '.repeat(60)}x`, {
      line: after(0),
      message: /block nesting \(quotes and lists\) 60 levels deep/,
    }),
    md('a list item nesting a list on every line, indented with tabs (found by make fuzz)', () => `${'1. '.repeat(4)}${'\t'.repeat(95)}`, {
      line: after(500),
      message: /lines opening a nested list or quote in one section 501 lines, over the limit of 500/,
    }),
    md('90-character runs of emphasis delimiters on every line', () => `${'*'.repeat(90)} a`, {
      line: after(0),
      message: /a run of emphasis delimiters \(\* _ ~\) 90 characters, over the limit of 40/,
    }),
    md('runs of 90 opening brackets on every line', () => `${'['.repeat(90)}a`, {
      line: after(0),
      message: /a run of brackets \(\[ \]\) 90 characters, over the limit of 20/,
    }),
    md('backtick runs growing to 90 on every line', (i) => `${'`'.repeat(1 + (i % 90))} a`, {
      line: after(20),
      message: /a run of backticks 21 characters, over the limit of 20/,
    }),
    md('a 300-column table of 1,000 rows', (i) => (i === 1 ? `|${' --- |'.repeat(300)}` : `|${' a |'.repeat(300)}`), {
      line: after(0),
      message: /a table row 300 columns, over the limit of 64/,
    }),
    md('a paragraph of 10,000 lines', () => 'word '.repeat(20), {
      line: after(250),
      message: /a paragraph 251 lines, over the limit of 250/,
    }),
    md(
      'alternating emphasis delimiters, paragraph after paragraph',
      () => '*a'.repeat(50),
      { line: after(100), message: /inline markup in one block .* 5,050 characters, over the limit of 5,000/ },
      200,
    ),
    md(
      'tiny code spans filling the document',
      () => '`a` '.repeat(20),
      { message: /inline markup in the document .* characters, over the limit of 100,000/ },
      20,
    ),
  ];
}

export const costlyPdfCases = (): ExtractCase[] => [
  {
    name: 'a PDF of 20,000 pages',
    run: 'extract',
    file: 'report.pdf',
    bounded: true,
    bytes: () => manyPagesPdf(20_000),
    expect: { exit: 3, file: input, message: /the PDF has 20,000 pages, over the limit of 1,000/ },
  },
  {
    name: 'a PDF of pages of tiny text items',
    run: 'extract',
    file: 'report.pdf',
    bounded: true,
    bytes: () => tinyItemsPdf(40, 5_000),
    expect: { exit: 3, file: input, message: /more than 100,000 text items .* in the PDF, the limit/ },
  },
  {
    name: 'a damaged PDF repeating one object, each time an unclosed string (found by make fuzz)',
    run: 'extract',
    file: 'report.pdf',
    bounded: true,
    bytes: () => repeatedObjectPdf(1_200, 250),
    expect: {
      exit: 3,
      file: input,
      message: /the PDF repeats its objects more than 53 times in 0\.3 MiB .*: a reader would re-read over 16\.0 MiB of it, the limit/,
    },
  },
];
