/**
 * The PDF front end depends on no page size, font, margin or footer of one
 * file: the synthetic reports, rendered in several layouts (with running
 * headers, "Page N of M" footers, footnotes at the foot of the page), give
 * the dataset their Markdown gives, apart from positions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf, REPORT_MD, tempDir } from './helpers.js';
import { withoutPositions } from './support/positions.js';
import { renderPdf, type RenderStyle } from './support/render-pdf.js';

const STYLES: RenderStyle[] = [
  {
    name: 'A4, Times 11, running header, "Page N of M"',
    size: 'A4',
    font: 'Times',
    body: 11,
    margin: 72,
    header: 'A Difficult Year - a synthetic report',
    footer: 'page-of',
  },
  { name: 'US Letter, Helvetica 10, page numbers', size: 'LETTER', font: 'Helvetica', body: 10, margin: 54, footer: 'number' },
  {
    name: 'A4, Helvetica 9, justified, running header',
    size: 'A4',
    font: 'Helvetica',
    body: 9,
    margin: 50,
    header: 'Justified',
    footer: 'page-of',
    justify: true,
  },
  {
    name: 'US Letter, Times 10, footnotes in the text, lists without spacing',
    size: 'LETTER',
    font: 'Times',
    body: 10,
    margin: 60,
    footer: 'page-of',
    inlineFootnotes: true,
    tightLists: true,
  },
  {
    name: 'A5, Helvetica 9, footnotes numbered in plain figures, browser-sized superscripts',
    size: 'A5',
    font: 'Helvetica',
    body: 9,
    margin: 40,
    footer: 'number',
    plainFootnoteNumbers: true,
    superscript: { size: 0.83, rise: 0.33 },
  },
  {
    name: 'A5, Courier 8, narrow margins, header and "Page N of M"',
    size: 'A5',
    font: 'Courier',
    body: 8,
    margin: 30,
    header: 'Synthetic report',
    footer: 'page-of',
  },
  {
    name: 'A5, Times 12, wide margins (many pages: paragraphs and footnotes across page breaks)',
    size: 'A5',
    font: 'Times',
    body: 12,
    margin: 60,
    header: 'A running header',
    footer: 'number',
  },
];

const dataset = (doc: Awaited<ReturnType<typeof readDocument>>) => withoutPositions(extractAll(doc, 'fixture').dataset);

describe.each(['mini-report.md', 'tables-report.md'])('%s rendered as PDF', (name) => {
  const markdown = readFileSync(fixture(name), 'utf8');
  const expected = dataset(modelOf(markdown, name));

  it.each(STYLES)('$name: the same dataset as the Markdown', async (style) => {
    const bytes = await renderPdf(modelOf(markdown, name), style);
    const file = join(tempDir(), name.replace(/\.md$/, '.pdf'));
    writeFileSync(file, bytes);
    const actual = dataset(await readDocument(bytes, file));
    for (const table of Object.keys(expected)) expect(actual[table], `${table} (${file})`).toEqual(expected[table]);
  });
});

const REAL_REPORT_STYLES: RenderStyle[] = [
  {
    name: 'US Letter, Helvetica 10, running header, "Page N of M"',
    size: 'LETTER',
    font: 'Helvetica',
    body: 10,
    margin: 54,
    header: 'Tough year - a re-rendering',
    footer: 'page-of',
  },
  {
    name: 'A5, Helvetica 8, footnotes where the text has them, lists without spacing (as a browser prints it)',
    size: 'A5',
    font: 'Helvetica',
    body: 8,
    margin: 40,
    header: 'Tough year for human rights',
    footer: 'page-of',
    inlineFootnotes: true,
    tightLists: true,
  },
];

describe('the real report rendered in other layouts (read from the mirror, never committed)', () => {
  const markdown = readFileSync(REPORT_MD, 'utf8');
  const expected = dataset(modelOf(markdown, 'report.md'));

  it.each(REAL_REPORT_STYLES)('$name: the same dataset as report.md', async (style) => {
    const bytes = await renderPdf(modelOf(markdown, 'report.md'), style);
    const file = join(tempDir(), 'report-rerendered.pdf');
    writeFileSync(file, bytes);
    const actual = dataset(await readDocument(bytes, file));
    for (const table of Object.keys(expected)) expect(actual[table], `${table} (${file})`).toEqual(expected[table]);
  });
});
