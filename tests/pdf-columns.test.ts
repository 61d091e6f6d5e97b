/**
 * Columns and endnotes: the synthetic reports (invented names) rendered in two
 * and three columns (chapter headings across the page, a one-column first
 * page, footnotes at the foot of each column or as endnotes) and with endnotes
 * in one column give their Markdown's dataset, every table, footnotes included.
 * So does the real report (read from the mirror at test time, never committed)
 * in two columns with endnotes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf, REPORT_MD, tempDir } from './helpers.js';
import { withoutPositions } from './support/positions.js';
import { COLUMN_STYLES } from './support/column-styles.js';
import { renderPdf, type RenderStyle } from './support/render-pdf.js';

const dataset = (doc: Awaited<ReturnType<typeof readDocument>>) => withoutPositions(extractAll(doc, 'fixture').dataset);

describe.each(['mini-report.md', 'tables-report.md'])('%s rendered in columns and with endnotes', (name) => {
  const markdown = readFileSync(fixture(name), 'utf8');
  const expected = dataset(modelOf(markdown, name));

  it.each(COLUMN_STYLES)('$name: the same dataset as the Markdown', async (style) => {
    const bytes = await renderPdf(modelOf(markdown, name), style);
    const file = join(tempDir(), name.replace(/\.md$/, '.pdf'));
    writeFileSync(file, bytes);
    const actual = dataset(await readDocument(bytes, file));
    expect(expected.footnotes!.length).toBeGreaterThan(0);
    for (const table of Object.keys(expected)) expect(actual[table], `${table} (${file})`).toEqual(expected[table]);
  });
});

describe('the real report in two columns with endnotes (read from the mirror, never committed)', () => {
  const markdown = readFileSync(REPORT_MD, 'utf8');
  const expected = dataset(modelOf(markdown, 'report.md'));
  const style: RenderStyle = {
    name: 'A4, Helvetica 8, two columns, endnotes with back-links',
    size: 'A4',
    font: 'Helvetica',
    body: 8,
    margin: 40,
    header: 'Tough year - two columns',
    footer: 'page-of',
    columns: 2,
    endnotes: { at: 'document', numbers: 'plain', backlinks: true },
  };

  it("gives report.md's dataset, every table", async () => {
    const bytes = await renderPdf(modelOf(markdown, 'report.md'), style);
    const file = join(tempDir(), 'report-two-columns.pdf');
    writeFileSync(file, bytes);
    const actual = dataset(await readDocument(bytes, file));
    expect(expected.footnotes!.length).toBeGreaterThan(100);
    for (const table of Object.keys(expected)) expect(actual[table], `${table} (${file})`).toEqual(expected[table]);
  });
});
